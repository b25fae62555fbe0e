/* virtio-net, driven from C the way a guest driver would: registers
 * through the bus, two queues' rings and buffers in guest RAM, frames
 * offered by the host side (virtio_net_rx) and sent through the transmit
 * queue. Expected values come from the virtio 1.x specification. */
#include "dev/virtio_mmio.h"
#include "dev/virtio_net.h"
#include "machine.h"

#include <check.h>
#include <errno.h>
#include <string.h>

#define RAM_SIZE  (1ull << 20)
#define QSZ	  8
#define RING_PA	  (RAM_BASE + 0x10000) /* queue q's rings at + q * 0x4000 */
#define BUF_PA	  (RAM_BASE + 0x40000) /* buffer k at + k * 0x800 */
#define BUF_LEN	  1526
#define NEEDS_RST VIRTIO_STATUS_DEVICE_NEEDS_RESET

static uint64_t desc_pa(int q)
{
	return RING_PA + 0x4000ull * (unsigned)q;
}
static uint64_t avail_pa(int q)
{
	return desc_pa(q) + 0x1000;
}
static uint64_t used_pa(int q)
{
	return desc_pa(q) + 0x2000;
}

struct sent {
	int n;
	size_t len;
	uint8_t frame[VIRTIO_NET_FRAME_MAX];
};

static void on_tx(void *ctx, const uint8_t *frame, size_t len)
{
	struct sent *s = ctx;
	s->n++;
	s->len = len;
	memcpy(s->frame, frame, len);
}

struct rig {
	struct machine *m;
	struct virtio_mmio *v;
	uint64_t base;
	uint16_t avail[2];
	struct sent sent;
};

static struct machine *machine_with(bool net)
{
	struct machine_config cfg = {
		.ram_size = RAM_SIZE, .nharts = 1, .net = net};
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	uint32_t spin = 0x0000006f; /* j . */
	memcpy(bus_host_ptr(&m->bus, RAM_BASE, 4), &spin, 4);
	m->harts[0]->pc = RAM_BASE;
	return m;
}

static uint32_t rd(struct rig *r, uint64_t off)
{
	uint64_t v;
	ck_assert_int_eq(bus_read(&r->m->bus, r->base + off, 4, &v), 0);
	return (uint32_t)v;
}

static void wr(struct rig *r, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(bus_write(&r->m->bus, r->base + off, 4, v), 0);
}

static uint8_t *gmem(struct rig *r, uint64_t pa, uint64_t len)
{
	uint8_t *p = bus_host_ptr(&r->m->bus, pa, len);
	ck_assert_ptr_nonnull(p);
	return p;
}

static void put_le(struct rig *r, uint64_t pa, uint64_t v, int n)
{
	uint8_t *p = gmem(r, pa, (uint64_t)n);
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(struct rig *r, uint64_t pa, int n)
{
	const uint8_t *p = gmem(r, pa, (uint64_t)n);
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/* Reset, negotiate every offered feature, set up both queues, DRIVER_OK. */
static void drv_start(struct rig *r)
{
	memset(gmem(r, RING_PA, 0x8000), 0, 0x8000);
	r->avail[0] = r->avail[1] = 0;
	wr(r, VIRTIO_MMIO_STATUS, 0);
	wr(r, VIRTIO_MMIO_STATUS, 3);
	for (uint32_t sel = 0; sel < 2; sel++) {
		wr(r, VIRTIO_MMIO_DEVICE_FEATURES_SEL, sel);
		uint32_t f = rd(r, VIRTIO_MMIO_DEVICE_FEATURES);
		wr(r, VIRTIO_MMIO_DRIVER_FEATURES_SEL, sel);
		wr(r, VIRTIO_MMIO_DRIVER_FEATURES, f);
	}
	wr(r, VIRTIO_MMIO_STATUS, 0xb);
	ck_assert(rd(r, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK);
	for (int q = 0; q < 2; q++) {
		wr(r, VIRTIO_MMIO_QUEUE_SEL, (uint32_t)q);
		ck_assert_uint_eq(rd(r, VIRTIO_MMIO_QUEUE_NUM_MAX),
				  VIRTIO_NET_QUEUE_MAX);
		wr(r, VIRTIO_MMIO_QUEUE_NUM, QSZ);
		wr(r, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)desc_pa(q));
		wr(r, VIRTIO_MMIO_QUEUE_DESC_HIGH, 0);
		wr(r, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)avail_pa(q));
		wr(r, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, 0);
		wr(r, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)used_pa(q));
		wr(r, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0);
		wr(r, VIRTIO_MMIO_QUEUE_READY, 1);
	}
	wr(r, VIRTIO_MMIO_STATUS, 0xf);
	ck_assert_uint_eq(rd(r, VIRTIO_MMIO_STATUS), 0xf);
}

