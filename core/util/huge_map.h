/* Anonymous memory in whole 2 MiB huge pages, populated at once: for
 * buffers of many pages that are written straight away (a snapshot's page
 * copy, a checkpoint's raw pages), where a fault per 4 KiB page would cost
 * more than the copy itself. */
#ifndef REWIND_HUGE_MAP_H
#define REWIND_HUGE_MAP_H

#include <stddef.h>

#define HUGE_MAP_ALIGN ((size_t)2 << 20)

/* bytes rounded up to HUGE_MAP_ALIGN. */
static inline size_t huge_map_round(size_t bytes)
{
	return (bytes + HUGE_MAP_ALIGN - 1) / HUGE_MAP_ALIGN * HUGE_MAP_ALIGN;
}

/* A mapping of huge_map_round(bytes) bytes aligned to HUGE_MAP_ALIGN, with
 * huge pages asked for and every page populated (both only advice: the
 * mapping works without them). NULL when there is no memory. Free with
 * munmap(p, huge_map_round(bytes)). */
void *huge_map_populated(size_t bytes);

#endif
