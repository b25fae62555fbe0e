#include "pace.h"
#include "host.h"

#include <math.h>

/* Virtual instructions in one second of wall time. */
#define PACE_RATE ((double)TIMEBASE_HZ * TICK_INSNS)

void pace_start(struct pace *p, const struct machine *m, bool strict)
{
	p->on = true;
	p->strict = strict;
	p->icount0 = m->icount;
	p->host0 = host_seconds();
}

uint64_t pace_horizon(struct pace *p, uint64_t icount)
{
	if (!p->on)
		return UINT64_MAX;
	double now = host_seconds();
	double wall = now - p->host0;
	uint64_t h = p->icount0 + (uint64_t)(wall > 0 ? wall * PACE_RATE : 0);
	if (!p->strict && h > icount + PACE_SLACK_INSNS) {
		p->icount0 = icount + PACE_SLACK_INSNS;
		p->host0 = now;
		h = p->icount0;
	}
	return h;
}

/* Seconds virtual time at icount is ahead of wall time (negative:
 * behind). */
static double pace_ahead(const struct pace *p, uint64_t icount)
{
	double virt = (double)(icount - p->icount0) / PACE_RATE;
	return virt - (host_seconds() - p->host0);
}

int pace_ahead_ms(const struct pace *p, uint64_t icount, int cap)
{
	if (!p->on)
		return 0;
	double ahead = pace_ahead(p, icount);
	return ahead <= 0.001	       ? 0
	       : ahead >= cap / 1000.0 ? cap
				       : (int)(ahead * 1000);
}

int pace_idle_wait_ms(struct pace *p, const struct machine *m)
{
	/* Lenient: the guest ran ahead of the wall while busy; start
	 * counting its wait from here. */
	if (!p->strict && pace_ahead(p, m->icount) > 0) {
		p->icount0 = m->icount;
		p->host0 = host_seconds();
	}
	uint64_t deadline = machine_deadline(m);
	double wait = deadline == UINT64_MAX ? PACE_WAIT_MAX_MS / 1000.0
					     : pace_ahead(p, deadline);
	/* Rounded up: waking before the deadline's time only to wait again
	 * for less than a millisecond would spin. */
	double ms = ceil(wait * 1000);
	return ms <= 0			? 0
	       : ms >= PACE_WAIT_MAX_MS ? PACE_WAIT_MAX_MS
					: (int)ms;
}
