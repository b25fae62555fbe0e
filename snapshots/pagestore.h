/* Content-addressed page storage for the checkpoint timeline: each distinct
 * page content is kept once, LZ4-compressed, with a reference count, so a
 * page that does not change between checkpoints is never stored twice. */
#ifndef REWIND_SNAPSHOTS_PAGESTORE_H
#define REWIND_SNAPSHOTS_PAGESTORE_H

#include <stddef.h>
#include <stdint.h>

/* The id of the all-zero page, which is never stored. */
#define PAGESTORE_ZERO 0

struct page_store;

struct page_store *pagestore_new(void);
void pagestore_free(struct page_store *ps);

/* The id of a page's content (PAGE_SIZE bytes), adding it when new; the
 * caller holds one reference to it. 0, or -ENOMEM. */
int pagestore_put(struct page_store *ps, const uint8_t *data, uint32_t *id);
/* The same, storing a new content uncompressed for now: far cheaper to
 * put, four times or so the memory until pagestore_pack gets to it. */
int pagestore_put_raw(struct page_store *ps, const uint8_t *data, uint32_t *id);
/* Room for the next n raw puts side by side in one mapping of huge pages,
 * filled in at once (cheaper than n allocations); 0 ends the batch, giving
 * back the room it did not use. Only a hint: without it, or past n, raw
 * puts allocate page by page. */
void pagestore_reserve(struct page_store *ps, uint32_t n);
/* Compress contents put raw, oldest first, until want bytes are freed or
 * none is left; returns the bytes freed. */
size_t pagestore_pack(struct page_store *ps, size_t want);
/* One more reference, or one fewer (the last frees the content). */
void pagestore_ref(struct page_store *ps, uint32_t id);
void pagestore_unref(struct page_store *ps, uint32_t id);
/* Copy the content of id into out (PAGE_SIZE bytes). */
void pagestore_get(const struct page_store *ps, uint32_t id, uint8_t *out);

/* Host memory held: compressed contents and bookkeeping. */
size_t pagestore_bytes(const struct page_store *ps);
/* Distinct contents stored. */
size_t pagestore_count(const struct page_store *ps);

#endif
