#include "history.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int history_checkpoint(struct history *h)
{
	if (timeline_take(h->tl, gate_tell(h->g))) {
		snprintf(h->err, sizeof(h->err),
			 "out of memory taking a checkpoint");
		return -ENOMEM;
	}
	return 0;
}

int history_init(struct history *h, struct machine *m, struct gate *g,
		 size_t budget, uint64_t interval)
{
	memset(h, 0, sizeof(*h));
	h->m = m;
	h->g = g;
	h->interval = interval ? interval : HISTORY_INTERVAL;
	h->end = UINT64_MAX;
	h->tl = timeline_new(m, budget);
	if (!h->tl || history_checkpoint(h)) {
		timeline_free(h->tl);
		h->tl = NULL;
		return -ENOMEM;
	}
	return 0;
}

void history_free(struct history *h)
{
	timeline_free(h->tl);
	h->tl = NULL;
}

bool history_at_end(const struct history *h)
{
	return h->m->icount == h->end && h->g->qhead == h->g->qlen;
}

enum replay_status history_forward(struct history *h, uint64_t target)
{
	for (;;) {
		if (history_at_end(h))
			return REPLAY_END;
		const struct checkpoint *c = timeline_find(h->tl, h->m->icount);
		uint64_t next = c->icount + h->interval;
		if (h->m->icount >= next) {
			if (history_checkpoint(h))
				return REPLAY_FAILED;
			continue;
		}
		uint64_t stop = next < target ? next : target;
		enum replay_status st =
			replay_advance(h->m, h->g, stop, h->verify);
		if (st == REPLAY_END)
			h->end = h->m->icount;
		if (st != REPLAY_AT_TARGET || h->m->icount >= target)
			return st;
	}
}

void history_stops_off(struct machine *m, struct history_stops *s)
{
	s->nbp = m->nbreakpoints;
	memcpy(s->bp, m->breakpoints, sizeof(s->bp));
	s->nw = m->nwatch;
	memcpy(s->w, m->watch, sizeof(s->w));
	m->nbreakpoints = 0;
	m->nwatch = 0;
}

void history_stops_on(struct machine *m, const struct history_stops *s)
{
	m->nbreakpoints = s->nbp;
	memcpy(m->breakpoints, s->bp, sizeof(s->bp));
	/* Added afresh: watched pages must lose translations cached since. */
	for (int i = 0; i < s->nw; i++)
		machine_watch_add(m, s->w[i].addr, s->w[i].len, s->w[i].kind);
}

/* Restore the checkpoint nearest before icount unless running on from
 * here is at least as short. */
static int history_rewind_to(struct history *h, uint64_t icount)
{
	const struct checkpoint *c = timeline_find(h->tl, icount);
	if (c->icount <= h->m->icount && h->m->icount <= icount &&
	    h->m->exit == MEXIT_RUNNING)
		return 0;
	if (timeline_restore(h->tl, c, h->err, sizeof(h->err)))
		return -1;
	gate_seek(h->g, c->cookie);
	return 0;
}

int history_seek(struct history *h, uint64_t icount)
{
	if (h->end != UINT64_MAX && icount > h->end) {
		snprintf(h->err, sizeof(h->err),
			 "icount %llu is beyond the end of the recording "
			 "(%llu)",
			 (unsigned long long)icount,
			 (unsigned long long)h->end);
		return -1;
	}
	struct history_stops s;
	history_stops_off(h->m, &s);
	int rc = history_rewind_to(h, icount);
	enum replay_status st = REPLAY_AT_TARGET;
	if (rc == 0)
		st = history_forward(h, icount);
	history_stops_on(h->m, &s);
	if (rc)
		return -1;
	if (h->m->icount != icount) {
		snprintf(h->err, sizeof(h->err),
			 st == REPLAY_FAILED
				 ? "replay failed at icount %llu: %s"
				 : "the recording ends at icount "
				   "%llu%s",
			 (unsigned long long)h->m->icount,
			 st == REPLAY_FAILED ? h->g->why : "");
		return -1;
	}
	return 0;
}
