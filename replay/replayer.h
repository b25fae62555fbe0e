/* The replay driver: runs a machine forward through a recording, handing
 * each recorded event to the machine at its icount and checking digests.
 *
 * A position in a replay is an icount X at which every event stamped
 * before X has been acted on and none stamped X or later; the gate's
 * read position (gate_tell) names it, so a machine state saved at X plus
 * that position is a complete place to resume from. */
#ifndef REWIND_REPLAY_REPLAYER_H
#define REWIND_REPLAY_REPLAYER_H

#include "gate.h"

enum replay_status {
	REPLAY_AT_TARGET, /* reached the target icount */
	REPLAY_HART_STOP, /* a hart stopped (breakpoint, watchpoint) */
	REPLAY_END,	  /* the recording's end record was reached */
	REPLAY_FAILED,	  /* divergence or a bad recording: g->why */
	REPLAY_CUT,	  /* the recording stops without an end record */
};

/* Run m forward to `target` (or a stop). verify: also compare RAM hashes. */
enum replay_status replay_advance(struct machine *m, struct gate *g,
				  uint64_t target, bool verify);

/* Act on the events stamped with the machine's icount that are still
 * waiting (a position's events are otherwise taken when running on). */
void replay_catch_up(struct machine *m, struct gate *g, bool verify);

#endif
