#include "finisher.h"
#include "../machine.h"

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

struct finisher *finisher_new(struct machine *m)
{
	struct finisher *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->m = m;
	struct mmio_dev d = {.name = "finisher",
			     .base = FINISHER_BASE,
			     .size = FINISHER_SIZE,
			     .opaque = f,
			     .read = finisher_read,
			     .write = finisher_write};
	if (bus_add_device(&m->bus, &d)) {
		free(f);
		return NULL;
	}
	return f;
}

void finisher_free(struct finisher *f)
{
	free(f);
}