static void rig_new(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->m = machine_with(true);
	r->v = virtio_net_of(r->m);
	ck_assert_ptr_nonnull(r->v);
	r->base = VIRTIO_MMIO_BASE +
		  VIRTIO_MMIO_SIZE * (uint64_t)virtio_slot(r->v);
	virtio_net_set_tx(r->v, on_tx, &r->sent);
	drv_start(r);
}

static void desc(struct rig *r, int q, unsigned i, uint64_t addr, uint32_t len,
		 uint16_t flags, uint16_t next)
{
	uint64_t pa = desc_pa(q) + 16ull * i;
	put_le(r, pa, addr, 8);
	put_le(r, pa + 8, len, 4);
	put_le(r, pa + 12, flags, 2);
	put_le(r, pa + 14, next, 2);
}

/* Make chain `head` of queue q available and notify. */
static void submit(struct rig *r, int q, uint16_t head)
{
	put_le(r, avail_pa(q) + 4 + 2ull * (r->avail[q] % QSZ), head, 2);
	r->avail[q]++;
	put_le(r, avail_pa(q) + 2, r->avail[q], 2);
	wr(r, VIRTIO_MMIO_QUEUE_NOTIFY, (uint32_t)q);
}

static uint16_t used_idx(struct rig *r, int q)
{
	return (uint16_t)get_le(r, used_pa(q) + 2, 2);
}

static uint32_t used_len(struct rig *r, int q, uint16_t k)
{
	return (uint32_t)get_le(r, used_pa(q) + 8 + 8ull * (k % QSZ), 4);
}

/* Receive buffer k: one device-writable descriptor of len bytes. */
static void post_rx(struct rig *r, unsigned k, uint32_t len)
{
	desc(r, VIRTIO_NET_RXQ, k, BUF_PA + 0x800ull * k, len,
	     VIRTQ_DESC_F_WRITE, 0);
	submit(r, VIRTIO_NET_RXQ, (uint16_t)k);
}

static void frame_make(uint8_t *f, size_t len, uint8_t seed)
{
	for (size_t i = 0; i < len; i++)
		f[i] = (uint8_t)(seed + i * 7);
}

