/* The debugger's sessions: a recording replayed under gdb, and a live
 * guest under gdb. A live run records as it goes, so gdb can step and
 * continue backwards in a live session too: `run --gdb` into a temporary
 * log removed when the session ends, `record --gdb` into the recording
 * the user keeps (debugger writes included, see debug_write.c). */
#include "../replay/exit_status.h"
#include "../replay/host.h"
#include "../replay/logfile.h"
#include "../replay/record.h"
#include "debug_live.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int debug_replay(const char *path, const char *spec, uint64_t to, bool verify,
		 uint64_t budget)
{
	struct history *h = history_open(path, budget, 0);
	if (!h)
		return REWIND_EXIT_ERROR;
	int status = REWIND_EXIT_ERROR;
	struct debugger *d = malloc(sizeof(*d));
	if (!d) {
		fprintf(stderr, "rewind: out of memory\n");
		goto out;
	}
	h->verify = verify;
	if (to != UINT64_MAX && history_seek(h, to)) {
		fprintf(stderr, "rewind: --to: %s\n", h->err);
		goto out;
	}
	debug_init(d, h, path);
	bool detached;
	status = debug_serve(d, spec, &detached);
	/* A branch (monitor branch) ended the session as a live one. */
	if (d->branch) {
		status = debug_live_end(d->branch, status, detached);
		free(d->branch);
	}
out:
	free(d);
	history_close(h);
	return status;
}

/* A temporary log with the machine's configuration as its header: the
 * snapshot's when restoring one. */
static struct log_writer *debug_live_log(const struct machine_opts *o,
					 const char *restore, char *path,
					 size_t pathlen)
{
	struct rec_config *rc = malloc(sizeof(*rc));
	char err[1024];
	struct log_writer *w = NULL;
	if (!rc) {
		fprintf(stderr, "rewind: out of memory\n");
		return NULL;
	}
	session_rec_config(o, rc);
	if (restore ? record_snapshot_config(restore, rc, err, sizeof(err))
		    : recording_hash_images(rc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		goto out;
	}
	recording_ram_hash_current(rc);
	const char *tmp = getenv("TMPDIR");
	snprintf(path, pathlen, "%s/rewind-live-XXXXXX", tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		fprintf(stderr, "rewind: cannot create a temporary log in %s\n",
			tmp ? tmp : "/tmp");
		goto out;
	}
	close(fd);
	w = recording_writer_open(rc, path, true, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "rewind: %s\n", err);
		unlink(path);
	}
out:
	free(rc);
	return w;
}

/* A kept recording the session leaves with the guest still running ends
 * where recording got to, with an end record that says the recorder (or
 * the signal that ended the session) stopped it, so that it replays to
 * the end and verifies. */
static void debug_live_close(struct debug_live *l)
{
	if (!l->keep || l->m->exit != MEXIT_RUNNING || l->h.at_limit)
		return;
	if (!history_recording(&l->h) &&
	    !history_seek_say(&l->h, l->h.frontier))
		return;
	if (history_recording(&l->h)) {
		int sig = session_interrupted(l->m);
		gate_log_digest(&l->g, true);
		if (sig)
			session_log_interrupted(l->m, &l->g, sig);
		else
			session_log_end(l->m, &l->g);
	}
}

int debug_live_start(struct debug_live *l, const struct machine_opts *o,
		     bool chaos, uint64_t seed, const char *snap,
		     const char *sha, uint64_t budget)
{
	if (snap && !(l->origin = restore_new(false))) {
		fprintf(stderr, "rewind: out of memory\n");
		return -1;
	}
	/* A snapshot the user restores into a run behaves the same every
	 * time, as under a plain run: its entropy comes from a generator the
	 * snapshot seeds. A recording and a branch go on with the host's,
	 * as a plain record does: the recording keeps what came. */
	struct host_inputs inputs =
		snap && !l->keep ? host_seeded(&l->origin->entropy_state)
				 : host_real;
	if (gate_init(&l->g, GATE_RECORD, &inputs, l->w, NULL))
		return -1;
	l->mo = *o;
	if (snap) {
		l->m = restore_machine(l->origin, snap, sha, &l->g, &l->mo,
				       chaos, seed);
		/* A branch's options are its recording's own. */
		if (l->m && !l->branch && restore_opts_check(snap, o, &l->mo))
			return -1;
	} else {
		l->m = session_machine_chaos(&l->mo, &l->g, chaos, seed);
	}
	if (!l->m)
		return -1;
	if (history_init(&l->h, l->m, &l->g, budget, 0)) {
		fprintf(stderr, "rewind: out of memory\n");
		return -1;
	}
	console_open(&l->con);
	history_go_live(&l->h, &l->con, &l->mo);
	/* The user network, as under a plain run or record; a restored
	 * machine's and a branch's start fresh (no host connection survives
	 * a snapshot). */
	if (session_net_start(&l->h.live_run, &l->mo)) {
		console_close(&l->con);
		return -1;
	}
	l->ready = true;
	snprintf(l->what, sizeof(l->what), "(recording into %s)", l->path);
	return 0;
}

