/* The device registry: the types in board order, and attaching their
 * instances to a machine. */
#include "registry.h"
#include "../machine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct dev_type *types[DEV_MAX_TYPES];
static int ntypes;

static int dev_before(const struct dev_type *a, const struct dev_type *b)
{
	if (a->order != b->order)
		return a->order < b->order;
	return strcmp(a->name, b->name) < 0;
}

void dev_register(const struct dev_type *t)
{
	/* Constructors cannot report errors, and a full table is a build
	 * mistake, not a condition to run on with. */
	if (ntypes == DEV_MAX_TYPES) {
		fprintf(stderr, "rewind: more than %d device types\n",
			DEV_MAX_TYPES);
		abort();
	}
	int i = ntypes++;
	for (; i > 0 && dev_before(t, types[i - 1]); i--)
		types[i] = types[i - 1];
	types[i] = t;
}

const struct dev_type *const *dev_types(int *n)
{
	*n = ntypes;
	return types;
}

uint64_t dev_base(const struct dev_type *t, int slot)
{
	return t->base + t->size * (uint64_t)slot;
}

int dev_attach(struct machine *m, const struct dev_type *t, int slot, void *dev)
{
	const struct dev_type *w = t->transport ? t->transport : t;
	if (m->ndevices == MACHINE_MAX_DEVICES)
		return -ENOSPC;
	struct mmio_dev d = {.name = t->name,
			     .base = dev_base(w, slot < 0 ? 0 : slot),
			     .size = w->size,
			     .opaque = dev,
			     .read = w->read,
			     .write = w->write};
	int rc = bus_add_device(&m->bus, &d);
	if (rc)
		return rc;
	m->devices[m->ndevices++] =
		(struct device){.type = t, .dev = dev, .slot = slot};
	return 0;
}
