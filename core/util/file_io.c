#include "file_io.h"
#include "vec.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

enum io_op { IO_READ, IO_PREAD, IO_WRITE, IO_PWRITE, IO_SEND };

static ssize_t io_once(int fd, enum io_op op, uint8_t *p, size_t n,
		       uint64_t off)
{
	switch (op) {
	case IO_READ: return read(fd, p, n);
	case IO_PREAD: return pread(fd, p, n, (off_t)off);
	case IO_WRITE: return write(fd, p, n);
	case IO_PWRITE: return pwrite(fd, p, n, (off_t)off);
	case IO_SEND: {
		/* MSG_NOSIGNAL: a client that hung up must not kill the
		 * process with SIGPIPE. */
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		return k < 0 && errno == ENOTSOCK ? write(fd, p, n) : k;
	}
	}
	errno = EINVAL;
	return -1;
}

/* The one transfer loop: len bytes, or fewer when the file ends (a read
 * returns 0) or takes no more (a write returns 0). Writes never write
 * through p; it is not const only so that one loop serves both. */
static ssize_t io_full(int fd, enum io_op op, uint8_t *p, size_t len,
		       uint64_t off)
{
	size_t done = 0;
	bool out = op != IO_READ && op != IO_PREAD;
	while (done < len) {
		ssize_t n = io_once(fd, op, p + done, len - done, off + done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			/* The caller handed us a non-blocking descriptor. */
			struct pollfd pfd = {fd, out ? POLLOUT : POLLIN, 0};
			if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
				return -errno;
			continue;
		}
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

/* A whole transfer: 0, or a negative errno; -EIO when it came up short. */
static int io_all(int fd, enum io_op op, const void *buf, size_t len,
		  uint64_t off)
{
	ssize_t n = io_full(fd, op, (uint8_t *)buf, len, off);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? 0 : -EIO;
}

ssize_t file_read_full(int fd, void *buf, size_t len)
{
	return io_full(fd, IO_READ, buf, len, 0);
}

int file_write_all(int fd, const void *buf, size_t len)
{
	return io_all(fd, IO_WRITE, buf, len, 0);
}

int file_send_all(int fd, const void *buf, size_t len)
{
	return io_all(fd, IO_SEND, buf, len, 0);
}

int file_pread_all(int fd, void *buf, size_t len, uint64_t off)
{
	return io_all(fd, IO_PREAD, buf, len, off);
}

int file_pwrite_all(int fd, const void *buf, size_t len, uint64_t off)
{
	return io_all(fd, IO_PWRITE, buf, len, off);
}

int file_read_fd(int fd, uint8_t **out, size_t *len)
{
	/* A regular file is read in one go into a buffer one byte larger
	 * than it, which also sees the end; anything else grows as it
	 * comes. */
	struct stat st;
	size_t cap = 0, n = 0, want = 1 << 16;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (uint64_t)st.st_size < SIZE_MAX)
		want = (size_t)st.st_size + 1;
	uint8_t *buf = NULL;
	for (;;) {
		uint8_t *bigger = vec_grow(buf, &cap, n + want, 1);
		if (!bigger) {
			free(buf);
			return -ENOMEM;
		}
		buf = bigger;
		ssize_t got = file_read_full(fd, buf + n, cap - n);
		if (got < 0) {
			free(buf);
			return (int)got;
		}
		n += (size_t)got;
		if (n < cap)
			break;
		want = 1;
	}
	*out = buf;
	*len = n;
	return 0;
}

int file_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		  size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	int rc = file_read_fd(fd, out, len);
	close(fd);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path,
			 rc == -ENOMEM ? "out of memory" : strerror(-rc));
		return -1;
	}
	return 0;
}
