/* virtio-mmio version 2 and the split-virtqueue engine.
 *
 * Work happens at completion time, not at notify time: a notify only
 * checks the new chains and schedules a batch (the avail entries up to the
 * avail index it saw) at machine_now() + latency. The timed work then walks
 * the chains again, lets the device carry them out and fills the used ring.
 * So the device touches guest memory only between quanta, and its whole
 * in-flight state is a short list of (avail index, icount) pairs. */
#include "virtio_mmio.h"
#include "../machine.h"
#include "../state.h"
#include "../util/le.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VIRTIO_MMIO_VERSION_MODERN 2
/* The vendor id: QEMU's on the current identity, since drivers written
 * against QEMU's virt board check it (a teaching kernel refuses any other
 * disk); version 1 machines said "RWND". */
#define VIRTIO_VENDOR_ID    0x554d4551u /* "QEMU" */
#define VIRTIO_VENDOR_ID_V1 0x444e5752u /* "RWND" */

/* The avail entries before `upto` complete at icount `deadline`. */
struct virtq_batch {
	uint64_t deadline;
	uint16_t upto;
};

struct virtq {
	uint32_t num; /* QueueNum, checked when the queue is made ready */
	bool ready;
	uint64_t desc, driver, device; /* ring addresses */
	uint16_t last_avail;	       /* next avail entry to complete */
	uint16_t seen_avail;	       /* avail entries already scheduled */
	uint16_t used_idx;	       /* our copy: the guest may scribble */
	struct virtq_batch *batch;     /* FIFO of queue_max batches */
	uint32_t bhead, bcount;
};

struct virtio_mmio {
	struct machine *m;
	int slot;
	const struct virtio_ops *ops;
	void *dev;
	uint8_t config[VIRTIO_CONFIG_SIZE];
	uint32_t config_len;
	uint64_t
		features; /* device-specific bits offered; VERSION_1 is added */
	uint32_t status, int_status;
	uint32_t dev_features_sel, drv_features_sel, queue_sel;
	uint64_t driver_features;
	struct virtq q[VIRTIO_MAX_QUEUES];
	struct virtq_seg *seg; /* the chain being walked: queue_max entries */
};

void *virtio_dev(const struct virtio_mmio *v)
{
	return v->dev;
}

struct machine *virtio_machine(const struct virtio_mmio *v)
{
	return v->m;
}

int virtio_slot(const struct virtio_mmio *v)
{
	return v->slot;
}

uint32_t virtio_device_id(const struct virtio_mmio *v)
{
	return v->ops->device_id;
}

/* Host pointer to guest memory [pa, pa+len), or NULL when the range is not
 * inside one region (or, for a device write, inside a read-only one). */
static uint8_t *vq_ptr(struct virtio_mmio *v, uint64_t pa, uint64_t len,
		       bool write)
{
	struct mem_region *r = bus_region(&v->m->bus, pa, len);
	if (!r || (write && r->readonly))
		return NULL;
	return bus_host_ptr(&v->m->bus, pa, len);
}

static void virtio_update_irq(struct virtio_mmio *v)
{
	machine_irq_line(v->m, IRQ_VIRTIO_FIRST + (unsigned)v->slot,
			 v->int_status != 0);
}

static void virtq_drop_batches(struct virtq *q)
{
	q->bhead = 0;
	q->bcount = 0;
}

/* The guest broke the rules: stop all work until the driver resets us. */
static void virtio_fail(struct virtio_mmio *v)
{
	for (int i = 0; i < v->ops->nqueues; i++)
		virtq_drop_batches(&v->q[i]);
	if (v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET)
		return;
	v->status |= VIRTIO_STATUS_DEVICE_NEEDS_RESET;
	/* A driver that is running learns of it through a configuration
	 * change notification; before DRIVER_OK it reads the status. */
	if (v->status & VIRTIO_STATUS_DRIVER_OK) {
		v->int_status |= VIRTIO_INT_CONFIG;
		virtio_update_irq(v);
	}
}

static void virtio_reset(struct virtio_mmio *v)
{
	v->status = 0;
	v->int_status = 0;
	v->dev_features_sel = 0;
	v->drv_features_sel = 0;
	v->queue_sel = 0;
	v->driver_features = 0;
	for (int i = 0; i < VIRTIO_MAX_QUEUES; i++) {
		struct virtq *q = &v->q[i];
		struct virtq_batch *b = q->batch;
		memset(q, 0, sizeof(*q));
		q->batch = b;
		q->num = v->ops->queue_max;
	}
}

static void virtio_mmio_reset(void *opaque)
{
	virtio_reset(opaque);
}

static struct virtq *virtio_selected(struct virtio_mmio *v)
{
	return v->queue_sel < (uint32_t)v->ops->nqueues ? &v->q[v->queue_sel]
							: NULL;
}

