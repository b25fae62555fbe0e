/* Machine state save and restore: a restored machine runs on exactly as the
 * original does, devices with work in flight included, and a damaged state
 * is refused with an error, never half-applied. */
#include "block.h"
#include "dev/disk.h"
#include "dev/plic.h"
#include "dev/uart.h"
#include "dev/virtio_blk.h"
#include "dev/virtio_mmio.h"
#include "machine.h"
#include "state.h"
#include "util/le.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RAM_SIZE (1ull << 20)

/* Each machine reads a different wall clock, so that only a restored RTC
 * base can make two of them agree. */
static uint64_t wall_ns(void *ctx)
{
	static uint64_t next = 1700000000000000000ull;
	(void)ctx;
	return next += 1000000007ull;
}

/* ---- snapshots as the snapshot file keeps them: state + written pages */

struct snap {
	struct state_buf st;
	uint8_t *ram;
	uint64_t *written;
};

static struct snap snap_take(struct machine *m)
{
	struct snap s = {0};
	ck_assert_int_eq(machine_save(m, &s.st), 0);
	ck_assert(!s.st.oom);
	uint64_t words = (m->ram->size >> PAGE_SHIFT) / 64;
	s.ram = malloc(m->ram->size);
	s.written = malloc(words * 8);
	ck_assert_ptr_nonnull(s.ram);
	ck_assert_ptr_nonnull(s.written);
	memcpy(s.ram, bus_host_ptr(&m->bus, RAM_BASE, m->ram->size),
	       m->ram->size);
	memcpy(s.written, m->ram->written, words * 8);
	return s;
}

static void snap_free(struct snap *s)
{
	free(s->st.p);
	free(s->ram);
	free(s->written);
}

/* Restore as the snapshot reader does: from power-on, the written pages,
 * then the state. */
static void snap_restore(struct machine *m, const struct snap *s)
{
	machine_reboot(m);
	uint64_t pages = m->ram->size >> PAGE_SHIFT;
	for (uint64_t p = 0; p < pages; p++)
		if (s->written[p / 64] >> (p % 64) & 1)
			ck_assert_int_eq(bus_load_page(m->ram, p,
						       s->ram + p * PAGE_SIZE),
					 0);
	struct state_reader r = {s->st.p, s->st.p + s->st.len, false};
	char err[256] = "";
	ck_assert_msg(machine_load(m, &r, err, sizeof(err)) == 0, "%s", err);
}

