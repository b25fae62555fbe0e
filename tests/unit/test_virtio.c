/* virtio-mmio, virtio-blk and virtio-rng, driven from C the way a guest
 * driver would: registers through the bus, rings and buffers in guest RAM.
 * Expected values come from the virtio 1.x specification. */
#include "dev/disk.h"
#include "dev/plic.h"
#include "dev/virtio_blk.h"
#include "dev/virtio_mmio.h"
#include "dev/virtio_rng.h"
#include "machine.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RAM_SIZE   (1ull << 20)
#define DESC_PA	   (RAM_BASE + 0x10000)
#define AVAIL_PA   (RAM_BASE + 0x11000)
#define USED_PA	   (RAM_BASE + 0x12000)
#define HDR_PA	   (RAM_BASE + 0x13000) /* 32 bytes a request */
#define STATUS_PA  (RAM_BASE + 0x13800) /* one byte a request */
#define DATA_PA	   (RAM_BASE + 0x20000)
#define QSZ	   8
#define SECTORS	   64
#define SECTOR	   512
#define MEI_CAUSE  ((1ull << 63) | 11)
#define PLIC_PEND  0x1000
#define PLIC_EN	   0x2000
#define PLIC_CTX   0x200000
#define NEEDS_RST  VIRTIO_STATUS_DEVICE_NEEDS_RESET
#define BLK_IRQ	   (IRQ_VIRTIO_FIRST + 0)
#define RNG_SLOT_1 1 /* one disk: the entropy source takes slot 1 */

/* Entropy the tests hand the machine: a counter-driven pattern. */
struct entropy_src {
	int calls;
	uint8_t next;
};

static void entropy_fill(void *ctx, uint8_t *buf, size_t len)
{
	struct entropy_src *e = ctx;
	e->calls++;
	for (size_t i = 0; i < len; i++)
		buf[i] = e->next++ * 37 + 11;
}

struct rig {
	struct machine *m;
	char path[64];
	struct entropy_src entropy;
};

static uint8_t image_byte(uint64_t off)
{
	return (uint8_t)(off * 7 + off / SECTOR + 1);
}

/* A temporary image of `sectors` sectors with a known pattern. */
static void image_create(char *path, size_t pathlen, uint64_t sectors)
{
	snprintf(path, pathlen, "/tmp/rewind-virtio-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	uint8_t buf[SECTOR];
	for (uint64_t s = 0; s < sectors; s++) {
		for (int i = 0; i < SECTOR; i++)
			buf[i] = image_byte(s * SECTOR + (uint64_t)i);
		ck_assert_int_eq(write(fd, buf, SECTOR), SECTOR);
	}
	close(fd);
}

/* The whole file, for byte-for-byte comparisons. */
static uint8_t *image_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *buf = malloc(*len ? *len : 1);
	ck_assert_uint_eq(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

/* A machine with one disk in `mode` (slot 0) and the rng (slot 1); the
 * hart spins on `j .` so that time passes. */
static void rig_new_version(struct rig *r, enum disk_mode mode, int identity)
{
	memset(r, 0, sizeof(*r));
	image_create(r->path, sizeof(r->path), SECTORS);
	struct machine_config cfg = {
		.ram_size = RAM_SIZE, .nharts = 1, .identity = identity};
	cfg.disks[0] = (struct disk_config){.path = r->path, .mode = mode};
	cfg.ndisks = 1;
	cfg.host.ctx = &r->entropy;
	cfg.host.entropy = entropy_fill;
	char err[256];
	r->m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(r->m != NULL, "%s", err);
	ck_assert_int_eq(r->m->nvirtio, 2);
	uint32_t spin = 0x0000006f; /* j . */
	memcpy(bus_host_ptr(&r->m->bus, RAM_BASE, 4), &spin, 4);
	bus_note_write(&r->m->bus, RAM_BASE, 4);
	r->m->harts[0]->pc = RAM_BASE;
}

/* The same on the current machine version. */
static void rig_new(struct rig *r, enum disk_mode mode)
{
	rig_new_version(r, mode, 0);
}

static void rig_free(struct rig *r)
{
	machine_free(r->m);
	unlink(r->path);
}

/* ---- the guest driver ---- */

struct drv {
	struct machine *m;
	uint64_t base;
	uint16_t qsz;
	uint16_t avail_idx;
};

static uint32_t rd(struct drv *d, uint64_t off)
{
	uint64_t v;
	ck_assert_int_eq(bus_read(&d->m->bus, d->base + off, 4, &v), 0);
	return (uint32_t)v;
}

static void wr(struct drv *d, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(bus_write(&d->m->bus, d->base + off, 4, v), 0);
}

static uint8_t *gmem(struct machine *m, uint64_t pa, uint64_t len)
{
	uint8_t *p = bus_host_ptr(&m->bus, pa, len);
	ck_assert_ptr_nonnull(p);
	return p;
}

static void put_le(struct machine *m, uint64_t pa, uint64_t v, int n)
{
	uint8_t *p = gmem(m, pa, (uint64_t)n);
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(struct machine *m, uint64_t pa, int n)
{
	const uint8_t *p = gmem(m, pa, (uint64_t)n);
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static struct drv drv_at(struct machine *m, int slot)
{
	return (struct drv){.m = m,
			    .base = VIRTIO_MMIO_BASE +
				    VIRTIO_MMIO_SIZE * (uint64_t)slot,
			    .qsz = QSZ};
}

static uint64_t dev_features(struct drv *d)
{
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	uint64_t f = rd(d, VIRTIO_MMIO_DEVICE_FEATURES);
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	return f | (uint64_t)rd(d, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
}

/* Reset, acknowledge and offer `features`; returns the status read back
 * after setting FEATURES_OK. */
static uint32_t drv_negotiate(struct drv *d, uint64_t features)
{
	wr(d, VIRTIO_MMIO_STATUS, 0);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_STATUS), 0);
	wr(d, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(d, VIRTIO_MMIO_STATUS,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)features);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(features >> 32));
	wr(d, VIRTIO_MMIO_STATUS,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
		   VIRTIO_STATUS_FEATURES_OK);
	return rd(d, VIRTIO_MMIO_STATUS);
}

static void drv_queue(struct drv *d, uint32_t num)
{
	memset(gmem(d->m, DESC_PA, 0x3000), 0, 0x3000);
	wr(d, VIRTIO_MMIO_QUEUE_SEL, 0);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_QUEUE_READY), 0);
	ck_assert_uint_ge(rd(d, VIRTIO_MMIO_QUEUE_NUM_MAX), QSZ);
	wr(d, VIRTIO_MMIO_QUEUE_NUM, num);
	wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC_PA);
	wr(d, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(DESC_PA >> 32));
	wr(d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_PA);
	wr(d, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, (uint32_t)(AVAIL_PA >> 32));
	wr(d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)USED_PA);
	wr(d, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, (uint32_t)(USED_PA >> 32));
	wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
}

