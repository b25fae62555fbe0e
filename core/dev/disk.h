/* A raw disk image behind a block device.
 *
 * In the default overlay mode the image file is opened read-only and never
 * modified: guest writes land in an in-memory copy-on-write overlay of 4 KiB
 * chunks, so a recording can name the image by its content and replay it
 * against the same bytes. The overlay can be enumerated in chunk order and
 * refilled, which is what a snapshot needs. */
#ifndef REWIND_DEV_DISK_H
#define REWIND_DEV_DISK_H

#include <stddef.h>
#include <stdint.h>

#include "../machine.h"

#define DISK_SECTOR_SIZE 512u
#define DISK_CHUNK_SIZE	 4096u

struct disk;

/* Open the image named by dc. Returns NULL with "path: reason" in err on a
 * missing or unreadable file or a size that is not a multiple of 512. */
struct disk *disk_open(const struct disk_config *dc, char *err, size_t errlen);
void disk_close(struct disk *d);

uint64_t disk_size(const struct disk *d); /* bytes */
enum disk_mode disk_mode(const struct disk *d);
const char *disk_path(const struct disk *d);

/* Byte-addressed I/O inside [0, disk_size). Return 0 or a negative errno:
 * -EINVAL outside the disk, -EROFS for a write to a read-only disk, -EIO
 * when the image file cannot deliver the bytes. */
int disk_read(struct disk *d, uint64_t off, void *buf, uint64_t len);
int disk_write(struct disk *d, uint64_t off, const void *buf, uint64_t len);
/* Make persisted writes durable; a no-op for the other modes. */
int disk_flush(struct disk *d);

/* The overlay: chunk c covers bytes [c * 4096, (c + 1) * 4096) of the disk
 * (the last chunk's bytes past the end of the disk are zero). */
uint64_t disk_overlay_count(const struct disk *d);
typedef int (*disk_chunk_fn)(void *ctx, uint64_t chunk, const uint8_t *data);
/* Call fn on every overlay chunk in ascending chunk order; stops at and
 * returns the first nonzero value fn returns. */
int disk_overlay_foreach(const struct disk *d, disk_chunk_fn fn, void *ctx);
/* Set chunk c's overlay content (restoring a snapshot); 0, -EINVAL for a
 * chunk outside the disk, -ENOMEM. */
int disk_overlay_put(struct disk *d, uint64_t chunk, const uint8_t *data);
/* Forget every overlay chunk: reads see the image file again. */
void disk_overlay_clear(struct disk *d);

#endif
