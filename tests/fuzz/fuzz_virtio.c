/* Fuzz target for virtio descriptor chains: a machine with a virtio-blk
 * device over a small disk image (slot 0) and the entropy device (slot 1),
 * driven the way a guest driver would be, with everything the guest
 * controls taken from the input: the queue registers and features come
 * from a header, guest RAM from the rest. The target notifies the device
 * and runs the machine until it is idle (the hart waits in WFI, so virtual
 * time jumps to each completion). No input may crash, trip a sanitizer,
 * leak, or change a byte of the image file: the disk is in overlay or
 * read-only mode, so the file must read back as it was made (its size and
 * times are checked after every input, its bytes when the process ends).
 *
 * Input: a 24-byte header, then guest RAM from RAM_BASE + 0x1000 (the
 * first page holds the WFI loop):
 *   0  u8  flags: bit 0 the entropy device instead of the disk; bit 1
 *          acknowledge only the header's features (else all offered);
 *          bit 2 read-only disk; bit 3 never set DRIVER_OK; bits 4-5 the
 *          number of notifies less one
 *   1  u8  queue index (QUEUE_SEL and the value notified)
 *   2  u16 queue size
 *   4  u32 descriptor table, avail ring, used ring: offsets from RAM_BASE
 *          (beyond the 1 MiB of RAM is allowed: the device must refuse)
 *  16  u64 features
 * The seed corpus (tests/fuzz/corpus/virtio) is written by
 * tests/fuzz/make_virtio_corpus.c; `make fuzz-corpus` replays it under the
 * sanitizers. */
#include "../../core/dev/virtio_mmio.h"
#include "../../core/machine.h"
#include "../../core/util/file_io.h"
#include "../../core/util/le.h"
#include "fuzz_machine.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FUZZ_RAM     (1u << 20)
#define FUZZ_SECTORS 64
#define FUZZ_HDR     24
#define FUZZ_LOAD    0x1000u /* guest RAM the input fills starts here */
/* Each machine_run is one slice; a request that still keeps the machine
 * busy after this many is cut short (a long chain costs virtual time). */
#define FUZZ_SLICES 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char image_path[64];
static uint8_t image[FUZZ_SECTORS * 512];

static uint64_t fuzz_wall_ns(void *ctx)
{
	(void)ctx;
	return 0;
}

static void fuzz_entropy(void *ctx, uint8_t *buf, size_t len)
{
	(void)ctx;
	memset(buf, 0xa5, len);
}

/* The file must still hold exactly what image_make wrote. */
static void image_check_contents(void)
{
	static uint8_t now[sizeof image];
	int fd = open(image_path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size != sizeof image ||
	    file_pread_all(fd, now, sizeof now, 0) != 0 ||
	    memcmp(now, image, sizeof image) != 0)
		abort();
	close(fd);
}

static void image_remove(void)
{
	image_check_contents();
	unlink(image_path);
}

/* The image as image_make left it: any write to the file, through any
 * descriptor, moves its modification and change times. */
static int image_fd = -1;
static struct stat image_stat;

/* The disk image, made once per process with a known pattern. */
static void image_make(void)
{
	if (image_path[0])
		return;
	for (size_t i = 0; i < sizeof image; i++)
		image[i] = (uint8_t)(i * 7 + i / 512 + 1);
	snprintf(image_path, sizeof image_path, "/tmp/rewind-fuzz-XXXXXX");
	int fd = mkstemp(image_path);
	if (fd < 0 || file_write_all(fd, image, sizeof image) != 0)
		abort();
	close(fd);
	image_fd = open(image_path, O_RDONLY);
	if (image_fd < 0 || fstat(image_fd, &image_stat) != 0)
		abort();
	atexit(image_remove);
}

/* After each input: the file's size and times, which any write changes,
 * are still the ones image_make left (a look at the inode, no file I/O
 * per input); its contents are compared in full when the process ends. */
static void image_check(void)
{
	struct stat st;
	if (fstat(image_fd, &st) != 0 || st.st_size != image_stat.st_size ||
	    st.st_mtim.tv_sec != image_stat.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != image_stat.st_mtim.tv_nsec ||
	    st.st_ctim.tv_sec != image_stat.st_ctim.tv_sec ||
	    st.st_ctim.tv_nsec != image_stat.st_ctim.tv_nsec)
		abort();
}

static void reg(struct machine *m, uint64_t base, uint64_t off, uint32_t v)
{
	/* A refused access is an answer too; only crashes matter here. */
	(void)bus_write(&m->bus, base + off, 4, v);
}

