/* The device tree describing the machine, generated from its configuration
 * so that firmware and kernels find exactly the devices that exist. */
#ifndef REWIND_CORE_FDT_BUILD_H
#define REWIND_CORE_FDT_BUILD_H

#include <stddef.h>
#include <stdint.h>

struct machine;

struct fdt_params {
	const char *bootargs;		   /* NULL: none */
	uint64_t initrd_start, initrd_end; /* both 0: no initrd */
};

/* Write the flattened device tree into buf (size bytes). Returns its size,
 * or a negative libfdt error when it does not fit. */
int fdt_build(const struct machine *m, const struct fdt_params *p, void *buf,
	      size_t size);

#endif
