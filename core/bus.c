/* Physical bus: memory regions and MMIO dispatch. */
#include "bus.h"
#include "block.h"
#include "jit/jit.h"
#include "machine.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct mem_region *bus_add_memory(struct bus *b, uint64_t base, uint64_t size,
				  bool readonly)
{
	if (b->nregions == BUS_MAX_REGIONS || size == 0 ||
	    (size & (PAGE_SIZE - 1)) || (base & (PAGE_SIZE - 1)))
		return NULL;
	/* Anonymous mappings are zero-filled and lazily backed, so a large
	 * --mem costs nothing until the guest touches it. */
	void *host = mmap(NULL, size, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (host == MAP_FAILED)
		return NULL;
	uint64_t pages = size >> PAGE_SHIFT;
	struct mem_region *r = &b->region[b->nregions];
	memset(r, 0, sizeof(*r));
	r->base = base;
	r->size = size;
	r->host = host;
	r->readonly = readonly;
	r->bus = b;
	r->code = calloc(pages, sizeof(*r->code));
	r->code_map = calloc((pages + 63) / 64, sizeof(uint64_t));
	if (!readonly) {
		r->dirty = calloc((pages + 63) / 64, sizeof(uint64_t));
		r->written = calloc((pages + 63) / 64, sizeof(uint64_t));
	}
	if (!r->code || !r->code_map ||
	    (!readonly && (!r->dirty || !r->written))) {
		free(r->code);
		free(r->code_map);
		free(r->dirty);
		free(r->written);
		munmap(host, size);
		return NULL;
	}
	b->nregions++;
	return r;
}

int bus_add_device(struct bus *b, const struct mmio_dev *d)
{
	if (b->ndevs == BUS_MAX_DEVS)
		return -ENOSPC;
	b->dev[b->ndevs++] = *d;
	return 0;
}

void bus_free(struct bus *b)
{
	for (int i = 0; i < b->nregions; i++) {
		struct mem_region *r = &b->region[i];
		block_free_region(r);
		free(r->code);
		free(r->code_map);
		free(r->dirty);
		free(r->written);
		munmap(r->host, r->size);
	}
	block_reap(b);
	block_free_spares(b);
	jit_free(b);
	memset(b, 0, sizeof(*b));
}

struct mem_region *bus_region(struct bus *b, uint64_t pa, uint64_t len)
{
	for (int i = 0; i < b->nregions; i++) {
		struct mem_region *r = &b->region[i];
		if (pa >= r->base && pa - r->base < r->size &&
		    len <= r->size - (pa - r->base))
			return r;
	}
	return NULL;
}

const struct mmio_dev *bus_device(const struct bus *b, uint64_t pa)
{
	for (int i = 0; i < b->ndevs; i++) {
		const struct mmio_dev *d = &b->dev[i];
		if (pa >= d->base && pa - d->base < d->size)
			return d;
	}
	return NULL;
}

void *bus_host_ptr(struct bus *b, uint64_t pa, uint64_t len)
{
	struct mem_region *r = bus_region(b, pa, len);
	return r ? r->host + (pa - r->base) : NULL;
}

void bus_mark_dirty(struct mem_region *r, uint64_t pa, uint64_t len)
{
	if (!r->dirty || len == 0)
		return;
	uint64_t first = (pa - r->base) >> PAGE_SHIFT;
	uint64_t last = (pa - r->base + len - 1) >> PAGE_SHIFT;
	for (uint64_t p = first; p <= last; p++) {
		r->dirty[p / 64] |= 1ull << (p % 64);
		r->written[p / 64] |= 1ull << (p % 64);
	}
}

int bus_host_region(const struct bus *b, const void *host, uint64_t *off)
{
	for (int i = 0; i < b->nregions; i++) {
		uintptr_t at = (uintptr_t)host - (uintptr_t)b->region[i].host;
		if (at < b->region[i].size) {
			*off = at;
			return i;
		}
	}
	return -1;
}

void bus_populate(struct mem_region *r, uint64_t page, uint64_t count)
{
#ifdef MADV_POPULATE_WRITE
	if (!r->readonly && page <= r->size >> PAGE_SHIFT &&
	    count <= (r->size >> PAGE_SHIFT) - page)
		(void)madvise(r->host + (page << PAGE_SHIFT),
			      count << PAGE_SHIFT, MADV_POPULATE_WRITE);
#else
	(void)r, (void)page, (void)count;
#endif
}

int bus_load_page(struct mem_region *r, uint64_t page, const uint8_t *data)
{
	if (r->readonly || page >= r->size >> PAGE_SHIFT)
		return -EINVAL;
	memcpy(r->host + (page << PAGE_SHIFT), data, PAGE_SIZE);
	bus_note_write(r->bus, r->base + (page << PAGE_SHIFT), PAGE_SIZE);
	return 0;
}

static bool bus_watched(const struct bus *b, uint64_t pa, uint64_t len)
{
	return __builtin_expect(b->watch.fn != NULL, 0) && len &&
	       pa <= b->watch.hi && b->watch.lo <= pa + (len - 1);
}

void bus_note_write(struct bus *b, uint64_t pa, uint64_t len)
{
	bus_note_write_by(b, pa, len, NULL);
}

void bus_note_write_by(struct bus *b, uint64_t pa, uint64_t len,
		       const char *who)
{
	bus_note_rmw(b, pa, len);
	if (bus_watched(b, pa, len) && bus_region(b, pa, len))
		b->watch.fn(b->watch.ctx, pa, len, who);
}

void bus_watch_report(struct bus *b, const void *p, uint64_t len)
{
	uint64_t off;
	int i = bus_host_region(b, p, &off);
	if (i >= 0 && bus_watched(b, b->region[i].base + off, len))
		b->watch.fn(b->watch.ctx, b->region[i].base + off, len, NULL);
}

void bus_note_rmw(struct bus *b, uint64_t pa, uint64_t len)
{
	struct mem_region *r = bus_region(b, pa, len);
	if (!r || len == 0)
		return;
	bus_mark_dirty(r, pa, len);
	if (b->m)
		machine_touch_phys(b->m, pa, len);
	uint64_t first = (pa - r->base) >> PAGE_SHIFT;
	uint64_t last = (pa - r->base + len - 1) >> PAGE_SHIFT;
	for (uint64_t p = first; p <= last; p++)
		if (r->code[p])
			block_invalidate_page(b, r, p);
}

int bus_read(struct bus *b, uint64_t pa, unsigned size, uint64_t *val)
{
	struct mem_region *r = bus_region(b, pa, size);
	if (r) {
		uint64_t v = 0;
		memcpy(&v, r->host + (pa - r->base), size);
		*val = v;
		return 0;
	}
	const struct mmio_dev *d = bus_device(b, pa);
	if (!d || pa + size - d->base > d->size || !d->read)
		return -1;
	return d->read(d->opaque, pa - d->base, size, val);
}

int bus_write(struct bus *b, uint64_t pa, unsigned size, uint64_t val)
{
	struct mem_region *r = bus_region(b, pa, size);
	if (r) {
		if (r->readonly)
			return -1;
		memcpy(r->host + (pa - r->base), &val, size);
		bus_note_write(b, pa, size);
		return 0;
	}
	const struct mmio_dev *d = bus_device(b, pa);
	if (!d || pa + size - d->base > d->size || !d->write)
		return -1;
	return d->write(d->opaque, pa - d->base, size, val);
}