static uint32_t reg_read(struct machine *m, uint64_t base, uint64_t off)
{
	uint64_t v = 0;
	(void)bus_read(&m->bus, base + off, 4, &v);
	return (uint32_t)v;
}

static void drive(struct machine *m, const uint8_t *h)
{
	uint8_t flags = h[0], queue = h[1];
	uint64_t base = VIRTIO_MMIO_BASE + VIRTIO_MMIO_SIZE * (flags & 1);
	uint64_t feat = le_get64(h + 16);
	if (!(flags & 2)) {
		reg(m, base, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
		feat = reg_read(m, base, VIRTIO_MMIO_DEVICE_FEATURES);
		reg(m, base, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
		feat |= (uint64_t)reg_read(m, base, VIRTIO_MMIO_DEVICE_FEATURES)
			<< 32;
	}
	uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;
	reg(m, base, VIRTIO_MMIO_STATUS, 0);
	reg(m, base, VIRTIO_MMIO_STATUS, st);
	reg(m, base, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	reg(m, base, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)feat);
	reg(m, base, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	reg(m, base, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(feat >> 32));
	st |= VIRTIO_STATUS_FEATURES_OK;
	reg(m, base, VIRTIO_MMIO_STATUS, st);
	reg(m, base, VIRTIO_MMIO_QUEUE_SEL, queue);
	reg(m, base, VIRTIO_MMIO_QUEUE_NUM, le_get16(h + 2));
	static const uint64_t ring_regs[3] = {VIRTIO_MMIO_QUEUE_DESC_LOW,
					      VIRTIO_MMIO_QUEUE_DRIVER_LOW,
					      VIRTIO_MMIO_QUEUE_DEVICE_LOW};
	for (int i = 0; i < 3; i++) {
		uint64_t pa = RAM_BASE + le_get32(h + 4 + 4 * i);
		reg(m, base, ring_regs[i], (uint32_t)pa);
		reg(m, base, ring_regs[i] + 4, (uint32_t)(pa >> 32));
	}
	reg(m, base, VIRTIO_MMIO_QUEUE_READY, 1);
	if (!(flags & 8))
		reg(m, base, VIRTIO_MMIO_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
	for (int n = 0; n <= ((flags >> 4) & 3); n++) {
		reg(m, base, VIRTIO_MMIO_QUEUE_NOTIFY, queue);
		for (int s = 0; s < FUZZ_SLICES; s++)
			if (machine_run(m, 1u << 20) != MSTOP_BUDGET)
				break;
		/* Acknowledge, as the interrupt handler would. */
		reg(m, base, VIRTIO_MMIO_INTERRUPT_ACK,
		    reg_read(m, base, VIRTIO_MMIO_INTERRUPT_STATUS));
	}
}

/* The machine every input starts from, one per disk mode: the device not
 * yet set up, the hart at the WFI loop (fuzz_machine_wfi_loop). */
static struct machine *machine_get(enum disk_mode mode)
{
	static struct fuzz_machine fms[2];
	struct fuzz_machine *fm = &fms[mode == DISK_READONLY];
	if (fm->m) {
		fuzz_machine_reset(fm);
		return fm->m;
	}
	image_make();
	struct machine_config cfg = {
		.ram_size = FUZZ_RAM,
		.nharts = 1,
		.ndisks = 1,
		.host = {.wall_ns = fuzz_wall_ns, .entropy = fuzz_entropy}};
	cfg.disks[0] = (struct disk_config){.path = image_path, .mode = mode};
	fuzz_machine_new(fm, &cfg);
	fuzz_machine_wfi_loop(fm);
	fuzz_machine_mark(fm);
	return fm->m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < FUZZ_HDR)
		return 0;
	struct machine *m =
		machine_get(data[0] & 4 ? DISK_READONLY : DISK_OVERLAY);
	size_t n = size - FUZZ_HDR;
	if (n > FUZZ_RAM - FUZZ_LOAD)
		n = FUZZ_RAM - FUZZ_LOAD;
	uint8_t *ram = bus_host_ptr(&m->bus, RAM_BASE, FUZZ_RAM);
	memcpy(ram + FUZZ_LOAD, data + FUZZ_HDR, n);
	bus_note_write(&m->bus, RAM_BASE + FUZZ_LOAD, n);
	drive(m, data);
	/* FUZZ_VERBOSE=1 says how far each input got: the used ring's index
	 * (when the ring is in RAM) and the virtual time spent. */
	uint32_t used = le_get32(data + 12);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "used idx %d, icount %llu\n",
			used <= FUZZ_RAM - 4 ? le_get16(ram + used + 2) : -1,
			(unsigned long long)m->icount);
	image_check();
	return 0;
}
