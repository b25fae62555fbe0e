#include "timeline.h"
#include "../core/state.h"
#include "../core/util/search.h"
#include "../core/util/vec.h"
#include "pagestore.h"

#include <errno.h>
#include <lz4.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct timeline *timeline_new(struct machine *m, size_t budget)
{
	struct timeline *tl = calloc(1, sizeof(*tl));
	if (!tl)
		return NULL;
	tl->m = m;
	m->touch_on = true; /* for the checkpoints' touched pages */
	tl->budget = budget;
	tl->ps = pagestore_new();
	if (!tl->ps) {
		free(tl);
		return NULL;
	}
	return tl;
}

static void map_unref(struct page_store *ps, const struct tl_page *p,
		      uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		pagestore_unref(ps, p[i].id);
}

static bool timeline_grow(struct timeline *tl)
{
	struct checkpoint *cp =
		vec_grow(tl->cp, &tl->cap, tl->n + 1, sizeof(*cp));
	if (!cp)
		return false;
	tl->cp = cp;
	return true;
}

static size_t checkpoint_touch_bytes(const struct checkpoint *c)
{
	return linelist_bytes(&c->touch_w) + linelist_bytes(&c->touch_p) +
	       pagelist_bytes(&c->touch_x);
}

static void checkpoint_touch_free(struct checkpoint *c)
{
	linelist_free(&c->touch_w);
	linelist_free(&c->touch_p);
	pagelist_free(&c->touch_x);
}

static void checkpoint_free(struct timeline *tl, struct checkpoint *c)
{
	map_unref(tl->ps, c->pages, c->npages);
	tl->meta_bytes -= c->state_len + c->npages * sizeof(*c->pages) +
			  checkpoint_touch_bytes(c);
	free(c->pages);
	free(c->state);
	checkpoint_touch_free(c);
}

void timeline_free(struct timeline *tl)
{
	if (!tl)
		return;
	for (size_t i = 0; i < tl->n; i++)
		checkpoint_free(tl, &tl->cp[i]);
	tl->m->touch_on = false;
	free(tl->cp);
	free(tl->cur);
	pagestore_free(tl->ps);
	free(tl);
}

size_t timeline_bytes(const struct timeline *tl)
{
	return pagestore_bytes(tl->ps) + tl->meta_bytes +
	       tl->cap * sizeof(*tl->cp) + tl->ncur * sizeof(*tl->cur);
}

