/* The device registry: the types in board order, and attaching their
 * instances to a machine. */
#include "registry.h"
#include "../machine.h"
#include "../state.h"

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
	return t->mmio.base + t->mmio.size * (uint64_t)slot;
}

int dev_attach(struct machine *m, const struct dev_type *t, int slot, void *dev)
{
	const struct dev_type *w = t->transport ? t->transport : t;
	if (m->ndevices == MACHINE_MAX_DEVICES)
		return -ENOSPC;
	struct mmio_dev d = {.name = t->name,
			     .base = dev_base(w, slot < 0 ? 0 : slot),
			     .size = w->mmio.size,
			     .opaque = dev,
			     .read = w->mmio.read,
			     .write = w->mmio.write};
	int rc = bus_add_device(&m->bus, &d);
	if (rc)
		return rc;
	m->devices[m->ndevices++] =
		(struct device){.type = t, .dev = dev, .slot = slot};
	return 0;
}

int dev_create(struct machine *m, const struct dev_type *t,
	       const struct machine_config *cfg, char *err, size_t errlen)
{
	if (t->create)
		return t->create(m, cfg, err, errlen);
	if (!t->instance_size)
		return 0;
	void *dev = calloc(1, t->instance_size);
	if (dev)
		*(struct machine **)dev = m; /* see DEV_INSTANCE */
	if (!dev || dev_attach(m, t, -1, dev)) {
		free(dev);
		return -ENOMEM;
	}
	return t->init ? t->init(dev, m) : 0;
}

void dev_free(const struct device *d)
{
	const struct dev_type *t = d->type, *tr = t->transport;
	if (t->free)
		t->free(d->dev);
	else if (!tr)
		free(d->dev);
	if (tr && tr->free)
		tr->free(d->dev);
}

int dev_state_save(const struct dev_type *t, const void *dev,
		   struct state_buf *b)
{
	if (t->state.save)
		return t->state.save(dev, b);
	/* Saving only reads the fields the list points at. */
	t->state.fields(&(struct state_io){.b = b}, (void *)dev);
	return 0;
}

int dev_state_load(const struct dev_type *t, void *dev, struct state_reader *r)
{
	if (t->state.load)
		return t->state.load(dev, r);
	void *copy = malloc(t->instance_size);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, dev, t->instance_size);
	t->state.fields(&(struct state_io){.r = r}, copy);
	int rc = r->bad || (t->state.valid && !t->state.valid(copy)) ? -EINVAL
								     : 0;
	if (!rc)
		memcpy(dev, copy, t->instance_size);
	free(copy);
	return rc;
}