/* Split rings need a power-of-two size no larger than QueueNumMax, aligned
 * rings (16 for descriptors, 2 for avail, 4 for used) inside guest memory,
 * and a used ring the device may write. */
static bool virtq_valid(struct virtio_mmio *v, const struct virtq *q)
{
	uint64_t n = q->num;
	if (n == 0 || n > v->ops->queue_max || (n & (n - 1)))
		return false;
	if ((q->desc & 15) || (q->driver & 1) || (q->device & 3))
		return false;
	return vq_ptr(v, q->desc, VIRTQ_DESC_SIZE * n, false) &&
	       vq_ptr(v, q->driver, 6 + 2 * n, false) &&
	       vq_ptr(v, q->device, 6 + VIRTQ_USED_ELEM_SIZE * n, true);
}

static void virtq_set_ready(struct virtio_mmio *v, struct virtq *q, bool on)
{
	if (!on) {
		q->ready = false;
		virtq_drop_batches(q);
		return;
	}
	if (q->ready || (v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET))
		return;
	if (!virtq_valid(v, q)) {
		virtio_fail(v);
		return;
	}
	q->ready = true;
	q->last_avail = q->seen_avail = q->used_idx = 0;
	virtq_drop_batches(q);
}

static int vq_load16(struct virtio_mmio *v, uint64_t pa, uint16_t *out)
{
	const uint8_t *p = vq_ptr(v, pa, 2, false);
	if (!p)
		return -1;
	*out = le_get16(p);
	return 0;
}

/* Gather the chain named by avail entry `pos` into v->seg. Every index,
 * length and address is checked; -1 when the chain is malformed. */
static int virtq_chain(struct virtio_mmio *v, const struct virtq *q,
		       uint16_t pos, struct virtq_req *r)
{
	uint16_t i;
	if (vq_load16(v, q->driver + 4 + 2 * (uint64_t)(pos % q->num), &i) ||
	    i >= q->num)
		return -1;
	r->head = i;
	r->nseg = 0;
	r->seg = v->seg;
	r->rlen = r->wlen = 0;
	for (;;) {
		/* A chain longer than the queue revisits a descriptor: it
		 * loops. */
		if (r->nseg == q->num)
			return -1;
		const uint8_t *d = vq_ptr(v, q->desc + VIRTQ_DESC_SIZE * i,
					  VIRTQ_DESC_SIZE, false);
		if (!d)
			return -1;
		uint64_t addr = le_get64(d);
		uint32_t len = le_get32(d + 8);
		uint16_t flags = le_get16(d + 12), next = le_get16(d + 14);
		bool write = flags & VIRTQ_DESC_F_WRITE;
		/* Indirect descriptors were not offered; readable buffers
		 * must come before writable ones. */
		if (flags & VIRTQ_DESC_F_INDIRECT)
			return -1;
		if (r->nseg && v->seg[r->nseg - 1].write && !write)
			return -1;
		if (len && !vq_ptr(v, addr, len, write))
			return -1;
		v->seg[r->nseg++] = (struct virtq_seg){
			.addr = addr, .len = len, .write = write};
		if (write)
			r->wlen += len;
		else
			r->rlen += len;
		if (!(flags & VIRTQ_DESC_F_NEXT))
			return 0;
		if (next >= q->num)
			return -1;
		i = next;
	}
}

int virtq_walk(struct virtio_mmio *v, const struct virtq_req *r, bool write,
	       uint64_t off, uint64_t len, virtq_piece_fn fn, void *ctx)
{
	for (unsigned i = 0; i < r->nseg && len; i++) {
		const struct virtq_seg *s = &r->seg[i];
		if (s->write != write)
			continue;
		if (off >= s->len) {
			off -= s->len;
			continue;
		}
		uint64_t n = s->len - off < len ? s->len - off : len;
		uint8_t *p = vq_ptr(v, s->addr + off, n, write);
		if (!p)
			return -EFAULT;
		int rc = fn(ctx, p, n);
		if (write)
			bus_note_write_by(&v->m->bus, s->addr + off, n,
					  v->ops->type.name);
		if (rc)
			return rc;
		len -= n;
		off = 0;
	}
	return len ? -EFAULT : 0;
}

struct virtq_copy {
	uint8_t *buf;
	bool to_guest;
};

static int virtq_copy_piece(void *ctx, uint8_t *host, uint64_t len)
{
	struct virtq_copy *c = ctx;
	if (c->to_guest)
		memcpy(host, c->buf, len);
	else
		memcpy(c->buf, host, len);
	c->buf += len;
	return 0;
}

int virtq_read(struct virtio_mmio *v, const struct virtq_req *r, uint64_t off,
	       void *buf, uint64_t len)
{
	struct virtq_copy c = {.buf = buf, .to_guest = false};
	return virtq_walk(v, r, false, off, len, virtq_copy_piece, &c);
}

