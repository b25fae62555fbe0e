#include "pagestore.h"
#include "../core/bus.h"
#include "../core/util/huge_map.h"
#include "../core/util/vec.h"

#include <errno.h>
#include <lz4.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct ps_entry {
	uint64_t hash;
	uint32_t refs; /* 0: a free slot */
	uint32_t next; /* the next id in this hash bucket, or 0 */
	uint32_t len;  /* stored bytes; PAGE_SIZE: kept uncompressed */
	bool raw;      /* put uncompressed, not yet tried compressing */
	uint32_t slab; /* 1 + the slab data lies in; 0: its own malloc */
	uint8_t *data;
};

/* Raw pages of one batch (pagestore_reserve) side by side in one mapping
 * of huge pages, populated at once: fresh small pages one by one cost the
 * host a fault, a charge and a clearing each, more than the copy. */
struct ps_slab {
	uint8_t *base; /* NULL once every page in it is gone */
	size_t len;
	uint32_t used, cap; /* pages handed out, room for */
	uint32_t live;	    /* pages handed out and still held */
};

struct page_store {
	struct ps_entry *e; /* by id; e[0] is the zero page, never used */
	uint32_t n;
	size_t cap;
	uint32_t free_head; /* a chain of free ids through `next` */
	uint32_t *bucket;   /* hash -> first id */
	uint32_t nbuckets;  /* a power of two */
	size_t bytes;
	size_t count;
	size_t nraw;	   /* entries that are raw */
	uint32_t raw_from; /* no raw entry below this id */
	struct ps_slab *slab;
	size_t nslab, slabcap;
	uint32_t cur; /* 1 + the slab raw pages go to now; 0: none */
};

/* The memory of entry e goes back. */
static void pagestore_release(struct page_store *ps, struct ps_entry *e)
{
	if (!e->slab) {
		free(e->data);
	} else {
		struct ps_slab *s = &ps->slab[e->slab - 1];
		if (--s->live == 0 &&
		    (ps->cur != e->slab || s->used == s->cap)) {
			munmap(s->base, s->len);
			s->base = NULL;
			if (ps->cur == e->slab)
				ps->cur = 0;
		}
	}
	e->data = NULL;
	e->slab = 0;
}

/* A fast 64-bit hash: identical contents must meet, and a false match is
 * caught by comparing the bytes, so speed matters more than strength. */
