#include "pageset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Page numbers are addresses >> 12: this one never occurs. */
#define PAGESET_EMPTY UINT64_MAX
#define PAGESET_FIRST 1024

static size_t pageset_hash(uint64_t p, size_t cap)
{
	return (size_t)((p * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
}

static void pageset_put(uint64_t *slot, size_t cap, uint64_t p)
{
	size_t i = pageset_hash(p, cap);
	while (slot[i] != PAGESET_EMPTY && slot[i] != p)
		i = (i + 1) & (cap - 1);
	slot[i] = p;
}

/* Twice the room (the first table when there is none): false when out
 * of memory. */
static bool pageset_grow(struct pageset *s)
{
	size_t cap = s->cap ? s->cap * 2 : PAGESET_FIRST;
	uint64_t *slot = malloc(cap * sizeof(*slot));
	if (!slot)
		return false;
	memset(slot, 0xff, cap * sizeof(*slot));
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i] != PAGESET_EMPTY)
			pageset_put(slot, cap, s->slot[i]);
	free(s->slot);
	s->slot = slot;
	s->cap = cap;
	return true;
}

void pageset_add(struct pageset *s, uint64_t p)
{
	if (s->all)
		return;
	if (s->cap) {
		size_t i = pageset_hash(p, s->cap);
		while (s->slot[i] != PAGESET_EMPTY) {
			if (s->slot[i] == p)
				return;
			i = (i + 1) & (s->cap - 1);
		}
	}
	/* At most half full, so that probes stay short. */
	if (s->n >= PAGESET_MAX ||
	    ((s->n + 1) * 2 > s->cap && !pageset_grow(s))) {
		s->all = true;
		return;
	}
	pageset_put(s->slot, s->cap, p);
	s->n++;
}

void pageset_clear(struct pageset *s)
{
	if (s->cap > 4 * PAGESET_FIRST) {
		/* Shrink back: most intervals touch few pages, and clearing
		 * a large table at every checkpoint would cost. */
		free(s->slot);
		s->slot = NULL;
		s->cap = 0;
	} else if (s->cap) {
		memset(s->slot, 0xff, s->cap * sizeof(*s->slot));
	}
	s->n = 0;
	s->all = false;
}

void pageset_free(struct pageset *s)
{
	free(s->slot);
	*s = (struct pageset){0};
}

static int pageset_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int pageset_list(const struct pageset *s, struct pagelist *out)
{
	size_t n = s->all ? 0 : s->n;
	uint64_t *page = malloc((n ? n : 1) * sizeof(*page));
	if (!page)
		return -ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < s->cap && k < n; i++)
		if (s->slot[i] != PAGESET_EMPTY)
			page[k++] = s->slot[i];
	qsort(page, n, sizeof(*page), pageset_cmp);
	*out = (struct pagelist){.page = page, .n = (uint32_t)n, .all = s->all};
	return 0;
}

bool pagelist_any(const struct pagelist *l, uint64_t first, uint64_t last)
{
	if (l->all)
		return true;
	uint32_t lo = 0, hi = l->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (l->page[mid] < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->n && l->page[lo] <= last;
}

int pagelist_merge(struct pagelist *a, const struct pagelist *b)
{
	if (a->all || b->all) {
		free(a->page);
		*a = (struct pagelist){.all = true};
		return 0;
	}
	uint64_t *page = malloc(((size_t)a->n + b->n + 1) * sizeof(*page));
	if (!page)
		return -ENOMEM;
	uint32_t i = 0, j = 0, n = 0;
	while (i < a->n || j < b->n) {
		uint64_t p;
		if (j == b->n || (i < a->n && a->page[i] < b->page[j]))
			p = a->page[i++];
		else if (i == a->n || b->page[j] < a->page[i])
			p = b->page[j++];
		else
			p = a->page[i++], j++;
		page[n++] = p;
	}
	free(a->page);
	*a = (struct pagelist){.page = page, .n = n};
	return 0;
}

void pagelist_free(struct pagelist *l)
{
	free(l->page);
	*l = (struct pagelist){0};
}

size_t pagelist_bytes(const struct pagelist *l)
{
	return (size_t)l->n * sizeof(*l->page);
}
