/* The test finisher: the guest's way to power off, fail or reboot. */
#include "finisher.h"
#include "../fdt_build.h"
#include "../machine.h"

#include <libfdt.h>
#include <stdlib.h>

#define FINISHER_FAIL  0x3333
#define FINISHER_PASS  0x5555
#define FINISHER_RESET 0x7777

struct finisher {
	struct machine *m;
};

static int finisher_read(void *opaque, uint64_t off, unsigned size,
			 uint64_t *val)
{
	(void)opaque;
	(void)off;
	(void)size;
	*val = 0;
	return 0;
}

int finisher_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct finisher *f = opaque;
	/* The command is the low 16 bits; firmware may write just those
	 * (a 16-bit store), and a fail code then reads as 0. */
	if (off != 0 || size < 2)
		return 0;
	switch (val & 0xffff) {
	case FINISHER_PASS: machine_exit(f->m, MEXIT_POWEROFF, 0); break;
	case FINISHER_FAIL:
		/* A fail code of 0 would read as success: report 1. */
		machine_exit(f->m, MEXIT_FAIL,
			     (val >> 16) & 0xffff ? (int)((val >> 16) & 0xffff)
						  : 1);
		break;
	case FINISHER_RESET: machine_exit(f->m, MEXIT_RESET, 0); break;
	default: break;
	}
	return 0;
}

/* The phandle that the poweroff and reboot nodes refer to. */
#define FINISHER_PHANDLE 2

static int finisher_fdt(void *fdt, const struct machine *m)
{
	(void)m;
	return fdt_property_u32(fdt, "phandle", FINISHER_PHANDLE);
}

/* Poweroff and reboot through the finisher, as syscon consumers. */
static int fdt_syscon_action(void *fdt, const char *name, const char *compat,
			     uint32_t value)
{
	FDT_TRY(fdt_begin_node(fdt, name));
	FDT_TRY(fdt_property_string(fdt, "compatible", compat));
	FDT_TRY(fdt_property_u32(fdt, "regmap", FINISHER_PHANDLE));
	FDT_TRY(fdt_property_u32(fdt, "offset", 0));
	FDT_TRY(fdt_property_u32(fdt, "value", value));
	return fdt_end_node(fdt);
}

static int finisher_fdt_board(void *fdt, const struct machine *m)
{
	(void)m;
	FDT_TRY(fdt_syscon_action(fdt, "poweroff", "syscon-poweroff",
				  FINISHER_PASS));
	return fdt_syscon_action(fdt, "reboot", "syscon-reboot",
				 FINISHER_RESET);
}

/* Last on the board: its node follows the others in the device tree. It
 * has no state to save or reset. */
static const struct dev_type finisher_type = {
	.name = "finisher",
	.order = 90,
	.mmio = {FINISHER_BASE, FINISHER_SIZE, finisher_read, finisher_write},
	DEV_NODE("test", "sifive,test1\0sifive,test0\0syscon"),
	.fdt = finisher_fdt,
	.fdt_board = finisher_fdt_board,
	DEV_INSTANCE(struct finisher),
};
DEV_REGISTER(finisher_type)
