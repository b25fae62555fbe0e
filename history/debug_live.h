/* Inside history/: a live debugging session (run --gdb, record --gdb, or
 * a branch out of a replay): a machine recording as it runs, with its
 * gate, history and console. */
#ifndef REWIND_HISTORY_DEBUG_LIVE_H
#define REWIND_HISTORY_DEBUG_LIVE_H

#include "../replay/restore.h"
#include "debug.h"

struct debug_live {
	struct gate g;
	struct history h;
	struct console con;
	struct machine *m;
	struct machine_opts mo;
	struct log_writer *w;	/* the recording, closed at the end */
	struct restore *origin; /* a branch: its snapshot, restored */
	bool keep;		/* the recording is the user's */
	bool branch;	 /* monitor branch: options are the recording's */
	bool ready;	 /* gate, machine, history and console are up */
	char path[4096]; /* the recording */
	char snap[4096]; /* a branch's snapshot file, removed at the end */
	char what[4200]; /* for `monitor info` */
};

/* Start l recording into l->w: the machine restored from the snapshot
 * file snap (SHA-256 sha, hex, or NULL) when snap is not NULL, else
 * booted as o describes; chaos scheduling from seed when chaos; the user
 * network o asks for behind its card. 0, or -1 after printing why
 * (debug_live_end still cleans up). */
int debug_live_start(struct debug_live *l, const struct machine_opts *o,
		     bool chaos, uint64_t seed, const char *snap,
		     const char *sha, uint64_t budget);
/* After gdb's session on l ended with status (debug_serve): a detached
 * guest runs on; a kept recording is closed with an end record. Frees
 * what l holds (not l); the process exit status. */
int debug_live_end(struct debug_live *l, int status, bool detached);

/* monitor branch FILE (debug_branch.c). */
int debug_monitor_branch(struct debugger *d, const char *file, char *out,
			 size_t outlen);

#endif
