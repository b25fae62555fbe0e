/* File and socket I/O that finishes what it starts: a signal (EINTR), a
 * short transfer or a non-blocking descriptor that is not ready yet never
 * ends a transfer early. */
#ifndef REWIND_CORE_UTIL_FILE_IO_H
#define REWIND_CORE_UTIL_FILE_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Read len bytes from fd's position: returns how many were read, fewer
 * than len only at the end of the file, or a negative errno. */
ssize_t file_read_full(int fd, void *buf, size_t len);
/* Write all len bytes: 0, or a negative errno (-EIO when the file takes
 * no more). */
int file_write_all(int fd, const void *buf, size_t len);
/* The same to a socket, without SIGPIPE when the peer hung up; a
 * descriptor that is not a socket (a pipe in tests) is written to. */
int file_send_all(int fd, const void *buf, size_t len);
/* Exactly len bytes at offset off: a short transfer (the file shrank
 * under us) is -EIO, never a silent hole. 0 or a negative errno. */
int file_pread_all(int fd, void *buf, size_t len, uint64_t off);
int file_pwrite_all(int fd, const void *buf, size_t len, uint64_t off);

/* The rest of fd, from its position, into a malloc'ed buffer (never NULL
 * on success, even for an empty file). 0 or a negative errno. */
int file_read_fd(int fd, uint8_t **out, size_t *len);
/* A whole file into a malloc'ed buffer. 0, or -1 with a message naming
 * the path in err. */
int file_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		  size_t errlen);

#endif