START_TEST(test_net_identity_and_config)
{
	struct rig r;
	rig_new(&r);
	ck_assert_uint_eq(rd(&r, VIRTIO_MMIO_DEVICE_ID), VIRTIO_ID_NET);
	ck_assert_uint_eq(rd(&r, VIRTIO_MMIO_VENDOR_ID), 0x554d4551);
	wr(&r, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	uint32_t lo = rd(&r, VIRTIO_MMIO_DEVICE_FEATURES);
	wr(&r, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	uint32_t hi = rd(&r, VIRTIO_MMIO_DEVICE_FEATURES);
	/* MAC and STATUS; no MRG_RXBUF (bit 15), no offloads. */
	ck_assert_uint_eq(lo, 1u << 5 | 1u << 16);
	ck_assert_uint_eq(hi, 1u); /* VERSION_1 */
	static const uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
	for (int i = 0; i < 6; i++) {
		uint64_t b;
		bus_read(&r.m->bus, r.base + VIRTIO_MMIO_CONFIG + i, 1, &b);
		ck_assert_uint_eq(b, mac[i]);
	}
	uint64_t st;
	bus_read(&r.m->bus, r.base + VIRTIO_MMIO_CONFIG + 6, 2, &st);
	ck_assert_uint_eq(st, 1); /* link up */
	machine_free(r.m);
}
END_TEST

START_TEST(test_net_only_when_asked)
{
	struct machine *m = machine_with(false);
	ck_assert_ptr_null(virtio_net_of(m));
	machine_free(m);
}
END_TEST

START_TEST(test_net_rx_fills_posted_buffers)
{
	struct rig r;
	rig_new(&r);
	ck_assert(!virtio_net_rx_ready(r.v));
	uint8_t f[60];
	frame_make(f, sizeof(f), 3);
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), -EAGAIN);
	post_rx(&r, 0, BUF_LEN);
	post_rx(&r, 1, BUF_LEN);
	ck_assert(virtio_net_rx_ready(r.v));
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), 0);
	ck_assert_uint_eq(used_idx(&r, 0), 1);
	ck_assert_uint_eq(used_len(&r, 0, 0), VIRTIO_NET_HDR_LEN + 60);
	const uint8_t *b = gmem(&r, BUF_PA, BUF_LEN);
	/* flags, gso_type, hdr_len, gso_size, csum_*: 0; num_buffers 1. */
	for (int i = 0; i < 10; i++)
		ck_assert_uint_eq(b[i], 0);
	ck_assert_uint_eq(get_le(&r, BUF_PA + 10, 2), 1);
	ck_assert_mem_eq(b + VIRTIO_NET_HDR_LEN, f, sizeof(f));
	ck_assert_uint_ne(rd(&r, VIRTIO_MMIO_INTERRUPT_STATUS) &
				  VIRTIO_INT_USED_BUFFER,
			  0);
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), 0);
	ck_assert_uint_eq(used_idx(&r, 0), 2);
	/* Both buffers used: the next frame waits on the host side. */
	ck_assert(!virtio_net_rx_ready(r.v));
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), -EAGAIN);
	machine_free(r.m);
}
END_TEST

