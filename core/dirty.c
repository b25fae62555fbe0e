/* The dirty-page bitmap between checkpoints. Writes through a cached write
 * translation do not mark pages (that is what makes them cheap), so a page
 * a hart can still write without a page walk counts as dirty from the
 * moment the bitmap is cleared. Dropping those translations instead would
 * be visible to the guest: whether a store walks the page tables decides
 * when A/D bits are set.
 *
 * The touched sets (while a timeline keeps them) are the virtual lines the
 * harts stored to and pages they ran code from, which is what watchpoints
 * and breakpoints compare against, and the physical lines written, which
 * is what `last-write` watches. For those, the reset parks the cached
 * write and fetch translations and jump-cache entries instead: each stays
 * as it was but misses, and the miss uses it without a walk (nothing the
 * guest can see) and notes the page. A store or fetch that finds no
 * translation takes the slow path, which notes its page too (mmu.c); a
 * block chains only within its page. So every virtual page stored to or
 * run from until the next reset is noted, whatever satp, the page tables,
 * MPRV or the privilege do meanwhile, and pages merely cached are not.
 *
 * Stores are noted by 64-byte line (core/util/lineset.h): a parked write
 * translation stays parked, so each store through it is noted with its
 * lines, virtual and physical, until its page has had LINESET_NOTES of
 * them; then the page counts whole, virtually and physically, and the
 * translation is back in use. A translation made meanwhile is parked at
 * once while its page is still noted by line (machine_fill_write). The
 * bus notes the physical lines of every other write: slow-path stores,
 * AMOs and SCs off the fast path, page-table A/D updates, DMA, the
 * debugger (bus_note_rmw). */
#include "machine.h"

static void machine_touch_reset(struct machine *m)
{
	lineset_clear(&m->touched_w);
	lineset_clear(&m->touched_p);
	pageset_clear(&m->touched_x);
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		for (int s = 0; s < TLB_SETS; s++) {
			struct tlb_set *set = &h->tlb[s];
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				if (set->w[k].tag != TLB_INVALID)
					set->w[k].tag |= TLB_PARKED;
				if (set->x[k].tag != TLB_INVALID)
					set->x[k].tag |= TLB_PARKED;
			}
		}
		/* pcs are even: an odd one never matches. */
		for (int p = 0; p < 4; p++)
			for (unsigned k = 0; k < JCACHE_SIZE; k++)
				if (h->jcache[p].e[k].block)
					h->jcache[p].e[k].pc |= 1;
	}
}

/* Page va of e counts whole from now on: both its virtual page and the
 * physical page e maps are noted whole, and e is back in use. */
static void machine_unpark_whole(struct machine *m, struct tlb_entry *e,
				 uint64_t va)
{
	e->tag &= ~TLB_PARKED;
	if (!m->touch_on)
		return;
	lineset_add_page(&m->touched_w, va >> 12);
	uint64_t off;
	int i = bus_host_region(&m->bus, (const void *)tlb_host_page(e), &off);
	if (i >= 0)
		lineset_add_page(&m->touched_p,
				 (m->bus.region[i].base + off) >> 12);
	else
		lineset_add_all(&m->touched_p); /* cannot happen: be safe */
}

bool machine_unpark_write(struct hart *h, uint64_t va)
{
	struct tlb_entry *e = &h->dtlb->w[tlb_index(va)];
	if (e->tag != ((va & ~0xfffull) | TLB_PARKED))
		return false;
	machine_unpark_whole(h->m, e, va);
	return true;
}

void *machine_store_parked(struct hart *h, uint64_t va, unsigned size)
{
	struct tlb_entry *e = &h->dtlb->w[tlb_index(va)];
	if (e->tag != ((va & ~0xfffull) | TLB_PARKED) || (va & (size - 1)))
		return NULL;
	struct machine *m = h->m;
	uint8_t *host = (uint8_t *)(e->addend + (uintptr_t)va);
	if (!m->touch_on || !lineset_add(&m->touched_w, va, size)) {
		machine_unpark_whole(m, e, va);
		return host;
	}
	uint64_t off;
	int i = bus_host_region(&m->bus, host, &off);
	if (i >= 0)
		lineset_add(&m->touched_p, m->bus.region[i].base + off, size);
	else
		lineset_add_all(&m->touched_p);
	return host;
}

void machine_fill_write(struct hart *h, struct tlb_entry *e, uint64_t pa)
{
	struct machine *m = h->m;
	if (!m->touch_on)
		return;
	if (lineset_fine(&m->touched_w, e->tag >> 12))
		e->tag |= TLB_PARKED;
	else
		lineset_add_page(&m->touched_p, pa >> 12);
}

void machine_dirty_reset(struct machine *m)
{
	struct mem_region *r = m->ram;
	memset(r->dirty, 0, ((r->size >> PAGE_SHIFT) + 63) / 64 * 8);
	for (int i = 0; i < m->nharts; i++) {
		for (int s = 0; s < TLB_SETS; s++) {
			const struct tlb_entry *w = m->harts[i]->tlb[s].w;
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				if (w[k].tag == TLB_INVALID)
					continue;
				uintptr_t off = tlb_host_page(&w[k]) -
						(uintptr_t)r->host;
				if (off < r->size)
					r->dirty[off >> PAGE_SHIFT >> 6] |=
						1ull
						<< (off >> PAGE_SHIFT & 63);
			}
		}
	}
	if (m->touch_on)
		machine_touch_reset(m);
}