int virtq_write(struct virtio_mmio *v, const struct virtq_req *r, uint64_t off,
		const void *buf, uint64_t len)
{
	/* The walk only reads from buf when copying to the guest. */
	struct virtq_copy c = {.buf = (uint8_t *)(uintptr_t)buf,
			       .to_guest = true};
	return virtq_walk(v, r, true, off, len, virtq_copy_piece, &c);
}

/* Publish one used element and the new used index. */
static int virtq_push_used(struct virtio_mmio *v, struct virtq *q,
			   uint16_t head, uint32_t len)
{
	uint64_t elem = q->device + 4 +
			VIRTQ_USED_ELEM_SIZE * (uint64_t)(q->used_idx % q->num);
	uint8_t *e = vq_ptr(v, elem, VIRTQ_USED_ELEM_SIZE, true);
	uint8_t *idx = vq_ptr(v, q->device + 2, 2, true);
	if (!e || !idx)
		return -1;
	le_put32(e, head);
	le_put32(e + 4, len);
	bus_note_write_by(&v->m->bus, elem, VIRTQ_USED_ELEM_SIZE,
			  v->ops->type.name);
	q->used_idx++;
	le_put16(idx, q->used_idx);
	bus_note_write_by(&v->m->bus, q->device + 2, 2, v->ops->type.name);
	return 0;
}

/* Carry out the avail entries before `upto`; -1 on a malformed one. */
static int virtq_complete(struct virtio_mmio *v, int qi, uint16_t upto)
{
	struct virtq *q = &v->q[qi];
	while (q->last_avail != upto) {
		struct virtq_req r;
		if (virtq_chain(v, q, q->last_avail, &r))
			return -1;
		int64_t n = v->ops->handle(v, qi, &r);
		if (n < 0)
			return -1;
		if (virtq_push_used(v, q, r.head,
				    n > UINT32_MAX ? UINT32_MAX : (uint32_t)n))
			return -1;
		q->last_avail++;
	}
	return 0;
}

/* Tell the driver that used buffers are there, unless it asked for no
 * interrupt while it polls. */
static void virtq_interrupt(struct virtio_mmio *v, const struct virtq *q)
{
	uint16_t flags;
	if (vq_load16(v, q->driver, &flags) == 0 &&
	    (flags & VIRTQ_AVAIL_F_NO_INTERRUPT))
		return;
	v->int_status |= VIRTIO_INT_USED_BUFFER;
	virtio_update_irq(v);
}

/* A device-filled queue: the next avail chain, checked, left in place. */
int virtq_next(struct virtio_mmio *v, int qi, struct virtq_req *r)
{
	if ((v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET) ||
	    !(v->status & VIRTIO_STATUS_DRIVER_OK) || qi < 0 ||
	    qi >= v->ops->nqueues || !v->q[qi].ready)
		return 0;
	struct virtq *q = &v->q[qi];
	uint16_t avail;
	if (vq_load16(v, q->driver + 2, &avail)) {
		virtio_fail(v);
		return -1;
	}
	uint16_t ahead = (uint16_t)(avail - q->last_avail);
	if (ahead == 0)
		return 0;
	if (ahead > q->num || virtq_chain(v, q, q->last_avail, r)) {
		virtio_fail(v);
		return -1;
	}
	return 1;
}

bool virtq_has_next(struct virtio_mmio *v, int qi)
{
	if ((v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET) ||
	    !(v->status & VIRTIO_STATUS_DRIVER_OK) || qi < 0 ||
	    qi >= v->ops->nqueues || !v->q[qi].ready)
		return false;
	const struct virtq *q = &v->q[qi];
	uint16_t avail;
	/* A broken avail ring counts as a buffer: taking it fails the
	 * device, which the guest must see. */
	return vq_load16(v, q->driver + 2, &avail) || avail != q->last_avail;
}

int virtq_done(struct virtio_mmio *v, int qi, const struct virtq_req *r,
	       uint32_t len)
{
	struct virtq *q = &v->q[qi];
	if (virtq_push_used(v, q, r->head, len)) {
		virtio_fail(v);
		return -1;
	}
	q->last_avail++;
	q->seen_avail = q->last_avail;
	virtq_interrupt(v, q);
	return 0;
}

void virtio_needs_reset(struct virtio_mmio *v)
{
	virtio_fail(v);
}

uint64_t virtio_driver_features(const struct virtio_mmio *v)
{
	return v->driver_features;
}

static uint64_t virtio_deadline(void *ctx)
{
	struct virtio_mmio *v = ctx;
	uint64_t next = UINT64_MAX;
	for (int i = 0; i < v->ops->nqueues; i++) {
		const struct virtq *q = &v->q[i];
		if (q->bcount && q->batch[q->bhead].deadline < next)
			next = q->batch[q->bhead].deadline;
	}
	return next;
}