/* The whole initialisation sequence, accepting every offered feature. */
static void drv_start(struct drv *d)
{
	d->avail_idx = 0;
	d->qsz = QSZ;
	uint32_t st = drv_negotiate(d, dev_features(d));
	ck_assert(st & VIRTIO_STATUS_FEATURES_OK);
	drv_queue(d, QSZ);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_QUEUE_READY), 1);
	wr(d, VIRTIO_MMIO_STATUS,
	   VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
		   VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_STATUS), 0x0f);
}

static void desc(struct drv *d, unsigned i, uint64_t addr, uint32_t len,
		 uint16_t flags, uint16_t next)
{
	uint64_t pa = DESC_PA + 16ull * i;
	put_le(d->m, pa, addr, 8);
	put_le(d->m, pa + 8, len, 4);
	put_le(d->m, pa + 12, flags, 2);
	put_le(d->m, pa + 14, next, 2);
}

/* Make chain `head` available and notify queue 0. */
static void submit(struct drv *d, uint16_t head)
{
	put_le(d->m, AVAIL_PA + 4 + 2ull * (d->avail_idx % d->qsz), head, 2);
	d->avail_idx++;
	put_le(d->m, AVAIL_PA + 2, d->avail_idx, 2);
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
}

static uint16_t used_idx(struct drv *d)
{
	return (uint16_t)get_le(d->m, USED_PA + 2, 2);
}

static uint32_t used_id(struct drv *d, uint16_t k)
{
	return (uint32_t)get_le(d->m, USED_PA + 4 + 8ull * (k % d->qsz), 4);
}

static uint32_t used_len(struct drv *d, uint16_t k)
{
	return (uint32_t)get_le(d->m, USED_PA + 8 + 8ull * (k % d->qsz), 4);
}

/* Long enough for any batch in these tests to complete. */
static void run_to_completion(struct machine *m)
{
	ck_assert_int_eq(machine_run(m, 200000), MSTOP_BUDGET);
}

/* A three-descriptor blk request in descriptors 3k..3k+2. */
static uint16_t blk_chain(struct drv *d, unsigned k, uint32_t type,
			  uint64_t sector, uint64_t data, uint32_t len,
			  bool data_writable)
{
	uint64_t hdr = HDR_PA + 32ull * k;
	put_le(d->m, hdr, type, 4);
	put_le(d->m, hdr + 4, 0, 4);
	put_le(d->m, hdr + 8, sector, 8);
	put_le(d->m, STATUS_PA + k, 0xee, 1);
	unsigned h = 3 * k;
	desc(d, h, hdr, VIRTIO_BLK_HDR_SIZE, VIRTQ_DESC_F_NEXT,
	     (uint16_t)(h + 1));
	desc(d, h + 1, data, len,
	     VIRTQ_DESC_F_NEXT | (data_writable ? VIRTQ_DESC_F_WRITE : 0),
	     (uint16_t)(h + 2));
	desc(d, h + 2, STATUS_PA + k, 1, VIRTQ_DESC_F_WRITE, 0);
	return (uint16_t)h;
}

/* Submit one request, run to completion; returns the status byte and the
 * used length. */
static uint8_t blk_do(struct drv *d, uint32_t type, uint64_t sector,
		      uint64_t data, uint32_t len, uint32_t *ulen)
{
	bool writable = type != VIRTIO_BLK_T_OUT;
	uint16_t before = used_idx(d);
	uint16_t head = blk_chain(d, 0, type, sector, data, len, writable);
	submit(d, head);
	run_to_completion(d->m);
	ck_assert_uint_eq(used_idx(d), (uint16_t)(before + 1));
	ck_assert_uint_eq(used_id(d, before), head);
	if (ulen)
		*ulen = used_len(d, before);
	return (uint8_t)get_le(d->m, STATUS_PA, 1);
}

static void fill(struct machine *m, uint64_t pa, uint64_t len, uint8_t seed)
{
	uint8_t *p = gmem(m, pa, len);
	for (uint64_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 13);
}

