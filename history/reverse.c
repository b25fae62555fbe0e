#include "reverse.h"
#include "../replay/host.h"
#include "skip.h"

#include <errno.h>
#include <stdio.h>

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

/* Whether hart t retired nothing between the latest checkpoint before
 * here and here: then the instruction just before here is not its own,
 * and going back one to look (a checkpoint restore and a run) would be
 * wasted. That look was most of the cost of the first reverse step after
 * the guest idled, as a restored snapshot waiting for input does. */
static bool history_rstep_idle(const struct history *h,
			       const struct history_rstep *r)
{
	const struct timeline *tl = h->tl;
	for (size_t k = tl->n; k-- > 0;)
		if (tl->cp[k].icount < r->here)
			return tl->cp[k].hart_icount[r->t] == r->n;
	return false;
}

void history_rstep_begin(struct history *h, struct history_rstep *r, int t)
{
	struct machine *m = h->m;
	*r = (struct history_rstep){.t = t,
				    .n = m->harts[t]->icount,
				    .here = m->icount,
				    .phase = RSTEP_BACK_ONE};
	if (r->n == 0 || r->here <= h->begin)
		r->phase = RSTEP_TO_BEGIN;
	else if (history_rstep_idle(h, r))
		r->phase = RSTEP_CHECK;
}

/* A seek of the reverse step: on to phase next when there, to the
 * beginning of history when it failed. */
static void history_rstep_seek(struct history *h, struct history_rstep *r,
			       uint64_t to, enum rstep_phase next, unsigned ms)
{
	int rc = history_seek_poll(h, to, ms);
	if (rc < 0) {
		fprintf(stderr, "rewind: %s\n", h->err);
		r->phase = r->phase == RSTEP_TO_BEGIN ? RSTEP_DONE
						      : RSTEP_TO_BEGIN;
	} else if (rc > 0) {
		r->phase = next;
	}
}

/* The latest checkpoint at or before here where hart t had retired fewer
 * than n: the search for its instruction n starts there. */
static const struct checkpoint *
history_rstep_checkpoint(const struct history *h, const struct history_rstep *r)
{
	const struct timeline *tl = h->tl;
	for (size_t k = tl->n; k-- > 0;)
		if (tl->cp[k].icount <= h->m->icount &&
		    tl->cp[k].hart_icount[r->t] < r->n)
			return &tl->cp[k];
	return NULL;
}

/* Run on from the checkpoint to the position just before hart t retired
 * its instruction n: the largest icount at which it had retired n - 1.
 * Each machine-wide instruction retires at most one of hart t's, so the
 * first stretch never runs past it; then single steps. */
static void history_rstep_run(struct history *h, struct history_rstep *r,
			      unsigned ms)
{
	struct machine *m = h->m;
	struct hart *ht = m->harts[r->t];
	double until = host_seconds() + ms / 1000.0;
	struct history_stops s;
	history_stops_off(m, &s);
	while (r->phase == RSTEP_RUN && host_seconds() < until) {
		uint64_t at = m->icount;
		enum replay_status st =
			ht->icount < r->n - 1
				? history_forward_for(
					  h, at + (r->n - 1 - ht->icount), ms)
				: history_forward(h, at + 1);
		if (st != REPLAY_AT_TARGET || m->icount == at)
			r->phase = RSTEP_TO_BEGIN;
		else if (ht->icount >= r->n) {
			r->pos = at;
			r->phase = RSTEP_GO;
		}
	}
	history_stops_on(m, &s);
}

enum history_reverse history_rstep_poll(struct history *h,
					struct history_rstep *r, unsigned ms)
{
	double until = host_seconds() + ms / 1000.0;
	do {
		const struct checkpoint *c;
		switch (r->phase) {
		case RSTEP_BACK_ONE:
			/* Usually the instruction just before is this hart's.
			 */
			history_rstep_seek(h, r, r->here - 1, RSTEP_CHECK, ms);
			break;
		case RSTEP_CHECK:
			if (h->m->harts[r->t]->icount == r->n - 1)
				return HISTORY_REVERSE_HIT;
			c = history_rstep_checkpoint(h, r);
			if (c)
				history_rstep_seek(h, r, c->icount, RSTEP_RUN,
						   ms);
			else
				r->phase = RSTEP_TO_BEGIN;
			break;
		case RSTEP_RUN: history_rstep_run(h, r, ms); break;
		case RSTEP_GO:
			history_rstep_seek(h, r, r->pos, RSTEP_DONE, ms);
			if (r->phase == RSTEP_DONE)
				return HISTORY_REVERSE_HIT;
			break;
		case RSTEP_TO_BEGIN:
			/* Nothing before: the beginning of history. */
			history_rstep_seek(h, r, h->begin, RSTEP_DONE, ms);
			if (r->phase == RSTEP_DONE)
				return HISTORY_REVERSE_BEGIN;
			break;
		case RSTEP_DONE: return HISTORY_REVERSE_BEGIN;
		}
	} while (host_seconds() < until);
	return HISTORY_REVERSE_MORE;
}

int history_reverse_step(struct history *h, int t)
{
	struct history_rstep r;
	history_rstep_begin(h, &r, t);
	enum history_reverse res;
	while ((res = history_rstep_poll(h, &r, HISTORY_POLL_MS)) ==
	       HISTORY_REVERSE_MORE)
		;
	return res == HISTORY_REVERSE_HIT ? 0 : -ENOENT;
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

/* The stretch before s->seg_end: replay it from its checkpoint, or from
 * an earlier one when the intervals before may hit too, so that one
 * restore serves them all (no longer than a stretch would be unsplit). */
static bool history_search_stretch(struct history *h, struct history_search *s)
{
	const struct checkpoint *c = timeline_find(h->tl, s->seg_end - 1);
	s->from = c->icount;
	while (s->from > h->begin) {
		const struct checkpoint *p = timeline_find(h->tl, s->from - 1);
		if (s->seg_end - p->icount > h->interval ||
		    !history_may_hit(h, p->icount, s->from))
			break;
		s->from = p->icount;
	}
	s->found = false;
	h->replayed++;
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
			/* Nothing there can hit: on to the stretch before,
			 * without replaying this one (history/skip.h). */
			const struct checkpoint *c =
				timeline_find(h->tl, s->seg_end - 1);
			if (!history_may_hit(h, c->icount, s->seg_end)) {
				h->skipped++;
				s->seg_end = c->icount;
				continue;
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
