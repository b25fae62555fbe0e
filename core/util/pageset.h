/* Sets of page numbers: which virtual pages the harts ran code from
 * between two checkpoints (core/dirty.c), so that a search can skip
 * an interval that cannot hit. Growing sets are hash tables; a finished
 * one is a sorted array, asked whether it holds any page in a range. */
#ifndef REWIND_CORE_UTIL_PAGESET_H
#define REWIND_CORE_UTIL_PAGESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* More pages than this (or no memory for them) and a set stands for all
 * pages: it stays small, and a search then replays the interval. */
#define PAGESET_MAX (1u << 16)

struct pageset {
	uint64_t *slot; /* open addressing; PAGESET_EMPTY: free */
	size_t cap;	/* a power of two, or 0 */
	size_t n;
	bool all; /* overflowed: holds every page */
};

/* A finished set: n pages in ascending order, or every page. */
struct pagelist {
	uint64_t *page;
	uint32_t n;
	bool all;
};

/* Add page number p (a virtual address >> 12). */
void pageset_add(struct pageset *s, uint64_t p);
/* Empty the set, keeping its table unless it grew large. */
void pageset_clear(struct pageset *s);
void pageset_free(struct pageset *s);
/* The set as a sorted list into *out: 0, or -ENOMEM (out untouched). */
int pageset_list(const struct pageset *s, struct pagelist *out);

/* True when l holds a page in [first, last]. */
bool pagelist_any(const struct pagelist *l, uint64_t first, uint64_t last);
/* *a becomes the union of *a and b: 0, or -ENOMEM (a untouched). */
int pagelist_merge(struct pagelist *a, const struct pagelist *b);
void pagelist_free(struct pagelist *l);
/* Host bytes the list holds. */
size_t pagelist_bytes(const struct pagelist *l);

#endif
