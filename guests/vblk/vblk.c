/*
 * virtio-blk driven the way small teaching kernels written for QEMU's virt
 * board drive it, as a regression test of the board's identity:
 *   - the disk is the device in the first virtio-mmio slot (0x10001000);
 *   - the driver checks magic, version 2, device id 2 and vendor id
 *     0x554d4551 ("QEMU"), and gives up on anything else;
 *   - it negotiates by writing only the low 32 driver-feature bits (the
 *     device's, minus a few it does not handle), never acking VERSION_1,
 *     sets FEATURES_OK and reads the status back, giving up if unset;
 *   - it sets up queue 0 with one page per ring part, then reads and
 *     writes sectors with three-descriptor chains (header, data, status).
 * It runs in M-mode without firmware on any number of harts (the others
 * park), reports through the UART and ends through the test finisher:
 * 0x5555 on pass, (code << 16) | 0x3333 with a code from enum vblk_fail.
 *
 * Build: guests/vblk/vblk.mk (it shares guests/smp's start-up and link
 * script). Run (sector 0 must start with VBLK_MARK; sector 1 is written):
 *   printf 'rewind-vblk-sector0' | dd of=/tmp/d.img conv=notrunc
 *   truncate -s 64K /tmp/d.img
 *   build/rewind run --bios none --smp 3 --disk /tmp/d.img \
 *       --kernel build/guests/vblk.elf
 */
#include <stdint.h>

#pragma GCC optimize("no-tree-loop-distribute-patterns")

#define UART_BASE     0x10000000ul
#define UART_LSR_THRE 0x20
#define FINISHER_BASE 0x100000ul

#define VIRTIO0 0x10001000ul
#define R(off)	((volatile uint32_t *)(VIRTIO0 + (off)))
#define MMIO_MAGIC_VALUE     0x000
#define MMIO_VERSION	     0x004
#define MMIO_DEVICE_ID	     0x008
#define MMIO_VENDOR_ID	     0x00c
#define MMIO_DEVICE_FEATURES 0x010
#define MMIO_DRIVER_FEATURES 0x020
#define MMIO_QUEUE_SEL	     0x030
#define MMIO_QUEUE_NUM_MAX   0x034
#define MMIO_QUEUE_NUM	     0x038
#define MMIO_QUEUE_READY     0x044
#define MMIO_QUEUE_NOTIFY    0x050
#define MMIO_INTERRUPT_STAT  0x060
#define MMIO_INTERRUPT_ACK   0x064
#define MMIO_STATUS	     0x070
#define MMIO_QUEUE_DESC_LOW  0x080
#define MMIO_QUEUE_DESC_HIGH 0x084
#define MMIO_DRIVER_DESC_LOW 0x090
#define MMIO_DRIVER_DESC_HI  0x094
#define MMIO_DEVICE_DESC_LOW 0x0a0
#define MMIO_DEVICE_DESC_HI  0x0a4

#define STATUS_ACKNOWLEDGE 1
#define STATUS_DRIVER	   2
#define STATUS_DRIVER_OK   4
#define STATUS_FEATURES_OK 8

/* Feature bits such a driver turns off. */
#define BLK_F_RO	   5
#define BLK_F_SCSI	   7
#define BLK_F_CONFIG_WCE   11
#define BLK_F_MQ	   12
#define F_ANY_LAYOUT	   27
#define RING_F_INDIRECT	   28
#define RING_F_EVENT_IDX   29

#define NUM 8 /* descriptors */
#define SECTOR 512
#define BLK_T_IN  0
#define BLK_T_OUT 1
#define DESC_F_NEXT  1
#define DESC_F_WRITE 2

#define VBLK_MARK "rewind-vblk-sector0"

