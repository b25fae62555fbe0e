/* virtio-blk requests. A request is a header (type, reserved, sector) in
 * the device-readable bytes, then the data (readable for OUT, writable for
 * IN and GET_ID), then the status byte: the last byte of the last
 * descriptor, which must be device-writable. The framing of these pieces
 * into descriptors is the driver's choice. */
#include "virtio_blk.h"
#include "../state.h"
#include "../util/le.h"
#include "disk.h"
#include "virtio_mmio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under chaos with faults, one transfer in this many fails. */
#define BLK_FAULT_ODDS 8
/* A request type no driver sends: the one chaos failed. */
#define BLK_T_FAILED 0xfffffffful

/* The header and the status byte take a descriptor each. */
#define BLK_SEG_MAX (VIRTIO_BLK_QUEUE_MAX - 2)

struct blk {
	struct disk *disk;
	char id[VIRTIO_BLK_ID_BYTES];
};

/* Data moves whole sectors inside the disk. */
static bool blk_range_ok(const struct blk *b, uint64_t sector, uint64_t len)
{
	uint64_t sectors = disk_size(b->disk) / DISK_SECTOR_SIZE;
	return len % DISK_SECTOR_SIZE == 0 && sector <= sectors &&
	       len / DISK_SECTOR_SIZE <= sectors - sector;
}

/* One transfer between the disk and guest memory, piece by piece. */
struct blk_io {
	struct disk *disk;
	bool in; /* disk to guest (IN); else guest to disk (OUT) */
	uint64_t pos;
	uint64_t done;
};

static int blk_piece(void *ctx, uint8_t *host, uint64_t len)
{
	struct blk_io *io = ctx;
	int rc = io->in ? disk_read(io->disk, io->pos, host, len)
			: disk_write(io->disk, io->pos, host, len);
	if (rc)
		return rc;
	io->pos += len;
	io->done += len;
	return 0;
}

/* IN: disk to the writable bytes before the status byte. */
static uint8_t blk_in(struct virtio_mmio *v, struct blk *b,
		      const struct virtq_req *r, uint64_t sector,
		      uint64_t *written)
{
	uint64_t len = r->wlen - 1;
	if (!blk_range_ok(b, sector, len))
		return VIRTIO_BLK_S_IOERR;
	struct blk_io io = {
		.disk = b->disk, .in = true, .pos = sector * DISK_SECTOR_SIZE};
	int rc = virtq_walk(v, r, true, 0, len, blk_piece, &io);
	*written = io.done;
	return rc ? VIRTIO_BLK_S_IOERR : VIRTIO_BLK_S_OK;
}

/* OUT: the readable bytes after the header to the disk. */
static uint8_t blk_out(struct virtio_mmio *v, struct blk *b,
		       const struct virtq_req *r, uint64_t sector)
{
	uint64_t len = r->rlen - VIRTIO_BLK_HDR_SIZE;
	if (disk_mode(b->disk) == DISK_READONLY ||
	    !blk_range_ok(b, sector, len))
		return VIRTIO_BLK_S_IOERR;
	struct blk_io io = {.disk = b->disk, .pos = sector * DISK_SECTOR_SIZE};
	int rc = virtq_walk(v, r, false, VIRTIO_BLK_HDR_SIZE, len, blk_piece,
			    &io);
	return rc ? VIRTIO_BLK_S_IOERR : VIRTIO_BLK_S_OK;
}

static int blk_zero_piece(void *ctx, uint8_t *host, uint64_t len)
{
	(void)ctx;
	memset(host, 0, len);
	return 0;
}

/* GET_ID: the id string, zero-padded over the whole data area (the spec's
 * is 20 bytes; a longer one gets zeros so that every byte the used length
 * counts was written). */
static uint8_t blk_get_id(struct virtio_mmio *v, struct blk *b,
			  const struct virtq_req *r, uint64_t *written)
{
	uint64_t len = r->wlen - 1;
	uint64_t n = len < VIRTIO_BLK_ID_BYTES ? len : VIRTIO_BLK_ID_BYTES;
	if (virtq_write(v, r, 0, b->id, n) ||
	    virtq_walk(v, r, true, n, len - n, blk_zero_piece, NULL))
		return VIRTIO_BLK_S_IOERR;
	*written = len;
	return VIRTIO_BLK_S_OK;
}

