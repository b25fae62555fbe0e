/* Sets of written 64-byte lines, by page: which lines of which pages
 * (virtual, as the harts stored, or physical, as memory changed) were
 * written between two checkpoints (core/dirty.c), so that a search can
 * skip an interval that cannot hit even when a hot variable shares the
 * watched variable's page. Growing sets are hash tables; a finished one
 * is a list sorted by page, asked whether it holds any line of a range.
 *
 * A page is kept line by line only for its first LINESET_NOTES notes in
 * a set: its stores come through a slow path to be noted (core/dirty.c),
 * so a page stored to more often than that counts whole from then on and
 * its stores go fast again. What matters most is kept fine that way: a
 * variable written now and then, next to others written a little more. */
#ifndef REWIND_CORE_UTIL_LINESET_H
#define REWIND_CORE_UTIL_LINESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LINE_SHIFT 6
/* A page's mask with every line: the whole page. */
#define LINESET_WHOLE UINT64_MAX
/* Notes a page takes line by line before it counts whole. */
#define LINESET_NOTES 128
/* More pages than this (or no memory for them) and a set stands for all
 * lines of all pages: it stays small, and a search then replays. */
#define LINESET_MAX (1u << 16)

struct lineset_slot {
	uint64_t page; /* address >> 12; LINESET_EMPTY: free */
	uint64_t mask; /* bit i: line i of the page */
	uint32_t notes;
};

struct lineset {
	struct lineset_slot *slot; /* open addressing */
	size_t cap;		   /* a power of two, or 0 */
	size_t n;
	bool all; /* overflowed: holds every line */
};

struct line_page {
	uint64_t page, mask;
};

/* A finished set: n pages in ascending order with their lines, or every
 * line. */
struct linelist {
	struct line_page *p;
	uint32_t n;
	bool all;
};

/* Note a write to [addr, addr + len) (len >= 1, any pages). True while
 * addr's page is still kept line by line after it. */
bool lineset_add(struct lineset *s, uint64_t addr, uint64_t len);
/* Note the whole page `page` (an address >> 12). */
void lineset_add_page(struct lineset *s, uint64_t page);
/* The set now holds every line of every page. */
void lineset_add_all(struct lineset *s);
/* True when page is in s and kept line by line (not whole). */
bool lineset_fine(const struct lineset *s, uint64_t page);
/* Empty the set, keeping its table unless it grew large. */
void lineset_clear(struct lineset *s);
void lineset_free(struct lineset *s);
/* The set as a sorted list into *out: 0, or -ENOMEM (out untouched). */
int lineset_list(const struct lineset *s, struct linelist *out);

/* True when l holds a line of a byte in [first, last]. */
bool linelist_any(const struct linelist *l, uint64_t first, uint64_t last);
/* *a becomes the union of *a and b: 0, or -ENOMEM (a untouched). */
int linelist_merge(struct linelist *a, const struct linelist *b);
void linelist_free(struct linelist *l);
/* Host bytes the list holds. */
size_t linelist_bytes(const struct linelist *l);

#endif
