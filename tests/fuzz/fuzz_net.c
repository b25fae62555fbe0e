/* Fuzz target for network frames into the card: a machine with a
 * virtio-net card (slot 0) whose receive and transmit queues are set up
 * from a header, guest RAM (rings, descriptors, buffers) from the rest,
 * and frames offered to the card the way the input gate offers them
 * (virtio_net_rx). The transmit queue is notified and the machine run
 * until idle, so the card also sends what the guest queued. No input may
 * crash, trip a sanitizer or leak; whatever the guest wrote, a frame goes
 * only into buffers the driver made available and sent frames are within
 * the card's limits.
 *
 * Input: a 36-byte header, then guest RAM from RAM_BASE + 0x1000 (the
 * first page holds the WFI loop):
 *   0  u8  flags: bit 0 acknowledge only the header's features (else all
 *          offered); bit 1 never set DRIVER_OK; bits 2-3 transmit
 *          notifies less one
 *   1  u8  frames to offer (at most 32)
 *   2  u16 queue size (both queues)
 *   4  u32 receive descriptor table, avail ring, used ring; then the
 *  16  u32 transmit ones: offsets from RAM_BASE (beyond RAM is allowed:
 *          the card must refuse)
 *  28  u64 with bit 0 of flags: the features to acknowledge, and frame k
 *          is 60 + k bytes long; without: its low 16 bits are every
 *          frame's length
 * Every frame offered is the first bytes of the input after the header.
 * The seed corpus (tests/fuzz/corpus/net) is written by
 * tests/fuzz/make_net_corpus.c; `make fuzz-corpus` replays it under the
 * sanitizers. */
#include "../../core/dev/virtio_mmio.h"
#include "../../core/dev/virtio_net.h"
#include "../../core/machine.h"
#include "../../core/util/le.h"
#include "fuzz_machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_RAM    (1u << 20)
#define FUZZ_HDR    36
#define FUZZ_LOAD   0x1000u
#define FUZZ_SLICES 64
#define FUZZ_FRAMES 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

/* A sent frame must be one a wire could carry. */
static void fuzz_tx(void *ctx, const uint8_t *frame, size_t len)
{
	(void)ctx;
	if (len < VIRTIO_NET_FRAME_MIN || len > VIRTIO_NET_FRAME_MAX)
		abort();
	/* Every byte must be readable: the sanitizer checks the copy. */
	static uint8_t sink[VIRTIO_NET_FRAME_MAX];
	memcpy(sink, frame, len);
}

static void reg(struct machine *m, uint64_t off, uint32_t v)
{
	(void)bus_write(&m->bus, VIRTIO_MMIO_BASE + off, 4, v);
}

static uint32_t reg_read(struct machine *m, uint64_t off)
{
	uint64_t v = 0;
	(void)bus_read(&m->bus, VIRTIO_MMIO_BASE + off, 4, &v);
	return (uint32_t)v;
}

static void queue_setup(struct machine *m, uint32_t q, uint16_t num,
			const uint8_t *rings)
{
	static const uint64_t ring_regs[3] = {VIRTIO_MMIO_QUEUE_DESC_LOW,
					      VIRTIO_MMIO_QUEUE_DRIVER_LOW,
					      VIRTIO_MMIO_QUEUE_DEVICE_LOW};
	reg(m, VIRTIO_MMIO_QUEUE_SEL, q);
	reg(m, VIRTIO_MMIO_QUEUE_NUM, num);
	for (int i = 0; i < 3; i++) {
		uint64_t pa = RAM_BASE + le_get32(rings + 4 * i);
		reg(m, ring_regs[i], (uint32_t)pa);
		reg(m, ring_regs[i] + 4, (uint32_t)(pa >> 32));
	}
	reg(m, VIRTIO_MMIO_QUEUE_READY, 1);
}

