/* The device tree describing the machine, generated from its configuration
 * so that firmware and kernels find exactly the devices that exist. The
 * builder writes the board (memory, harts, /chosen) and a node for every
 * registered device type as its descriptor says; a type's fdt hook adds
 * the properties of its own (with the helpers below). */
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

/* Phandles the builder hands out: the interrupt parent of every device on
 * the PLIC, one interrupt controller per hart from FDT_PH_CPU_INTC0, and
 * the harts themselves from FDT_PH_CPU0 (named by cpu-map). Devices that
 * need one of their own take a number between. */
enum { FDT_PH_PLIC = 1, FDT_PH_CPU_INTC0 = 16, FDT_PH_CPU0 = 32 };

/* Each call returns a libfdt error; `FDT_TRY` stops at the first one. */
#define FDT_TRY(call)                                                          \
	do {                                                                   \
		int err_ = (call);                                             \
		if (err_ < 0)                                                  \
			return err_;                                           \
	} while (0)

/* interrupts-extended pairs for every hart: <&intc irq_a &intc irq_b ...> */
int fdt_build_irqs_per_hart(void *fdt, const struct machine *m, uint32_t irq_a,
			    uint32_t irq_b);

#endif
