/* The dirty-page bitmap between checkpoints. Writes through a cached write
 * translation do not mark pages (that is what makes them cheap), so a page
 * a hart can still write without a page walk counts as dirty from the
 * moment the bitmap is cleared. Dropping those translations instead would
 * be visible to the guest: whether a store walks the page tables decides
 * when A/D bits are set. */
#include "machine.h"

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
}
