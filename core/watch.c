/* Data watchpoints for the debugger. Accesses are checked in the memory
 * slow paths: a watched page never gets a cached translation, so every
 * load and store to it (including atomics) comes through here. */
#include "machine.h"

#include <errno.h>

static bool watch_overlaps(const struct watchpoint *w, uint64_t va,
			   uint64_t len)
{
	return va <= w->addr + (w->len - 1) && w->addr <= va + (len - 1);
}

/* Drop the entries of one TLB array whose page lies in [first, last]. */
static void watch_drop_entries(struct tlb_entry *e, uint64_t first,
			       uint64_t last)
{
	for (unsigned k = 0; k < TLB_SIZE; k++)
		if (e[k].tag != TLB_INVALID &&
		    (e[k].tag & ~0xfffull) >= first &&
		    (e[k].tag & ~0xfffull) <= last)
			e[k].tag = TLB_INVALID;
}

/* Forget the translations of the watched range so its next access takes
 * the slow path; only those entries, so the rest of the caches (which a
 * guest can observe through A/D bits) stay as they are. A small range is
 * looked up page by page; a large one (a debugger may watch the whole
 * address space) costs one pass over the TLBs instead, so the work is
 * bounded by the TLBs' size whatever the range. */
#define WATCH_PAGEWISE_MAX 64
void watch_drop_hart(struct hart *h, uint64_t first, uint64_t last)
{
	first &= ~0xfffull;
	last &= ~0xfffull;
	bool pagewise = (last - first) >> 12 < WATCH_PAGEWISE_MAX;
	for (int s = 0; s < TLB_SETS; s++) {
		struct tlb_set *set = &h->tlb[s];
		if (!pagewise) {
			watch_drop_entries(set->r, first, last);
			watch_drop_entries(set->w, first, last);
			continue;
		}
		for (uint64_t page = first;; page += 0x1000) {
			unsigned k = tlb_index(page);
			if (set->r[k].tag == page)
				set->r[k].tag = TLB_INVALID;
			/* Also when parked (core/dirty.c). */
			if ((set->w[k].tag & ~TLB_PARKED) == page)
				set->w[k].tag = TLB_INVALID;
			if (page == last)
				break;
		}
	}
}

static void watch_drop_translations(struct machine *m, uint64_t addr,
				    uint64_t len)
{
	for (int i = 0; i < m->nharts; i++)
		watch_drop_hart(m->harts[i], addr, addr + (len - 1));
}

int machine_watch_add(struct machine *m, uint64_t addr, uint64_t len,
		      enum watch_kind kind)
{
	if (len == 0 || addr + (len - 1) < addr)
		return -EINVAL;
	for (int i = 0; i < m->nwatch; i++)
		if (m->watch[i].addr == addr && m->watch[i].len == len &&
		    m->watch[i].kind == kind)
			return 0;
	if (m->nwatch == MACHINE_MAX_WATCHPOINTS)
		return -ENOSPC;
	m->watch[m->nwatch++] =
		(struct watchpoint){.addr = addr, .len = len, .kind = kind};
	watch_drop_translations(m, addr, len);
	return 0;
}

int machine_watch_remove(struct machine *m, uint64_t addr, uint64_t len,
			 enum watch_kind kind)
{
	for (int i = 0; i < m->nwatch; i++) {
		struct watchpoint *w = &m->watch[i];
		if (w->addr == addr && w->len == len && w->kind == kind) {
			*w = m->watch[--m->nwatch];
			return 0;
		}
	}
	return -ENOENT;
}

bool machine_watch_reads(const struct machine *m)
{
	for (int i = 0; i < m->nwatch; i++)
		if (m->watch[i].kind & WATCH_READ)
			return true;
	return false;
}

bool machine_watch_page(const struct machine *m, uint64_t va)
{
	for (int i = 0; i < m->nwatch; i++)
		if (watch_overlaps(&m->watch[i], va & ~0xfffull, 0x1000))
			return true;
	return false;
}

void machine_watch_access(struct hart *h, uint64_t va, unsigned size,
			  bool write)
{
	struct machine *m = h->m;
	for (int i = 0; i < m->nwatch; i++) {
		const struct watchpoint *w = &m->watch[i];
		unsigned want = write ? WATCH_WRITE : WATCH_READ;
		if (!(w->kind & want) || !watch_overlaps(w, va, size))
			continue;
		m->watch_hit =
			(struct watch_hit){.addr = va > w->addr ? va : w->addr,
					   .kind = w->kind,
					   .write = write,
					   .hart = (int)h->hartid};
		h->stop = STOP_WATCH;
		return;
	}
}

void machine_watch_writes(struct machine *m, const struct bus_watch *w)
{
	m->bus.watch = *w;
	if (!w->fn)
		return;
	/* Stores through a cached write translation bypass the bus: drop
	 * those of the watched pages (their tags are virtual, so look at
	 * where each points). */
	for (int i = 0; i < m->nharts; i++) {
		for (int s = 0; s < TLB_SETS; s++) {
			struct tlb_entry *e = m->harts[i]->tlb[s].w;
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				uint64_t off;
				if (e[k].tag == TLB_INVALID)
					continue;
				int r = bus_host_region(
					&m->bus,
					(const void *)tlb_host_page(&e[k]),
					&off);
				uint64_t pa =
					r < 0 ? 0 : m->bus.region[r].base + off;
				if (r >= 0 && pa <= w->hi &&
				    w->lo <= pa + (PAGE_SIZE - 1))
					e[k].tag = TLB_INVALID;
			}
		}
	}
}
