/* The dirty-page bitmap between checkpoints. Writes through a cached write
 * translation do not mark pages (that is what makes them cheap), so a page
 * a hart can still write without a page walk counts as dirty from the
 * moment the bitmap is cleared. Dropping those translations instead would
 * be visible to the guest: whether a store walks the page tables decides
 * when A/D bits are set.
 *
 * The touched sets follow the same rule for virtual pages, which is what
 * watchpoints and breakpoints compare against: a store reaches a page
 * either through a write translation cached at the reset (noted here) or
 * through the slow path (noted there, mmu.c, also when it fills the
 * cache); code runs from a page found through the jump cache or the fetch
 * translations cached at the reset (noted here), or fetched the slow way
 * (noted there). A block chains only within its page. So every virtual
 * page stored to or run from until the next reset is in the sets, whatever
 * satp, the page tables, MPRV or the privilege do meanwhile. */
#include "machine.h"

static void machine_touch_reset(struct machine *m)
{
	pageset_clear(&m->touched_w);
	pageset_clear(&m->touched_x);
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		for (int s = 0; s < TLB_SETS; s++) {
			const struct tlb_set *set = &h->tlb[s];
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				if (set->w[k].tag != TLB_INVALID)
					pageset_add(&m->touched_w,
						    set->w[k].tag >> 12);
				if (set->x[k].tag != TLB_INVALID)
					pageset_add(&m->touched_x,
						    set->x[k].tag >> 12);
			}
		}
		for (int p = 0; p < 4; p++)
			for (unsigned k = 0; k < JCACHE_SIZE; k++)
				if (h->jcache[p].e[k].block)
					pageset_add(&m->touched_x,
						    h->jcache[p].e[k].pc >> 12);
	}
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