int debug_live_end(struct debug_live *l, int status, bool detached)
{
	struct machine *m = l->m;
	if (l->ready && status == 0 && detached && m->exit == MEXIT_RUNNING &&
	    !l->h.at_limit) {
		/* When gdb detaches, the guest runs on as a plain run would. */
		history_stops_off(m, &(struct history_stops){0});
		history_forward(&l->h, l->h.frontier);
		l->g.keep = false;
		/* The plain run starts its own user network: host
		 * connections through this one end here. */
		session_net_stop(&l->h.live_run);
		console_close(&l->con);
		l->ready = false;
		fprintf(stderr, "rewind: gdb detached; the guest runs on\n");
		status = session_run(m, &l->g, &l->mo, l->origin, UINT64_MAX)
				 .status;
	} else if (l->ready) {
		session_net_stop(&l->h.live_run);
		debug_live_close(l);
		if (status == 0 && m->exit != MEXIT_RUNNING)
			status = session_exit_status(m);
		else if (status == 0 && l->h.at_limit)
			status = REWIND_EXIT_LIMIT;
		console_close(&l->con);
	}
	if (l->h.tl)
		history_free(&l->h);
	if (m)
		machine_free(m);
	restore_free(l->origin);
	if (l->w && (log_writer_close(l->w) < 0 || l->g.failed)) {
		fprintf(stderr, "rewind: writing %s failed%s%s\n", l->path,
			l->g.failed ? ": " : "", l->g.failed ? l->g.why : "");
		if (l->keep)
			status = REWIND_EXIT_ERROR;
	}
	gate_free(&l->g);
	if (l->snap[0])
		unlink(l->snap);
	return status;
}

/* Serve gdb on a live session l whose recording is open in l->w: the
 * machine booted as o says, or restored from the snapshot file restore
 * (SHA-256 sha, hex, when its header names it; NULL: not checked), the
 * run ending at icount limit (UINT64_MAX: none). */
static int debug_live_serve(struct debug_live *l, const struct machine_opts *o,
			    bool chaos, uint64_t seed, const char *restore,
			    const char *sha, uint64_t limit, const char *spec,
			    uint64_t budget)
{
	struct debugger *d = malloc(sizeof(*d));
	int status = REWIND_EXIT_ERROR;
	bool detached = false;
	if (!d)
		fprintf(stderr, "rewind: out of memory\n");
	else if (debug_live_start(l, o, chaos, seed, restore, sha, budget) ==
		 0) {
		l->h.live_limit = limit;
		debug_init(d, &l->h, l->what);
		status = debug_serve(d, spec, &detached);
	}
	free(d);
	return debug_live_end(l, status, detached);
}

int debug_live(const struct machine_opts *o, const char *restore,
	       const char *spec, uint64_t budget)
{
	struct debug_live *l = calloc(1, sizeof(*l));
	if (!l) {
		fprintf(stderr, "rewind: out of memory\n");
		return REWIND_EXIT_ERROR;
	}
	l->w = debug_live_log(o, restore, l->path, sizeof(l->path));
	int status = l->w ? debug_live_serve(l, o, false, 0, restore, NULL,
					     UINT64_MAX, spec, budget)
			  : REWIND_EXIT_ERROR;
	if (l->w)
		unlink(l->path);
	free(l);
	return status;
}

int debug_record(const struct record_opts *ro, uint64_t seed, const char *spec,
		 uint64_t budget)
{
	struct debug_live *l = calloc(1, sizeof(*l));
	struct rec_config *rc = malloc(sizeof(*rc));
	int status = REWIND_EXIT_ERROR;
	if (!l || !rc) {
		fprintf(stderr, "rewind: out of memory\n");
		goto out;
	}
	l->keep = true;
	snprintf(l->path, sizeof(l->path), "%s", ro->out);
	l->w = record_open(ro, rc, ro->out, ro->force, seed);
	/* The machine the header describes: faults too when asked. */
	struct machine_opts mo = ro->m;
	mo.chaos_faults = rc->chaos_faults;
	if (l->w)
		status = debug_live_serve(l, &mo, ro->chaos, seed, ro->restore,
					  ro->restore ? rc->snapshot.sha256
						      : NULL,
					  ro->limit, spec, budget);
out:
	free(rc);
	free(l);
	return status;
}
