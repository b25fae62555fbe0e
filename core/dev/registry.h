/* Devices that describe themselves.
 *
 * Each device type is one file that declares one struct dev_type and
 * registers it with DEV_REGISTER. Board setup (machine_new, machine_reboot,
 * machine_free), snapshots (machine_save, machine_load) and the device-tree
 * builder walk the registry and the instances it created; none of them names
 * a device. Adding a device is adding its file.
 *
 * Registration runs from a constructor, so the object must be linked in:
 * the binary links every object, and whatever links the library archive
 * does so whole (-Wl,--whole-archive), since nothing refers to a device
 * file by name. The board order never depends on link order: types are
 * kept sorted by their fixed `order` numbers. */
#ifndef REWIND_DEV_REGISTRY_H
#define REWIND_DEV_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

struct machine;
struct machine_config;
struct state_buf;
struct state_reader;

typedef int (*dev_read_fn)(void *dev, uint64_t off, unsigned size,
			   uint64_t *val);
typedef int (*dev_write_fn)(void *dev, uint64_t off, unsigned size,
			    uint64_t val);

struct dev_type {
	const char *name;
	/* The type's place on the board: types are created, written into
	 * the device tree and saved (with their instances, in creation
	 * order) in ascending order, ties by name. The numbers are the
	 * board's, so that guests and snapshots see one fixed order. */
	unsigned order;
	/* The MMIO window and the first PLIC source (0: none). A slotted
	 * type (the virtio-mmio transport) has slot n at base + n * size
	 * on source irq + n. read and write serve the window. */
	uint64_t base, size;
	unsigned irq;
	dev_read_fn read;
	dev_write_fn write;
	/* The FDT node name (e.g. "serial"), and whether the node is the
	 * console that /chosen's stdout-path names. */
	const char *node;
	int console;
	/* A device behind a transport (virtio-blk behind virtio-mmio): its
	 * instances live in the transport's window, the transport's reset
	 * and state section come before the device's own, and its free
	 * after. */
	const struct dev_type *transport;
	/* Create this type's instances on m from the configuration (none,
	 * one, or one per disk) with dev_attach. 0, or a negative errno
	 * with a message in err (or none: out of memory is said for it).
	 * NULL: the type has no instances of its own (a transport). */
	int (*create)(struct machine *m, const struct machine_config *cfg,
		      char *err, size_t errlen);
	/* Write the type's nodes under /soc (fdt) and at the root after
	 * /soc (fdt_board); libfdt errors. NULL: none. */
	int (*fdt)(void *fdt, const struct machine *m,
		   const struct dev_type *t);
	int (*fdt_board)(void *fdt, const struct machine *m);
	/* What the machine's configuration record in a state (section MACH)
	 * holds of this type's instances (e.g. the device in each virtio
	 * slot), and the check that a state fits this machine: 0, or
	 * -EINVAL with a message. Leaves a cut short to the caller (r->bad).
	 * NULL: nothing. */
	void (*config_save)(const struct machine *m, struct state_buf *b);
	int (*config_check)(const struct machine *m, struct state_reader *r,
			    char *err, size_t errlen);
	/* Back to power-on for a reboot (NULL: nothing to do); host-side
	 * state such as a disk's contents survives. */
	void (*reset)(void *dev);
	/* The state section `tag` (NULL: the device has no state). save:
	 * 0 or -ENOMEM. load changes nothing unless the whole state is
	 * valid: 0, -EINVAL or -ENOMEM. */
	const char *tag;
	int (*save)(const void *dev, struct state_buf *b);
	int (*load)(void *dev, struct state_reader *r);
	/* Free an instance at teardown (NULL: nothing of its own). */
	void (*free)(void *dev);
};

/* One device on a machine: its type, its state and its slot (-1 for an
 * unslotted type). */
struct device {
	const struct dev_type *type;
	void *dev;
	int slot;
};

#define DEV_MAX_TYPES 32

/* Add a type to the registry, keeping it sorted; from DEV_REGISTER. */
void dev_register(const struct dev_type *t);
/* The registered types in board order; *n is their count. */
const struct dev_type *const *dev_types(int *n);

/* One registration per file: the constructor's name is fixed. */
#define DEV_REGISTER(type)                                                     \
	__attribute__((constructor)) static void dev_register_self(void)       \
	{                                                                      \
		dev_register(&(type));                                         \
	}

/* Put instance `dev` of t on m: the window of `slot` (-1 for an unslotted
 * type; the transport's slot for a device behind one) serves reads and
 * writes, and the board resets, saves and frees it. 0 or -ENOSPC. */
int dev_attach(struct machine *m, const struct dev_type *t, int slot,
	       void *dev);

/* The MMIO window of `slot` of t. */
uint64_t dev_base(const struct dev_type *t, int slot);

#endif
