/* Serving the debugger to one gdb client. */
#include "../gdb/server.h"
#include "../gdb/stub.h"
#include "debug.h"

#include <stdio.h>
#include <unistd.h>

int debug_serve(struct debugger *d, const char *spec, bool *detached)
{
	*detached = false;
	char err[512];
	int lfd = gdb_listen(spec, err, sizeof(err));
	if (lfd < 0) {
		fprintf(stderr, "rewind: gdb: %s\n", err);
		return 1;
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
		return 1;
	}
	/* A client that goes away leaves the machine where it stopped, for
	 * the next one to pick up; kill, detach and exit end the session. */
	int end = GDB_END_DISCONNECT;
	while (end == GDB_END_DISCONNECT) {
		int fd = gdb_accept(lfd, -1, err, sizeof(err));
		if (fd < 0) {
			fprintf(stderr, "rewind: gdb: %s\n", err);
			end = -1;
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
		return 1;
	*detached = end == GDB_END_DETACH;
	fprintf(stderr, "rewind: gdb session ended (%s) at icount %llu\n",
		gdb_serve_end_name(end), (unsigned long long)d->m->icount);
	return 0;
}
