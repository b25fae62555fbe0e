/* The virtio-mmio transport (version 2, modern only) and the split-virtqueue
 * engine every virtio device here shares.
 *
 * Everything the guest hands the device (queue sizes, ring addresses,
 * descriptor indices, lengths and addresses) is checked before use; a guest
 * that breaks the rules gets the device into DEVICE_NEEDS_RESET, never a
 * host crash. Requests complete at icount-determined times: a notify
 * schedules its batch VIRTIO_LATENCY_INSNS (plus a cost per 4 KiB moved)
 * instructions ahead, and the device does the work when virtual time gets
 * there. */
#ifndef REWIND_DEV_VIRTIO_MMIO_H
#define REWIND_DEV_VIRTIO_MMIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"

struct machine;
struct virtio_mmio;

#define VIRTIO_MMIO_BASE  0x10001000ull /* slot n at BASE + n * SIZE */
#define VIRTIO_MMIO_SIZE  0x1000ull
#define VIRTIO_MMIO_MAGIC 0x74726976u /* "virt" */
#define IRQ_VIRTIO_FIRST  1	      /* slot n raises PLIC source 1 + n */

/* Register offsets (virtio 1.x, "Virtio Over MMIO"). */
enum {
	VIRTIO_MMIO_MAGIC_VALUE = 0x000,
	VIRTIO_MMIO_VERSION = 0x004,
	VIRTIO_MMIO_DEVICE_ID = 0x008,
	VIRTIO_MMIO_VENDOR_ID = 0x00c,
	VIRTIO_MMIO_DEVICE_FEATURES = 0x010,
	VIRTIO_MMIO_DEVICE_FEATURES_SEL = 0x014,
	VIRTIO_MMIO_DRIVER_FEATURES = 0x020,
	VIRTIO_MMIO_DRIVER_FEATURES_SEL = 0x024,
	VIRTIO_MMIO_QUEUE_SEL = 0x030,
	VIRTIO_MMIO_QUEUE_NUM_MAX = 0x034,
	VIRTIO_MMIO_QUEUE_NUM = 0x038,
	VIRTIO_MMIO_QUEUE_READY = 0x044,
	VIRTIO_MMIO_QUEUE_NOTIFY = 0x050,
	VIRTIO_MMIO_INTERRUPT_STATUS = 0x060,
	VIRTIO_MMIO_INTERRUPT_ACK = 0x064,
	VIRTIO_MMIO_STATUS = 0x070,
	VIRTIO_MMIO_QUEUE_DESC_LOW = 0x080,
	VIRTIO_MMIO_QUEUE_DESC_HIGH = 0x084,
	VIRTIO_MMIO_QUEUE_DRIVER_LOW = 0x090,
	VIRTIO_MMIO_QUEUE_DRIVER_HIGH = 0x094,
	VIRTIO_MMIO_QUEUE_DEVICE_LOW = 0x0a0,
	VIRTIO_MMIO_QUEUE_DEVICE_HIGH = 0x0a4,
	VIRTIO_MMIO_SHM_SEL = 0x0ac,
	VIRTIO_MMIO_SHM_LEN_LOW = 0x0b0,
	VIRTIO_MMIO_SHM_LEN_HIGH = 0x0b4,
	VIRTIO_MMIO_SHM_BASE_LOW = 0x0b8,
	VIRTIO_MMIO_SHM_BASE_HIGH = 0x0bc,
	VIRTIO_MMIO_CONFIG_GENERATION = 0x0fc,
	VIRTIO_MMIO_CONFIG = 0x100,
};

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE	 0x01
#define VIRTIO_STATUS_DRIVER		 0x02
#define VIRTIO_STATUS_DRIVER_OK		 0x04
#define VIRTIO_STATUS_FEATURES_OK	 0x08
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED		 0x80

/* InterruptStatus bits. */
#define VIRTIO_INT_USED_BUFFER 0x1
#define VIRTIO_INT_CONFIG      0x2

#define VIRTIO_F_VERSION_1 32

/* Split virtqueue layout. */
#define VIRTQ_DESC_F_NEXT	   1
#define VIRTQ_DESC_F_WRITE	   2
#define VIRTQ_DESC_F_INDIRECT	   4
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_DESC_SIZE		   16
#define VIRTQ_USED_ELEM_SIZE	   8

/* Completion latency in retired instructions: fixed, so that completions
 * land at the same icount in every run. */
#define VIRTIO_LATENCY_INSNS  20000u
#define VIRTIO_LATENCY_PER_4K 2000u

#define VIRTIO_MAX_QUEUES  2
#define VIRTIO_CONFIG_SIZE 64

