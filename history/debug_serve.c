/* Serving the debugger to one gdb client. */
#include "../gdb/server.h"
#include "../gdb/stub.h"
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "debug.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

/* While nobody is connected, look for a signal this often: one that lands
 * just before the wait began does not cut it short. */
#define ACCEPT_LOOK_MS 200

void debug_wait(void *ctx, int fd, int timeout_ms)
{
	struct debugger *d = ctx;
	struct net_user *n = d->h->live ? d->h->live_run.net : NULL;
	if (n) {
		net_user_poll(n, fd, timeout_ms);
		return;
	}
	struct pollfd p = {.fd = fd, .events = POLLIN};
	poll(&p, 1, timeout_ms);
}

/* Wait for a client until one connects or the process is told to stop
 * (SIGINT, SIGTERM): the connected fd, or -1 (*sig says which signal, 0
 * when the wait failed, as printed). A live session's user network is
 * served meanwhile. */
static int debug_accept(struct debugger *d, int lfd, int *sig)
{
	char err[512];
	for (;;) {
		*sig = interrupt_pending();
		if (*sig)
			return -1;
		debug_wait(d, lfd, ACCEPT_LOOK_MS);
		int fd = gdb_accept(lfd, 0, err, sizeof(err));
		if (fd >= 0)
			return fd;
		if (fd != -ETIMEDOUT && fd != -EINTR) {
			fprintf(stderr, "rewind: gdb: %s\n", err);
			return -1;
		}
	}
}

int debug_serve(struct debugger *d, const char *spec, bool *detached)
{
	*detached = false;
	char err[512];
	int lfd = gdb_listen(spec, err, sizeof(err));
	if (lfd < 0) {
		fprintf(stderr, "rewind: gdb: %s\n", err);
		return REWIND_EXIT_ERROR;
	}
	int port = gdb_listen_port(lfd);
	if (port > 0)
		fprintf(stderr, "rewind: waiting for gdb on port %d\n", port);
	else
		fprintf(stderr, "rewind: waiting for gdb on %s\n", spec);
	struct gdb_stub *stub = gdb_stub_new(&debug_ops, d);
	if (!stub) {
		gdb_listen_close(lfd);
		fprintf(stderr, "rewind: gdb: out of memory\n");
		return REWIND_EXIT_ERROR;
	}
	/* SIGINT and SIGTERM (interrupt_catch) end the session wherever it
	 * is: gdb's own Ctrl-C comes as a packet, never as a signal to us,
	 * so a signal here means rewind itself is to stop. */
	gdb_stub_stop_when(stub, interrupt_pending);
	/* A client that goes away leaves the machine where it stopped, for
	 * the next one to pick up; kill, detach and exit end the session. */
	int end = GDB_END_DISCONNECT, sig = 0;
	while (end == GDB_END_DISCONNECT) {
		int fd = debug_accept(d, lfd, &sig);
		if (fd < 0) {
			end = sig ? GDB_END_STOPPED : -1;
			break;
		}
		end = gdb_stub_serve(stub, fd);
		close(fd);
		if (end == GDB_END_DISCONNECT)
			fprintf(stderr,
				"rewind: gdb went away at icount %llu; "
				"waiting for it again\n",
				(unsigned long long)d->m->icount);
	}
	gdb_stub_free(stub);
	gdb_listen_close(lfd);
	if (end < 0)
		return REWIND_EXIT_ERROR;
	if (end == GDB_END_STOPPED) {
		sig = interrupt_pending();
		fprintf(stderr,
			"rewind: interrupted by %s at icount %llu; gdb session "
			"closed\n",
			interrupt_name(sig), (unsigned long long)d->m->icount);
		return interrupt_status(sig);
	}
	*detached = end == GDB_END_DETACH;
	fprintf(stderr, "rewind: gdb session ended (%s) at icount %llu\n",
		gdb_serve_end_name(end), (unsigned long long)d->m->icount);
	return 0;
}
