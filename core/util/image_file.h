/* Opening the files a machine is built from (firmware, kernel, initrd,
 * disk images, snapshots): only regular files and block devices, opened
 * without blocking, so a FIFO, a character device such as /dev/zero or a
 * directory named by mistake gets a message instead of a hang or an
 * endless read. */
#ifndef REWIND_CORE_UTIL_IMAGE_FILE_H
#define REWIND_CORE_UTIL_IMAGE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* The largest image we accept: 16 TiB. A disk's copy-on-write overlay
 * directory costs 8 bytes per 2 MiB of disk, allocated when the disk is
 * opened (64 MiB at this size), and 16 TiB is also the largest file ext4
 * holds with 4 KiB blocks. virtio-blk's capacity field (64-bit, in 512-byte
 * sectors) would allow far more, so a bigger "image" is almost surely a
 * mistake or a device reporting a bogus size. */
#define IMAGE_MAX_BYTES (16ull << 40)

struct image_file {
	int fd;
	uint64_t size; /* bytes; a block device's size, not st_size */
	struct stat st;
};

/* Open path for reading (or reading and writing). 0, or a negative errno
 * with "path: reason" in err: -EISDIR for a directory, -ENODEV for a
 * character device, FIFO, socket or anything else that is neither a
 * regular file nor a block device, -EFBIG beyond IMAGE_MAX_BYTES. */
int image_open(const char *path, bool writable, struct image_file *im,
	       char *err, size_t errlen);
/* The whole image in a malloc'ed buffer; 0, or -1 with "path: reason". */
int image_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		   size_t errlen);

#endif
