/* Checking what kind of file an image is before anything reads it. */
#include "image_file.h"
#include "file_io.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What a file that is not an image is, for the message. */
static const char *image_kind(mode_t m)
{
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/* 0 when st describes something an image can be; else the errno, with
 * the message in err. */
static int image_check_kind(const char *path, const struct stat *st, char *err,
			    size_t errlen)
{
	if (S_ISREG(st->st_mode) || S_ISBLK(st->st_mode))
		return 0;
	/* A directory keeps the system's own words, which say it all. */
	if (S_ISDIR(st->st_mode)) {
		snprintf(err, errlen, "%s: %s", path, strerror(EISDIR));
		return -EISDIR;
	}
	snprintf(err, errlen,
		 "%s: is %s; an image must be a regular file or a block "
		 "device",
		 path, image_kind(st->st_mode));
	return -ENODEV;
}

static int image_fail(const char *path, int rc, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", path, strerror(-rc));
	return rc;
}

int image_open(const char *path, bool writable, struct image_file *im,
	       char *err, size_t errlen)
{
	/* stat first names a socket as such (open fails on one with a
	 * puzzling "No such device or address"); fstat after the open
	 * catches a file swapped in between. */
	struct stat st;
	if (stat(path, &st) < 0)
		return image_fail(path, -errno, err, errlen);
	int rc = image_check_kind(path, &st, err, errlen);
	if (rc)
		return rc;
	/* O_NONBLOCK: opening a FIFO would otherwise wait for a writer. */
	int flags = (writable ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_NOCTTY |
		    O_CLOEXEC;
	int fd = open(path, flags);
	if (fd < 0)
		return image_fail(path, -errno, err, errlen);
	rc = fstat(fd, &st) < 0 ? image_fail(path, -errno, err, errlen)
				: image_check_kind(path, &st, err, errlen);
	/* Reads of regular files and block devices never return EAGAIN, but
	 * the flag has no business staying on. */
	if (!rc && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)
		rc = image_fail(path, -errno, err, errlen);
	/* lseek also sizes a block device, where st_size is 0. */
	off_t end = rc ? 0 : lseek(fd, 0, SEEK_END);
	if (!rc && (end < 0 || lseek(fd, 0, SEEK_SET) < 0))
		rc = image_fail(path, -errno, err, errlen);
	if (!rc && (uint64_t)end > IMAGE_MAX_BYTES) {
		snprintf(err, errlen,
			 "%s: %" PRIu64 " bytes is larger than the %llu TiB "
			 "an image may have",
			 path, (uint64_t)end, IMAGE_MAX_BYTES >> 40);
		rc = -EFBIG;
	}
	if (rc) {
		close(fd);
		return rc;
	}
	im->fd = fd;
	im->size = (uint64_t)end;
	im->st = st;
	return 0;
}

int image_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		   size_t errlen)
{
	struct image_file im;
	if (image_open(path, false, &im, err, errlen))
		return -1;
	int rc = file_read_fd(im.fd, out, len);
	close(im.fd);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path,
			 rc == -ENOMEM ? "out of memory" : strerror(-rc));
		return -1;
	}
	return 0;
}
