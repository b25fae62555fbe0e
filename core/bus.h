/* The physical address space: memory regions backed by host memory (RAM and
 * the boot ROM) and MMIO devices. The bus also keeps the two per-page maps
 * that the rest of the system hangs off RAM: the dirty-page bitmap (for
 * incremental snapshots) and the code-page table (decoded blocks, so that a
 * store into code invalidates exactly the blocks it touches). */
#ifndef REWIND_CORE_BUS_H
#define REWIND_CORE_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1ull << PAGE_SHIFT)

struct code_page;
struct block;
struct machine;

struct mem_region {
	uint64_t base, size;
	uint8_t *host;
	bool readonly;
	uint64_t *dirty; /* one bit a page; NULL for read-only */
	/* Pages ever written since power-on (snapshots never clear this):
	 * every other page still reads as zero. */
	uint64_t *written;
	struct code_page **code; /* decoded blocks by page, lazily */
	/* A bit per page whose code[] entry is set (core/block.c keeps it),
	 * so that walking the code pages costs a bit per page, not a
	 * pointer: a restore walks them several times. */
	uint64_t *code_map;
	struct bus *bus; /* owner, to drop decoded code */
};

/* An MMIO device. read/write return 0, or -1 for an access fault (the bus
 * turns that into the architectural access-fault exception). */
struct mmio_dev {
	const char *name;
	uint64_t base, size;
	void *opaque;
	int (*read)(void *opaque, uint64_t off, unsigned size, uint64_t *val);
	int (*write)(void *opaque, uint64_t off, unsigned size, uint64_t val);
};

#define BUS_MAX_REGIONS 4
#define BUS_MAX_DEVS	32
/* Spare code-page tables kept at most: what a small guest's code spans; a
 * large one's are allocated again. */
#define BUS_CODE_SPARES 64

/* A watch on writes to physical memory [lo, hi] (history/query.c): fn
 * hears of every write that touches it, after the bytes changed. who names
 * a device or the debugger; NULL for the running hart (bus->m->cur), or
 * the machine itself when no hart runs. Harts keep no write translation
 * of a watched page while fn is set, so their stores come through here. */
typedef void (*bus_write_fn)(void *ctx, uint64_t pa, uint64_t len,
			     const char *who);
struct bus_watch {
	bus_write_fn fn; /* NULL: no watch */
	void *ctx;
	uint64_t lo, hi;
};

struct bus {
	struct mem_region region[BUS_MAX_REGIONS];
	int nregions;
	struct mmio_dev dev[BUS_MAX_DEVS];
	int ndevs;
	struct machine *m;	 /* owner, to reach the harts' TLBs */
	struct block *graveyard; /* invalidated blocks, freed at a safe point */
	/* Code-page tables freed with their blocks, kept for the next pages
	 * that get code (core/block.c): a restore drops every table and the
	 * run after it builds them again. */
	struct code_page *spare[BUS_CODE_SPARES];
	unsigned nspare;
	struct jit *jit; /* translated code (core/jit/), made on demand */
	struct bus_watch watch;
};

/* Add host-backed memory; returns the region or NULL when out of memory or
 * slots. RAM starts zeroed. */
struct mem_region *bus_add_memory(struct bus *b, uint64_t base, uint64_t size,
				  bool readonly);
int bus_add_device(struct bus *b, const struct mmio_dev *d);
void bus_free(struct bus *b);

/* The region containing [pa, pa+len), or NULL. */
struct mem_region *bus_region(struct bus *b, uint64_t pa, uint64_t len);
const struct mmio_dev *bus_device(const struct bus *b, uint64_t pa);

/* A host pointer to len bytes of memory at pa, or NULL when the range is not
 * entirely inside one region. Used by devices for DMA (which must then call
 * bus_mark_dirty for writes) and by loaders. */
void *bus_host_ptr(struct bus *b, uint64_t pa, uint64_t len);

/* Physical accesses of 1, 2, 4 or 8 bytes (any alignment inside a region).
 * Return 0, or -1 for an access fault. Writes to memory mark pages dirty and
 * invalidate decoded code. */
int bus_read(struct bus *b, uint64_t pa, unsigned size, uint64_t *val);
int bus_write(struct bus *b, uint64_t pa, unsigned size, uint64_t val);

void bus_mark_dirty(struct mem_region *r, uint64_t pa, uint64_t len);

/* The index of the region whose host memory holds `host`, with the byte
 * offset into it, or -1: host pointers are saved as (region, offset). */
int bus_host_region(const struct bus *b, const void *host, uint64_t *off);

/* Fault in count pages of RAM region r from page on, about to be written
 * whole (a restore): cheaper in one call than page by page. */
void bus_populate(struct mem_region *r, uint64_t page, uint64_t count);

/* Restore page `page` (an index from the region's start) of writable
 * memory from a snapshot: copies PAGE_SIZE bytes, marks the page written
 * and dirty, and drops decoded code on it. 0, or -EINVAL for a read-only
 * region or a page outside it. Call between runs. */
int bus_load_page(struct mem_region *r, uint64_t page, const uint8_t *data);

/* Called when memory at [pa, pa+len) is written by a path that bypasses the
 * TLB: DMA, loaders, debugger writes. Marks dirty and drops decoded code. */
void bus_note_write(struct bus *b, uint64_t pa, uint64_t len);
/* bus_note_write for a write a device (DMA) or the debugger made: who
 * names it to the write watch. */
void bus_note_write_by(struct bus *b, uint64_t pa, uint64_t len,
		       const char *who);
/* bus_note_write before a read-modify-write through a host pointer (an
 * AMO, an SC): the watch hears of it after, from bus_watch_host. */
void bus_note_rmw(struct bus *b, uint64_t pa, uint64_t len);
/* Tell the write watch that len bytes at host pointer p were written.
 * Inline: every AMO calls it, and almost always no watch is set. */
void bus_watch_report(struct bus *b, const void *p, uint64_t len);
static inline void bus_watch_host(struct bus *b, const void *p, uint64_t len)
{
	if (__builtin_expect(b->watch.fn != NULL, 0))
		bus_watch_report(b, p, len);
}

#endif