/* After a fault: the device works again once the driver resets it. */
static void check_recovers(struct drv *d)
{
	drv_start(d);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_uint_eq(rd(d, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
	uint32_t ulen;
	ck_assert_uint_eq(blk_do(d, VIRTIO_BLK_T_IN, 1, DATA_PA, SECTOR, &ulen),
			  VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(ulen, SECTOR + 1);
	const uint8_t *p = gmem(d->m, DATA_PA, SECTOR);
	for (int i = 0; i < SECTOR; i++)
		ck_assert_uint_eq(p[i], image_byte(SECTOR + (uint64_t)i));
}

/* The device gave up on the guest: NEEDS_RESET, a configuration change
 * interrupt (the driver had set DRIVER_OK), nothing completed even after
 * time passes. */
static void check_needs_reset(struct drv *d, uint16_t used_before)
{
	run_to_completion(d->m);
	ck_assert_uint_ne(rd(d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_uint_ne(
		rd(d, VIRTIO_MMIO_INTERRUPT_STATUS) & VIRTIO_INT_CONFIG, 0);
	ck_assert_uint_eq(used_idx(d), used_before);
}

/* Chain checks happen at the notify already. */
static void check_refused_at_notify(struct drv *d, uint16_t used_before)
{
	ck_assert_uint_ne(rd(d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	check_needs_reset(d, used_before);
}

/* ---- transport ---- */

START_TEST(test_identity_and_config)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0), rng = drv_at(r.m, RNG_SLOT_1);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_VERSION), 2);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_DEVICE_ID), 2);
	/* QEMU's vendor id, which drivers written for its board check. */
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_VENDOR_ID), 0x554d4551);
	ck_assert_uint_eq(rd(&rng, VIRTIO_MMIO_VENDOR_ID), 0x554d4551);
	ck_assert_uint_eq(rd(&rng, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	ck_assert_uint_eq(rd(&rng, VIRTIO_MMIO_VERSION), 2);
	ck_assert_uint_eq(rd(&rng, VIRTIO_MMIO_DEVICE_ID), 4);
	/* Offered: VERSION_1 (bit 32), SEG_MAX (2), BLK_SIZE (6), FLUSH
	 * (9); not RO (5) on a writable disk. */
	uint64_t f = dev_features(&d);
	ck_assert_uint_ne(f & 1ull << 32, 0);
	ck_assert_uint_ne(f & 1ull << 2, 0);
	ck_assert_uint_ne(f & 1ull << 6, 0);
	ck_assert_uint_ne(f & 1ull << 9, 0);
	ck_assert_uint_eq(f & 1ull << 5, 0);
	ck_assert_uint_ne(dev_features(&rng) & 1ull << 32, 0);
	/* Configuration: capacity (u64 at 0) in 512-byte sectors, seg_max
	 * (u32 at 12), blk_size (u32 at 20). */
	ck_assert_uint_eq(rd(&d, 0x100), SECTORS);
	ck_assert_uint_eq(rd(&d, 0x104), 0);
	uint64_t v;
	ck_assert_int_eq(bus_read(&r.m->bus, d.base + 0x100, 8, &v), 0);
	ck_assert_uint_eq(v, SECTORS);
	ck_assert_int_eq(bus_read(&r.m->bus, d.base + 0x100, 1, &v), 0);
	ck_assert_uint_eq(v, SECTORS);
	ck_assert_uint_ge(rd(&d, 0x10c), 1);
	ck_assert_uint_le(rd(&d, 0x10c), rd(&d, VIRTIO_MMIO_QUEUE_NUM_MAX) - 2);
	ck_assert_uint_eq(rd(&d, 0x114), 512);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_CONFIG_GENERATION), 0);
	/* One queue: QueueNumMax is zero for any other. */
	uint32_t max = rd(&d, VIRTIO_MMIO_QUEUE_NUM_MAX);
	ck_assert_uint_ne(max, 0);
	ck_assert_uint_eq(max & (max - 1), 0);
	wr(&d, VIRTIO_MMIO_QUEUE_SEL, 1);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_NUM_MAX), 0);
	/* The other slots are empty transports: DeviceID 0, which a driver
	 * must ignore; probing them does not fault. */
	for (int slot = 2; slot < VIRTIO_SLOTS; slot++) {
		struct drv e = drv_at(r.m, slot);
		ck_assert_uint_eq(rd(&e, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
		ck_assert_uint_eq(rd(&e, VIRTIO_MMIO_VERSION), 2);
		ck_assert_uint_eq(rd(&e, VIRTIO_MMIO_DEVICE_ID), 0);
		wr(&e, VIRTIO_MMIO_STATUS, 1);
		ck_assert_uint_eq(rd(&e, VIRTIO_MMIO_STATUS), 0);
	}
	ck_assert_int_eq(bus_read(&r.m->bus,
				  VIRTIO_MMIO_BASE + VIRTIO_SLOTS * 0x1000, 4,
				  &v),
			 -1);
	rig_free(&r);
}
END_TEST

START_TEST(test_feature_handshake)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	uint64_t offered = dev_features(&d);
	/* As on QEMU's modern transport, a driver that does not accept
	 * VERSION_1 still gets FEATURES_OK (see test_low_word_driver). */
	uint32_t st = drv_negotiate(&d, offered & ~(1ull << 32));
	ck_assert_uint_ne(st & VIRTIO_STATUS_FEATURES_OK, 0);
	/* One that accepts it is held to the rules: not a feature the
	 * device did not offer (INDIRECT_DESC, bit 28). */
	st = drv_negotiate(&d, offered | 1ull << 28);
	ck_assert_uint_eq(st & VIRTIO_STATUS_FEATURES_OK, 0);
	/* A subset including VERSION_1 is fine. */
	st = drv_negotiate(&d, 1ull << 32);
	ck_assert_uint_eq(st, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
				      VIRTIO_STATUS_FEATURES_OK);
	drv_start(&d);
	/* Writing 0 resets: status and queue state go. */
	wr(&d, VIRTIO_MMIO_STATUS, 0);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS), 0);
	wr(&d, VIRTIO_MMIO_QUEUE_SEL, 0);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_READY), 0);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

/* A driver written for QEMU's board: it writes only the low 32 feature
 * bits (never selecting the high word, so never acking VERSION_1), sets
 * FEATURES_OK and reads it back; it must see it set, and the device keeps
 * only what it offered. Then a request goes through. */
START_TEST(test_low_word_driver)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	d.qsz = QSZ;
	uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;
	wr(&d, VIRTIO_MMIO_STATUS, 0);
	wr(&d, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(&d, VIRTIO_MMIO_STATUS, st);
	uint32_t f = rd(&d, VIRTIO_MMIO_DEVICE_FEATURES);
	/* Bit 28 (INDIRECT_DESC) is not offered: kept out, not refused. */
	wr(&d, VIRTIO_MMIO_DRIVER_FEATURES, f | 1u << 28);
	wr(&d, VIRTIO_MMIO_STATUS, st | VIRTIO_STATUS_FEATURES_OK);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS),
			  st | VIRTIO_STATUS_FEATURES_OK);
	drv_queue(&d, QSZ);
	wr(&d, VIRTIO_MMIO_STATUS,
	   st | VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS), 0x0f);
	uint32_t ulen;
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_IN, 1, DATA_PA, SECTOR, &ulen),
		VIRTIO_BLK_S_OK);
	const uint8_t *p = gmem(d.m, DATA_PA, SECTOR);
	for (int i = 0; i < SECTOR; i++)
		ck_assert_uint_eq(p[i], image_byte(SECTOR + (uint64_t)i));
	rig_free(&r);
}
END_TEST

/* Machine version 1, which old recordings and snapshots run on, keeps
 * its own identity: vendor "RWND", and FEATURES_OK only with VERSION_1. */
START_TEST(test_version1_identity)
{
	struct rig r;
	rig_new_version(&r, DISK_OVERLAY, MACHINE_IDENTITY_V1);
	struct drv d = drv_at(r.m, 0);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_VENDOR_ID), 0x444e5752);
	uint64_t offered = dev_features(&d);
	uint32_t st = drv_negotiate(&d, offered & ~(1ull << 32));
	ck_assert_uint_eq(st & VIRTIO_STATUS_FEATURES_OK, 0);
	st = drv_negotiate(&d, offered);
	ck_assert_uint_ne(st & VIRTIO_STATUS_FEATURES_OK, 0);
	rig_free(&r);
}
END_TEST

/* ---- virtio-blk ---- */

