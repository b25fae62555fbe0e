/* Pacing a live session against the host clock: virtual time (icount at
 * the nominal TIMEBASE_HZ * TICK_INSNS instructions a second) may jump
 * over an idle guest's waits no faster than wall time passes, so that a
 * guest waiting at a prompt costs no host CPU, and a guest on a network
 * keeps its timeouts in step with its peers, who live on host time.
 * Pacing decides only when inputs arrive, which the gate stamps with the
 * icount of delivery: a replay needs none of it. */
#ifndef REWIND_REPLAY_PACE_H
#define REWIND_REPLAY_PACE_H

#include "../core/machine.h"

#include <stdbool.h>
#include <stdint.h>

/* The longest single wait (ms): a paced loop still looks around (signals,
 * Ctrl-A) this often while the guest sleeps for long. */
#define PACE_WAIT_MAX_MS 100

/* 10 ms of virtual time: about one look at the console. */
#define PACE_SLACK_INSNS ((uint64_t)TIMEBASE_HZ * TICK_INSNS / 100)

struct pace {
	bool on;
	/* Busy time counts too (the network): a guest that computes faster
	 * than its nominal clock also waits for the wall to catch up.
	 * Otherwise only idle jumps are paced, and time a busy guest gained
	 * is forgiven when it next waits. */
	bool strict;
	uint64_t icount0; /* where virtual and host time stood together */
	double host0;
};

/* Start pacing m's virtual time against the host clock from now. */
void pace_start(struct pace *p, const struct machine *m, bool strict);
/* The icount that wall time has reached: how far an idle jump of a
 * machine now at icount may go (UINT64_MAX when not pacing). Lenient
 * pacing forgives a guest further behind than PACE_SLACK_INSNS (a slow
 * stretch, a stop at the debugger's prompt) instead of letting it race
 * through its timers to catch up. */
uint64_t pace_horizon(struct pace *p, uint64_t icount);
/* Milliseconds icount is ahead of wall time, at most cap (0 when behind
 * or not pacing). */
int pace_ahead_ms(const struct pace *p, uint64_t icount, int cap);
/* Every hart of m waits for a deadline beyond the horizon (MSTOP_WAIT):
 * the milliseconds to wait for input before virtual time may reach the
 * deadline, at most PACE_WAIT_MAX_MS. */
int pace_idle_wait_ms(struct pace *p, const struct machine *m);

#endif
