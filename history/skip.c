#include "skip.h"

/* Whether anything set on the machine can be judged by touched pages. */
static bool history_skips(const struct machine *m)
{
	if (m->tune & TUNE_NO_SKIP)
		return false;
	for (int i = 0; i < m->nwatch; i++)
		if (m->watch[i].kind != WATCH_WRITE)
			return false;
	return true;
}

bool history_may_hit(const struct history *h, uint64_t lo, uint64_t hi)
{
	const struct machine *m = h->m;
	if (!history_skips(m))
		return true;
	const struct checkpoint *c = timeline_touched(h->tl, lo, hi);
	if (!c)
		return true;
	for (int i = 0; i < m->nbreakpoints; i++)
		if (pagelist_any(&c->touch_x, m->breakpoints[i] >> 12,
				 m->breakpoints[i] >> 12))
			return true;
	for (int i = 0; i < m->nwatch; i++) {
		const struct watchpoint *w = &m->watch[i];
		if (linelist_any(&c->touch_w, w->addr, w->addr + (w->len - 1)))
			return true;
	}
	return false;
}

int history_skip_ahead(struct history *h)
{
	const struct timeline *tl = h->tl;
	uint64_t at = h->m->icount, to = at;
	if (!history_skips(h->m) || h->m->exit != MEXIT_RUNNING)
		return 0;
	const struct checkpoint *c = timeline_find(tl, at);
	for (size_t k = c ? (size_t)(c - tl->cp) + 1 : 0; k < tl->n; k++) {
		if (history_may_hit(h, to, tl->cp[k].icount))
			break;
		to = tl->cp[k].icount;
		h->skipped++;
	}
	return to == at ? 0 : history_seek(h, to);
}

uint64_t history_skip_pause(const struct history *h)
{
	const struct timeline *tl = h->tl;
	if (!history_skips(h->m))
		return UINT64_MAX;
	const struct checkpoint *c = timeline_find(tl, h->m->icount);
	size_t k = c ? (size_t)(c - tl->cp) + 1 : 0;
	return k < tl->n ? tl->cp[k].icount : UINT64_MAX;
}