START_TEST(test_blk_write_then_read)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	uint32_t ulen;
	fill(r.m, DATA_PA, 2 * SECTOR, 0x40);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_OUT, 3, DATA_PA, 2 * SECTOR, &ulen),
		VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(ulen, 1); /* only the status byte was written */
	uint64_t back = DATA_PA + 0x4000;
	memset(gmem(r.m, back, 4 * SECTOR), 0, 4 * SECTOR);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_IN, 2, back, 4 * SECTOR, &ulen),
		VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(ulen, 4 * SECTOR + 1);
	const uint8_t *p = gmem(r.m, back, 4 * SECTOR);
	for (int i = 0; i < SECTOR; i++) {
		ck_assert_uint_eq(p[i], image_byte(2 * SECTOR + (uint64_t)i));
		ck_assert_uint_eq(p[3 * SECTOR + i],
				  image_byte(5 * SECTOR + (uint64_t)i));
	}
	for (int i = 0; i < 2 * SECTOR; i++)
		ck_assert_uint_eq(p[SECTOR + i], (uint8_t)(0x40 + i * 13));
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	rig_free(&r);
}
END_TEST

START_TEST(test_blk_flush_get_id_unsupported)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	uint32_t ulen;
	/* FLUSH: header and status only. */
	uint16_t h = 0;
	put_le(r.m, HDR_PA, VIRTIO_BLK_T_FLUSH, 4);
	put_le(r.m, HDR_PA + 8, 0, 8);
	desc(&d, 0, HDR_PA, 16, VIRTQ_DESC_F_NEXT, 1);
	desc(&d, 1, STATUS_PA, 1, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, h);
	run_to_completion(r.m);
	ck_assert_uint_eq(used_idx(&d), 1);
	ck_assert_uint_eq(get_le(r.m, STATUS_PA, 1), VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(used_len(&d, 0), 1);
	/* GET_ID: up to 20 bytes, NUL-padded when shorter. */
	memset(gmem(r.m, DATA_PA, 20), 0xaa, 20);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_GET_ID, 0, DATA_PA, 20, &ulen),
		VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(ulen, 21);
	const char *id = (const char *)gmem(r.m, DATA_PA, 20);
	size_t idlen = strnlen(id, 20);
	ck_assert_uint_gt(idlen, 0);
	for (size_t i = idlen; i < 20; i++)
		ck_assert_uint_eq(id[i], 0);
	char first[21] = {0};
	memcpy(first, id, 20);
	/* Types the device does not offer get UNSUPP: DISCARD (11) and an
	 * unknown one. */
	ck_assert_uint_eq(blk_do(&d, 11, 0, DATA_PA, SECTOR, &ulen),
			  VIRTIO_BLK_S_UNSUPP);
	ck_assert_uint_eq(ulen, 1);
	ck_assert_uint_eq(blk_do(&d, 0x7fff, 0, DATA_PA, SECTOR, &ulen),
			  VIRTIO_BLK_S_UNSUPP);
	rig_free(&r);
	/* The id is stable: the same machine gives it again. */
	rig_new(&r, DISK_OVERLAY);
	d = drv_at(r.m, 0);
	drv_start(&d);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_GET_ID, 0, DATA_PA, 20, &ulen),
		VIRTIO_BLK_S_OK);
	ck_assert_mem_eq(gmem(r.m, DATA_PA, 20), first, 20);
	rig_free(&r);
}
END_TEST

START_TEST(test_blk_out_of_range_is_ioerr)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	uint32_t ulen;
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_IN, SECTORS, DATA_PA, SECTOR, &ulen),
		VIRTIO_BLK_S_IOERR);
	ck_assert_uint_eq(ulen, 1);
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_IN, SECTORS - 1, DATA_PA,
				 2 * SECTOR, &ulen),
			  VIRTIO_BLK_S_IOERR);
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_OUT, UINT64_MAX, DATA_PA,
				 SECTOR, &ulen),
			  VIRTIO_BLK_S_IOERR);
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_OUT, (UINT64_MAX / 512) + 1,
				 DATA_PA, SECTOR, &ulen),
			  VIRTIO_BLK_S_IOERR);
	/* Data that is not whole sectors. */
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_IN, 0, DATA_PA, 100, &ulen),
			  VIRTIO_BLK_S_IOERR);
	/* The last sector itself is fine. */
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_IN, SECTORS - 1, DATA_PA,
				 SECTOR, &ulen),
			  VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	rig_free(&r);
}
END_TEST

START_TEST(test_blk_readonly_refuses_writes)
{
	struct rig r;
	rig_new(&r, DISK_READONLY);
	size_t n0, n1;
	uint8_t *before = image_read(r.path, &n0);
	struct drv d = drv_at(r.m, 0);
	ck_assert_uint_ne(dev_features(&d) & 1ull << 5, 0); /* F_RO */
	drv_start(&d);
	uint32_t ulen;
	fill(r.m, DATA_PA, SECTOR, 1);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_OUT, 0, DATA_PA, SECTOR, &ulen),
		VIRTIO_BLK_S_IOERR);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, &ulen),
		VIRTIO_BLK_S_OK);
	const uint8_t *p = gmem(r.m, DATA_PA, SECTOR);
	for (int i = 0; i < SECTOR; i++)
		ck_assert_uint_eq(p[i], image_byte((uint64_t)i));
	uint8_t *after = image_read(r.path, &n1);
	ck_assert_uint_eq(n0, n1);
	ck_assert_mem_eq(before, after, n0);
	free(before);
	free(after);
	rig_free(&r);
}
END_TEST

static int count_chunk(void *ctx, uint64_t chunk, const uint8_t *data)
{
	(void)data;
	uint64_t *seen = ctx;
	seen[seen[0]++ + 1] = chunk;
	return 0;
}

