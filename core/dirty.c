/* The dirty-page bitmap between checkpoints. Writes through a cached write
 * translation do not mark pages (that is what makes them cheap), so a page
 * a hart can still write without a page walk counts as dirty from the
 * moment the bitmap is cleared. Dropping those translations instead would
 * be visible to the guest: whether a store walks the page tables decides
 * when A/D bits are set.
 *
 * The touched sets (while a timeline keeps them) are the virtual pages the
 * harts stored to and ran code from, which is what watchpoints and
 * breakpoints compare against. For those, the reset parks the cached
 * write and fetch translations and jump-cache entries instead: each stays
 * as it was but misses once, and the miss puts it back without a walk
 * (nothing the guest can see) and notes the page. A store or fetch that
 * finds no translation takes the slow path, which notes its page too
 * (mmu.c); a block chains only within its page. So every virtual page
 * stored to or run from until the next reset is noted, whatever satp, the
 * page tables, MPRV or the privilege do meanwhile, and pages merely
 * cached are not. */
#include "machine.h"

static void machine_touch_reset(struct machine *m)
{
	pageset_clear(&m->touched_w);
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

bool machine_unpark_write(struct hart *h, uint64_t va)
{
	struct tlb_entry *e = &h->dtlb->w[tlb_index(va)];
	if (e->tag != ((va & ~0xfffull) | TLB_PARKED))
		return false;
	e->tag &= ~TLB_PARKED;
	machine_touch(h->m, &h->m->touched_w, va);
	return true;
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