static void virtio_fire(void *ctx, uint64_t now)
{
	struct virtio_mmio *v = ctx;
	for (int i = 0; i < v->ops->nqueues; i++) {
		struct virtq *q = &v->q[i];
		bool done = false;
		while (q->bcount && q->batch[q->bhead].deadline <= now) {
			uint16_t upto = q->batch[q->bhead].upto;
			q->bhead = (q->bhead + 1) % v->ops->queue_max;
			q->bcount--;
			if (virtq_complete(v, i, upto)) {
				virtio_fail(v);
				return;
			}
			done = true;
		}
		if (done)
			virtq_interrupt(v, q);
	}
}

/* The instructions the requests in chains [from, to) take to complete. */
static int virtq_cost(struct virtio_mmio *v, const struct virtq *q,
		      uint16_t from, uint16_t to, uint64_t *cost)
{
	uint64_t bytes = 0;
	for (uint16_t p = from; p != to; p++) {
		struct virtq_req r;
		if (virtq_chain(v, q, p, &r))
			return -1;
		/* At most num descriptors of < 4 GiB each per chain and at
		 * most 32768 chains: no overflow. */
		bytes += r.rlen + r.wlen;
	}
	/* Under chaos a request may take up to twice as long. */
	*cost = VIRTIO_LATENCY_INSNS +
		VIRTIO_LATENCY_PER_4K * ((bytes + 4095) / 4096) +
		machine_chaos(v->m, CHAOS_LATENCY, (uint32_t)virtio_slot(v),
			      VIRTIO_LATENCY_INSNS, 0);
	return 0;
}

static void virtio_notify(struct virtio_mmio *v, uint32_t qi)
{
	if (v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET)
		return;
	if (!(v->status & VIRTIO_STATUS_DRIVER_OK) ||
	    qi >= (uint32_t)v->ops->nqueues || !v->q[qi].ready) {
		virtio_fail(v);
		return;
	}
	struct virtq *q = &v->q[qi];
	uint16_t avail;
	if (vq_load16(v, q->driver + 2, &avail)) {
		virtio_fail(v);
		return;
	}
	/* A queue the device fills when it has data (a receive queue) only
	 * learns of buffers here; they are taken with virtq_next. */
	if (v->ops->device_queues & 1u << qi) {
		if ((uint16_t)(avail - q->last_avail) > q->num)
			virtio_fail(v);
		return;
	}
	/* The driver can have at most num chains outstanding, and its index
	 * never moves backwards. */
	uint16_t ahead = (uint16_t)(avail - q->last_avail);
	uint16_t scheduled = (uint16_t)(q->seen_avail - q->last_avail);
	if (ahead > q->num || ahead < scheduled) {
		virtio_fail(v);
		return;
	}
	if (ahead == scheduled)
		return;
	uint64_t cost;
	if (virtq_cost(v, q, q->seen_avail, avail, &cost) ||
	    q->bcount == v->ops->queue_max) {
		virtio_fail(v);
		return;
	}
	uint64_t now = machine_now(v->m);
	uint64_t at = UINT64_MAX - now < cost ? UINT64_MAX : now + cost;
	/* Batches complete in order: the used ring follows the avail one. */
	if (q->bcount) {
		uint32_t last = (q->bhead + q->bcount - 1) % v->ops->queue_max;
		if (at < q->batch[last].deadline)
			at = q->batch[last].deadline;
	}
	uint32_t tail = (q->bhead + q->bcount) % v->ops->queue_max;
	q->batch[tail] = (struct virtq_batch){.deadline = at, .upto = avail};
	q->bcount++;
	q->seen_avail = avail;
	/* The running quantum must end by the new deadline. */
	machine_resched(v->m);
}

static uint64_t virtio_features(const struct virtio_mmio *v)
{
	return v->features | 1ull << VIRTIO_F_VERSION_1;
}