START_TEST(test_blk_overlay_leaves_image_unchanged)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	size_t n0, n1;
	uint8_t *before = image_read(r.path, &n0);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* One sector inside the second 4 KiB chunk (sectors 8..15). */
	fill(r.m, DATA_PA, SECTOR, 0x90);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_OUT, 9, DATA_PA, SECTOR, NULL),
		VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_FLUSH, 0, DATA_PA, 0, NULL),
			  VIRTIO_BLK_S_OK);
	uint64_t back = DATA_PA + 0x4000;
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_IN, 8, back, 8 * SECTOR, NULL),
		VIRTIO_BLK_S_OK);
	const uint8_t *p = gmem(r.m, back, 8 * SECTOR);
	for (int i = 0; i < 8 * SECTOR; i++) {
		uint8_t want = i >= SECTOR && i < 2 * SECTOR
				       ? (uint8_t)(0x90 + (i - SECTOR) * 13)
				       : image_byte(8 * SECTOR + (uint64_t)i);
		ck_assert_uint_eq(p[i], want);
	}
	uint8_t *after = image_read(r.path, &n1);
	ck_assert_uint_eq(n0, n1);
	ck_assert_mem_eq(before, after, n0);
	/* The overlay holds exactly that chunk. */
	struct disk *dk = virtio_blk_disk(r.m->virtio[0]);
	ck_assert_uint_eq(disk_overlay_count(dk), 1);
	uint64_t seen[4] = {0};
	ck_assert_int_eq(disk_overlay_foreach(dk, count_chunk, seen), 0);
	ck_assert_uint_eq(seen[0], 1);
	ck_assert_uint_eq(seen[1], 1);
	free(before);
	free(after);
	rig_free(&r);
}
END_TEST

START_TEST(test_blk_persist_changes_image)
{
	struct rig r;
	rig_new(&r, DISK_PERSIST);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	fill(r.m, DATA_PA, SECTOR, 0x33);
	ck_assert_uint_eq(
		blk_do(&d, VIRTIO_BLK_T_OUT, 5, DATA_PA, SECTOR, NULL),
		VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_FLUSH, 0, DATA_PA, 0, NULL),
			  VIRTIO_BLK_S_OK);
	size_t n;
	uint8_t *img = image_read(r.path, &n);
	ck_assert_uint_eq(n, SECTORS * SECTOR);
	for (size_t i = 0; i < n; i++) {
		uint8_t want = i >= 5 * SECTOR && i < 6 * SECTOR
				       ? (uint8_t)(0x33 + (i - 5 * SECTOR) * 13)
				       : image_byte(i);
		ck_assert_uint_eq(img[i], want);
	}
	free(img);
	rig_free(&r);
}
END_TEST

/* The timed-work entry this device registered. */
static const struct timed_dev *timed_of(struct machine *m,
					struct virtio_mmio *v)
{
	for (int i = 0; i < m->ntimed; i++)
		if (m->timed[i].ctx == v)
			return &m->timed[i];
	ck_abort_msg("device has no timed work");
	return NULL;
}

START_TEST(test_completion_at_scheduled_icount)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* The PLIC forwards source 1 (slot 0) to hart 0's M-mode context. */
	ck_assert_int_eq(bus_write(&r.m->bus, PLIC_BASE + 4 * BLK_IRQ, 4, 1),
			 0);
	ck_assert_int_eq(
		bus_write(&r.m->bus, PLIC_BASE + PLIC_EN, 4, 1u << BLK_IRQ), 0);
	machine_run(r.m, 1234);
	const struct timed_dev *t = timed_of(r.m, r.m->virtio[0]);
	ck_assert_uint_eq(t->deadline(t->ctx), UINT64_MAX);
	/* 16 + 512 + 1 bytes move: one 4 KiB unit of cost. */
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	submit(&d, head);
	uint64_t due = 1234 + VIRTIO_LATENCY_INSNS + VIRTIO_LATENCY_PER_4K;
	ck_assert_uint_eq(t->deadline(t->ctx), due);
	/* Nothing happens before the deadline... */
	machine_run(r.m, due - 1 - r.m->icount);
	ck_assert_uint_eq(used_idx(&d), 0);
	ck_assert_uint_eq(get_le(r.m, STATUS_PA, 1), 0xee);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
	uint64_t pend;
	ck_assert_int_eq(bus_read(&r.m->bus, PLIC_BASE + PLIC_PEND, 4, &pend),
			 0);
	ck_assert_uint_eq(pend & 1u << BLK_IRQ, 0);
	/* ...and it is done once time gets there. */
	machine_run(r.m, 2);
	ck_assert_uint_eq(used_idx(&d), 1);
	ck_assert_uint_eq(get_le(r.m, STATUS_PA, 1), VIRTIO_BLK_S_OK);
	ck_assert_uint_eq(t->deadline(t->ctx), UINT64_MAX);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS),
			  VIRTIO_INT_USED_BUFFER);
	ck_assert_int_eq(bus_read(&r.m->bus, PLIC_BASE + PLIC_PEND, 4, &pend),
			 0);
	ck_assert_uint_ne(pend & 1u << BLK_IRQ, 0);
	ck_assert_uint_ne(r.m->harts[0]->mip & MIP_MEIP, 0);
	/* InterruptACK clears the bit and lowers the line. */
	wr(&d, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_INT_USED_BUFFER);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
	uint64_t claim;
	ck_assert_int_eq(
		bus_read(&r.m->bus, PLIC_BASE + PLIC_CTX + 4, 4, &claim), 0);
	ck_assert_uint_eq(claim, BLK_IRQ);
	ck_assert_int_eq(
		bus_write(&r.m->bus, PLIC_BASE + PLIC_CTX + 4, 4, claim), 0);
	ck_assert_uint_eq(r.m->harts[0]->mip & MIP_MEIP, 0);
	rig_free(&r);
}
END_TEST

/* Assembled with the cross assembler (-march=rv64g), linked at RAM_BASE:
 *   _start: la t0, handler; csrw mtvec, t0
 *           li t0, 0x800; csrw mie, t0; csrsi mstatus, 8  # MEIE, MIE
 *   loop:   addi s1, s1, 1; j loop
 *   handler: csrr s4, minstret
 *   hang:   j hang */
static const uint32_t irq_program[] = {
	0x00000297, 0x02428293, 0x30529073, 0x000012b7, 0x8002829b, 0x30429073,
	0x30046073, 0x00148493, 0xffdff06f, 0xb0202a73, 0x0000006f,
};

START_TEST(test_interrupt_taken_at_completion_icount)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	memcpy(gmem(r.m, RAM_BASE, sizeof(irq_program)), irq_program,
	       sizeof(irq_program));
	bus_note_write(&r.m->bus, RAM_BASE, sizeof(irq_program));
	ck_assert_int_eq(bus_write(&r.m->bus, PLIC_BASE + 4 * BLK_IRQ, 4, 1),
			 0);
	ck_assert_int_eq(
		bus_write(&r.m->bus, PLIC_BASE + PLIC_EN, 4, 1u << BLK_IRQ), 0);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	machine_run(r.m, 500);
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 7, DATA_PA, 4 * SECTOR, true);
	submit(&d, head);
	machine_run(r.m, 100000);
	struct hart *h = r.m->harts[0];
	ck_assert_uint_eq(h->mcause, MEI_CAUSE);
	/* The handler's first instruction sees exactly the instructions
	 * retired before the completion: 500 + 20000 + 2000 (2065 bytes are
	 * one 4 KiB unit). */
	ck_assert_uint_eq(h->x[20],
			  500 + VIRTIO_LATENCY_INSNS + VIRTIO_LATENCY_PER_4K);
	ck_assert_uint_eq(used_idx(&d), 1);
	rig_free(&r);
}
END_TEST

