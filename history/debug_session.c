/* The debugger's sessions: a recording replayed under gdb, and a live
 * guest under gdb. A live run records into a temporary log as it goes, so
 * gdb can step and continue backwards in a live session too; the log is
 * removed when the session ends. */
#include "../replay/exit_status.h"
#include "../replay/host.h"
#include "../replay/logfile.h"
#include "../replay/record.h"
#include "../replay/restore.h"
#include "debug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int debug_replay(const char *path, const char *spec, uint64_t to, bool verify,
		 uint64_t budget)
{
	struct history *h = history_open(path, budget, 0);
	if (!h)
		return 1;
	int status = 1;
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

/* Everything a live debugging session holds. */
struct debug_live {
	struct gate g;
	struct history h;
	struct debugger d;
	struct console con;
	struct restore *r; /* what was restored, for --restore */
	char path[4096];
	char what[4200];
};

/* Serve gdb on the live machine; when gdb detaches, the guest runs on as
 * a plain run would. The process exit status. */
static int debug_live_serve(struct debug_live *l, struct machine *m,
			    const struct machine_opts *mo, const char *spec)
{
	console_open(&l->con);
	history_go_live(&l->h, &l->con, mo);
	snprintf(l->what, sizeof(l->what), "(recording into %s)", l->path);
	debug_init(&l->d, &l->h, l->what);
	bool detached;
	int status = debug_serve(&l->d, spec, &detached);
	if (status == 0 && detached && m->exit == MEXIT_RUNNING) {
		history_stops_off(m, &(struct history_stops){0});
		history_forward(&l->h, l->h.frontier);
		l->g.keep = false;
		console_close(&l->con);
		fprintf(stderr, "rewind: gdb detached; the guest runs on\n");
		return session_run(m, &l->g, mo, NULL, UINT64_MAX).status;
	}
	if (status == 0 && m->exit != MEXIT_RUNNING)
		status = session_exit_status(m);
	console_close(&l->con);
	return status;
}

/* The machine to debug: restored from the snapshot file restore (its
 * options into *mo, checked against those given), or booted as mo says.
 * NULL after printing why. */
static struct machine *debug_live_machine(struct debug_live *l,
					  const char *restore,
					  struct machine_opts *mo)
{
	if (!restore)
		return session_machine(mo, &l->g);
	struct machine_opts given = *mo;
	struct machine *m =
		restore_machine(l->r, restore, NULL, &l->g, mo, false, 0);
	if (m && restore_opts_check(restore, &given, mo)) {
		machine_free(m);
		return NULL;
	}
	return m;
}

int debug_live(const struct machine_opts *o, const char *restore,
	       const char *spec, uint64_t budget)
{
	struct debug_live *l = calloc(1, sizeof(*l));
	if (!l || !(l->r = restore_new(false))) {
		fprintf(stderr, "rewind: out of memory\n");
		free(l);
		return REWIND_EXIT_ERROR;
	}
	struct log_writer *w =
		debug_live_log(o, restore, l->path, sizeof(l->path));
	if (!w) {
		restore_free(l->r);
		free(l);
		return REWIND_EXIT_ERROR;
	}
	int status = 1;
	struct machine *m = NULL;
	bool history = false;
	/* A restored environment behaves the same every time, as under a
	 * plain run: its entropy comes from a generator the snapshot seeds. */
	struct host_inputs inputs =
		restore ? host_seeded(&l->r->entropy_state) : host_real;
	if (gate_init(&l->g, GATE_RECORD, &inputs, w, NULL))
		goto out;
	struct machine_opts mo = *o;
	m = debug_live_machine(l, restore, &mo);
	if (!m)
		goto out;
	if (history_init(&l->h, m, &l->g, budget, 0)) {
		fprintf(stderr, "rewind: out of memory\n");
		goto out;
	}
	history = true;
	status = debug_live_serve(l, m, &mo, spec);
out:
	if (history)
		history_free(&l->h);
	if (m)
		machine_free(m);
	log_writer_close(w);
	gate_free(&l->g);
	unlink(l->path);
	restore_free(l->r);
	free(l);
	return status;
}