enum vblk_fail {
	FAIL_NOT_FOUND = 1,	/* magic, version, device or vendor id */
	FAIL_FEATURES_OK = 2,	/* FEATURES_OK did not stick */
	FAIL_QUEUE_READY = 3,	/* queue 0 ready before we set it up */
	FAIL_QUEUE_MAX = 4,	/* queue 0 too short */
	FAIL_IO_STATUS = 5,	/* a request came back with an error */
	FAIL_SECTOR0 = 6,	/* sector 0 lacks the marker */
	FAIL_READBACK = 7,	/* sector 1 did not read back as written */
};

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags, next;
};
struct virtq_avail {
	uint16_t flags, idx, ring[NUM], unused;
};
struct virtq_used_elem {
	uint32_t id, len;
};
struct virtq_used {
	uint16_t flags, idx;
	struct virtq_used_elem ring[NUM];
};
struct blk_req {
	uint32_t type, reserved;
	uint64_t sector;
};

static struct virtq_desc desc[NUM] __attribute__((aligned(4096)));
static struct virtq_avail avail __attribute__((aligned(4096)));
static struct virtq_used used __attribute__((aligned(4096)));
static struct blk_req req;
static volatile uint8_t req_status;
static uint8_t buf[SECTOR], back[SECTOR];
static uint16_t used_seen;

static void putc_(char c)
{
	volatile uint8_t *u = (volatile uint8_t *)UART_BASE;
	while (!(u[5] & UART_LSR_THRE))
		;
	u[0] = (uint8_t)c;
}

static void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

static void put_hex(uint32_t v)
{
	puts_("0x");
	for (int s = 28; s >= 0; s -= 4)
		putc_("0123456789abcdef"[(v >> s) & 0xf]);
}

static __attribute__((noreturn)) void finish(uint32_t word)
{
	*(volatile uint32_t *)FINISHER_BASE = word;
	for (;;)
		__asm__ volatile("wfi");
}

static __attribute__((noreturn)) void panic(enum vblk_fail code,
					    const char *why)
{
	puts_("vblk: panic: ");
	puts_(why);
	putc_('\n');
	finish(((uint32_t)code << 16) | 0x3333);
}

static void virtio_disk_init(void)
{
	uint32_t vendor = *R(MMIO_VENDOR_ID);
	puts_("vblk: vendor ");
	put_hex(vendor);
	putc_('\n');
	if (*R(MMIO_MAGIC_VALUE) != 0x74726976 || *R(MMIO_VERSION) != 2 ||
	    *R(MMIO_DEVICE_ID) != 2 || vendor != 0x554d4551)
		panic(FAIL_NOT_FOUND, "could not find virtio disk");
	uint32_t status = 0;
	*R(MMIO_STATUS) = status;
	status |= STATUS_ACKNOWLEDGE;
	*R(MMIO_STATUS) = status;
	status |= STATUS_DRIVER;
	*R(MMIO_STATUS) = status;
	/* Only the low word, and VERSION_1 (bit 32) never acked. */
	uint32_t features = *R(MMIO_DEVICE_FEATURES);
	features &= ~(1u << BLK_F_RO);
	features &= ~(1u << BLK_F_SCSI);
	features &= ~(1u << BLK_F_CONFIG_WCE);
	features &= ~(1u << BLK_F_MQ);
	features &= ~(1u << F_ANY_LAYOUT);
	features &= ~(1u << RING_F_EVENT_IDX);
	features &= ~(1u << RING_F_INDIRECT);
	*R(MMIO_DRIVER_FEATURES) = features;
	status |= STATUS_FEATURES_OK;
	*R(MMIO_STATUS) = status;
	status = *R(MMIO_STATUS);
	if (!(status & STATUS_FEATURES_OK))
		panic(FAIL_FEATURES_OK, "virtio disk FEATURES_OK unset");
	*R(MMIO_QUEUE_SEL) = 0;
	if (*R(MMIO_QUEUE_READY))
		panic(FAIL_QUEUE_READY, "virtio disk should not be ready");
	if (*R(MMIO_QUEUE_NUM_MAX) < NUM)
		panic(FAIL_QUEUE_MAX, "virtio disk max queue too short");
	*R(MMIO_QUEUE_NUM) = NUM;
	*R(MMIO_QUEUE_DESC_LOW) = (uint32_t)(uintptr_t)desc;
	*R(MMIO_QUEUE_DESC_HIGH) = (uint32_t)((uintptr_t)desc >> 32);
	*R(MMIO_DRIVER_DESC_LOW) = (uint32_t)(uintptr_t)&avail;
	*R(MMIO_DRIVER_DESC_HI) = (uint32_t)((uintptr_t)&avail >> 32);
	*R(MMIO_DEVICE_DESC_LOW) = (uint32_t)(uintptr_t)&used;
	*R(MMIO_DEVICE_DESC_HI) = (uint32_t)((uintptr_t)&used >> 32);
	*R(MMIO_QUEUE_READY) = 1;
	status |= STATUS_DRIVER_OK;
	*R(MMIO_STATUS) = status;
	puts_("vblk: features ");
	put_hex(features);
	puts_(", FEATURES_OK read back set\n");
}