START_TEST(test_dma_marks_pages_dirty)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	uint64_t back = DATA_PA + 0x8000;
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, back, 2 * SECTOR, true);
	submit(&d, head);
	/* Forget what the driver itself dirtied; only DMA counts now. */
	uint64_t pages = RAM_SIZE >> PAGE_SHIFT;
	memset(r.m->ram->dirty, 0, (pages + 63) / 64 * sizeof(uint64_t));
	run_to_completion(r.m);
	ck_assert_uint_eq(used_idx(&d), 1);
	uint64_t data_page = (back - RAM_BASE) >> PAGE_SHIFT;
	uint64_t used_page = (USED_PA - RAM_BASE) >> PAGE_SHIFT;
	uint64_t status_page = (STATUS_PA - RAM_BASE) >> PAGE_SHIFT;
	ck_assert(r.m->ram->dirty[data_page / 64] >> (data_page % 64) & 1);
	ck_assert(r.m->ram->dirty[used_page / 64] >> (used_page % 64) & 1);
	ck_assert(r.m->ram->dirty[status_page / 64] >> (status_page % 64) & 1);
	/* A page the device did not write stays clean. */
	uint64_t other = (DATA_PA - RAM_BASE) >> PAGE_SHIFT;
	ck_assert(!(r.m->ram->dirty[other / 64] >> (other % 64) & 1));
	rig_free(&r);
}
END_TEST

START_TEST(test_several_requests_in_flight)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* Two chains in one notify, a third in another: all complete, in
	 * order, each with its own head. */
	uint16_t h0 =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	uint16_t h1 = blk_chain(&d, 1, VIRTIO_BLK_T_IN, 1, DATA_PA + 0x1000,
				SECTOR, true);
	put_le(r.m, AVAIL_PA + 4, h0, 2);
	put_le(r.m, AVAIL_PA + 6, h1, 2);
	put_le(r.m, AVAIL_PA + 2, 2, 2);
	d.avail_idx = 2;
	wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	/* The framing is the driver's choice: the id and the status byte
	 * share one 21-byte buffer. */
	uint16_t h2 = 6;
	put_le(r.m, HDR_PA + 64, VIRTIO_BLK_T_GET_ID, 4);
	put_le(r.m, HDR_PA + 72, 0, 8);
	desc(&d, 6, HDR_PA + 64, 16, VIRTQ_DESC_F_NEXT, 7);
	desc(&d, 7, DATA_PA + 0x2000, 21, VIRTQ_DESC_F_WRITE, 0);
	put_le(r.m, DATA_PA + 0x2000 + 20, 0xee, 1);
	submit(&d, h2);
	run_to_completion(r.m);
	ck_assert_uint_eq(used_idx(&d), 3);
	ck_assert_uint_eq(used_id(&d, 0), h0);
	ck_assert_uint_eq(used_id(&d, 1), h1);
	ck_assert_uint_eq(used_id(&d, 2), h2);
	ck_assert_uint_eq(used_len(&d, 2), 21);
	for (unsigned k = 0; k < 2; k++)
		ck_assert_uint_eq(get_le(r.m, STATUS_PA + k, 1), 0);
	ck_assert_uint_eq(get_le(r.m, DATA_PA + 0x2000 + 20, 1), 0);
	/* The queue wraps: 20 more requests through 8 slots. */
	for (int i = 0; i < 20; i++) {
		uint32_t ulen;
		ck_assert_uint_eq(blk_do(&d, VIRTIO_BLK_T_IN, (uint64_t)i,
					 DATA_PA, SECTOR, &ulen),
				  VIRTIO_BLK_S_OK);
		ck_assert_uint_eq(ulen, SECTOR + 1);
	}
	ck_assert_uint_eq(used_idx(&d), 23);
	rig_free(&r);
}
END_TEST

/* ---- a hostile guest ---- */

