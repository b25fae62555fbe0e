/* Putting firmware, kernel, initrd and device tree into a fresh machine and
 * pointing its harts at them. */
#ifndef REWIND_CORE_BOOT_H
#define REWIND_CORE_BOOT_H

#include <stddef.h>

struct machine;

#define BOOT_DEFAULT_BIOS                                                      \
	"/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"

struct boot_config {
	const char *bios;   /* NULL: BOOT_DEFAULT_BIOS; "none": no firmware */
	const char *kernel; /* NULL: firmware only */
	const char *initrd;
	const char *append;
};

/* With firmware: every hart starts in M-mode at the boot ROM (0x1000),
 * which enters the firmware with a0 = hart id, a1 = device tree, a2 =
 * fw_dynamic_info naming the kernel. With --bios none: every hart starts
 * at the ELF kernel's entry in M-mode with a0 = hart id, a1 = device tree.
 * Returns 0, or -1 with a message in err. */
int boot_machine(struct machine *m, const struct boot_config *bc, char *err,
		 size_t errlen);

#endif