START_TEST(test_net_rx_drops_what_does_not_fit)
{
	struct rig r;
	rig_new(&r);
	post_rx(&r, 0, 64); /* room for a 52-byte frame only */
	uint8_t f[VIRTIO_NET_FRAME_MAX + 1];
	frame_make(f, sizeof(f), 9);
	ck_assert_int_eq(virtio_net_rx(r.v, f, 100), -EMSGSIZE);
	ck_assert_int_eq(virtio_net_rx(r.v, f, 13), -EMSGSIZE);
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), -EMSGSIZE);
	ck_assert_uint_eq(used_idx(&r, 0), 0);
	ck_assert_uint_eq(rd(&r, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_int_eq(virtio_net_rx(r.v, f, 52), 0);
	ck_assert_uint_eq(used_idx(&r, 0), 1);
	machine_free(r.m);
}
END_TEST

START_TEST(test_net_tx_reaches_the_host_side)
{
	struct rig r;
	rig_new(&r);
	uint8_t f[64];
	frame_make(f, sizeof(f), 5);
	memset(gmem(&r, BUF_PA, VIRTIO_NET_HDR_LEN), 0, VIRTIO_NET_HDR_LEN);
	memcpy(gmem(&r, BUF_PA + 0x100, sizeof(f)), f, sizeof(f));
	/* The header and the frame in two descriptors, as Linux does. */
	desc(&r, VIRTIO_NET_TXQ, 0, BUF_PA, VIRTIO_NET_HDR_LEN,
	     VIRTQ_DESC_F_NEXT, 1);
	desc(&r, VIRTIO_NET_TXQ, 1, BUF_PA + 0x100, sizeof(f), 0, 0);
	submit(&r, VIRTIO_NET_TXQ, 0);
	/* Sent at completion time, not at the notify. */
	ck_assert_int_eq(r.sent.n, 0);
	ck_assert_int_eq(machine_run(r.m, 200000), MSTOP_BUDGET);
	ck_assert_int_eq(r.sent.n, 1);
	ck_assert_uint_eq(r.sent.len, sizeof(f));
	ck_assert_mem_eq(r.sent.frame, f, sizeof(f));
	ck_assert_uint_eq(used_idx(&r, VIRTIO_NET_TXQ), 1);
	machine_free(r.m);
}
END_TEST

START_TEST(test_net_hostile_rx_buffer)
{
	struct rig r;
	rig_new(&r);
	uint8_t f[60];
	frame_make(f, sizeof(f), 1);
	/* A receive buffer past the end of RAM. */
	desc(&r, VIRTIO_NET_RXQ, 0, RAM_BASE + RAM_SIZE - 16, BUF_LEN,
	     VIRTQ_DESC_F_WRITE, 0);
	submit(&r, VIRTIO_NET_RXQ, 0);
	ck_assert(virtio_net_rx_ready(r.v));
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), -EIO);
	ck_assert_uint_ne(rd(&r, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_uint_eq(used_idx(&r, 0), 0);
	/* Nothing more until the driver resets the card. */
	ck_assert(!virtio_net_rx_ready(r.v));
	drv_start(&r);
	post_rx(&r, 0, BUF_LEN);
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), 0);
	/* A receive avail index that runs ahead of the ring. */
	put_le(&r, avail_pa(0) + 2, 100, 2);
	ck_assert_int_eq(virtio_net_rx(r.v, f, sizeof(f)), -EIO);
	ck_assert_uint_ne(rd(&r, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	machine_free(r.m);
}
END_TEST

START_TEST(test_net_hostile_tx_chain)
{
	struct rig r;
	rig_new(&r);
	/* Shorter than the header: nothing to send, the guest broke the
	 * rules. */
	desc(&r, VIRTIO_NET_TXQ, 0, BUF_PA, 4, 0, 0);
	submit(&r, VIRTIO_NET_TXQ, 0);
	ck_assert_int_eq(machine_run(r.m, 200000), MSTOP_BUDGET);
	ck_assert_uint_ne(rd(&r, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_int_eq(r.sent.n, 0);
	ck_assert_uint_eq(used_idx(&r, VIRTIO_NET_TXQ), 0);
	/* A runt frame is dropped, the buffer still comes back. */
	drv_start(&r);
	memset(gmem(&r, BUF_PA, 32), 0, 32);
	desc(&r, VIRTIO_NET_TXQ, 0, BUF_PA, VIRTIO_NET_HDR_LEN + 4, 0, 0);
	submit(&r, VIRTIO_NET_TXQ, 0);
	ck_assert_int_eq(machine_run(r.m, 200000), MSTOP_BUDGET);
	ck_assert_int_eq(r.sent.n, 0);
	ck_assert_uint_eq(used_idx(&r, VIRTIO_NET_TXQ), 1);
	ck_assert_uint_eq(rd(&r, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	machine_free(r.m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("virtio-net");
	TCase *tc = tcase_create("virtio-net");
	tcase_add_test(tc, test_net_identity_and_config);
	tcase_add_test(tc, test_net_only_when_asked);
	tcase_add_test(tc, test_net_rx_fills_posted_buffers);
	tcase_add_test(tc, test_net_rx_drops_what_does_not_fit);
	tcase_add_test(tc, test_net_tx_reaches_the_host_side);
	tcase_add_test(tc, test_net_hostile_rx_buffer);
	tcase_add_test(tc, test_net_hostile_tx_chain);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