START_TEST(test_hostile_desc_outside_ram)
{
	static const uint64_t bad[][2] = {
		{RAM_BASE + RAM_SIZE - 256, SECTOR}, /* straddles the end */
		{0x0, SECTOR},			     /* nothing there */
		{VIRTIO_MMIO_BASE, 4},		     /* MMIO, not memory */
		{UINT64_MAX - 15, SECTOR},	     /* wraps around */
	};
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		drv_start(&d);
		uint16_t head = blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, bad[i][0],
					  (uint32_t)bad[i][1], true);
		submit(&d, head);
		check_refused_at_notify(&d, 0);
		check_recovers(&d);
	}
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_looping_chain)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* 0 -> 1 -> 0 -> ... */
	desc(&d, 0, HDR_PA, 16, VIRTQ_DESC_F_NEXT, 1);
	desc(&d, 1, DATA_PA, 16, VIRTQ_DESC_F_NEXT, 0);
	submit(&d, 0);
	check_refused_at_notify(&d, 0);
	check_recovers(&d);
	/* A descriptor that names itself. */
	desc(&d, 5, HDR_PA, 16, VIRTQ_DESC_F_NEXT, 5);
	submit(&d, 5);
	check_refused_at_notify(&d, 1);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_chain_longer_than_queue)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* Exactly QSZ descriptors is the longest legal chain: header, six
	 * data sectors, status. */
	put_le(r.m, HDR_PA, VIRTIO_BLK_T_IN, 4);
	put_le(r.m, HDR_PA + 8, 0, 8);
	desc(&d, 0, HDR_PA, 16, VIRTQ_DESC_F_NEXT, 1);
	for (unsigned i = 1; i <= 6; i++)
		desc(&d, i, DATA_PA + SECTOR * (i - 1), SECTOR,
		     VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, (uint16_t)(i + 1));
	desc(&d, 7, STATUS_PA, 1, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, 0);
	run_to_completion(r.m);
	ck_assert_uint_eq(used_idx(&d), 1);
	ck_assert_uint_eq(used_len(&d, 0), 6 * SECTOR + 1);
	ck_assert_uint_eq(get_le(r.m, STATUS_PA, 1), VIRTIO_BLK_S_OK);
	/* One more link makes it longer than the queue. */
	desc(&d, 7, STATUS_PA, 1, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 3);
	submit(&d, 0);
	check_refused_at_notify(&d, 1);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_descriptor_index_out_of_range)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	/* A head index past the table. */
	drv_start(&d);
	submit(&d, QSZ);
	check_refused_at_notify(&d, 0);
	/* A next index past the table. */
	drv_start(&d);
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	desc(&d, 1, DATA_PA, SECTOR, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE,
	     300);
	submit(&d, head);
	check_refused_at_notify(&d, 0);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_avail_index_runs_ahead)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	for (unsigned k = 0; k < QSZ; k++)
		put_le(r.m, AVAIL_PA + 4 + 2 * k,
		       blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR,
				 true),
		       2);
	/* QSZ + 1 chains outstanding in a ring of QSZ. */
	put_le(r.m, AVAIL_PA + 2, QSZ + 1, 2);
	wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	check_refused_at_notify(&d, 0);
	check_recovers(&d);
	/* An index that moves backwards after a notify. */
	uint16_t base = used_idx(&d);
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	submit(&d, head);
	submit(&d, head);
	put_le(r.m, AVAIL_PA + 2, (uint16_t)(d.avail_idx - 1), 2);
	wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	check_refused_at_notify(&d, base);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_bad_queue_size)
{
	static const uint32_t bad[] = {6, 0, 512, 3, 0x10000, UINT32_MAX};
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	uint32_t max = rd(&d, VIRTIO_MMIO_QUEUE_NUM_MAX);
	ck_assert_uint_lt(max, 512);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert(drv_negotiate(&d, dev_features(&d)) &
			  VIRTIO_STATUS_FEATURES_OK);
		drv_queue(&d, bad[i]);
		ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_READY), 0);
		ck_assert_uint_ne(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
		check_recovers(&d);
	}
	/* QueueNumMax itself is a legal size. */
	ck_assert(drv_negotiate(&d, dev_features(&d)) &
		  VIRTIO_STATUS_FEATURES_OK);
	drv_queue(&d, max);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_READY), 1);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_rings_outside_ram)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	/* A used ring that runs off the end of RAM. */
	ck_assert(drv_negotiate(&d, dev_features(&d)) &
		  VIRTIO_STATUS_FEATURES_OK);
	wr(&d, VIRTIO_MMIO_QUEUE_SEL, 0);
	wr(&d, VIRTIO_MMIO_QUEUE_NUM, QSZ);
	wr(&d, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC_PA);
	wr(&d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_PA);
	wr(&d, VIRTIO_MMIO_QUEUE_DEVICE_LOW,
	   (uint32_t)(RAM_BASE + RAM_SIZE - 16));
	wr(&d, VIRTIO_MMIO_QUEUE_READY, 1);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_READY), 0);
	ck_assert_uint_ne(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	check_recovers(&d);
	/* A misaligned descriptor table. */
	ck_assert(drv_negotiate(&d, dev_features(&d)) &
		  VIRTIO_STATUS_FEATURES_OK);
	wr(&d, VIRTIO_MMIO_QUEUE_NUM, QSZ);
	wr(&d, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC_PA + 8);
	wr(&d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_PA);
	wr(&d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)USED_PA);
	wr(&d, VIRTIO_MMIO_QUEUE_READY, 1);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_QUEUE_READY), 0);
	ck_assert_uint_ne(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_notify_not_ready)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	/* DRIVER_OK without a ready queue, then a notify. */
	ck_assert(drv_negotiate(&d, dev_features(&d)) &
		  VIRTIO_STATUS_FEATURES_OK);
	wr(&d, VIRTIO_MMIO_STATUS, 0x0f);
	wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	ck_assert_uint_ne(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	ck_assert_uint_ne(
		rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS) & VIRTIO_INT_CONFIG, 0);
	check_recovers(&d);
	/* A queue that does not exist. */
	wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 5);
	check_refused_at_notify(&d, 1);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_malformed_chains)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	uint16_t used = 0;
	/* Indirect descriptors were never offered. */
	drv_start(&d);
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	desc(&d, 1, DATA_PA, 32,
	     VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_INDIRECT | VIRTQ_DESC_F_WRITE, 2);
	submit(&d, head);
	check_refused_at_notify(&d, used);
	/* A device-readable descriptor after a writable one. */
	drv_start(&d);
	head = blk_chain(&d, 0, VIRTIO_BLK_T_OUT, 0, DATA_PA, SECTOR, false);
	desc(&d, 0, HDR_PA, 16, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 1);
	submit(&d, head);
	check_refused_at_notify(&d, used);
	/* No status byte: the last descriptor is device-readable. */
	drv_start(&d);
	head = blk_chain(&d, 0, VIRTIO_BLK_T_OUT, 0, DATA_PA, SECTOR, false);
	desc(&d, 1, DATA_PA, SECTOR, 0, 0);
	submit(&d, head);
	check_needs_reset(&d, used);
	/* A header shorter than 16 bytes. */
	drv_start(&d);
	head = blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	desc(&d, 0, HDR_PA, 8, VIRTQ_DESC_F_NEXT, 1);
	submit(&d, head);
	check_needs_reset(&d, used);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_hostile_rewrite_after_notify)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	drv_start(&d);
	/* Valid when notified, pointed outside RAM before completion: the
	 * device checks again when it does the work. */
	uint16_t head =
		blk_chain(&d, 0, VIRTIO_BLK_T_IN, 0, DATA_PA, SECTOR, true);
	submit(&d, head);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_STATUS) & NEEDS_RST, 0);
	desc(&d, 1, RAM_BASE + RAM_SIZE - 8, SECTOR,
	     VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 2);
	check_needs_reset(&d, 0);
	const struct timed_dev *t = timed_of(r.m, r.m->virtio[0]);
	ck_assert_uint_eq(t->deadline(t->ctx), UINT64_MAX);
	/* Notifies are ignored until the reset. */
	desc(&d, 1, DATA_PA, SECTOR, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 2);
	submit(&d, head);
	ck_assert_uint_eq(t->deadline(t->ctx), UINT64_MAX);
	check_needs_reset(&d, 0);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

