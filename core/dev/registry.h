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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;
struct machine_config;
struct state_buf;
struct state_io;
struct state_reader;

typedef int (*dev_read_fn)(void *dev, uint64_t off, unsigned size,
			   uint64_t *val);
typedef int (*dev_write_fn)(void *dev, uint64_t off, unsigned size,
			    uint64_t val);

/* An MMIO window and its handlers. */
struct dev_mmio {
	uint64_t base, size;
	dev_read_fn read;
	dev_write_fn write;
};

/* A state section: tag, and the hooks that write and read its contents.
 * save: 0 or -ENOMEM. load changes nothing unless the whole state is
 * valid: 0, -EINVAL or -ENOMEM. A type of fixed instance_size whose state
 * is a plain list of fields gives fields instead (and valid, when not
 * every value read is one its registers could hold): the registry saves
 * and loads with it, loading into a copy that replaces the instance only
 * when all of it was read and is valid. */
struct dev_state {
	const char *tag; /* NULL: the device has no state */
	int (*save)(const void *dev, struct state_buf *b);
	int (*load)(void *dev, struct state_reader *r);
	void (*fields)(struct state_io *io, void *dev);
	bool (*valid)(const void *dev);
};

/* The node name and `compatible` list (NULs between the strings) of a
 * type's device-tree node: DEV_NODE("test", "sifive,test1\0syscon"). */
#define DEV_NODE(node_name, compat_list)                                       \
	.node = (node_name), .compat = (compat_list),                          \
	.compat_len = sizeof(compat_list)

/* The instance type of a type with one instance per machine. It begins
 * with `struct machine *m`, which dev_create sets, so no init has to; the
 * array size below fails to compile for a type that does not. */
#define DEV_INSTANCE(type)                                                     \
	.instance_size = sizeof(type) +                                        \
			 0 * sizeof(char[offsetof(type, m) == 0 ? 1 : -1])

struct dev_type {
	const char *name;
	/* The type's place on the board: types are created, written into
	 * the device tree and saved (with their instances, in creation
	 * order) in ascending order, ties by name. The numbers are the
	 * board's, so that guests and snapshots see one fixed order. */
	unsigned order;
	/* The MMIO window and the first PLIC source (0: none). A type with
	 * `slots` windows side by side (the virtio-mmio transport) has slot
	 * n at base + n * size on source irq + n. */
	struct dev_mmio mmio;
	unsigned irq;
	int slots;
	/* The device-tree node, one per slot, under /soc (NULL node: none).
	 * The builder writes compatible, reg and the interrupt; fdt adds the
	 * rest. fdt_board writes nodes at the root after /soc. console: the
	 * node that /chosen's stdout-path names. */
	const char *node, *compat;
	size_t compat_len;
	int (*fdt)(void *fdt, const struct machine *m);
	int (*fdt_board)(void *fdt, const struct machine *m);
	int console;
	/* A device behind a transport (virtio-blk behind virtio-mmio): its
	 * instances live in the transport's windows, and the transport's
	 * reset and state section come before the device's own, its free
	 * after. */
	const struct dev_type *transport;
	/* Instances. A type with one instance per machine gives its size
	 * with DEV_INSTANCE and init (called once it is zeroed, holds its
	 * machine and is on the bus; a failure leaves it to machine_free;
	 * NULL: nothing more to do). Any other type gives create, which
	 * makes its instances (none, one, one per disk) with dev_attach: 0,
	 * or a negative errno with a message in err (none: out of memory is
	 * said for it). */
	size_t instance_size;
	int (*init)(void *dev, struct machine *m);
	int (*create)(struct machine *m, const struct machine_config *cfg,
		      char *err, size_t errlen);
	/* Back to power-on for a reboot (NULL: nothing to do); host-side
	 * state such as a disk's contents survives. */
	void (*reset)(void *dev);
	struct dev_state state;
	/* What the machine's configuration record in a state (section MACH)
	 * holds of this type's instances (e.g. the device in each virtio
	 * slot), and the check that a state fits this machine: 0, or
	 * -EINVAL with a message. Leaves a cut short to the caller (r->bad).
	 * NULL: nothing. */
	void (*config_save)(const struct machine *m, struct state_buf *b);
	int (*config_check)(const struct machine *m, struct state_reader *r,
			    char *err, size_t errlen);
	/* Free an instance at teardown. NULL: free() the instance, or for a
	 * device behind a transport, nothing of its own. */
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

/* Create t's instances on m (create, or one of instance_size). */
int dev_create(struct machine *m, const struct dev_type *t,
	       const struct machine_config *cfg, char *err, size_t errlen);
/* Free instance d (the type's free hook, then its transport's). */
void dev_free(const struct device *d);

/* Write or read the state section contents of instance dev of t, by its
 * save and load hooks or its field list (see struct dev_state). */
int dev_state_save(const struct dev_type *t, const void *dev,
		   struct state_buf *b);
int dev_state_load(const struct dev_type *t, void *dev, struct state_reader *r);

/* The MMIO window of `slot` of t. */
uint64_t dev_base(const struct dev_type *t, int slot);

#endif