static uint64_t page_hash(const uint8_t *p)
{
	const uint64_t k = 0x9e3779b97f4a7c15ull;
	uint64_t a = 1, b = 2, c = 3, d = 4;
	for (size_t i = 0; i < PAGE_SIZE; i += 32) {
		uint64_t w[4];
		memcpy(w, p + i, 32);
		a = (a ^ w[0]) * k;
		b = (b ^ w[1]) * k;
		c = (c ^ w[2]) * k;
		d = (d ^ w[3]) * k;
		a ^= a >> 29;
		b ^= b >> 31;
		c ^= c >> 27;
		d ^= d >> 33;
	}
	uint64_t h = a ^ (b * 3) ^ (c * 5) ^ (d * 7);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static bool page_zero(const uint8_t *p)
{
	uint64_t acc = 0;
	for (size_t i = 0; i < PAGE_SIZE; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		acc |= w;
	}
	return acc == 0;
}

struct page_store *pagestore_new(void)
{
	struct page_store *ps = calloc(1, sizeof(*ps));
	if (!ps)
		return NULL;
	ps->nbuckets = 4096;
	ps->bucket = calloc(ps->nbuckets, sizeof(*ps->bucket));
	ps->cap = 1024;
	ps->e = calloc(ps->cap, sizeof(*ps->e));
	if (!ps->bucket || !ps->e) {
		pagestore_free(ps);
		return NULL;
	}
	ps->n = 1; /* id 0 is the zero page */
	return ps;
}

void pagestore_free(struct page_store *ps)
{
	if (!ps)
		return;
	for (uint32_t i = 1; i < ps->n; i++)
		if (!ps->e[i].slab)
			free(ps->e[i].data);
	for (size_t i = 0; i < ps->nslab; i++)
		if (ps->slab[i].base)
			munmap(ps->slab[i].base, ps->slab[i].len);
	free(ps->slab);
	free(ps->e);
	free(ps->bucket);
	free(ps);
}

void pagestore_get(const struct page_store *ps, uint32_t id, uint8_t *out)
{
	const struct ps_entry *e = &ps->e[id];
	if (id == PAGESTORE_ZERO) {
		memset(out, 0, PAGE_SIZE);
	} else if (e->len == PAGE_SIZE) {
		memcpy(out, e->data, PAGE_SIZE);
	} else {
		/* Our own compressed bytes: they always decode. */
		LZ4_decompress_safe((const char *)e->data, (char *)out,
				    (int)e->len, PAGE_SIZE);
	}
}

/* Double the buckets when the chains get long; ids are kept. */
static int pagestore_grow_buckets(struct page_store *ps)
{
	uint32_t nb = ps->nbuckets * 2;
	uint32_t *b = calloc(nb, sizeof(*b));
	if (!b)
		return -ENOMEM;
	for (uint32_t id = 1; id < ps->n; id++) {
		struct ps_entry *e = &ps->e[id];
		if (!e->refs)
			continue;
		uint32_t k = (uint32_t)e->hash & (nb - 1);
		e->next = b[k];
		b[k] = id;
	}
	free(ps->bucket);
	ps->bucket = b;
	ps->nbuckets = nb;
	return 0;
}

static int pagestore_new_id(struct page_store *ps, uint32_t *id)
{
	if (ps->free_head) {
		*id = ps->free_head;
		ps->free_head = ps->e[*id].next;
		return 0;
	}
	/* Ids are u32. */
	struct ps_entry *e = vec_grow_max(ps->e, &ps->cap, (size_t)ps->n + 1,
					  sizeof(*e), UINT32_MAX);
	if (!e)
		return -ENOMEM;
	ps->e = e;
	*id = ps->n++;
	return 0;
}

/* The entry for a content not stored yet (hash h): compressed, unless raw
 * or it does not shrink. */
static int pagestore_add(struct page_store *ps, const uint8_t *data, uint64_t h,
			 bool raw, uint32_t *id)
{
	if (ps->count >= ps->nbuckets && pagestore_grow_buckets(ps))
		return -ENOMEM;
	char packed[LZ4_COMPRESSBOUND(PAGE_SIZE)];
	int len = raw ? (int)PAGE_SIZE
		      : LZ4_compress_default((const char *)data, packed,
					     PAGE_SIZE, (int)sizeof(packed));
	if (len <= 0 || len >= (int)PAGE_SIZE)
		len = PAGE_SIZE;
	struct ps_slab *sl = raw && ps->cur ? &ps->slab[ps->cur - 1] : NULL;
	if (sl && sl->used == sl->cap)
		sl = NULL;
	uint8_t *copy = sl ? sl->base + ((size_t)sl->used << PAGE_SHIFT)
			   : malloc((size_t)len);
	uint32_t nid;
	if (!copy || pagestore_new_id(ps, &nid)) {
		if (!sl)
			free(copy);
		return -ENOMEM;
	}
	if (sl) {
		sl->used++;
		sl->live++;
	}
	memcpy(copy, len == PAGE_SIZE ? (const char *)data : packed,
	       (size_t)len);
	uint32_t k = (uint32_t)h & (ps->nbuckets - 1);
	ps->e[nid] = (struct ps_entry){.hash = h,
				       .refs = 1,
				       .next = ps->bucket[k],
				       .len = (uint32_t)len,
				       .raw = raw,
				       .slab = sl ? ps->cur : 0,
				       .data = copy};
	ps->bucket[k] = nid;
	ps->bytes += (size_t)len + sizeof(struct ps_entry);
	ps->count++;
	if (raw) {
		ps->nraw++;
		if (nid < ps->raw_from)
			ps->raw_from = nid;
	}
	*id = nid;
	return 0;
}

static int pagestore_put_as(struct page_store *ps, const uint8_t *data,
			    bool raw, uint32_t *id)
{
	if (page_zero(data)) {
		*id = PAGESTORE_ZERO;
		return 0;
	}
	uint64_t h = page_hash(data);
	for (uint32_t i = ps->bucket[h & (ps->nbuckets - 1)]; i;
	     i = ps->e[i].next) {
		if (ps->e[i].hash != h)
			continue;
		uint8_t tmp[PAGE_SIZE];
		const uint8_t *have = ps->e[i].data;
		if (ps->e[i].len != PAGE_SIZE) {
			pagestore_get(ps, i, tmp);
			have = tmp;
		}
		if (memcmp(have, data, PAGE_SIZE) == 0) {
			ps->e[i].refs++;
			*id = i;
			return 0;
		}
	}
	return pagestore_add(ps, data, h, raw, id);
}

int pagestore_put(struct page_store *ps, const uint8_t *data, uint32_t *id)
{
	return pagestore_put_as(ps, data, false, id);
}

int pagestore_put_raw(struct page_store *ps, const uint8_t *data, uint32_t *id)
{
	return pagestore_put_as(ps, data, true, id);
}

size_t pagestore_pack(struct page_store *ps, size_t want)
{
	size_t freed = 0;
	char packed[LZ4_COMPRESSBOUND(PAGE_SIZE)];
	while (ps->nraw && freed < want) {
		uint32_t id = ps->raw_from++;
		struct ps_entry *e = &ps->e[id];
		if (!e->refs || !e->raw)
			continue;
		e->raw = false;
		ps->nraw--;
		int len = LZ4_compress_default((const char *)e->data, packed,
					       PAGE_SIZE, (int)sizeof(packed));
		uint8_t *copy = len > 0 && len < (int)PAGE_SIZE
					? malloc((size_t)len)
					: NULL;
		if (!copy)
			continue;
		memcpy(copy, packed, (size_t)len);
		pagestore_release(ps, e);
		e->data = copy;
		e->len = (uint32_t)len;
		ps->bytes -= PAGE_SIZE - (size_t)len;
		freed += PAGE_SIZE - (size_t)len;
	}
	return freed;
}

void pagestore_ref(struct page_store *ps, uint32_t id)
{
	if (id != PAGESTORE_ZERO)
		ps->e[id].refs++;
}

void pagestore_unref(struct page_store *ps, uint32_t id)
{
	if (id == PAGESTORE_ZERO || --ps->e[id].refs)
		return;
	struct ps_entry *e = &ps->e[id];
	if (e->raw)
		ps->nraw--;
	e->raw = false;
	uint32_t *link = &ps->bucket[e->hash & (ps->nbuckets - 1)];
	while (*link != id)
		link = &ps->e[*link].next;
	*link = e->next;
	ps->bytes -= e->len + sizeof(struct ps_entry);
	ps->count--;
	pagestore_release(ps, e);
	e->next = ps->free_head;
	ps->free_head = id;
}

void pagestore_reserve(struct page_store *ps, uint32_t n)
{
	/* The batch before: its unused room goes back. */
	struct ps_slab *s = ps->cur ? &ps->slab[ps->cur - 1] : NULL;
	ps->cur = 0;
	if (s && !s->live) {
		munmap(s->base, s->len);
		s->base = NULL;
	} else if (s) {
		size_t keep = huge_map_round((size_t)s->used << PAGE_SHIFT);
		if (keep < s->len)
			munmap(s->base + keep, s->len - keep);
		s->len = keep < s->len ? keep : s->len;
		s->cap = s->used;
	}
	if (!n)
		return;
	s = vec_grow(ps->slab, &ps->slabcap, ps->nslab + 1, sizeof(*s));
	if (!s)
		return;
	ps->slab = s;
	size_t len = huge_map_round((size_t)n << PAGE_SHIFT);
	uint8_t *p = huge_map_populated(len);
	if (!p)
		return;
	ps->slab[ps->nslab++] = (struct ps_slab){
		.base = p, .len = len, .cap = (uint32_t)(len >> PAGE_SHIFT)};
	ps->cur = (uint32_t)ps->nslab;
}

size_t pagestore_bytes(const struct page_store *ps)
{
	return ps->bytes;
}

size_t pagestore_count(const struct page_store *ps)
{
	return ps->count;
}
