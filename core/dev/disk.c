/* Raw disk images: the file, and the copy-on-write overlay of 4 KiB chunks.
 *
 * The overlay is a two-level table indexed by chunk number (a directory of
 * leaves of DISK_LEAF chunk pointers, leaves allocated on first use), so a
 * lookup costs two loads whatever the overlay's size and enumeration in
 * chunk order is a plain scan: its order never depends on host pointers. */
#include "disk.h"
#include "../util/file_io.h"
#include "../util/image_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DISK_LEAF_SHIFT 9
#define DISK_LEAF	(1u << DISK_LEAF_SHIFT)

struct disk {
	int fd;
	enum disk_mode mode;
	uint64_t size; /* bytes, a multiple of DISK_SECTOR_SIZE */
	char *path;
	uint8_t ***dir; /* dir[chunk / DISK_LEAF][chunk % DISK_LEAF] */
	uint64_t ndir;
	uint64_t nchunks; /* chunks in the overlay */
};

static uint64_t disk_chunks_total(uint64_t size)
{
	return (size + DISK_CHUNK_SIZE - 1) / DISK_CHUNK_SIZE;
}

/* Open the image and find its size; on failure err holds "path: reason".
 * image_open refuses what cannot be a disk (a FIFO, /dev/zero, a
 * directory) without blocking, and sizes beyond IMAGE_MAX_BYTES. */
static int disk_open_file(const struct disk_config *dc, int *fd_out,
			  uint64_t *size_out, char *err, size_t errlen)
{
	struct image_file im;
	if (image_open(dc->path, dc->mode == DISK_PERSIST, &im, err, errlen))
		return -1;
	if (im.size % DISK_SECTOR_SIZE) {
		snprintf(err, errlen,
			 "%s: size %llu is not a multiple of %u bytes",
			 dc->path, (unsigned long long)im.size,
			 DISK_SECTOR_SIZE);
		close(im.fd);
		return -1;
	}
	*fd_out = im.fd;
	*size_out = im.size;
	return 0;
}

struct disk *disk_open(const struct disk_config *dc, char *err, size_t errlen)
{
	if (!dc->path || (int)dc->mode < DISK_OVERLAY ||
	    (int)dc->mode > DISK_PERSIST) {
		snprintf(err, errlen, "disk: no image file given");
		return NULL;
	}
	int fd;
	uint64_t size;
	if (disk_open_file(dc, &fd, &size, err, errlen))
		return NULL;
	struct disk *d = calloc(1, sizeof(*d));
	if (d) {
		d->ndir = (disk_chunks_total(size) + DISK_LEAF - 1) / DISK_LEAF;
		d->dir = calloc(d->ndir ? d->ndir : 1, sizeof(*d->dir));
		d->path = strdup(dc->path);
	}
	if (!d || !d->dir || !d->path) {
		if (d) {
			free(d->dir);
			free(d->path);
		}
		free(d);
		close(fd);
		snprintf(err, errlen, "%s: out of memory", dc->path);
		return NULL;
	}
	d->fd = fd;
	d->mode = dc->mode;
	d->size = size;
	return d;
}

void disk_overlay_clear(struct disk *d)
{
	for (uint64_t i = 0; i < d->ndir; i++) {
		if (!d->dir[i])
			continue;
		for (unsigned k = 0; k < DISK_LEAF; k++)
			free(d->dir[i][k]);
		free(d->dir[i]);
		d->dir[i] = NULL;
	}
	d->nchunks = 0;
}

void disk_close(struct disk *d)
{
	if (!d)
		return;
	disk_overlay_clear(d);
	free(d->dir);
	free(d->path);
	close(d->fd);
	free(d);
}

uint64_t disk_size(const struct disk *d)
{
	return d->size;
}

enum disk_mode disk_mode(const struct disk *d)
{
	return d->mode;
}

const char *disk_path(const struct disk *d)
{
	return d->path;
}

/* The overlay copy of chunk c, or NULL. */
static uint8_t *disk_chunk(const struct disk *d, uint64_t c)
{
	uint8_t **leaf = d->dir[c >> DISK_LEAF_SHIFT];
	return leaf ? leaf[c & (DISK_LEAF - 1)] : NULL;
}

/* The slot for chunk c, allocating its leaf; NULL when out of memory. */
static uint8_t **disk_chunk_slot(struct disk *d, uint64_t c)
{
	uint8_t ***leaf = &d->dir[c >> DISK_LEAF_SHIFT];
	if (!*leaf) {
		*leaf = calloc(DISK_LEAF, sizeof(**leaf));
		if (!*leaf)
			return NULL;
	}
	return &(*leaf)[c & (DISK_LEAF - 1)];
}

