/* The protocol engine: serves one gdb client on a connected socket,
 * translating its packets into calls on a target's ops table. All-stop,
 * one thread per hart, no threads of its own: while the target runs, the
 * stub alternates the target's poll with a non-blocking look at the
 * socket, so Ctrl-C reaches the target within one poll. */
#ifndef REWIND_GDB_STUB_H
#define REWIND_GDB_STUB_H

#include "target.h"

struct gdb_stub;

/* Why gdb_stub_serve returned. The target is stopped in every case: a
 * client that goes away while it runs is interrupted first. */
enum gdb_serve_end {
	GDB_END_KILL,	    /* the client sent k */
	GDB_END_DETACH,	    /* the client sent D (answered OK) */
	GDB_END_DISCONNECT, /* the connection closed or failed */
	GDB_END_EXITED,	    /* the target exited (W sent), then the client
			       went away or killed it */
	GDB_END_STOPPED,    /* the stop check said so (the process was told
			       to stop); a client waiting for a stop reply
			       was told the target was terminated */
};

/* A stub for the target behind ops and ctx; NULL when out of memory. */
struct gdb_stub *gdb_stub_new(const struct gdb_target_ops *ops, void *ctx);
void gdb_stub_free(struct gdb_stub *s);

/* Serve the client connected on fd until it ends the session; returns
 * the gdb_serve_end, or a negative errno when fd is unusable from the
 * start (EBADF, ENOTSOCK...). Does not close fd. Every session starts in
 * acknowledgement mode, with the thread the target says stopped. Writes
 * never raise SIGPIPE. */
int gdb_stub_serve(struct gdb_stub *s, int fd);

/* From now on the serve loop asks stop() between polls and whenever a
 * wait for the client returns: a nonzero value (a signal number) ends the
 * session with GDB_END_STOPPED. The stub only asks, so what a signal
 * handler may do is up to the caller. */
void gdb_stub_stop_when(struct gdb_stub *s, int (*stop)(void));

/* A name for an end, for messages. */
const char *gdb_serve_end_name(int end);

#endif