static void virtio_set_status(struct virtio_mmio *v, uint32_t val)
{
	if (val == 0) {
		virtio_reset(v);
		virtio_update_irq(v);
		return;
	}
	/* NEEDS_RESET belongs to the device: only a reset clears it. */
	uint32_t s = (val & 0xff & ~VIRTIO_STATUS_DEVICE_NEEDS_RESET) |
		     (v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	/* FEATURES_OK sticks only for a subset of what we offer that
	 * includes VERSION_1: the driver reads it back to find out. QEMU's
	 * modern transport checks only a driver that acked VERSION_1 and
	 * keeps what it offered of the rest, so a driver that writes only
	 * the low 32 bits still gets FEATURES_OK there; the current
	 * identity does the same (version 1 machines refused). */
	if ((s & VIRTIO_STATUS_FEATURES_OK) &&
	    !(v->status & VIRTIO_STATUS_FEATURES_OK)) {
		uint64_t f = v->driver_features;
		bool v1 = f & 1ull << VIRTIO_F_VERSION_1;
		if (!v1 && v->m->identity != MACHINE_IDENTITY_V1)
			v->driver_features &= virtio_features(v);
		else if ((f & ~virtio_features(v)) || !v1)
			s &= ~VIRTIO_STATUS_FEATURES_OK;
	}
	v->status = s;
}

static uint32_t virtio_reg_read(struct virtio_mmio *v, uint64_t off)
{
	struct virtq *q = virtio_selected(v);
	switch (off) {
	case VIRTIO_MMIO_MAGIC_VALUE: return VIRTIO_MMIO_MAGIC;
	case VIRTIO_MMIO_VERSION: return VIRTIO_MMIO_VERSION_MODERN;
	case VIRTIO_MMIO_DEVICE_ID: return v->ops->device_id;
	case VIRTIO_MMIO_VENDOR_ID:
		return v->m->identity == MACHINE_IDENTITY_V1
			       ? VIRTIO_VENDOR_ID_V1
			       : VIRTIO_VENDOR_ID;
	case VIRTIO_MMIO_DEVICE_FEATURES:
		if (v->dev_features_sel > 1)
			return 0;
		return (uint32_t)(virtio_features(v) >>
				  (32 * v->dev_features_sel));
	case VIRTIO_MMIO_QUEUE_NUM_MAX: return q ? v->ops->queue_max : 0;
	case VIRTIO_MMIO_QUEUE_READY: return q ? q->ready : 0;
	case VIRTIO_MMIO_INTERRUPT_STATUS: return v->int_status;
	case VIRTIO_MMIO_STATUS: return v->status;
	case VIRTIO_MMIO_QUEUE_DESC_LOW: return q ? (uint32_t)q->desc : 0;
	case VIRTIO_MMIO_QUEUE_DESC_HIGH: return q ? q->desc >> 32 : 0;
	case VIRTIO_MMIO_QUEUE_DRIVER_LOW: return q ? (uint32_t)q->driver : 0;
	case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: return q ? q->driver >> 32 : 0;
	case VIRTIO_MMIO_QUEUE_DEVICE_LOW: return q ? (uint32_t)q->device : 0;
	case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: return q ? q->device >> 32 : 0;
	/* No shared memory regions: a length of all ones says so. */
	case VIRTIO_MMIO_SHM_LEN_LOW:
	case VIRTIO_MMIO_SHM_LEN_HIGH:
	case VIRTIO_MMIO_SHM_BASE_LOW:
	case VIRTIO_MMIO_SHM_BASE_HIGH: return UINT32_MAX;
	/* The configuration never changes. */
	case VIRTIO_MMIO_CONFIG_GENERATION: return 0;
	default: return 0;
	}
}

static void set_low(uint64_t *reg, uint32_t val)
{
	*reg = (*reg & ~(uint64_t)UINT32_MAX) | val;
}

static void set_high(uint64_t *reg, uint32_t val)
{
	*reg = (*reg & UINT32_MAX) | (uint64_t)val << 32;
}

/* Queue registers: the selected queue, if it exists and is not live (a
 * driver must not change a ready queue). */
static void virtio_queue_write(struct virtio_mmio *v, uint64_t off,
			       uint32_t val)
{
	struct virtq *q = virtio_selected(v);
	if (!q)
		return;
	if (off == VIRTIO_MMIO_QUEUE_READY) {
		virtq_set_ready(v, q, val & 1);
		return;
	}
	if (q->ready)
		return;
	switch (off) {
	case VIRTIO_MMIO_QUEUE_NUM: q->num = val; break;
	case VIRTIO_MMIO_QUEUE_DESC_LOW: set_low(&q->desc, val); break;
	case VIRTIO_MMIO_QUEUE_DESC_HIGH: set_high(&q->desc, val); break;
	case VIRTIO_MMIO_QUEUE_DRIVER_LOW: set_low(&q->driver, val); break;
	case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: set_high(&q->driver, val); break;
	case VIRTIO_MMIO_QUEUE_DEVICE_LOW: set_low(&q->device, val); break;
	case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: set_high(&q->device, val); break;
	default: break;
	}
}

static void virtio_reg_write(struct virtio_mmio *v, uint64_t off, uint32_t val)
{
	switch (off) {
	case VIRTIO_MMIO_DEVICE_FEATURES_SEL: v->dev_features_sel = val; break;
	case VIRTIO_MMIO_DRIVER_FEATURES:
		/* Features are frozen once accepted. */
		if (v->status & VIRTIO_STATUS_FEATURES_OK)
			break;
		if (v->drv_features_sel == 0)
			set_low(&v->driver_features, val);
		else if (v->drv_features_sel == 1)
			set_high(&v->driver_features, val);
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES_SEL: v->drv_features_sel = val; break;
	case VIRTIO_MMIO_QUEUE_SEL: v->queue_sel = val; break;
	case VIRTIO_MMIO_QUEUE_NOTIFY: virtio_notify(v, val); break;
	case VIRTIO_MMIO_INTERRUPT_ACK:
		v->int_status &= ~val;
		virtio_update_irq(v);
		break;
	case VIRTIO_MMIO_STATUS: virtio_set_status(v, val); break;
	case VIRTIO_MMIO_QUEUE_NUM:
	case VIRTIO_MMIO_QUEUE_READY:
	case VIRTIO_MMIO_QUEUE_DESC_LOW:
	case VIRTIO_MMIO_QUEUE_DESC_HIGH:
	case VIRTIO_MMIO_QUEUE_DRIVER_LOW:
	case VIRTIO_MMIO_QUEUE_DRIVER_HIGH:
	case VIRTIO_MMIO_QUEUE_DEVICE_LOW:
	case VIRTIO_MMIO_QUEUE_DEVICE_HIGH:
		virtio_queue_write(v, off, val);
		break;
	default: break; /* read-only registers and holes */
	}
}

int virtio_mmio_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct virtio_mmio *v = opaque;
	*val = 0;
	if (off >= VIRTIO_MMIO_CONFIG) {
		/* Configuration space: any width, little-endian; bytes past
		 * the device's fields read as zero. */
		uint64_t at = off - VIRTIO_MMIO_CONFIG;
		for (unsigned i = 0; i < size && i < 8; i++)
			if (at + i < v->config_len)
				*val |= (uint64_t)v->config[at + i] << (8 * i);
		return 0;
	}
	/* The control registers are 32 bits wide and only aligned word
	 * accesses are defined; anything else reads as zero. */
	if (size == 4 && !(off & 3))
		*val = virtio_reg_read(v, off);
	return 0;
}