static int64_t blk_handle(struct virtio_mmio *v, int queue,
			  const struct virtq_req *r)
{
	(void)queue;
	struct blk *b = virtio_dev(v);
	/* Without a whole header or a writable last byte for the status
	 * there is nothing to reply to: the request is malformed. */
	if (r->rlen < VIRTIO_BLK_HDR_SIZE || r->wlen < 1 ||
	    !r->seg[r->nseg - 1].write || r->seg[r->nseg - 1].len == 0)
		return -1;
	uint8_t hdr[VIRTIO_BLK_HDR_SIZE];
	if (virtq_read(v, r, 0, hdr, sizeof(hdr)))
		return -1;
	uint32_t type = le_get32(hdr);
	uint64_t sector = le_get64(hdr + 8);
	uint64_t written = 0;
	uint8_t status;
	/* Chaos with faults: now and then a transfer fails as a real disk's
	 * might, the disk left as it was, so that drivers' error paths run. */
	if ((type == VIRTIO_BLK_T_IN || type == VIRTIO_BLK_T_OUT ||
	     type == VIRTIO_BLK_T_FLUSH) &&
	    machine_chaos_fault(virtio_machine(v), CHAOS_IO_ERROR,
				(uint32_t)virtio_slot(v), BLK_FAULT_ODDS))
		type = BLK_T_FAILED;
	switch (type) {
	case VIRTIO_BLK_T_IN: status = blk_in(v, b, r, sector, &written); break;
	case VIRTIO_BLK_T_OUT: status = blk_out(v, b, r, sector); break;
	case VIRTIO_BLK_T_FLUSH:
		status = disk_flush(b->disk) ? VIRTIO_BLK_S_IOERR
					     : VIRTIO_BLK_S_OK;
		break;
	case VIRTIO_BLK_T_GET_ID: status = blk_get_id(v, b, r, &written); break;
	case BLK_T_FAILED: status = VIRTIO_BLK_S_IOERR; break;
	default: status = VIRTIO_BLK_S_UNSUPP; break;
	}
	if (virtq_write(v, r, r->wlen - 1, &status, 1))
		return -1;
	return (int64_t)(written + 1);
}

static void blk_free(struct blk *b)
{
	if (!b)
		return;
	disk_close(b->disk);
	free(b);
}

/* The instance's own part; the transport frees itself after. */
static void blk_free_dev(void *v)
{
	blk_free(virtio_dev(v));
}

/* The configuration space up to blk_size; size_max and the geometry stay
 * zero (their features are not offered). */
#define BLK_CONFIG_LEN 24

static void blk_config(const struct disk *d, uint8_t *cfg)
{
	uint64_t sectors = disk_size(d) / DISK_SECTOR_SIZE;
	memset(cfg, 0, BLK_CONFIG_LEN);
	le_put64(cfg + VIRTIO_BLK_CFG_CAPACITY, sectors);
	le_put32(cfg + VIRTIO_BLK_CFG_SEG_MAX, BLK_SEG_MAX);
	le_put32(cfg + VIRTIO_BLK_CFG_BLK_SIZE, DISK_SECTOR_SIZE);
}

static const struct virtio_ops blk_ops;

/* A virtio-blk device in the next slot backed by the image dc names. */
static int blk_add(struct machine *m, const struct disk_config *dc, char *err,
		   size_t errlen)
{
	struct blk *b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	b->disk = disk_open(dc, err, errlen);
	if (!b->disk) {
		free(b);
		return -EINVAL;
	}
	/* A stable id: the same machine gives the same id in every run. */
	snprintf(b->id, sizeof(b->id), "rewind-disk%d", m->nvirtio);
	uint8_t cfg[BLK_CONFIG_LEN];
	blk_config(b->disk, cfg);
	uint64_t ro = dc->mode == DISK_READONLY ? 1ull << VIRTIO_BLK_F_RO : 0;
	if (!virtio_mmio_new(m, &blk_ops, b, cfg, sizeof(cfg), ro)) {
		blk_free(b);
		snprintf(err, errlen, "%s: no room for another virtio device",
			 dc->path);
		return -ENOSPC;
	}
	return 0;
}