START_TEST(test_register_abuse_is_harmless)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, 0);
	uint64_t v;
	/* Odd widths and offsets, writes to read-only registers and to the
	 * configuration space, every offset of the window. */
	for (uint64_t off = 0; off < VIRTIO_MMIO_SIZE; off++) {
		for (unsigned size = 1; size <= 8; size *= 2) {
			if (off + size > VIRTIO_MMIO_SIZE)
				continue;
			ck_assert_int_eq(
				bus_read(&r.m->bus, d.base + off, size, &v), 0);
			if (off == VIRTIO_MMIO_STATUS ||
			    off == VIRTIO_MMIO_QUEUE_NOTIFY)
				continue;
			ck_assert_int_eq(bus_write(&r.m->bus, d.base + off,
						   size, UINT64_MAX),
					 0);
		}
	}
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	ck_assert_uint_eq(rd(&d, 0x100), SECTORS);
	check_recovers(&d);
	rig_free(&r);
}
END_TEST

/* ---- virtio-rng ---- */

START_TEST(test_rng_returns_callback_bytes)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	struct drv d = drv_at(r.m, RNG_SLOT_1);
	drv_start(&d);
	memset(gmem(r.m, DATA_PA, 64), 0, 64);
	desc(&d, 0, DATA_PA, 64, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, 0);
	/* Entropy is drawn at completion time, not at the notify. */
	ck_assert_int_eq(r.entropy.calls, 0);
	run_to_completion(r.m);
	ck_assert_int_eq(r.entropy.calls, 1);
	ck_assert_uint_eq(used_idx(&d), 1);
	ck_assert_uint_eq(used_id(&d, 0), 0);
	ck_assert_uint_eq(used_len(&d, 0), 64);
	const uint8_t *p = gmem(r.m, DATA_PA, 64);
	for (int i = 0; i < 64; i++)
		ck_assert_uint_eq(p[i], (uint8_t)(i * 37 + 11));
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS),
			  VIRTIO_INT_USED_BUFFER);
	/* A chain of two buffers is filled end to end. */
	desc(&d, 1, DATA_PA + 0x100, 8, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT,
	     2);
	desc(&d, 2, DATA_PA + 0x200, 8, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, 1);
	run_to_completion(r.m);
	ck_assert_uint_eq(used_len(&d, 1), 16);
	for (int i = 0; i < 8; i++) {
		ck_assert_uint_eq(get_le(r.m, DATA_PA + 0x100 + i, 1),
				  (uint8_t)((64 + i) * 37 + 11));
		ck_assert_uint_eq(get_le(r.m, DATA_PA + 0x200 + i, 1),
				  (uint8_t)((72 + i) * 37 + 11));
	}
	/* Hostile input gets NEEDS_RESET here too. */
	desc(&d, 3, RAM_BASE + RAM_SIZE - 4, 64, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, 3);
	check_refused_at_notify(&d, 2);
	rig_free(&r);
}
END_TEST

START_TEST(test_rng_without_callback_gives_zeros)
{
	struct rig r;
	rig_new(&r, DISK_OVERLAY);
	r.m->host.entropy = NULL;
	struct drv d = drv_at(r.m, RNG_SLOT_1);
	drv_start(&d);
	memset(gmem(r.m, DATA_PA, 32), 0xff, 32);
	desc(&d, 0, DATA_PA, 32, VIRTQ_DESC_F_WRITE, 0);
	submit(&d, 0);
	run_to_completion(r.m);
	ck_assert_uint_eq(used_len(&d, 0), 32);
	const uint8_t *p = gmem(r.m, DATA_PA, 32);
	for (int i = 0; i < 32; i++)
		ck_assert_uint_eq(p[i], 0);
	rig_free(&r);
}
END_TEST

/* ---- machine wiring ---- */

START_TEST(test_machine_reports_disk_errors)
{
	char err[256];
	struct machine_config cfg = {.ram_size = RAM_SIZE, .nharts = 1};
	cfg.disks[0].path = "/nonexistent/disk.img";
	cfg.ndisks = 1;
	ck_assert_ptr_null(machine_new(&cfg, err, sizeof(err)));
	ck_assert_str_eq(err,
			 "/nonexistent/disk.img: No such file or directory");
	/* A size that is not whole sectors. */
	char path[64];
	snprintf(path, sizeof(path), "/tmp/rewind-virtio-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "abc", 3), 3);
	close(fd);
	cfg.disks[0].path = path;
	ck_assert_ptr_null(machine_new(&cfg, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, "512"));
	unlink(path);
	/* No disks: the rng alone, in slot 0. */
	cfg.ndisks = 0;
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(m->nvirtio, 1);
	struct drv d = drv_at(m, 0);
	ck_assert_uint_eq(rd(&d, VIRTIO_MMIO_DEVICE_ID), 4);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("virtio");
	TCase *tc = tcase_create("virtio");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_identity_and_config);
	tcase_add_test(tc, test_feature_handshake);
	tcase_add_test(tc, test_low_word_driver);
	tcase_add_test(tc, test_version1_identity);
	tcase_add_test(tc, test_blk_write_then_read);
	tcase_add_test(tc, test_blk_flush_get_id_unsupported);
	tcase_add_test(tc, test_blk_out_of_range_is_ioerr);
	tcase_add_test(tc, test_blk_readonly_refuses_writes);
	tcase_add_test(tc, test_blk_overlay_leaves_image_unchanged);
	tcase_add_test(tc, test_blk_persist_changes_image);
	tcase_add_test(tc, test_completion_at_scheduled_icount);
	tcase_add_test(tc, test_interrupt_taken_at_completion_icount);
	tcase_add_test(tc, test_dma_marks_pages_dirty);
	tcase_add_test(tc, test_several_requests_in_flight);
	tcase_add_test(tc, test_hostile_desc_outside_ram);
	tcase_add_test(tc, test_hostile_looping_chain);
	tcase_add_test(tc, test_hostile_chain_longer_than_queue);
	tcase_add_test(tc, test_hostile_descriptor_index_out_of_range);
	tcase_add_test(tc, test_hostile_avail_index_runs_ahead);
	tcase_add_test(tc, test_hostile_bad_queue_size);
	tcase_add_test(tc, test_hostile_rings_outside_ram);
	tcase_add_test(tc, test_hostile_notify_not_ready);
	tcase_add_test(tc, test_hostile_malformed_chains);
	tcase_add_test(tc, test_hostile_rewrite_after_notify);
	tcase_add_test(tc, test_register_abuse_is_harmless);
	tcase_add_test(tc, test_rng_returns_callback_bytes);
	tcase_add_test(tc, test_rng_without_callback_gives_zeros);
	tcase_add_test(tc, test_machine_reports_disk_errors);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
