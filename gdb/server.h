/* Where gdb connects: a TCP port or a Unix socket, one client at a time. */
#ifndef REWIND_GDB_SERVER_H
#define REWIND_GDB_SERVER_H

#include <stddef.h>

/* Listen on spec: [HOST:]PORT for TCP (HOST defaults to 127.0.0.1, an
 * IPv6 address goes in brackets, PORT 0 picks a free port), or a path
 * containing '/' for a Unix socket (a stale socket file there is
 * replaced; any other file, or a socket someone listens on, is refused).
 * Returns the listening fd, or a negative errno with err saying why. */
int gdb_listen(const char *spec, char *err, size_t errlen);

/* The TCP port a listening fd is bound to, as after port 0; a negative
 * errno, -EAFNOSUPPORT for a Unix socket. */
int gdb_listen_port(int fd);

/* Wait up to timeout_ms (-1: no limit) for one client and accept it.
 * Returns the connected fd (blocking, close-on-exec, TCP_NODELAY for TCP),
 * or a negative errno (-ETIMEDOUT, -EINTR when a signal came first) with
 * err saying why. */
int gdb_accept(int fd, int timeout_ms, char *err, size_t errlen);

/* Close a listening fd, removing its Unix socket file if it has one. */
void gdb_listen_close(int fd);

#endif
