/* Physical memory mode: gdb's memory packets name guest-physical
 * addresses instead of virtual ones, switched by the protocol's
 * Qqemu.PhyMemMode:1 or by `monitor phys on`. The mode lives in the
 * debugger, and reads and writes both translate through debug_translate,
 * so the two switches and the two directions always agree. */
#include "../core/mmu.h"
#include "debug_impl.h"

#include <errno.h>
#include <string.h>

int debug_translate(struct debugger *d, int thread, uint64_t addr, uint64_t *pa)
{
	if (d->phys) {
		*pa = addr;
		return 0;
	}
	return mmu_debug_translate(debug_hart(d, thread), addr, pa);
}

int debug_phys_mode(void *ctx, int phys)
{
	struct debugger *d = ctx;
	if (phys > 1)
		return -EINVAL;
	if (phys >= 0)
		d->phys = phys;
	return d->phys;
}

int debug_monitor_phys(struct debugger *d, const char *arg, char *out,
		       size_t outlen)
{
	while (*arg == ' ')
		arg++;
	if (!strcmp(arg, "on"))
		d->phys = true;
	else if (!strcmp(arg, "off"))
		d->phys = false;
	else if (*arg) {
		debug_say(out, outlen, "usage: monitor phys [on|off]\n");
		return -1;
	}
	debug_say(out, outlen,
		  d->phys ? "memory accesses use physical addresses "
			    "(memory only; device windows read as errors)\n"
			  : "memory accesses use virtual addresses, as "
			    "the selected hart sees them\n");
	return 0;
}
