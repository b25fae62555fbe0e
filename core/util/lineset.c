#include "lineset.h"
#include "../bus.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Page numbers are addresses >> 12: this one never occurs. */
#define LINESET_EMPTY UINT64_MAX
#define LINESET_FIRST 1024

static size_t lineset_hash(uint64_t p, size_t cap)
{
	return (size_t)((p * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
}

/* The slot holding page p, or the free one where it would go. */
static struct lineset_slot *lineset_slot(struct lineset_slot *slot, size_t cap,
					 uint64_t p)
{
	size_t i = lineset_hash(p, cap);
	while (slot[i].page != LINESET_EMPTY && slot[i].page != p)
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static void lineset_empty(struct lineset_slot *slot, size_t cap)
{
	for (size_t i = 0; i < cap; i++)
		slot[i].page = LINESET_EMPTY;
}

/* Twice the room (the first table when there is none): false when out
 * of memory. */
static bool lineset_grow(struct lineset *s)
{
	size_t cap = s->cap ? s->cap * 2 : LINESET_FIRST;
	struct lineset_slot *slot = malloc(cap * sizeof(*slot));
	if (!slot)
		return false;
	lineset_empty(slot, cap);
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i].page != LINESET_EMPTY)
			*lineset_slot(slot, cap, s->slot[i].page) = s->slot[i];
	free(s->slot);
	s->slot = slot;
	s->cap = cap;
	return true;
}

/* Page p's slot, added empty when new; NULL when the set became all. */
static struct lineset_slot *lineset_get(struct lineset *s, uint64_t p)
{
	if (s->all)
		return NULL;
	if (s->cap) {
		struct lineset_slot *e = lineset_slot(s->slot, s->cap, p);
		if (e->page == p)
			return e;
	}
	/* At most half full, so that probes stay short. */
	if (s->n >= LINESET_MAX ||
	    ((s->n + 1) * 2 > s->cap && !lineset_grow(s))) {
		s->all = true;
		return NULL;
	}
	struct lineset_slot *e = lineset_slot(s->slot, s->cap, p);
	*e = (struct lineset_slot){.page = p};
	s->n++;
	return e;
}

/* The lines of page-offsets [lo, hi] (both inside one page). */
static uint64_t lineset_lines(uint64_t lo, uint64_t hi)
{
	unsigned a = (unsigned)(lo >> LINE_SHIFT),
		 b = (unsigned)(hi >> LINE_SHIFT);
	uint64_t upto = b == 63 ? LINESET_WHOLE : (1ull << (b + 1)) - 1;
	return upto & ~((1ull << a) - 1);
}

bool lineset_add(struct lineset *s, uint64_t addr, uint64_t len)
{
	uint64_t last = addr + (len - 1);
	if (last < addr)
		last = UINT64_MAX;
	bool fine = false;
	for (uint64_t p = addr >> PAGE_SHIFT;; p++) {
		struct lineset_slot *e = lineset_get(s, p);
		if (!e)
			return false;
		uint64_t lo = p == addr >> PAGE_SHIFT ? addr & 0xfff : 0;
		uint64_t hi = p == last >> PAGE_SHIFT ? last & 0xfff : 0xfff;
		e->mask |= lineset_lines(lo, hi);
		if (++e->notes > LINESET_NOTES)
			e->mask = LINESET_WHOLE;
		if (p == addr >> PAGE_SHIFT)
			fine = e->mask != LINESET_WHOLE;
		if (p == last >> PAGE_SHIFT)
			break;
	}
	return fine;
}

void lineset_add_page(struct lineset *s, uint64_t page)
{
	struct lineset_slot *e = lineset_get(s, page);
	if (e)
		e->mask = LINESET_WHOLE;
}

void lineset_add_all(struct lineset *s)
{
	s->all = true;
}

bool lineset_fine(const struct lineset *s, uint64_t page)
{
	if (s->all || !s->cap)
		return false;
	const struct lineset_slot *e = lineset_slot(s->slot, s->cap, page);
	return e->page == page && e->mask != LINESET_WHOLE;
}

void lineset_clear(struct lineset *s)
{
	if (s->cap > 4 * LINESET_FIRST) {
		/* Shrink back: most intervals touch few pages, and clearing
		 * a large table at every checkpoint would cost. */
		free(s->slot);
		s->slot = NULL;
		s->cap = 0;
	} else if (s->cap) {
		lineset_empty(s->slot, s->cap);
	}
	s->n = 0;
	s->all = false;
}

void lineset_free(struct lineset *s)
{
	free(s->slot);
	*s = (struct lineset){0};
}

static int line_page_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct line_page *)a)->page;
	uint64_t y = ((const struct line_page *)b)->page;
	return x < y ? -1 : x > y;
}

int lineset_list(const struct lineset *s, struct linelist *out)
{
	size_t n = s->all ? 0 : s->n;
	struct line_page *p = malloc((n ? n : 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < s->cap && k < n; i++)
		if (s->slot[i].page != LINESET_EMPTY)
			p[k++] = (struct line_page){.page = s->slot[i].page,
						    .mask = s->slot[i].mask};
	qsort(p, n, sizeof(*p), line_page_cmp);
	*out = (struct linelist){.p = p, .n = (uint32_t)n, .all = s->all};
	return 0;
}

bool linelist_any(const struct linelist *l, uint64_t first, uint64_t last)
{
	if (l->all)
		return true;
	uint64_t pf = first >> PAGE_SHIFT, pl = last >> PAGE_SHIFT;
	uint32_t lo = 0, hi = l->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (l->p[mid].page < pf)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < l->n && l->p[lo].page <= pl; lo++) {
		uint64_t p = l->p[lo].page;
		uint64_t a = p == pf ? first & 0xfff : 0;
		uint64_t b = p == pl ? last & 0xfff : 0xfff;
		if (l->p[lo].mask & lineset_lines(a, b))
			return true;
	}
	return false;
}

int linelist_merge(struct linelist *a, const struct linelist *b)
{
	if (a->all || b->all) {
		free(a->p);
		*a = (struct linelist){.all = true};
		return 0;
	}
	struct line_page *p = malloc(((size_t)a->n + b->n + 1) * sizeof(*p));
	if (!p)
		return -ENOMEM;
	uint32_t i = 0, j = 0, n = 0;
	while (i < a->n || j < b->n) {
		if (j == b->n || (i < a->n && a->p[i].page < b->p[j].page)) {
			p[n++] = a->p[i++];
		} else if (i == a->n || b->p[j].page < a->p[i].page) {
			p[n++] = b->p[j++];
		} else {
			p[n] = a->p[i++];
			p[n++].mask |= b->p[j++].mask;
		}
	}
	free(a->p);
	*a = (struct linelist){.p = p, .n = n};
	return 0;
}

void linelist_free(struct linelist *l)
{
	free(l->p);
	*l = (struct linelist){0};
}

size_t linelist_bytes(const struct linelist *l)
{
	return (size_t)l->n * sizeof(*l->p);
}