/* One device per --disk, in order: the first slots. */
static int blk_create(struct machine *m, const struct machine_config *cfg,
		      char *err, size_t errlen)
{
	if (cfg->ndisks < 0 || cfg->ndisks > MACHINE_MAX_DISKS) {
		snprintf(err, errlen, "at most %d disks", MACHINE_MAX_DISKS);
		return -EINVAL;
	}
	for (int i = 0; i < cfg->ndisks; i++) {
		int rc = blk_add(m, &cfg->disks[i], err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

struct disk *virtio_blk_disk(const struct virtio_mmio *v)
{
	const struct blk *b = virtio_dev(v);
	return b->disk;
}

static int blk_save_chunk(void *ctx, uint64_t chunk, const uint8_t *data)
{
	struct state_buf *b = ctx;
	state_put_u64(b, chunk);
	state_put_bytes(b, data, DISK_CHUNK_SIZE);
	return b->oom ? -ENOMEM : 0;
}

/* The disk's size, mode and every overlay chunk (what the guest wrote, in
 * overlay mode). */
static int blk_save(const void *v, struct state_buf *b)
{
	const struct disk *d = virtio_blk_disk(v);
	state_put_u64(b, disk_size(d));
	state_put_u32(b, (uint32_t)disk_mode(d));
	state_put_u64(b, disk_overlay_count(d));
	return disk_overlay_foreach(d, blk_save_chunk, b);
}

/* Checks the size and mode against this disk and every chunk number
 * before it replaces the overlay: 0, -EINVAL with the overlay unchanged,
 * or -ENOMEM with the overlay part-filled. */
static int blk_load(void *v, struct state_reader *r)
{
	struct disk *d = virtio_blk_disk(v);
	uint64_t size = state_get_u64(r);
	uint32_t mode = state_get_u32(r);
	uint64_t n = state_get_u64(r);
	uint64_t total = (disk_size(d) + DISK_CHUNK_SIZE - 1) / DISK_CHUNK_SIZE;
	const uint64_t rec = 8 + DISK_CHUNK_SIZE;
	/* The guest saw this disk's size; a persisted or read-only disk has
	 * no overlay to restore, and its state is the image file's. */
	if (r->bad || size != disk_size(d) || mode != (uint32_t)disk_mode(d) ||
	    n > total || (n && mode != DISK_OVERLAY) ||
	    n > state_left(r) / rec || state_left(r) != n * rec)
		return -EINVAL;
	/* Check every chunk number before the overlay is touched: ascending
	 * (so none twice) and inside the disk. */
	const uint8_t *chunks = r->p;
	for (uint64_t i = 0, prev = 0; i < n; i++) {
		uint64_t c = state_get_u64(r);
		state_get_span(r, DISK_CHUNK_SIZE);
		if (c >= total || (i && c <= prev))
			return -EINVAL;
		prev = c;
	}
	disk_overlay_clear(d);
	struct state_reader cr = {chunks, chunks + n * rec, false};
	for (uint64_t i = 0; i < n; i++) {
		uint64_t c = state_get_u64(&cr);
		int rc = disk_overlay_put(d, c,
					  state_get_span(&cr, DISK_CHUNK_SIZE));
		if (rc)
			return rc;
	}
	return 0;
}

#define BLK_FEATURES                                                           \
	(1ull << VIRTIO_BLK_F_SEG_MAX | 1ull << VIRTIO_BLK_F_BLK_SIZE |        \
	 1ull << VIRTIO_BLK_F_FLUSH)

static const struct virtio_ops blk_ops = {
	.type = {.name = "virtio-blk",
		 .order = 50,
		 .transport = &virtio_mmio_type,
		 .create = blk_create,
		 .state = {.tag = "VBLK", .save = blk_save, .load = blk_load},
		 .free = blk_free_dev},
	.device_id = VIRTIO_ID_BLOCK,
	.features = BLK_FEATURES,
	.nqueues = 1,
	.queue_max = VIRTIO_BLK_QUEUE_MAX,
	.handle = blk_handle,
};
DEV_REGISTER(blk_ops.type)