/* One descriptor of a request, already checked to lie inside RAM. */
struct virtq_seg {
	uint64_t addr;
	uint32_t len;
	bool write; /* device-writable */
};

/* A descriptor chain: device-readable segments first, then writable ones.
 * rlen/wlen are the total readable and writable bytes. */
struct virtq_req {
	uint16_t head;
	unsigned nseg;
	const struct virtq_seg *seg;
	uint64_t rlen, wlen;
};

/* A virtio device type: one file declares one and registers its `type`
 * (DEV_REGISTER(x_ops.type)). The type's create hook makes instances
 * with virtio_mmio_new, which gives each the next free slot, so slots are
 * filled in the types' board order (the disks, then the entropy source);
 * the transport's own type fills the rest with empty slots. The type's
 * reset, save, load and free hooks get the instance's transport (see
 * virtio_dev) and need only cover what the transport does not. */
struct virtio_ops {
	struct dev_type type; /* .transport = &virtio_mmio_type */
	uint32_t device_id;
	uint64_t features; /* device-specific bits; VERSION_1 is added */
	int nqueues;
	uint16_t queue_max; /* QueueNumMax: a power of two */
	/* Carry out one request at its completion time. Returns the bytes
	 * written into the guest's buffers (the used length), or -1 when the
	 * request is malformed beyond reporting (the device needs a reset). */
	int64_t (*handle)(struct virtio_mmio *v, int queue,
			  const struct virtq_req *r);
	/* Queues (bit n: queue n) the device fills when it has something
	 * to put in them, such as a network card's receive queue: a notify
	 * only checks the avail index, handle is never called for them, and
	 * the device takes chains with virtq_next and virtq_done. */
	uint32_t device_queues;
};

/* The transport: the slots' window and interrupts, the device tree nodes
 * of every slot, and each device's VIRT state section. */
extern const struct dev_type virtio_mmio_type;

/* Put a device of type ops in the next free slot (m->nvirtio) and register
 * its MMIO window, timed work and place on the board. dev is the device's
 * own state (virtio_dev), config/config_len its configuration space, and
 * extra_features feature bits this instance offers beyond ops->features.
 * NULL when out of memory or slots; dev is then not freed. */
struct virtio_mmio *virtio_mmio_new(struct machine *m,
				    const struct virtio_ops *ops, void *dev,
				    const uint8_t *config, uint32_t config_len,
				    uint64_t extra_features);

void *virtio_dev(const struct virtio_mmio *v);
struct machine *virtio_machine(const struct virtio_mmio *v);
int virtio_slot(const struct virtio_mmio *v);
uint32_t virtio_device_id(const struct virtio_mmio *v);

/* Visit [off, off+len) of a request's readable (write=false) or writable
 * (write=true) byte stream as host pieces; fn returns 0 or a negative
 * errno, which stops the walk. Writable pieces are noted as written guest
 * memory. Returns 0, fn's error, or -EFAULT when the stream is shorter. */
typedef int (*virtq_piece_fn)(void *ctx, uint8_t *host, uint64_t len);
int virtq_walk(struct virtio_mmio *v, const struct virtq_req *r, bool write,
	       uint64_t off, uint64_t len, virtq_piece_fn fn, void *ctx);
/* Copy out of the readable stream / into the writable stream. */
int virtq_read(struct virtio_mmio *v, const struct virtq_req *r, uint64_t off,
	       void *buf, uint64_t len);
int virtq_write(struct virtio_mmio *v, const struct virtq_req *r, uint64_t off,
		const void *buf, uint64_t len);

/* A device-filled queue: 1 with the next available chain in r (left
 * available), 0 when there is none or the queue is not live, -1 when it is
 * malformed (the device then needs a reset). r is valid until the next
 * walk of any queue of v. */
int virtq_next(struct virtio_mmio *v, int queue, struct virtq_req *r);
/* Would virtq_next find a chain (or a malformed ring)? Changes nothing. */
bool virtq_has_next(struct virtio_mmio *v, int queue);
/* Hand the chain virtq_next gave back as used, len bytes written, and
 * interrupt the driver unless it asked not to be. 0, or -1 when the used
 * ring is unusable (the device then needs a reset). */
int virtq_done(struct virtio_mmio *v, int queue, const struct virtq_req *r,
	       uint32_t len);
/* The guest broke the rules: DEVICE_NEEDS_RESET until the driver resets. */
void virtio_needs_reset(struct virtio_mmio *v);
/* The features the driver accepted. */
uint64_t virtio_driver_features(const struct virtio_mmio *v);

/* Register access, exposed for unit tests; offsets are from the slot. */
int virtio_mmio_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int virtio_mmio_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
