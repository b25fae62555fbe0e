/* Listening sockets for gdb. Loopback by default: the stub gives whoever
 * connects full control of the machine. */
#define _GNU_SOURCE /* accept4 */
#include "server.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define DEFAULT_HOST "127.0.0.1"

__attribute__((format(printf, 4, 5))) static int
fail(int rc, char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return rc;
}

/* Is someone accepting on the Unix socket at path? */
static bool unix_socket_live(const struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	bool live = connect(fd, (const struct sockaddr *)sa, sizeof *sa) == 0;
	close(fd);
	return live;
}

static int listen_unix(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa.sun_path)
		return fail(
			-ENAMETOOLONG, err, errlen,
			"gdb socket path %s is too long (at most %zu bytes)",
			path, sizeof sa.sun_path - 1);
	memcpy(sa.sun_path, path, strlen(path) + 1);

	struct stat st;
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode))
			return fail(-EEXIST, err, errlen,
				    "%s exists and is not a socket; not "
				    "replacing it",
				    path);
		if (unix_socket_live(&sa))
			return fail(-EADDRINUSE, err, errlen,
				    "another process listens on %s", path);
		/* A socket left behind by a process that died. */
		if (unlink(path) < 0)
			return fail(-errno, err, errlen,
				    "cannot remove stale socket %s: %s", path,
				    strerror(errno));
	} else if (errno != ENOENT) {
		return fail(-errno, err, errlen, "%s: %s", path,
			    strerror(errno));
	}

	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return fail(-errno, err, errlen, "gdb socket: %s",
			    strerror(errno));
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    listen(fd, 1) < 0) {
		int e = errno;
		close(fd);
		return fail(-e, err, errlen, "cannot listen on %s: %s", path,
			    strerror(e));
	}
	return fd;
}

/* A decimal port number 0-65535, nothing else. */
static int parse_port(const char *s)
{
	if (!*s || strlen(s) > 5)
		return -1;
	int port = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		port = port * 10 + (*s - '0');
	}
	return port <= 65535 ? port : -1;
}

/* Split [HOST:]PORT, with [V6ADDR]:PORT for IPv6, into host and port. */
static int split_spec(const char *spec, char *host, size_t hostlen,
		      const char **port)
{
	const char *colon = strrchr(spec, ':');
	const char *h = spec;
	size_t n;
	if (!colon) {
		*port = spec;
		h = DEFAULT_HOST;
		n = strlen(h);
	} else if (spec[0] == '[') {
		if (colon == spec || colon[-1] != ']')
			return -EINVAL;
		h = spec + 1;
		n = (size_t)(colon - 1 - h);
		*port = colon + 1;
	} else {
		if (memchr(spec, ':', (size_t)(colon - spec)))
			return -EINVAL; /* bare IPv6: brackets needed */
		n = (size_t)(colon - spec);
		*port = colon + 1;
		if (n == 0) {
			h = DEFAULT_HOST;
			n = strlen(h);
		}
	}
	if (n >= hostlen)
		return -EINVAL;
	memcpy(host, h, n);
	host[n] = 0;
	return 0;
}

static int listen_tcp(const char *spec, char *err, size_t errlen)
{
	char host[256];
	const char *port;
	if (split_spec(spec, host, sizeof host, &port) < 0 ||
	    parse_port(port) < 0)
		return fail(-EINVAL, err, errlen,
			    "bad gdb address '%s': expected [HOST:]PORT with "
			    "PORT 0-65535, or a socket path containing '/'",
			    spec);

	struct addrinfo hints = {.ai_family = AF_UNSPEC,
				 .ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_NUMERICSERV};
	struct addrinfo *res;
	int g = getaddrinfo(host, port, &hints, &res);
	if (g != 0)
		return fail(-EADDRNOTAVAIL, err, errlen,
			    "cannot resolve gdb host '%s': %s", host,
			    gai_strerror(g));
	int e = EADDRNOTAVAIL;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		int fd = socket(ai->ai_family,
				ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
				ai->ai_protocol);
		if (fd < 0) {
			e = errno;
			continue;
		}
		/* A gdb port is reused run after run: do not wait out
		 * TIME_WAIT from the last session. */
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 1) == 0) {
			freeaddrinfo(res);
			return fd;
		}
		e = errno;
		close(fd);
	}
	freeaddrinfo(res);
	return fail(-e, err, errlen, "cannot listen on %s:%s for gdb: %s", host,
		    port, strerror(e));
}

int gdb_listen(const char *spec, char *err, size_t errlen)
{
	if (!spec || !*spec)
		return fail(-EINVAL, err, errlen,
			    "empty gdb address: expected [HOST:]PORT or a "
			    "socket path");
	if (strchr(spec, '/'))
		return listen_unix(spec, err, errlen);
	return listen_tcp(spec, err, errlen);
}

int gdb_listen_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -errno;
	if (ss.ss_family == AF_INET)
		return ntohs(((struct sockaddr_in *)&ss)->sin_port);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return -EAFNOSUPPORT;
}

int gdb_accept(int fd, int timeout_ms, char *err, size_t errlen)
{
	for (;;) {
		struct pollfd pfd = {fd, POLLIN, 0};
		int n = poll(&pfd, 1, timeout_ms);
		if (n < 0 && errno == EINTR)
			return fail(-EINTR, err, errlen,
				    "interrupted while waiting for gdb");
		if (n < 0)
			return fail(-errno, err, errlen, "waiting for gdb: %s",
				    strerror(errno));
		if (n == 0)
			return fail(-ETIMEDOUT, err, errlen,
				    "no gdb client connected in time");
		struct sockaddr_storage ss;
		socklen_t len = sizeof ss;
		int c = accept4(fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
		if (c >= 0) {
			/* Packets are small and answered one by one. */
			int one = 1;
			if (ss.ss_family == AF_INET || ss.ss_family == AF_INET6)
				setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one,
					   sizeof one);
			return c;
		}
		/* The client gave up between poll and accept: wait on. */
		if (errno == EAGAIN || errno == EWOULDBLOCK ||
		    errno == ECONNABORTED || errno == EINTR)
			continue;
		return fail(-errno, err, errlen, "accepting gdb: %s",
			    strerror(errno));
	}
}

void gdb_listen_close(int fd)
{
	struct sockaddr_un sa;
	socklen_t len = sizeof sa;
	if (fd < 0)
		return;
	if (getsockname(fd, (struct sockaddr *)&sa, &len) == 0 &&
	    sa.sun_family == AF_UNIX &&
	    len > offsetof(struct sockaddr_un, sun_path) && sa.sun_path[0]) {
		sa.sun_path[sizeof sa.sun_path - 1] = 0;
		unlink(sa.sun_path);
	}
	close(fd);
}