int virtio_mmio_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct virtio_mmio *v = opaque;
	/* The configuration space of these devices is read-only. */
	if (off >= VIRTIO_MMIO_CONFIG || size != 4 || (off & 3))
		return 0;
	virtio_reg_write(v, off, (uint32_t)val);
	return 0;
}

static void virtq_state_save(const struct virtio_mmio *v, const struct virtq *q,
			     struct state_buf *b)
{
	state_put_u32(b, q->num);
	state_put_u8(b, q->ready);
	state_put_u64(b, q->desc);
	state_put_u64(b, q->driver);
	state_put_u64(b, q->device);
	state_put_u32(b, q->last_avail);
	state_put_u32(b, q->seen_avail);
	state_put_u32(b, q->used_idx);
	/* Oldest first, so that the ring position is not part of the
	 * state. */
	state_put_u32(b, q->bcount);
	for (uint32_t k = 0; k < q->bcount; k++) {
		const struct virtq_batch *bt =
			&q->batch[(q->bhead + k) % v->ops->queue_max];
		state_put_u64(b, bt->deadline);
		state_put_u32(b, bt->upto);
	}
}

/* Status, features, selectors, the queues' registers and ring positions,
 * and the batches in flight with the icounts they complete at. A device's
 * own state (a disk's overlay) is its own section. */
static int virtio_save(const void *dev, struct state_buf *b)
{
	const struct virtio_mmio *v = dev;
	state_put_u32(b, (uint32_t)v->slot);
	state_put_u32(b, v->ops->device_id);
	state_put_u32(b, v->status);
	state_put_u32(b, v->int_status);
	state_put_u32(b, v->dev_features_sel);
	state_put_u32(b, v->drv_features_sel);
	state_put_u32(b, v->queue_sel);
	state_put_u64(b, v->driver_features);
	state_put_u32(b, (uint32_t)v->ops->nqueues);
	for (int i = 0; i < v->ops->nqueues; i++)
		virtq_state_save(v, &v->q[i], b);
	return 0;
}

/* A u16 ring position; values past 16 bits set bad. */
static uint16_t virtq_get_pos(struct state_reader *r)
{
	uint32_t v = state_get_u32(r);
	if (v > UINT16_MAX)
		r->bad = true;
	return (uint16_t)v;
}

/* The batches of q, oldest first, into batch[0..]; false when they are
 * not what notifies could have made: each one completes at least one more
 * chain than the one before, no later than it, and none beyond the chains
 * the driver made available. */
static bool virtq_batches_read(struct virtio_mmio *v, struct virtq *q,
			       struct virtq_batch *batch,
			       struct state_reader *r)
{
	q->bhead = 0;
	q->bcount = state_get_u32(r);
	if (q->bcount > v->ops->queue_max || (q->bcount && !q->ready))
		return false;
	uint16_t prev_ahead = 0;
	for (uint32_t k = 0; k < q->bcount && !r->bad; k++) {
		batch[k].deadline = state_get_u64(r);
		batch[k].upto = virtq_get_pos(r);
		uint16_t ahead = (uint16_t)(batch[k].upto - q->last_avail);
		if (ahead <= prev_ahead ||
		    ahead > (uint16_t)(q->seen_avail - q->last_avail) ||
		    (k && batch[k].deadline < batch[k - 1].deadline))
			return false;
		prev_ahead = ahead;
	}
	return true;
}

