/* Starting the dirty-page bitmap over, as incremental snapshots need. */
#include "../core/machine.h"
#include "snapshot.h"

#include <string.h>

void snapshot_dirty_restart(struct machine *m)
{
	struct mem_region *ram = m->ram;
	memset(ram->dirty, 0,
	       ((ram->size >> PAGE_SHIFT) + 63) / 64 * sizeof(uint64_t));
	/* A hart stores through a write TLB entry without telling the bus:
	 * the bus marked the page when the entry was made. Such pages stay
	 * marked, since flushing the entries instead would change whether a
	 * later access walks the page tables, which the guest can see. */
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		for (int s = 0; s < 4; s++) {
			const struct tlb_entry *w = h->tlb[s].w;
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				if (w[k].tag == TLB_INVALID)
					continue;
				uint64_t off;
				uintptr_t host = w[k].addend +
						 (uintptr_t)(w[k].tag << 12);
				int reg = bus_host_region(
					&m->bus, (const void *)host, &off);
				if (reg < 0 || &m->bus.region[reg] != ram)
					continue;
				uint64_t p = off >> PAGE_SHIFT;
				ram->dirty[p / 64] |= 1ull << (p % 64);
			}
		}
	}
}