/* One request on descriptors 0..2, waited for by polling the used ring
 * (then the interrupt is acknowledged as a handler would). */
static void virtio_disk_rw(uint8_t *data, uint64_t sector, int write)
{
	req.type = write ? BLK_T_OUT : BLK_T_IN;
	req.reserved = 0;
	req.sector = sector;
	req_status = 0xff;
	desc[0] = (struct virtq_desc){(uintptr_t)&req, sizeof(req),
				      DESC_F_NEXT, 1};
	desc[1] = (struct virtq_desc){(uintptr_t)data, SECTOR,
				      (uint16_t)(DESC_F_NEXT |
						 (write ? 0 : DESC_F_WRITE)),
				      2};
	desc[2] = (struct virtq_desc){(uintptr_t)&req_status, 1, DESC_F_WRITE,
				      0};
	avail.ring[avail.idx % NUM] = 0;
	__sync_synchronize();
	avail.idx += 1;
	__sync_synchronize();
	*R(MMIO_QUEUE_NOTIFY) = 0;
	while (*(volatile uint16_t *)&used.idx == used_seen)
		;
	__sync_synchronize();
	used_seen++;
	*R(MMIO_INTERRUPT_ACK) = *R(MMIO_INTERRUPT_STAT) & 3;
	if (req_status != 0)
		panic(FAIL_IO_STATUS, "virtio disk request failed");
}

void hart0_main(void)
{
	virtio_disk_init();
	virtio_disk_rw(buf, 0, 0);
	const char *mark = VBLK_MARK;
	for (int i = 0; mark[i]; i++)
		if (buf[i] != (uint8_t)mark[i])
			panic(FAIL_SECTOR0, "sector 0 lacks the marker");
	puts_("vblk: read sector 0: marker found\n");
	for (int i = 0; i < SECTOR; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	virtio_disk_rw(buf, 1, 1);
	virtio_disk_rw(back, 1, 0);
	for (int i = 0; i < SECTOR; i++)
		if (back[i] != buf[i])
			panic(FAIL_READBACK, "sector 1 read back differs");
	puts_("vblk: wrote and read back sector 1\n");
	puts_("vblk: pass\n");
	finish(0x5555);
}

/* Other harts have nothing to do: crt0 parks them. */
void secondary_main(void)
{
}

/* No traps are expected: report the cause and fail. */
void smp_trap(uint64_t cause, uint64_t epc, uint64_t tval)
{
	(void)tval;
	puts_("vblk: unexpected trap ");
	put_hex((uint32_t)cause);
	puts_(" at ");
	put_hex((uint32_t)epc);
	putc_('\n');
	finish(((uint32_t)(0x40 + (cause & 0x3f)) << 16) | 0x3333);
}