static bool virtq_state_read(struct virtio_mmio *v, struct virtq *q,
			     struct virtq_batch *batch, struct state_reader *r)
{
	q->num = state_get_u32(r);
	q->ready = state_get_bool(r);
	q->desc = state_get_u64(r);
	q->driver = state_get_u64(r);
	q->device = state_get_u64(r);
	q->last_avail = virtq_get_pos(r);
	q->seen_avail = virtq_get_pos(r);
	q->used_idx = virtq_get_pos(r);
	if (r->bad)
		return false;
	/* A ready queue is used without further checks: its size and rings
	 * must be as sound as virtq_set_ready demanded. */
	if (q->ready && (!virtq_valid(v, q) ||
			 (uint16_t)(q->seen_avail - q->last_avail) > q->num))
		return false;
	return virtq_batches_read(v, q, batch, r) && !r->bad;
}

/* Changes nothing unless the whole state is valid: ready queues must
 * still pass the checks they passed when made ready. */
static int virtio_load(void *dev, struct state_reader *r)
{
	struct virtio_mmio *v = dev;
	uint32_t slot = state_get_u32(r), id = state_get_u32(r);
	struct virtio_mmio t = *v;
	t.status = state_get_u32(r);
	t.int_status = state_get_u32(r);
	t.dev_features_sel = state_get_u32(r);
	t.drv_features_sel = state_get_u32(r);
	t.queue_sel = state_get_u32(r);
	t.driver_features = state_get_u64(r);
	uint32_t nq = state_get_u32(r);
	if (r->bad || slot != (uint32_t)v->slot || id != v->ops->device_id ||
	    nq != (uint32_t)v->ops->nqueues || t.status > 0xff ||
	    (t.int_status &
	     ~(uint32_t)(VIRTIO_INT_USED_BUFFER | VIRTIO_INT_CONFIG)))
		return -EINVAL;
	/* The batches go to scratch arrays until everything checks out. */
	struct virtq_batch *scratch[VIRTIO_MAX_QUEUES] = {0};
	int rc = 0;
	for (int i = 0; i < v->ops->nqueues && rc == 0; i++) {
		scratch[i] = calloc(v->ops->queue_max, sizeof(*scratch[i]));
		if (!scratch[i])
			rc = -ENOMEM;
		else if (!virtq_state_read(&t, &t.q[i], scratch[i], r))
			rc = -EINVAL;
	}
	for (int i = 0; i < v->ops->nqueues && rc == 0; i++) {
		memcpy(v->q[i].batch, scratch[i],
		       v->ops->queue_max * sizeof(*scratch[i]));
		t.q[i].batch = v->q[i].batch;
	}
	if (rc == 0)
		*v = t;
	for (int i = 0; i < VIRTIO_MAX_QUEUES; i++)
		free(scratch[i]);
	return rc;
}

/* After the device's own free hook, which may still need virtio_dev. */
static void virtio_free(void *dev)
{
	struct virtio_mmio *v = dev;
	if (!v)
		return;
	for (int i = 0; i < VIRTIO_MAX_QUEUES; i++)
		free(v->q[i].batch);
	free(v->seg);
	free(v);
}

static struct virtio_mmio *virtio_alloc(const struct virtio_ops *ops)
{
	struct virtio_mmio *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->ops = ops;
	v->seg = calloc(ops->queue_max, sizeof(*v->seg));
	bool ok = v->seg != NULL;
	for (int i = 0; i < ops->nqueues && ok; i++) {
		v->q[i].batch = calloc(ops->queue_max, sizeof(*v->q[i].batch));
		ok = v->q[i].batch != NULL;
	}
	if (!ok) {
		for (int i = 0; i < VIRTIO_MAX_QUEUES; i++)
			free(v->q[i].batch);
		free(v->seg);
		free(v);
		return NULL;
	}
	return v;
}

struct virtio_mmio *virtio_mmio_new(struct machine *m,
				    const struct virtio_ops *ops, void *dev,
				    const uint8_t *config, uint32_t config_len,
				    uint64_t extra_features)
{
	uint16_t qmax = ops->queue_max;
	int slot = m->nvirtio;
	if (slot >= VIRTIO_SLOTS || ops->nqueues < 1 ||
	    ops->nqueues > VIRTIO_MAX_QUEUES || qmax == 0 ||
	    (qmax & (qmax - 1)) || config_len > VIRTIO_CONFIG_SIZE)
		return NULL;
	/* Check for room first: no registration can be undone. */
	if (m->bus.ndevs == BUS_MAX_DEVS || m->ntimed == MACHINE_MAX_TIMED ||
	    m->ndevices == MACHINE_MAX_DEVICES)
		return NULL;
	struct virtio_mmio *v = virtio_alloc(ops);
	if (!v)
		return NULL;
	v->m = m;
	v->slot = slot;
	v->dev = dev;
	if (config_len)
		memcpy(v->config, config, config_len);
	v->config_len = config_len;
	v->features = ops->features | extra_features;
	virtio_reset(v);
	struct timed_dev t = {
		.ctx = v, .deadline = virtio_deadline, .fire = virtio_fire};
	dev_attach(m, &ops->type, slot, v);
	machine_add_timed(m, &t);
	m->virtio[m->nvirtio++] = v;
	return v;
}

