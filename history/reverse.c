#include "reverse.h"

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
		if (here > h->start && history_seek_say(h, here - 1) &&
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
	history_seek_say(h, h->start);
	return -ENOENT;
}

enum history_reverse history_reverse_stretch(struct history *h,
					     uint64_t *seg_end,
					     struct history_hit *hit)
{
	if (*seg_end <= h->start) {
		history_seek_say(h, h->start);
		return HISTORY_REVERSE_BEGIN;
	}
	const struct checkpoint *c = timeline_find(h->tl, *seg_end - 1);
	uint64_t from = c->icount;
	if (!history_seek_say(h, from))
		return HISTORY_REVERSE_BEGIN;
	bool found = false;
	uint64_t hit_pos = 0;
	for (;;) {
		enum replay_status st = history_forward(h, *seg_end);
		if (st != REPLAY_HART_STOP)
			break;
		if (!history_hit_find(h->m, hit))
			*hit = (struct history_hit){.hart = -1};
		found = true;
		hit_pos = h->m->icount;
	}
	if (found)
		return history_seek_say(h, hit_pos) ? HISTORY_REVERSE_HIT
						    : HISTORY_REVERSE_LOST;
	*seg_end = from;
	return HISTORY_REVERSE_MORE;
}