static uint64_t ram_hash(struct machine *m)
{
	const uint8_t *p = bus_host_ptr(&m->bus, RAM_BASE, m->ram->size);
	uint64_t h = 0xcbf29ce484222325ull;
	for (uint64_t i = 0; i < m->ram->size; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

/* The two machines' whole states are the same bytes. */
static void assert_same_state(struct machine *a, struct machine *b)
{
	struct state_buf sa = {0}, sb = {0};
	ck_assert_int_eq(machine_save(a, &sa), 0);
	ck_assert_int_eq(machine_save(b, &sb), 0);
	ck_assert_uint_eq(sa.len, sb.len);
	ck_assert(memcmp(sa.p, sb.p, sa.len) == 0);
	free(sa.p);
	free(sb.p);
}

static void assert_same(struct machine *a, struct machine *b)
{
	ck_assert_uint_eq(a->icount, b->icount);
	ck_assert_uint_eq(a->chaos_state, b->chaos_state);
	for (int i = 0; i < a->nharts; i++) {
		struct hart *ha = a->harts[i], *hb = b->harts[i];
		ck_assert_uint_eq(ha->pc, hb->pc);
		ck_assert_uint_eq(ha->icount, hb->icount);
		for (int r = 0; r < 32; r++) {
			ck_assert_uint_eq(ha->x[r], hb->x[r]);
			ck_assert_uint_eq(ha->f[r], hb->f[r]);
		}
		ck_assert_uint_eq(ha->mstatus, hb->mstatus);
		ck_assert_uint_eq(ha->mip, hb->mip);
		ck_assert_uint_eq(ha->mepc, hb->mepc);
	}
	ck_assert_uint_eq(ram_hash(a), ram_hash(b));
	assert_same_state(a, b);
}

/* ---- (a) two harts with timer interrupts ---- */

/* Assembled with the cross assembler (-march=rv64gc, no compression); both
 * harts run it:
 *   _start: csrr a0, mhartid; la t0, handler; csrw mtvec, t0
 *           li t0, 0x2000; csrs mstatus, t0            # FP on
 *           s6 = &mtimecmp[hart]; sd 40 to it
 *           s7 = 0x80010000 + hart * 0x8000; li s8, 0x80020000
 *           fcvt.d.l f1, a0; li t0, 0x80; csrw mie, t0; csrsi mstatus, 8
 *           li s1, 0
 *   loop:   addi s1, s1, 1; add s2, s2, s1; xor s3, s3, s2
 *           andi t3, s1, 0x7f8; add t4, s7, t3; sd s3, 0(t4)
 *           fcvt.d.l f2, s1; fadd.d f1, f1, f2; fdiv.d f3, f1, f2
 *           amoadd.d zero, s1, (s8)
 *           lr.d t6, (s8); addi t6, t6, 1; sc.d t5, t6, (s8)
 *           add s9, s9, t5; j loop
 *   handler: addi s4, s4, 1
 *           mtimecmp = mtime + 37 + hart; csrr s5, minstret; mret */
static const uint32_t smp_program[] = {
	0xf1402573, 0x00000297, 0x09828293, 0x30529073, 0x000022b7, 0x3002a073,
	0x02004337, 0x00351393, 0x00730b33, 0x02800293, 0x005b3023, 0x00f51393,
	0x00008bb7, 0x001b8b9b, 0x010b9b93, 0x007b8bb3, 0x00004c37, 0x001c0c1b,
	0x011c1c13, 0xd22570d3, 0x08000293, 0x30429073, 0x30046073, 0x00000493,
	0x00148493, 0x00990933, 0x0129c9b3, 0x7f84fe13, 0x01cb8eb3, 0x013eb023,
	0xd224f153, 0x0220f0d3, 0x1a20f1d3, 0x009c302f, 0x100c3faf, 0x001f8f93,
	0x19fc3f2f, 0x01ec8cb3, 0xfc9ff06f, 0x001a0a13, 0x0200c337, 0xff83031b,
	0x00033283, 0x02528293, 0x00a282b3, 0x005b3023, 0xb0202af3, 0x30200073,
};
#define SMP_HANDLER (RAM_BASE + 39 * 4)
#define REG_S4	    20 /* interrupts taken */
#define REG_S9	    25 /* successful SCs (sc writes 0 on success: counts fails) */

static struct machine *machine_make(int nharts, uint64_t ram, bool chaos,
				    const char *disk)
{
	struct machine_config cfg = {.ram_size = ram,
				     .nharts = nharts,
				     .chaos = chaos,
				     .chaos_seed = 7};
	cfg.host.wall_ns = wall_ns;
	if (disk) {
		cfg.disks[0] = (struct disk_config){.path = disk,
						    .mode = DISK_OVERLAY};
		cfg.ndisks = 1;
	}
	char err[256];
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	return m;
}

static struct machine *smp_machine(bool chaos, bool with_program)
{
	struct machine *m = machine_make(2, RAM_SIZE, chaos, NULL);
	if (with_program) {
		memcpy(bus_host_ptr(&m->bus, RAM_BASE, sizeof(smp_program)),
		       smp_program, sizeof(smp_program));
		bus_note_write(&m->bus, RAM_BASE, sizeof(smp_program));
		m->harts[0]->pc = m->harts[1]->pc = RAM_BASE;
	}
	return m;
}

static uint64_t plic_pending(struct machine *m)
{
	uint64_t v;
	ck_assert_int_eq(plic_read(m->plic, 0x1000, 4, &v), 0);
	return v;
}

START_TEST(test_smp_run_resumes_identically)
{
	bool chaos = _i;
	struct machine *a = smp_machine(chaos, true);
	/* Mid-quantum, with both harts well into their loops. */
	ck_assert_int_eq(machine_run(a, 123457), MSTOP_BUDGET);
	if (chaos) {
		/* A delayed interrupt rise on its way: it must arrive at the
		 * same icount after a restore. */
		machine_irq_line(a, IRQ_UART, true);
		ck_assert_uint_ne(a->irq_rise_at[IRQ_UART], 0);
	}
	struct snap s = snap_take(a);
	struct machine *b = smp_machine(chaos, false);
	snap_restore(b, &s);
	assert_same(a, b);
	ck_assert_int_eq(machine_run(a, 250001), MSTOP_BUDGET);
	ck_assert_int_eq(machine_run(b, 250001), MSTOP_BUDGET);
	assert_same(a, b);
	for (int i = 0; i < 2; i++)
		ck_assert_uint_gt(a->harts[i]->x[REG_S4], 10);
	if (chaos)
		ck_assert_uint_ne(plic_pending(b) & 1u << IRQ_UART, 0);
	/* Back in time on the same machine: restoring the snapshot into A
	 * and running again retraces the same steps. */
	uint64_t hash = ram_hash(a);
	snap_restore(a, &s);
	ck_assert_int_eq(machine_run(a, 250001), MSTOP_BUDGET);
	ck_assert_uint_eq(ram_hash(a), hash);
	assert_same(a, b);
	snap_free(&s);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* Sections are in a fixed order with fixed content: saving twice gives the
 * same bytes, and a restored machine saves what it was given. */
START_TEST(test_save_is_stable)
{
	struct machine *a = smp_machine(false, true);
	machine_run(a, 5000);
	struct snap s = snap_take(a);
	struct state_buf again = {0};
	ck_assert_int_eq(machine_save(a, &again), 0);
	ck_assert_uint_eq(again.len, s.st.len);
	ck_assert(memcmp(again.p, s.st.p, again.len) == 0);
	struct machine *b = smp_machine(false, false);
	snap_restore(b, &s);
	assert_same_state(a, b);
	/* The state starts with the configuration section. */
	ck_assert(memcmp(s.st.p, "MACH", 4) == 0);
	free(again.p);
	snap_free(&s);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* ---- (b) a virtio-blk request in flight ---- */

#define DESC_PA	  (RAM_BASE + 0x10000)
#define AVAIL_PA  (RAM_BASE + 0x11000)
#define USED_PA	  (RAM_BASE + 0x12000)
#define HDR_PA	  (RAM_BASE + 0x13000)
#define STATUS_PA (RAM_BASE + 0x13800)
#define DATA_PA	  (RAM_BASE + 0x20000)
#define QSZ	  16
#define SECTORS	  64
#define SECTOR	  512

static uint8_t image_byte(uint64_t off)
{
	return (uint8_t)(off * 7 + off / SECTOR + 1);
}

static void image_create(char *path, size_t pathlen)
{
	snprintf(path, pathlen, "/tmp/rewind-state-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	uint8_t buf[SECTOR];
	for (uint64_t s = 0; s < SECTORS; s++) {
		for (int i = 0; i < SECTOR; i++)
			buf[i] = image_byte(s * SECTOR + (uint64_t)i);
		ck_assert_int_eq(write(fd, buf, SECTOR), SECTOR);
	}
	close(fd);
}

static void image_check_unmodified(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	for (uint64_t off = 0; off < SECTORS * SECTOR; off++)
		ck_assert_int_eq(fgetc(f), image_byte(off));
	fclose(f);
}

/* A one-hart machine spinning on `j .`, with the disk in slot 0. */
static struct machine *disk_machine(const char *path, bool chaos,
				    bool with_program)
{
	struct machine *m = machine_make(1, RAM_SIZE, chaos, path);
	if (with_program) {
		uint32_t spin = 0x0000006f;
		memcpy(bus_host_ptr(&m->bus, RAM_BASE, 4), &spin, 4);
		bus_note_write(&m->bus, RAM_BASE, 4);
		m->harts[0]->pc = RAM_BASE;
	}
	return m;
}

static void put_le(struct machine *m, uint64_t pa, uint64_t v, int n)
{
	uint8_t *p = bus_host_ptr(&m->bus, pa, (uint64_t)n);
	ck_assert_ptr_nonnull(p);
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
	bus_note_write(&m->bus, pa, (uint64_t)n);
}

static uint16_t used_idx(struct machine *m)
{
	const uint8_t *p = bus_host_ptr(&m->bus, USED_PA + 2, 2);
	return (uint16_t)(p[0] | p[1] << 8);
}

static void vwr(struct machine *m, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(bus_write(&m->bus, VIRTIO_MMIO_BASE + off, 4, v), 0);
}

/* The driver's start-up: every offered feature, one queue of QSZ. */
static void drv_start(struct machine *m)
{
	vwr(m, VIRTIO_MMIO_STATUS, 0);
	vwr(m, VIRTIO_MMIO_STATUS, 3);
	uint64_t lo, hi;
	vwr(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	bus_read(&m->bus, VIRTIO_MMIO_BASE + VIRTIO_MMIO_DEVICE_FEATURES, 4,
		 &lo);
	vwr(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	bus_read(&m->bus, VIRTIO_MMIO_BASE + VIRTIO_MMIO_DEVICE_FEATURES, 4,
		 &hi);
	vwr(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	vwr(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)lo);
	vwr(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	vwr(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)hi);
	vwr(m, VIRTIO_MMIO_STATUS, 0x0b);
	vwr(m, VIRTIO_MMIO_QUEUE_SEL, 0);
	vwr(m, VIRTIO_MMIO_QUEUE_NUM, QSZ);
	vwr(m, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)DESC_PA);
	vwr(m, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_PA);
	vwr(m, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)USED_PA);
	vwr(m, VIRTIO_MMIO_QUEUE_READY, 1);
	vwr(m, VIRTIO_MMIO_STATUS, 0x0f);
	uint64_t st;
	bus_read(&m->bus, VIRTIO_MMIO_BASE + VIRTIO_MMIO_STATUS, 4, &st);
	ck_assert_uint_eq(st, 0x0f);
}

static void desc(struct machine *m, unsigned i, uint64_t addr, uint32_t len,
		 uint16_t flags, uint16_t next)
{
	uint64_t pa = DESC_PA + 16ull * i;
	put_le(m, pa, addr, 8);
	put_le(m, pa + 8, len, 4);
	put_le(m, pa + 12, flags, 2);
	put_le(m, pa + 14, next, 2);
}

/* Request k (descriptors 3k..3k+2) made available as entry `avail` and
 * notified: one sector at `sector` from or to data. */
static void blk_submit(struct machine *m, unsigned k, uint16_t avail,
		       uint32_t type, uint64_t sector, uint64_t data)
{
	uint64_t hdr = HDR_PA + 32ull * k;
	put_le(m, hdr, type, 4);
	put_le(m, hdr + 4, 0, 4);
	put_le(m, hdr + 8, sector, 8);
	put_le(m, STATUS_PA + k, 0xee, 1);
	unsigned h = 3 * k;
	uint16_t w = type == VIRTIO_BLK_T_OUT ? 0 : VIRTQ_DESC_F_WRITE;
	desc(m, h, hdr, VIRTIO_BLK_HDR_SIZE, VIRTQ_DESC_F_NEXT,
	     (uint16_t)(h + 1));
	desc(m, h + 1, data, SECTOR, VIRTQ_DESC_F_NEXT | w, (uint16_t)(h + 2));
	desc(m, h + 2, STATUS_PA + k, 1, VIRTQ_DESC_F_WRITE, 0);
	put_le(m, AVAIL_PA + 4 + 2ull * (avail % QSZ), h, 2);
	put_le(m, AVAIL_PA + 2, (uint16_t)(avail + 1), 2);
	vwr(m, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
}

static void fill(struct machine *m, uint64_t pa, uint8_t seed)
{
	uint8_t *p = bus_host_ptr(&m->bus, pa, SECTOR);
	for (int i = 0; i < SECTOR; i++)
		p[i] = (uint8_t)(seed + i * 13);
	bus_note_write(&m->bus, pa, SECTOR);
}

/* Step one instruction at a time until the used index reaches `want`,
 * noting the icount at which each completion became visible. */
static void run_until_used(struct machine *m, uint16_t want, uint64_t *at)
{
	uint16_t seen = used_idx(m);
	for (int n = 0; n < 200000 && seen != want; n++) {
		machine_run(m, 1);
		if (used_idx(m) != seen) {
			seen = used_idx(m);
			*at++ = m->icount;
		}
	}
	ck_assert_uint_eq(seen, want);
}

START_TEST(test_blk_in_flight_completes_identically)
{
	bool chaos = _i;
	char path[64];
	image_create(path, sizeof(path));
	struct machine *a = disk_machine(path, chaos, true);
	drv_start(a);
	/* Sector 3 written before the snapshot: it lives in the overlay. */
	fill(a, DATA_PA + 0x1000, 0x41);
	blk_submit(a, 0, 0, VIRTIO_BLK_T_OUT, 3, DATA_PA + 0x1000);
	machine_run(a, 200000);
	ck_assert_uint_eq(used_idx(a), 1);
	ck_assert_uint_eq(disk_overlay_count(virtio_blk_disk(a->virtio[0])), 1);
	/* In flight at the snapshot: a read of sector 3 and a write of
	 * sector 9, in two batches. */
	blk_submit(a, 1, 1, VIRTIO_BLK_T_IN, 3, DATA_PA);
	machine_run(a, 3000);
	fill(a, DATA_PA + 0x2000, 0x97);
	blk_submit(a, 2, 2, VIRTIO_BLK_T_OUT, 9, DATA_PA + 0x2000);
	machine_run(a, 1000);
	ck_assert_uint_eq(used_idx(a), 1);
	struct snap s = snap_take(a);
	uint64_t snap_icount = a->icount;
	struct machine *b = disk_machine(path, chaos, false);
	snap_restore(b, &s);
	assert_same(a, b);
	uint64_t at_a[2] = {0}, at_b[2] = {0};
	run_until_used(a, 3, at_a);
	run_until_used(b, 3, at_b);
	ck_assert_uint_gt(at_a[0], snap_icount);
	ck_assert_uint_eq(at_a[0], at_b[0]);
	ck_assert_uint_eq(at_a[1], at_b[1]);
	machine_run(a, 50000);
	machine_run(b, 50000);
	assert_same(a, b);
	/* B read what A wrote before the snapshot, and wrote sector 9. */
	const uint8_t *got = bus_host_ptr(&b->bus, DATA_PA, SECTOR);
	for (int i = 0; i < SECTOR; i++)
		ck_assert_uint_eq(got[i], (uint8_t)(0x41 + i * 13));
	uint8_t sec[SECTOR];
	struct disk *d = virtio_blk_disk(b->virtio[0]);
	ck_assert_uint_eq(disk_overlay_count(d), 2);
	ck_assert_int_eq(disk_read(d, 9 * SECTOR, sec, SECTOR), 0);
	for (int i = 0; i < SECTOR; i++)
		ck_assert_uint_eq(sec[i], (uint8_t)(0x97 + i * 13));
	ck_assert_int_eq(disk_read(d, 3 * SECTOR, sec, SECTOR), 0);
	ck_assert_uint_eq(sec[5], (uint8_t)(0x41 + 5 * 13));
	image_check_unmodified(path);
	snap_free(&s);
	machine_free(a);
	machine_free(b);
	unlink(path);
}
END_TEST

/* ---- (c) the UART's receive FIFO ---- */

static uint8_t uart_reg(struct machine *m, uint64_t off)
{
	uint64_t v;
	ck_assert_int_eq(uart_read(m->uart, off, 1, &v), 0);
	return (uint8_t)v;
}

START_TEST(test_uart_fifo_survives)
{
	struct machine *a = machine_make(1, RAM_SIZE, false, NULL);
	ck_assert_int_eq(uart_write(a->uart, 2, 1, 0x81), 0); /* FIFO, 8 */
	ck_assert_int_eq(uart_write(a->uart, 1, 1, 0x01), 0); /* ERBFI */
	ck_assert_int_eq(uart_write(a->uart, 7, 1, 0x5a), 0); /* SCR */
	const char *msg = "hello";
	for (const char *c = msg; *c; c++)
		uart_rx_push(a->uart, (uint8_t)*c);
	struct snap s = snap_take(a);
	struct machine *b = machine_make(1, RAM_SIZE, false, NULL);
	snap_restore(b, &s);
	assert_same_state(a, b);
	ck_assert_uint_eq(uart_rx_room(b->uart), 16 - strlen(msg));
	ck_assert_uint_eq(uart_reg(b, 7), 0x5a);
	/* Below the trigger level: the timeout interrupt reports the data,
	 * and the line into the PLIC is up in both. */
	ck_assert_uint_eq(uart_reg(b, 2) & 0x0f, 0x0c);
	ck_assert_uint_ne(plic_pending(b) & 1u << IRQ_UART, 0);
	for (const char *c = msg; *c; c++) {
		ck_assert_uint_ne(uart_reg(b, 5) & 1, 0); /* LSR.DR */
		ck_assert_uint_eq(uart_reg(b, 0), (uint8_t)*c);
		ck_assert_uint_eq(uart_reg(a, 0), (uint8_t)*c);
	}
	ck_assert_uint_eq(uart_reg(b, 5) & 1, 0);
	ck_assert_uint_eq(uart_reg(a, 5) & 1, 0);
	assert_same_state(a, b);
	snap_free(&s);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* ---- (d) damaged and mismatched states ---- */

static int try_load(struct machine *m, const uint8_t *p, size_t len, char *err,
		    size_t errlen)
{
	struct state_reader r = {p, p + len, false};
	err[0] = 0;
	return machine_load(m, &r, err, errlen);
}

static struct state_buf save_of(struct machine *m)
{
	struct state_buf b = {0};
	ck_assert_int_eq(machine_save(m, &b), 0);
	return b;
}

/* m's state is still exactly `before`. */
static void assert_unchanged(struct machine *m, const struct state_buf *before)
{
	struct state_buf now = save_of(m);
	ck_assert_uint_eq(now.len, before->len);
	ck_assert(memcmp(now.p, before->p, now.len) == 0);
	free(now.p);
}

/* A saved state with a disk overlay and a virtio queue in use, and a
 * second machine of the same configuration to load it into. */
struct hostile {
	char path[64];
	struct machine *src, *dst;
	struct state_buf st, dst0;
};

static void hostile_new(struct hostile *h)
{
	image_create(h->path, sizeof(h->path));
	h->src = disk_machine(h->path, false, true);
	drv_start(h->src);
	fill(h->src, DATA_PA, 0x11);
	blk_submit(h->src, 0, 0, VIRTIO_BLK_T_OUT, 5, DATA_PA);
	machine_run(h->src, 1000); /* the write still in flight */
	h->st = save_of(h->src);
	h->dst = disk_machine(h->path, false, true);
	machine_run(h->dst, 777);
	h->dst0 = save_of(h->dst);
}

static void hostile_free(struct hostile *h)
{
	machine_free(h->src);
	machine_free(h->dst);
	free(h->st.p);
	free(h->dst0.p);
	unlink(h->path);
}

START_TEST(test_truncated_at_every_length)
{
	struct hostile h;
	hostile_new(&h);
	char err[256];
	for (size_t len = 0; len < h.st.len; len++) {
		int rc = try_load(h.dst, h.st.p, len, err, sizeof(err));
		ck_assert_msg(rc < 0, "a state cut to %zu bytes loaded", len);
		ck_assert_msg(err[0] != 0, "no message at %zu bytes", len);
		ck_assert_int_ne(rc, -ENOTRECOVERABLE);
		if (len % 97 == 0)
			assert_unchanged(h.dst, &h.dst0);
	}
	assert_unchanged(h.dst, &h.dst0);
	/* The whole state loads, and the machine then runs. */
	ck_assert_int_eq(try_load(h.dst, h.st.p, h.st.len, err, sizeof(err)),
			 0);
	ck_assert_int_eq(machine_run(h.dst, 50000), MSTOP_BUDGET);
	hostile_free(&h);
}
END_TEST

/* Every byte flipped in turn: either the state still makes sense or it is
 * refused with the machine untouched; never a crash. */
START_TEST(test_every_byte_flipped)
{
	struct hostile h;
	hostile_new(&h);
	char err[256];
	uint8_t *copy = malloc(h.st.len);
	size_t refused = 0;
	for (size_t i = 0; i < h.st.len; i++) {
		memcpy(copy, h.st.p, h.st.len);
		copy[i] ^= 0xff;
		int rc = try_load(h.dst, copy, h.st.len, err, sizeof(err));
		ck_assert_int_ne(rc, -ENOTRECOVERABLE);
		if (rc) {
			refused++;
			ck_assert(err[0] != 0);
			if (i % 31 == 0)
				assert_unchanged(h.dst, &h.dst0);
		} else {
			machine_run(h.dst, 100);
			ck_assert_int_eq(try_load(h.dst, h.dst0.p, h.dst0.len,
						  err, sizeof(err)),
					 0);
		}
	}
	ck_assert_uint_gt(refused, 100);
	assert_unchanged(h.dst, &h.dst0);
	free(copy);
	hostile_free(&h);
}
END_TEST

/* The first section tagged `tag`, walking the framing. */
static uint8_t *find_section(struct state_buf *b, const char *tag)
{
	for (size_t at = 0; at + 8 <= b->len;) {
		if (memcmp(b->p + at, tag, 4) == 0)
			return b->p + at;
		const uint8_t *l = b->p + at + 4;
		at += 8 + (size_t)(l[0] | l[1] << 8 | l[2] << 16 |
				   (uint32_t)l[3] << 24);
	}
	return NULL;
}

static void assert_refused(struct machine *m, const struct state_buf *b,
			   const char *needle)
{
	char err[256];
	struct state_buf before = save_of(m);
	int rc = try_load(m, b->p, b->len, err, sizeof(err));
	ck_assert_int_lt(rc, 0);
	ck_assert_msg(strstr(err, needle) != NULL, "\"%s\" lacks \"%s\"", err,
		      needle);
	assert_unchanged(m, &before);
	free(before.p);
}

START_TEST(test_wrong_tag_and_absurd_lengths)
{
	struct hostile h;
	hostile_new(&h);
	struct state_buf bad = {0};
	state_put_bytes(&bad, h.st.p, h.st.len);
	bad.p[0] = 'X';
	assert_refused(h.dst, &bad, "MACH");
	/* The first section claims 4 GiB. */
	memcpy(bad.p, h.st.p, h.st.len);
	memset(bad.p + 4, 0xff, 4);
	assert_refused(h.dst, &bad, "MACH");
	/* A hart section that claims to run past the end. */
	memcpy(bad.p, h.st.p, h.st.len);
	uint8_t *hart = find_section(&bad, "HART");
	ck_assert_ptr_nonnull(hart);
	memset(hart + 4, 0xee, 4);
	assert_refused(h.dst, &bad, "HART");
	/* An overlay chunk count of 2^64 - 1 (VBLK: size u64, mode u32,
	 * then the count). */
	memcpy(bad.p, h.st.p, h.st.len);
	uint8_t *vblk = find_section(&bad, "VBLK");
	ck_assert_ptr_nonnull(vblk);
	memset(vblk + 8 + 12, 0xff, 8);
	assert_refused(h.dst, &bad, "VBLK");
	/* Bytes after the last section. */
	memcpy(bad.p, h.st.p, h.st.len);
	state_put_u32(&bad, 0);
	assert_refused(h.dst, &bad, "after the last section");
	free(bad.p);
	hostile_free(&h);
}
END_TEST

START_TEST(test_configuration_mismatch)
{
	struct machine *two = machine_make(2, RAM_SIZE, false, NULL);
	struct machine *one = machine_make(1, RAM_SIZE, false, NULL);
	struct machine *big = machine_make(1, 2 * RAM_SIZE, false, NULL);
	char path[64];
	image_create(path, sizeof(path));
	struct machine *disk = machine_make(1, RAM_SIZE, false, path);
	struct state_buf s2 = save_of(two), s1 = save_of(one);
	struct state_buf sbig = save_of(big), sdisk = save_of(disk);
	assert_refused(one, &s2, "2 harts");
	assert_refused(two, &s1, "1 harts");
	assert_refused(one, &sbig, "RAM");
	assert_refused(big, &s1, "RAM");
	assert_refused(one, &sdisk, "virtio");
	assert_refused(disk, &s1, "virtio");
	free(s2.p);
	free(s1.p);
	free(sbig.p);
	free(sdisk.p);
	machine_free(two);
	machine_free(one);
	machine_free(big);
	machine_free(disk);
	unlink(path);
}
END_TEST

/* Values no hart can hold, planted in the source before saving. The
 * first hart loads fine; the second is refused, and the first must be put
 * back. */
START_TEST(test_invalid_hart_values)
{
	struct machine *src = smp_machine(false, true);
	struct machine *dst = smp_machine(false, true);
	machine_run(src, 4321);
	machine_run(dst, 1234);
	struct hart *h = src->harts[1];
	struct hart *keep = malloc(sizeof(*keep));
	*keep = *h;
	for (int k = 0; k < 5; k++) {
		*h = *keep;
		switch (k) {
		case 0: h->priv = (enum priv)2; break;
		case 1: h->frm = 8; break;
		case 2:
			h->mstatus |= 2ull << 11;
			h->mstatus &= ~(1ull << 11);
			break;
		case 3: h->satp = 3ull << 60; break;
		case 4: h->pmpcfg[3] = 0x02; break; /* W without R */
		}
		struct state_buf b = save_of(src);
		assert_refused(dst, &b, "hart 1");
		free(b.p);
	}
	*h = *keep;
	free(keep);
	machine_free(src);
	machine_free(dst);
}
END_TEST

/* ---- the translation cache is part of what the guest sees ---- */

/* Sets up Sv39 (an identity gigapage with X, and VA 0x40000000 aliasing
 * RAM without X), enters S-mode, then loops: load through the alias, add
 * the alias PTE to s2, and clear its A bit without sfence.vma. With the
 * translation cached, the next load does not walk and A stays clear; a
 * walk would set it again, and s2 would tell.
 *   _start: pmpaddr0 = -1; pmpcfg0 = NAPOT RWX
 *           root = 0x80010000: [2] = 0x200000cf, [1] = 0x200000c7
 *           satp = Sv39 | root; mstatus.MPP = S; mepc = s_entry; mret
 *   s_entry: li s0, 0x40020000; li s1, 0x80010008; li s3, 0x40
 *   loop:   ld t0, 0(s0); ld t1, 0(s1); add s2, s2, t1
 *           not t2, s3; and t1, t1, t2; sd t1, 0(s1)
 *           addi s4, s4, 1; j loop */
static const uint32_t abit_program[] = {
	0xfff00313, 0x3b031073, 0x01f00313, 0x3a031073, 0x000082b7, 0x0012829b,
	0x01029293, 0x20000337, 0x0cf3031b, 0x0062b823, 0x20000337, 0x0c73031b,
	0x0062b423, 0x00800313, 0x03c31313, 0x00c2d393, 0x00736333, 0x18031073,
	0x00002337, 0x8003031b, 0x30033073, 0x00001337, 0x8003031b, 0x30032073,
	0x00000317, 0x01030313, 0x34131073, 0x30200073, 0x40020437, 0x000084b7,
	0x0014849b, 0x01049493, 0x00848493, 0x04000993, 0x00043283, 0x0004b303,
	0x00690933, 0xfff9c393, 0x00737333, 0x0064b023, 0x001a0a13, 0xfe5ff06f,
};
#define REG_S2 18

START_TEST(test_cached_translation_survives)
{
	struct machine *a = machine_make(1, RAM_SIZE, false, NULL);
	memcpy(bus_host_ptr(&a->bus, RAM_BASE, sizeof(abit_program)),
	       abit_program, sizeof(abit_program));
	bus_note_write(&a->bus, RAM_BASE, sizeof(abit_program));
	a->harts[0]->pc = RAM_BASE;
	machine_run(a, 1003);
	ck_assert_uint_eq(a->harts[0]->priv, PRIV_S);
	struct snap s = snap_take(a);
	struct machine *b = machine_make(1, RAM_SIZE, false, NULL);
	snap_restore(b, &s);
	machine_run(a, 1000);
	machine_run(b, 1000);
	/* Only the first walk found A set; every later load hit the
	 * cached translation, in both machines. */
	uint64_t sum = a->harts[0]->x[REG_S2] - 0x200000c7;
	ck_assert_uint_eq(sum % 0x20000087, 0);
	ck_assert_uint_eq(a->harts[0]->x[REG_S2], b->harts[0]->x[REG_S2]);
	assert_same(a, b);
	snap_free(&s);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* ---- saving the caches costs what they hold ---- */

/* Fill slot tlb_index(vpn) of array acc of set s with vpn -> RAM page. */
static void tlb_fill(struct hart *h, struct tlb_set *s, unsigned acc,
		     uint64_t vpn, uint64_t page)
{
	uint8_t *host = bus_host_ptr(&h->m->bus, RAM_BASE + page * PAGE_SIZE,
				     PAGE_SIZE);
	hart_tlb_put(s, acc, tlb_index(vpn << 12), vpn,
		     (uintptr_t)host - (uintptr_t)(vpn << 12));
}

static struct tlb_entry *tlb_at(struct tlb_set *s, unsigned acc)
{
	return acc == 0 ? s->r : acc == 1 ? s->w : s->x;
}

/* Valid TLB entries of h, found by looking at every slot. */
static unsigned tlb_count(struct hart *h)
{
	unsigned n = 0;
	for (int s = 0; s < TLB_SETS; s++)
		for (unsigned acc = 0; acc < 3; acc++)
			for (unsigned k = 0; k < TLB_SIZE; k++)
				n += tlb_at(&h->tlb[s], acc)[k].tag !=
				     TLB_INVALID;
	return n;
}

/* Saving finds the valid entries through the sets' fill logs. Every
 * entry must come back however its log got there: a slot dropped alone
 * and filled again (logged twice), a parked entry, a set whose log
 * overflowed; and every slot of b holds what the same slot of a does, by
 * a look at every slot. A reboot empties every set, by the same look. */
START_TEST(test_cache_save_finds_every_entry)
{
	struct machine *a = machine_make(1, RAM_SIZE, false, NULL);
	struct machine *b = machine_make(1, RAM_SIZE, false, NULL);
	struct hart *h = a->harts[0];
	unsigned want = 0;
	for (uint64_t v = 0; v < 5; v++, want++)
		tlb_fill(h, &h->tlb[PRIV_S], 0, 0x40000 + v, v);
	/* Dropped alone, as a fence for one page does, then filled again. */
	tlb_at(&h->tlb[PRIV_S], 0)[tlb_index(0x40002ull << 12)].tag =
		TLB_INVALID;
	tlb_fill(h, &h->tlb[PRIV_S], 0, 0x40002, 9);
	tlb_at(&h->tlb[PRIV_S], 0)[tlb_index(0x40004ull << 12)].tag =
		TLB_INVALID;
	want--;
	tlb_fill(h, &h->tlb[PRIV_S], 1, 0x50000, 20);
	tlb_fill(h, &h->tlb[PRIV_S], 2, 0x50001, 21);
	want += 2;
	tlb_at(&h->tlb[PRIV_S], 1)[tlb_index(0x50000ull << 12)].tag |=
		TLB_PARKED;
	/* More fills than the log holds. */
	for (uint64_t v = 0; v < TLB_LOG + 8; v++, want++)
		tlb_fill(h, &h->tlb[PRIV_U], v % 3, 0x60000 + v, v % 200);
	ck_assert_uint_gt(h->tlb[PRIV_U].nlog, TLB_LOG);
	tlb_fill(h, &h->tlb[PRIV_M], 1, 0x80030, 0x30);
	want++;
	ck_assert_uint_eq(tlb_count(h), want);

	struct state_buf st = save_of(a);
	char err[256];
	ck_assert_msg(try_load(b, st.p, st.len, err, sizeof(err)) == 0, "%s",
		      err);
	struct hart *g = b->harts[0];
	ck_assert_uint_eq(tlb_count(g), want);
	uint8_t *ha = bus_host_ptr(&a->bus, RAM_BASE, RAM_SIZE);
	uint8_t *hb = bus_host_ptr(&b->bus, RAM_BASE, RAM_SIZE);
	for (int s = 0; s < TLB_SETS; s++)
		for (unsigned acc = 0; acc < 3; acc++)
			for (unsigned k = 0; k < TLB_SIZE; k++) {
				struct tlb_entry *x =
					&tlb_at(&h->tlb[s], acc)[k];
				struct tlb_entry *y =
					&tlb_at(&g->tlb[s], acc)[k];
				ck_assert_uint_eq(x->tag == TLB_INVALID,
						  y->tag == TLB_INVALID);
				if (x->tag == TLB_INVALID)
					continue;
				ck_assert_uint_eq(x->tag & ~TLB_PARKED, y->tag);
				ck_assert_uint_eq(
					tlb_host_page(x) - (uintptr_t)ha,
					tlb_host_page(y) - (uintptr_t)hb);
			}
	assert_unchanged(b, &st);

	machine_reboot(a);
	ck_assert_uint_eq(tlb_count(h), 0);
	for (int p = 0; p < 4; p++)
		for (unsigned k = 0; k < JCACHE_SIZE; k++)
			ck_assert_ptr_null(h->jcache[p].e[k].block);
	free(st.p);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* The pages the CODE section of state st names in region 0 (RAM). */
static uint64_t code_section_pages(const struct state_buf *st, uint64_t *pages,
				   uint64_t max)
{
	size_t at = 0;
	while (memcmp(st->p + at, "CODE", 4) != 0)
		at += 8 + le_get32(st->p + at + 4);
	const uint8_t *c = st->p + at + 8;
	ck_assert_uint_ge(le_get32(c), 1);
	ck_assert_uint_eq(le_get64(c + 4), RAM_BASE);
	uint64_t n = le_get64(c + 20);
	ck_assert_uint_le(n, max);
	for (uint64_t i = 0; i < n; i++)
		pages[i] = le_get64(c + 28 + 8 * i);
	return n;
}

/* Saving names the code pages through a bitmap beside the code-page
 * table: exactly the pages with decoded code, by a look at every page,
 * after blocks are built, one page's are dropped by a store, and more are
 * built; a reboot leaves none. */
START_TEST(test_code_pages_saved_exactly)
{
	struct machine *m = machine_make(1, RAM_SIZE, false, NULL);
	struct mem_region *r = m->ram;
	static const uint64_t built[] = {0, 1, 63, 64, 65, 200, 255};
	for (size_t i = 0; i < sizeof(built) / sizeof(built[0]); i++) {
		uint8_t *host = r->host + built[i] * PAGE_SIZE;
		le_put32(host + 8, 0x00000013); /* nop, then zeros */
		ck_assert_ptr_nonnull(block_get(&m->bus, r, host + 8, 8));
	}
	bus_note_write(&m->bus, RAM_BASE + 64 * PAGE_SIZE + 8, 4);
	uint8_t *host = r->host + 100 * PAGE_SIZE;
	ck_assert_ptr_nonnull(block_get(&m->bus, r, host, 0));
	uint64_t want[16], n = 0;
	for (uint64_t p = 0; p < r->size >> PAGE_SHIFT; p++)
		if (r->code[p])
			want[n++] = p;
	ck_assert_uint_eq(n, 7); /* 0 1 63 65 100 200 255 */
	struct state_buf st = save_of(m);
	uint64_t got[16];
	ck_assert_uint_eq(code_section_pages(&st, got, 16), n);
	for (uint64_t i = 0; i < n; i++)
		ck_assert_uint_eq(got[i], want[i]);
	free(st.p);
	machine_reboot(m);
	for (uint64_t p = 0; p < r->size >> PAGE_SHIFT; p++)
		ck_assert_ptr_null(r->code[p]);
	st = save_of(m);
	ck_assert_uint_eq(code_section_pages(&st, got, 16), 0);
	free(st.p);
	machine_free(m);
}
END_TEST

/* ---- the encoding itself ---- */

START_TEST(test_encoding_roundtrip_and_bounds)
{
	struct state_buf b = {0};
	state_begin(&b, "TEST");
	state_put_u8(&b, 0xab);
	state_put_u32(&b, 0x01020304);
	state_put_u64(&b, 0x1122334455667788ull);
	for (int i = 0; i < 1000; i++)
		state_put_u32(&b, (uint32_t)i); /* forces growth */
	state_end(&b);
	ck_assert(!b.oom);
	/* Little-endian, whatever the host. */
	ck_assert_uint_eq(b.p[9], 0x04);
	ck_assert_uint_eq(b.p[12], 0x01);
	struct state_reader r = {b.p, b.p + b.len, false}, s;
	char err[128];
	ck_assert_int_eq(state_section(&r, "TEST", NULL, &s, err, sizeof(err)),
			 0);
	ck_assert_uint_eq(state_left(&r), 0);
	ck_assert_uint_eq(state_get_u8(&s), 0xab);
	ck_assert_uint_eq(state_get_u32(&s), 0x01020304);
	ck_assert_uint_eq(state_get_u64(&s), 0x1122334455667788ull);
	for (int i = 0; i < 1000; i++)
		ck_assert_uint_eq(state_get_u32(&s), (uint32_t)i);
	ck_assert_int_eq(state_section_done(&s, "TEST", NULL, err, sizeof(err)),
			 0);
	/* Past the end: zeros and `bad`, never a read. */
	ck_assert_uint_eq(state_get_u64(&s), 0);
	ck_assert(s.bad);
	ck_assert_int_eq(state_section_done(&s, "TEST", NULL, err, sizeof(err)),
			 -EINVAL);
	ck_assert_int_eq(state_section(&r, "TEST", "x", &s, err, sizeof(err)),
			 -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "TEST (x)"));
	/* A bool is 0 or 1. */
	uint8_t two = 2;
	struct state_reader br = {&two, &two + 1, false};
	state_get_bool(&br);
	ck_assert(br.bad);
	/* Sections do not nest; an end without a begin is an error too. */
	struct state_buf n = {0};
	state_begin(&n, "AAAA");
	state_begin(&n, "BBBB");
	ck_assert(n.oom);
	free(n.p);
	struct state_buf e = {0};
	state_end(&e);
	ck_assert(e.oom);
	free(e.p);
	/* An empty state is a missing section, not a crash. */
	struct state_reader empty = {NULL, NULL, false};
	ck_assert_int_eq(
		state_section(&empty, "MACH", NULL, &s, err, sizeof(err)),
		-ENOENT);
	free(b.p);
}
END_TEST

START_TEST(test_load_page_drops_code)
{
	struct machine *m = smp_machine(false, true);
	machine_run(m, 1000);
	/* Replace the program's page with `j .` everywhere: a hart must
	 * run the new code, not blocks decoded from the old. */
	uint8_t page[PAGE_SIZE];
	for (size_t i = 0; i < PAGE_SIZE; i += 4) {
		uint32_t spin = 0x0000006f;
		memcpy(page + i, &spin, 4);
	}
	ck_assert_int_eq(bus_load_page(m->ram, 0, page), 0);
	ck_assert_int_eq(bus_load_page(m->ram, RAM_SIZE >> PAGE_SHIFT, page),
			 -EINVAL);
	ck_assert_uint_ne(m->ram->written[0] & 1, 0);
	/* Each hart spins where it was, or in its timer handler once the
	 * next interrupt came (MIE is then off: it stays there). */
	uint64_t pc0[2] = {m->harts[0]->pc, m->harts[1]->pc};
	machine_run(m, 5000);
	for (int i = 0; i < 2; i++) {
		uint64_t pc = m->harts[i]->pc;
		ck_assert(pc == pc0[i] || pc == SMP_HANDLER);
	}
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("state");
	TCase *tc = tcase_create("state");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_encoding_roundtrip_and_bounds);
	tcase_add_test(tc, test_load_page_drops_code);
	tcase_add_loop_test(tc, test_smp_run_resumes_identically, 0, 2);
	tcase_add_test(tc, test_save_is_stable);
	tcase_add_loop_test(tc, test_blk_in_flight_completes_identically, 0, 2);
	tcase_add_test(tc, test_uart_fifo_survives);
	tcase_add_test(tc, test_cached_translation_survives);
	tcase_add_test(tc, test_cache_save_finds_every_entry);
	tcase_add_test(tc, test_code_pages_saved_exactly);
	tcase_add_test(tc, test_truncated_at_every_length);
	tcase_add_test(tc, test_every_byte_flipped);
	tcase_add_test(tc, test_wrong_tag_and_absurd_lengths);
	tcase_add_test(tc, test_configuration_mismatch);
	tcase_add_test(tc, test_invalid_hart_values);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