/* An empty slot: the magic value and version identify a transport, DeviceID
 * 0 says nothing is behind it; every other register reads as zero. */
static int virtio_empty_read(void *opaque, uint64_t off, unsigned size,
			     uint64_t *val)
{
	(void)opaque;
	uint64_t reg = off % VIRTIO_MMIO_SIZE;
	*val = 0;
	if (size == 4 && reg == VIRTIO_MMIO_MAGIC_VALUE)
		*val = VIRTIO_MMIO_MAGIC;
	else if (size == 4 && reg == VIRTIO_MMIO_VERSION)
		*val = VIRTIO_MMIO_VERSION_MODERN;
	return 0;
}

static int virtio_empty_write(void *opaque, uint64_t off, unsigned size,
			      uint64_t val)
{
	(void)opaque;
	(void)off;
	(void)size;
	(void)val;
	return 0;
}

/* The transport's create hook, after every virtio device type's: the
 * slots left are empty transports (DeviceID 0), which drivers skip. The
 * device tree lists every slot, and probing one must not fault. */
static int virtio_fill_empty(struct machine *m,
			     const struct machine_config *cfg, char *err,
			     size_t errlen)
{
	(void)cfg, (void)err, (void)errlen;
	int first = m->nvirtio;
	if (first >= VIRTIO_SLOTS)
		return 0;
	struct mmio_dev d = {
		.name = "virtio-empty",
		.base = VIRTIO_MMIO_BASE + VIRTIO_MMIO_SIZE * (uint64_t)first,
		.size = VIRTIO_MMIO_SIZE * (uint64_t)(VIRTIO_SLOTS - first),
		.opaque = NULL,
		.read = virtio_empty_read,
		.write = virtio_empty_write};
	return bus_add_device(&m->bus, &d);
}

/* The registered virtio device type with this device id, or NULL. */
static const struct virtio_ops *virtio_ops_of(uint32_t id)
{
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++) {
		if (t[i]->transport != &virtio_mmio_type)
			continue;
		/* A virtio device type is the first member of its ops. */
		const struct virtio_ops *ops =
			(const struct virtio_ops *)(const void *)t[i];
		if (ops->device_id == id)
			return ops;
	}
	return NULL;
}

/* The machine's configuration, as far as the transport shapes it: the
 * device in each populated slot. */
static void virtio_config_save(const struct machine *m, struct state_buf *b)
{
	state_put_u32(b, (uint32_t)m->nvirtio);
	for (int i = 0; i < m->nvirtio; i++)
		state_put_u32(b, virtio_device_id(m->virtio[i]));
}

static const char *virtio_id_name(uint32_t id)
{
	const struct virtio_ops *ops = virtio_ops_of(id);
	return ops ? ops->type.name : "an unknown device";
}

static int virtio_config_check(const struct machine *m, struct state_reader *r,
			       char *err, size_t errlen)
{
	uint32_t nvirtio = state_get_u32(r);
	if (r->bad)
		return 0; /* the caller reports the cut */
	int rc = state_config_match(nvirtio, (uint64_t)m->nvirtio,
				    "virtio devices", err, errlen);
	if (rc)
		return rc;
	for (int i = 0; i < m->nvirtio; i++) {
		uint32_t id = state_get_u32(r);
		uint32_t here = virtio_device_id(m->virtio[i]);
		if (!r->bad && id != here) {
			snprintf(err, errlen,
				 "virtio slot %d holds %s in the state and %s "
				 "in this machine",
				 i, virtio_id_name(id), virtio_id_name(here));
			return -EINVAL;
		}
	}
	return 0;
}

/* Device types behind this transport order themselves before it (below
 * 60), so that its create hook finds the slots they left. */
/* Every slot has a device-tree node, populated or not: an empty slot
 * reads device id 0 and drivers skip it. */
const struct dev_type virtio_mmio_type = {
	.name = "virtio-mmio",
	.order = 60,
	.mmio = {VIRTIO_MMIO_BASE, VIRTIO_MMIO_SIZE, virtio_mmio_read,
		 virtio_mmio_write},
	.irq = IRQ_VIRTIO_FIRST,
	.slots = VIRTIO_SLOTS,
	DEV_NODE("virtio_mmio", "virtio,mmio"),
	.create = virtio_fill_empty,
	.reset = virtio_mmio_reset,
	.state = {.tag = "VIRT", .save = virtio_save, .load = virtio_load},
	.config_save = virtio_config_save,
	.config_check = virtio_config_check,
	.free = virtio_free,
};
DEV_REGISTER(virtio_mmio_type)
