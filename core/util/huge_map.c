#include "huge_map.h"

#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older headers lack it */
#endif

void *huge_map_populated(size_t bytes)
{
	size_t len = huge_map_round(bytes);
	/* One alignment's worth more, so that an aligned stretch of len fits;
	 * the ends outside it are given back. */
	uint8_t *p = mmap(NULL, len + HUGE_MAP_ALIGN, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	size_t lead = (HUGE_MAP_ALIGN - (uintptr_t)p % HUGE_MAP_ALIGN) %
		      HUGE_MAP_ALIGN;
	if (lead)
		munmap(p, lead);
	if (HUGE_MAP_ALIGN - lead)
		munmap(p + lead + len, HUGE_MAP_ALIGN - lead);
	p += lead;
	madvise(p, len, MADV_HUGEPAGE);
	madvise(p, len, MADV_POPULATE_WRITE);
	return p;
}