static bool disk_range_ok(const struct disk *d, uint64_t off, uint64_t len)
{
	return off <= d->size && len <= d->size - off;
}

int disk_read(struct disk *d, uint64_t off, void *buf, uint64_t len)
{
	if (!disk_range_ok(d, off, len))
		return -EINVAL;
	uint8_t *out = buf;
	if (d->nchunks == 0)
		return file_pread_all(d->fd, out, len, off);
	while (len) {
		uint64_t c = off / DISK_CHUNK_SIZE, in = off % DISK_CHUNK_SIZE;
		uint64_t n = DISK_CHUNK_SIZE - in;
		if (n > len)
			n = len;
		const uint8_t *chunk = disk_chunk(d, c);
		if (chunk) {
			memcpy(out, chunk + in, n);
		} else {
			int rc = file_pread_all(d->fd, out, n, off);
			if (rc)
				return rc;
		}
		out += n;
		off += n;
		len -= n;
	}
	return 0;
}

/* The overlay copy of chunk c, made from the image on first write. */
static uint8_t *disk_chunk_cow(struct disk *d, uint64_t c, bool whole)
{
	uint8_t **slot = disk_chunk_slot(d, c);
	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	uint8_t *data = calloc(1, DISK_CHUNK_SIZE);
	if (!data)
		return NULL;
	/* A write that covers the whole chunk needs none of the old bytes. */
	uint64_t base = c * DISK_CHUNK_SIZE;
	uint64_t n = d->size - base < DISK_CHUNK_SIZE ? d->size - base
						      : DISK_CHUNK_SIZE;
	if (!whole && file_pread_all(d->fd, data, n, base)) {
		free(data);
		return NULL;
	}
	*slot = data;
	d->nchunks++;
	return data;
}

static int disk_overlay_write(struct disk *d, uint64_t off, const uint8_t *buf,
			      uint64_t len)
{
	while (len) {
		uint64_t c = off / DISK_CHUNK_SIZE, in = off % DISK_CHUNK_SIZE;
		uint64_t n = DISK_CHUNK_SIZE - in;
		if (n > len)
			n = len;
		uint8_t *chunk =
			disk_chunk_cow(d, c, in == 0 && n == DISK_CHUNK_SIZE);
		if (!chunk)
			return -EIO;
		memcpy(chunk + in, buf, n);
		buf += n;
		off += n;
		len -= n;
	}
	return 0;
}

int disk_write(struct disk *d, uint64_t off, const void *buf, uint64_t len)
{
	if (!disk_range_ok(d, off, len))
		return -EINVAL;
	switch (d->mode) {
	case DISK_READONLY: return -EROFS;
	case DISK_PERSIST: return file_pwrite_all(d->fd, buf, len, off);
	case DISK_OVERLAY: break;
	}
	return disk_overlay_write(d, off, buf, len);
}

int disk_flush(struct disk *d)
{
	if (d->mode != DISK_PERSIST)
		return 0;
	return fdatasync(d->fd) < 0 ? -errno : 0;
}

uint64_t disk_overlay_count(const struct disk *d)
{
	return d->nchunks;
}

int disk_overlay_foreach(const struct disk *d, disk_chunk_fn fn, void *ctx)
{
	for (uint64_t i = 0; i < d->ndir; i++) {
		if (!d->dir[i])
			continue;
		for (unsigned k = 0; k < DISK_LEAF; k++) {
			if (!d->dir[i][k])
				continue;
			int rc = fn(ctx, (i << DISK_LEAF_SHIFT) | k,
				    d->dir[i][k]);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int disk_overlay_put(struct disk *d, uint64_t chunk, const uint8_t *data)
{
	if (d->mode != DISK_OVERLAY || chunk >= disk_chunks_total(d->size))
		return -EINVAL;
	uint8_t *copy = disk_chunk_cow(d, chunk, true);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, data, DISK_CHUNK_SIZE);
	/* Bytes past the end of the disk stay zero, as the format promises. */
	uint64_t base = chunk * DISK_CHUNK_SIZE;
	if (d->size - base < DISK_CHUNK_SIZE)
		memset(copy + (d->size - base), 0,
		       DISK_CHUNK_SIZE - (d->size - base));
	return 0;
}