static void run_idle(struct machine *m)
{
	for (int s = 0; s < FUZZ_SLICES; s++)
		if (machine_run(m, 1u << 20) != MSTOP_BUDGET)
			break;
	reg(m, VIRTIO_MMIO_INTERRUPT_ACK,
	    reg_read(m, VIRTIO_MMIO_INTERRUPT_STATUS));
}

static void drive(struct machine *m, const uint8_t *h, const uint8_t *frames,
		  size_t nbytes)
{
	uint8_t flags = h[0];
	uint64_t feat = le_get64(h + 28);
	if (!(flags & 1)) {
		reg(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
		feat = reg_read(m, VIRTIO_MMIO_DEVICE_FEATURES);
		reg(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
		feat |= (uint64_t)reg_read(m, VIRTIO_MMIO_DEVICE_FEATURES)
			<< 32;
	}
	uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;
	reg(m, VIRTIO_MMIO_STATUS, 0);
	reg(m, VIRTIO_MMIO_STATUS, st);
	reg(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	reg(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)feat);
	reg(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	reg(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(feat >> 32));
	st |= VIRTIO_STATUS_FEATURES_OK;
	reg(m, VIRTIO_MMIO_STATUS, st);
	queue_setup(m, VIRTIO_NET_RXQ, le_get16(h + 2), h + 4);
	queue_setup(m, VIRTIO_NET_TXQ, le_get16(h + 2), h + 16);
	if (!(flags & 2))
		reg(m, VIRTIO_MMIO_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
	reg(m, VIRTIO_MMIO_QUEUE_NOTIFY, VIRTIO_NET_RXQ);
	struct virtio_mmio *v = virtio_net_of(m);
	unsigned n = h[1] < FUZZ_FRAMES ? h[1] : FUZZ_FRAMES;
	for (unsigned k = 0; k < n; k++) {
		size_t len = flags & 1 ? 60 + k : (size_t)le_get16(h + 28);
		/* Offer only what the input holds; longer lengths still
		 * reach the card's own checks through the short copy. */
		if (len > nbytes)
			len = nbytes;
		(void)virtio_net_rx_ready(v);
		(void)virtio_net_rx(v, frames, len);
	}
	for (int k = 0; k <= ((flags >> 2) & 3); k++) {
		reg(m, VIRTIO_MMIO_QUEUE_NOTIFY, VIRTIO_NET_TXQ);
		run_idle(m);
	}
}

/* The machine every input starts from: the card not yet set up, the hart
 * at the WFI loop (fuzz_machine_wfi_loop). */
static struct machine *machine_get(void)
{
	static struct fuzz_machine fm;
	if (fm.m) {
		fuzz_machine_reset(&fm);
		return fm.m;
	}
	struct machine_config cfg = {
		.ram_size = FUZZ_RAM,
		.nharts = 1,
		.net = true,
		.host = {.wall_ns = fuzz_wall_ns, .entropy = fuzz_entropy}};
	fuzz_machine_new(&fm, &cfg);
	virtio_net_set_tx(virtio_net_of(fm.m), fuzz_tx, NULL);
	fuzz_machine_wfi_loop(&fm);
	fuzz_machine_mark(&fm);
	return fm.m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < FUZZ_HDR)
		return 0;
	struct machine *m = machine_get();
	size_t n = size - FUZZ_HDR;
	if (n > FUZZ_RAM - FUZZ_LOAD)
		n = FUZZ_RAM - FUZZ_LOAD;
	memcpy(bus_host_ptr(&m->bus, RAM_BASE + FUZZ_LOAD, n ? n : 1),
	       data + FUZZ_HDR, n);
	bus_note_write(&m->bus, RAM_BASE + FUZZ_LOAD, n);
	/* The frames are a copy: the card must not rely on them living in
	 * guest memory. */
	uint8_t *frames = malloc(n ? n : 1);
	if (!frames)
		abort();
	memcpy(frames, data + FUZZ_HDR, n);
	drive(m, data, frames, n);
	free(frames);
	return 0;
}
