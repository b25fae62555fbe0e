/* monitor branch FILE: from the current point of a replay, a live run
 * recording into FILE. FILE is a packed recording that starts from a
 * snapshot of the machine here (the snapshot travels inside it), so it
 * replays on its own; the gdb session goes on in the branch, where writes
 * are allowed and console input comes from the terminal. */
#include "../replay/exit_status.h"
#include "../replay/logfile.h"
#include "../replay/record.h"
#include "../replay/replay_session.h"
#include "debug_impl.h"
#include "debug_live.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Why a branch cannot start here, into out; true when it can. */
static bool debug_branch_possible(struct debugger *d, const char *file,
				  char *out, size_t outlen)
{
	if (d->h->live)
		snprintf(out, outlen,
			 "this session is live already: it records as it "
			 "goes, and writes go in at its end (`monitor branch` "
			 "starts a live run from a replay)\n");
	else if (!*file)
		snprintf(out, outlen, "usage: monitor branch FILE\n");
	else if (access(file, F_OK) == 0)
		snprintf(out, outlen,
			 "%s exists: a branch goes into a new file\n", file);
	else if (d->m->exit != MEXIT_RUNNING || !d->h->rs)
		snprintf(out, outlen,
			 "the guest has ended here: there is nothing to run "
			 "on\n");
	else
		return true;
	return false;
}

/* Breakpoints and watchpoints gdb set, in the branch's machine too. */
static void debug_branch_points(struct debugger *d, struct machine *m)
{
	for (int i = 0; i < d->npts; i++) {
		const struct debug_point *p = &d->pts[i];
		if (p->type == GDB_BP_SW || p->type == GDB_BP_HW)
			machine_breakpoint_add(m, p->addr);
		else
			machine_watch_add(
				m, p->addr, p->len,
				p->type == GDB_WATCH_WRITE  ? WATCH_WRITE
				: p->type == GDB_WATCH_READ ? WATCH_READ
							    : WATCH_ACCESS);
	}
}

/* The recording FILE for the branch, starting from a full snapshot of
 * the machine now (in l->snap); l->w set, or -1 after printing why. */
static int debug_branch_open(struct debugger *d, struct debug_live *l,
			     struct rec_config *rc)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(l->snap, sizeof(l->snap), "%s/rewind-branch-XXXXXX",
		 tmp ? tmp : "/tmp");
	int fd = mkstemp(l->snap);
	if (fd < 0) {
		fprintf(stderr, "rewind: cannot create a snapshot file in %s\n",
			tmp ? tmp : "/tmp");
		l->snap[0] = '\0';
		return -1;
	}
	close(fd);
	const struct machine_opts *o = &d->h->rs->o;
	if (restore_save(NULL, d->m, o, l->snap, true, true))
		return -1;
	struct record_opts ro = {.m = *o,
				 .out = l->path,
				 .pack = true,
				 .restore = l->snap,
				 .limit = UINT64_MAX};
	l->w = record_open(&ro, rc, l->path, false, 0);
	return l->w ? 0 : -1;
}

int debug_monitor_branch(struct debugger *d, const char *file, char *out,
			 size_t outlen)
{
	while (*file == ' ')
		file++;
	if (!debug_branch_possible(d, file, out, outlen))
		return -1;
	struct debug_live *l = calloc(1, sizeof(*l));
	struct rec_config *rc = malloc(sizeof(*rc));
	uint64_t at = d->m->icount;
	int rc_start = -1;
	if (l && rc) {
		l->keep = true;
		l->branch = true;
		snprintf(l->path, sizeof(l->path), "%s", file);
		if (debug_branch_open(d, l, rc) == 0)
			rc_start = debug_live_start(
				l, &d->h->rs->o, false, 0, l->snap,
				rc->snapshot.sha256, d->h->tl->budget);
	}
	free(rc);
	if (rc_start) {
		if (l) {
			debug_live_end(l, REWIND_EXIT_ERROR, false);
			unlink(file);
		}
		free(l);
		snprintf(out, outlen,
			 "cannot branch into %s (rewind's messages say why)\n",
			 file);
		return -1;
	}
	debug_branch_points(d, l->m);
	d->branch = l;
	d->h = &l->h;
	d->m = l->m;
	d->what = l->what;
	snprintf(out, outlen,
		 "branched at icount %" PRIu64 " into %s: a live run from "
		 "here; writes are allowed and console input comes from the "
		 "terminal\n",
		 at, file);
	return 0;
}