/* The pages set in bits (of npages), in order. */
static uint32_t *pages_listed(const uint64_t *bits, uint64_t npages,
			      uint32_t *n)
{
	size_t words = (npages + 63) / 64, count = 0;
	for (size_t w = 0; w < words; w++)
		count += (size_t)__builtin_popcountll(bits[w]);
	uint32_t *list = malloc((count ? count : 1) * sizeof(*list));
	if (!list)
		return NULL;
	*n = 0;
	for (size_t w = 0; w < words; w++)
		for (uint64_t b = bits[w]; b; b &= b - 1)
			list[(*n)++] =
				(uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
	return list;
}

/* The map of RAM now: the baseline with every dirty page read again
 * (every written page when there is no baseline yet). Holds a reference
 * to each id in *out. */
static int timeline_map_now(struct timeline *tl, struct tl_page **out,
			    uint32_t *nout)
{
	const struct mem_region *r = tl->m->ram;
	uint32_t nchg, ncur = tl->based ? tl->ncur : 0;
	uint32_t *chg = pages_listed(tl->based ? r->dirty : r->written,
				     r->size >> PAGE_SHIFT, &nchg);
	struct tl_page *map = malloc(((size_t)ncur + nchg + 1) * sizeof(*map));
	if (!chg || !map) {
		free(chg);
		free(map);
		return -ENOMEM;
	}
	uint32_t n = 0, i = 0, j = 0;
	if (!tl->based)
		pagestore_reserve(tl->ps, nchg);
	while (i < ncur || j < nchg) {
		if (j == nchg || (i < ncur && tl->cur[i].page < chg[j])) {
			map[n] = tl->cur[i++];
			pagestore_ref(tl->ps, map[n++].id);
			continue;
		}
		uint32_t p = chg[j++], id;
		if (i < ncur && tl->cur[i].page == p)
			i++;
		/* The first checkpoint holds every page there is (a restored
		 * snapshot's, a booted machine's images): kept uncompressed,
		 * so that taking it costs a copy, not a compression of each;
		 * timeline_thin compresses them when memory runs short. */
		const uint8_t *data = r->host + ((uint64_t)p << PAGE_SHIFT);
		if (tl->based ? pagestore_put(tl->ps, data, &id)
			      : pagestore_put_raw(tl->ps, data, &id)) {
			if (!tl->based)
				pagestore_reserve(tl->ps, 0);
			map_unref(tl->ps, map, n);
			free(map);
			free(chg);
			return -ENOMEM;
		}
		if (id != PAGESTORE_ZERO)
			map[n++] = (struct tl_page){.page = p, .id = id};
	}
	if (!tl->based)
		pagestore_reserve(tl->ps, 0);
	free(chg);
	*out = map;
	*nout = n;
	return 0;
}

/* Make map (n entries, references held) the baseline: RAM equals it and
 * the dirty bitmap starts afresh. */
static int timeline_rebase(struct timeline *tl, const struct tl_page *map,
			   uint32_t n)
{
	struct tl_page *copy = malloc(((size_t)n + 1) * sizeof(*copy));
	if (!copy)
		return -ENOMEM;
	memcpy(copy, map, (size_t)n * sizeof(*copy));
	for (uint32_t i = 0; i < n; i++)
		pagestore_ref(tl->ps, copy[i].id);
	if (tl->based)
		map_unref(tl->ps, tl->cur, tl->ncur);
	free(tl->cur);
	tl->cur = copy;
	tl->ncur = n;
	tl->based = true;
	tl->based_at = tl->m->icount;
	machine_dirty_reset(tl->m);
	return 0;
}

/* How much it costs to lose checkpoint k: the gap it leaves, weighed
 * against how far back it lies, so old history thins first. */
static double timeline_loss(const struct timeline *tl, size_t k)
{
	uint64_t newest = tl->cp[tl->n - 1].icount;
	double gap = (double)(tl->cp[k + 1].icount - tl->cp[k - 1].icount);
	double age = (double)(newest - tl->cp[k].icount) + 1.0;
	return gap / age;
}

/* Checkpoint k goes: the next one's touched pages must then cover the
 * run from the one before k, so it takes k's pages too (without memory
 * for them, it covers nothing before k, and a search replays that). */
static void timeline_touch_pass(struct timeline *tl, size_t k)
{
	struct checkpoint *c = &tl->cp[k], *next = &tl->cp[k + 1];
	/* Already covered; or a gap between the two that neither covers. */
	if (next->touch_from <= c->touch_from || next->touch_from > c->icount)
		return;
	tl->meta_bytes -= checkpoint_touch_bytes(next);
	if (linelist_merge(&next->touch_w, &c->touch_w) ||
	    linelist_merge(&next->touch_p, &c->touch_p) ||
	    pagelist_merge(&next->touch_x, &c->touch_x))
		next->touch_from = c->icount;
	else
		next->touch_from = c->touch_from;
	tl->meta_bytes += checkpoint_touch_bytes(next);
}

static void timeline_drop(struct timeline *tl, size_t k)
{
	if (k + 1 < tl->n)
		timeline_touch_pass(tl, k);
	checkpoint_free(tl, &tl->cp[k]);
	memmove(&tl->cp[k], &tl->cp[k + 1], (tl->n - k - 1) * sizeof(*tl->cp));
	tl->n--;
}

/* Over budget: compress the pages kept uncompressed, then drop the checkpoints
 * whose loss hurts least, keeping the first (the beginning of history), the
 * newest, and the one just taken at icount `keep` (where the user is working
 * now). */
static void timeline_thin(struct timeline *tl, uint64_t keep)
{
	if (timeline_bytes(tl) > tl->budget)
		pagestore_pack(tl->ps, timeline_bytes(tl) - tl->budget);
	while (timeline_bytes(tl) > tl->budget && tl->n > 2) {
		size_t best = 0;
		for (size_t k = 1; k + 1 < tl->n; k++)
			if (tl->cp[k].icount != keep &&
			    (!best ||
			     timeline_loss(tl, k) < timeline_loss(tl, best)))
				best = k;
		if (!best)
			break;
		timeline_drop(tl, best);
		tl->thinned++;
	}
}

static uint64_t timeline_clock_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int timeline_take_now(struct timeline *tl, uint64_t cookie);

/* The host clock only measures the cost: nothing the machine sees. */
int timeline_take(struct timeline *tl, uint64_t cookie)
{
	uint64_t t0 = timeline_clock_ns();
	int rc = timeline_take_now(tl, cookie);
	tl->take_ns += timeline_clock_ns() - t0;
	return rc;
}

static int timeline_take_now(struct timeline *tl, uint64_t cookie)
{
	struct machine *m = tl->m;
	struct checkpoint c = {.icount = m->icount, .cookie = cookie};
	for (int i = 0; i < m->nharts; i++)
		c.hart_icount[i] = m->harts[i]->icount;
	struct state_buf b = {0};
	if (machine_save(m, &b) || b.oom) {
		free(b.p);
		return -ENOMEM;
	}
	int bound = LZ4_compressBound((int)b.len);
	c.state = malloc((size_t)bound);
	int len = c.state ? LZ4_compress_default((const char *)b.p,
						 (char *)c.state, (int)b.len,
						 bound)
			  : 0;
	c.state_raw = b.len;
	free(b.p);
	if (len <= 0) {
		free(c.state);
		return -ENOMEM;
	}
	c.state_len = (size_t)len;
	if (timeline_map_now(tl, &c.pages, &c.npages)) {
		free(c.state);
		return -ENOMEM;
	}
	/* What ran since the baseline (before the first, nothing is known:
	 * it covers no run). */
	c.touch_from = tl->based ? tl->based_at : c.icount;
	if (lineset_list(&m->touched_w, &c.touch_w) ||
	    lineset_list(&m->touched_p, &c.touch_p) ||
	    pageset_list(&m->touched_x, &c.touch_x) ||
	    timeline_rebase(tl, c.pages, c.npages) ||
	    (tl->n == tl->cap && !timeline_grow(tl))) {
		map_unref(tl->ps, c.pages, c.npages);
		free(c.pages);
		free(c.state);
		checkpoint_touch_free(&c);
		return -ENOMEM;
	}
	tl->meta_bytes += c.state_len + c.npages * sizeof(*c.pages) +
			  checkpoint_touch_bytes(&c);
	size_t k = tl->n;
	while (k > 0 && tl->cp[k - 1].icount >= c.icount)
		k--;
	if (k < tl->n && tl->cp[k].icount == c.icount) {
		/* Keep the touched pages that cover the longer run. */
		if (tl->cp[k].touch_from < c.touch_from) {
			struct checkpoint t = c;
			c.touch_from = tl->cp[k].touch_from;
			c.touch_w = tl->cp[k].touch_w;
			c.touch_p = tl->cp[k].touch_p;
			c.touch_x = tl->cp[k].touch_x;
			tl->cp[k].touch_w = t.touch_w;
			tl->cp[k].touch_p = t.touch_p;
			tl->cp[k].touch_x = t.touch_x;
		}
		checkpoint_free(tl, &tl->cp[k]);
		tl->cp[k] = c;
	} else {
		memmove(&tl->cp[k + 1], &tl->cp[k],
			(tl->n - k) * sizeof(*tl->cp));
		tl->cp[k] = c;
		tl->n++;
	}
	tl->taken++;
	timeline_thin(tl, c.icount);
	return 0;
}

const struct checkpoint *timeline_find(const struct timeline *tl,
				       uint64_t icount)
{
	size_t lo = SEARCH_UPPER(tl->cp, tl->n, icount, icount);
	return lo ? &tl->cp[lo - 1] : NULL;
}

const struct checkpoint *timeline_touched(const struct timeline *tl,
					  uint64_t lo, uint64_t hi)
{
	size_t k = SEARCH_UPPER(tl->cp, tl->n, icount, hi - 1);
	return k < tl->n && tl->cp[k].touch_from <= lo ? &tl->cp[k] : NULL;
}

/* The content id of page p in map (n entries by page), 0 when absent. */
static uint32_t map_lookup(const struct tl_page *map, uint32_t n, uint32_t p)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (map[mid].page < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && map[lo].page == p ? map[lo].id : PAGESTORE_ZERO;
}

static void timeline_load_page(struct timeline *tl, uint32_t p, uint32_t id)
{
	uint8_t buf[PAGE_SIZE];
	pagestore_get(tl->ps, id, buf);
	bus_load_page(tl->m->ram, p, buf);
}

int timeline_restore(struct timeline *tl, const struct checkpoint *c, char *err,
		     size_t errlen)
{
	struct mem_region *r = tl->m->ram;
	/* RAM differs from c where it was written since the baseline and
	 * where the baseline differs from c. */
	uint32_t ndirty;
	uint32_t *dirty =
		pages_listed(r->dirty, r->size >> PAGE_SHIFT, &ndirty);
	if (!dirty) {
		snprintf(err, errlen, "out of memory restoring a checkpoint");
		return -ENOMEM;
	}
	for (uint32_t j = 0; j < ndirty; j++)
		timeline_load_page(tl, dirty[j],
				   map_lookup(c->pages, c->npages, dirty[j]));
	free(dirty);
	uint32_t i = 0, j = 0;
	while (i < tl->ncur || j < c->npages) {
		if (j == c->npages ||
		    (i < tl->ncur && tl->cur[i].page < c->pages[j].page)) {
			timeline_load_page(tl, tl->cur[i++].page,
					   PAGESTORE_ZERO);
		} else if (i == tl->ncur ||
			   c->pages[j].page < tl->cur[i].page) {
			timeline_load_page(tl, c->pages[j].page,
					   c->pages[j].id);
			j++;
		} else {
			if (tl->cur[i].id != c->pages[j].id)
				timeline_load_page(tl, c->pages[j].page,
						   c->pages[j].id);
			i++;
			j++;
		}
	}
	uint8_t *raw = malloc(c->state_raw);
	if (!raw || LZ4_decompress_safe((const char *)c->state, (char *)raw,
					(int)c->state_len, (int)c->state_raw) !=
			    (int)c->state_raw) {
		free(raw);
		snprintf(err, errlen, "out of memory restoring a checkpoint");
		return -ENOMEM;
	}
	struct state_reader rd = {.p = raw, .end = raw + c->state_raw};
	int rc = machine_load(tl->m, &rd, err, errlen);
	free(raw);
	if (rc)
		return rc;
	rc = timeline_rebase(tl, c->pages, c->npages);
	if (rc)
		snprintf(err, errlen, "out of memory restoring a checkpoint");
	return rc;
}
