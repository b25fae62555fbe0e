/* Going backwards through a history: a hart's previous instruction, and
 * the last breakpoint or watchpoint hit before a position, searched one
 * checkpoint interval at a time. */
#ifndef REWIND_HISTORY_REVERSE_H
#define REWIND_HISTORY_REVERSE_H

#include "history.h"

/* A hart stopped at a breakpoint or watchpoint. */
struct history_hit {
	int hart;
	bool watch;	      /* a watchpoint, else a breakpoint */
	enum watch_kind kind; /* the watched access's kind */
	uint64_t addr;	      /* the watched address that was accessed */
	uint64_t pc;	      /* the breakpoint's address */
};

/* After a forward run stopped for a hart (REPLAY_HART_STOP): which hart,
 * and why. False when no hart is stopped. */
bool history_hit_find(const struct machine *m, struct history_hit *hit);

/* Go to the position just before hart `hart` retired its previous
 * instruction (on SMP, not the machine's previous one), with breakpoints
 * and watchpoints out of the way. 0, or -ENOENT at the beginning of
 * history (the machine is then at icount 0). */
int history_reverse_step(struct history *h, int hart);

enum history_reverse {
	HISTORY_REVERSE_HIT,   /* at the last hit before *seg_end: *hit */
	HISTORY_REVERSE_MORE,  /* none in this stretch: *seg_end moved back */
	HISTORY_REVERSE_BEGIN, /* none at all: at icount 0 */
	HISTORY_REVERSE_LOST,  /* a hit, *hit, whose place could not be
				  gone back to */
};
/* One stretch of a reverse-continue: replay from the checkpoint before
 * *seg_end up to it and stop at the last hit there. A watched access
 * stops the hart just after it, which is where a reverse stop lands: the
 * debugger then steps back over the access itself. */
enum history_reverse history_reverse_stretch(struct history *h,
					     uint64_t *seg_end,
					     struct history_hit *hit);

#endif
