#include "reverse.h"
#include "../replay/host.h"

#include <errno.h>

bool history_hit_find(const struct machine *m, struct history_hit *hit)
{
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		if (h->stop == STOP_WATCH) {
			*hit = (struct history_hit){.hart = i,
						    .watch = true,
						    .kind = m->watch_hit.kind,
						    .addr = m->watch_hit.addr};
			return true;
		}
		if (h->stop == STOP_BREAKPOINT) {
			*hit = (struct history_hit){.hart = i, .pc = h->pc};
			return true;
		}
	}
	return false;
}

/* The position just before hart t retired its instruction number n
 * (1-based): the largest icount at which it had retired n - 1. Leaves
 * the machine somewhere after it. */
static bool history_find_retire(struct history *h, int t, uint64_t n,
				uint64_t *pos)
{
	struct machine *m = h->m;
	struct timeline *tl = h->tl;
	const struct checkpoint *c = NULL;
	for (size_t k = tl->n; k-- > 0;)
		if (tl->cp[k].icount <= m->icount &&
		    tl->cp[k].hart_icount[t] < n) {
			c = &tl->cp[k];
			break;
		}
	if (!c || !history_seek_say(h, c->icount))
		return false;
	struct hart *ht = m->harts[t];
	/* Each machine-wide instruction retires at most one of hart t's,
	 * so this never runs past the one before instruction n. */
	while (ht->icount < n - 1) {
		enum replay_status st =
			history_forward(h, m->icount + (n - 1 - ht->icount));
		if (st != REPLAY_AT_TARGET)
			return false;
	}
	for (;;) {
		uint64_t at = m->icount;
		if (history_forward(h, at + 1) != REPLAY_AT_TARGET)
			return false;
		if (ht->icount >= n) {
			*pos = at;
			return true;
		}
	}
}

int history_reverse_step(struct history *h, int t)
{
	struct machine *m = h->m;
	uint64_t n = m->harts[t]->icount, here = m->icount;
	struct history_stops s;
	history_stops_off(m, &s);
	uint64_t pos = 0;
	bool found = false;
	if (n > 0) {
		/* Usually the instruction just before is this hart's. */
		if (here > h->begin && history_seek_say(h, here - 1) &&
		    m->harts[t]->icount == n - 1) {
			pos = here - 1;
			found = true;
		} else {
			found = history_find_retire(h, t, n, &pos);
		}
	}
	history_stops_on(m, &s);
	if (found && history_seek_say(h, pos))
		return 0;
	/* Nothing before: the beginning of history. */
	history_seek_say(h, h->begin);
	return -ENOENT;
}

void history_search_begin(struct history *h, struct history_search *s)
{
	uint64_t origin = h->m->icount;
	*s = (struct history_search){.seg_end = origin, .origin = origin};
	progress_begin(&s->progress, "searching back", origin - h->begin,
		       PROGRESS_DELAY_S);
}

void history_search_end(struct history_search *s)
{
	progress_end(&s->progress);
}

/* How much of the history before the origin has been searched. */
static void history_search_show(struct history *h, struct history_search *s)
{
	uint64_t done = s->origin - s->seg_end;
	if (s->scanning && h->m->icount > s->from)
		done += h->m->icount - s->from;
	progress_at(&s->progress, done);
}

/* The stretch before s->seg_end: replay it from its checkpoint. */
static bool history_search_stretch(struct history *h, struct history_search *s)
{
	const struct checkpoint *c = timeline_find(h->tl, s->seg_end - 1);
	s->from = c->icount;
	s->found = false;
	s->scanning = history_seek_say(h, s->from);
	return s->scanning;
}

enum history_reverse history_search_poll(struct history *h,
					 struct history_search *s,
					 struct history_hit *hit, unsigned ms)
{
	double until = host_seconds() + ms / 1000.0;
	do {
		if (!s->scanning) {
			if (s->seg_end <= h->begin) {
				history_seek_say(h, h->begin);
				return HISTORY_REVERSE_BEGIN;
			}
			if (!history_search_stretch(h, s))
				return HISTORY_REVERSE_BEGIN;
			continue;
		}
		uint64_t before = h->m->icount;
		double left = (until - host_seconds()) * 1000;
		enum replay_status st = history_forward_for(
			h, s->seg_end, left >= 1 ? (unsigned)left : 1);
		if (st == REPLAY_HART_STOP) {
			if (!history_hit_find(h->m, &s->hit))
				s->hit = (struct history_hit){.hart = -1};
			s->found = true;
			s->hit_pos = h->m->icount;
			continue;
		}
		/* Out of time, with more to come (a stretch that cannot
		 * move on has ended, as a stretch cut short does). */
		if (st == REPLAY_AT_TARGET && h->m->icount < s->seg_end &&
		    h->m->icount > before)
			continue;
		/* The stretch is done: its last hit, or on to the one before.
		 */
		s->scanning = false;
		if (s->found) {
			*hit = s->hit;
			return history_seek_say(h, s->hit_pos)
				       ? HISTORY_REVERSE_HIT
				       : HISTORY_REVERSE_LOST;
		}
		s->seg_end = s->from;
	} while (host_seconds() < until);
	history_search_show(h, s);
	return HISTORY_REVERSE_MORE;
}
