/* The debugger's sessions: a recording replayed under gdb, and a live
 * guest under gdb. A live run records as it goes, so gdb can step and
 * continue backwards in a live session too: `run --gdb` into a temporary
 * log removed when the session ends, `record --gdb` into the recording
 * the user keeps (debugger writes included, see debug_write.c). */
#include "../replay/exit_status.h"
#include "../replay/host.h"
#include "../replay/logfile.h"
#include "../replay/record.h"
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

/* A temporary log with the machine's configuration as its header. */
static struct log_writer *debug_live_log(const struct machine_opts *o,
					 char *path, size_t pathlen)
{
	struct rec_config *rc = malloc(sizeof(*rc));
	char err[1024];
	struct log_writer *w = NULL;
	if (!rc) {
		fprintf(stderr, "rewind: out of memory\n");
		return NULL;
	}
	session_rec_config(o, rc);
	if (recording_hash_images(rc, err, sizeof(err))) {
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
	bool keep; /* the recording is the user's (record --gdb) */
	char path[4096];
	char what[4200];
};

/* A kept recording the session leaves with the guest still running ends
 * where recording got to, with an end record that says the recorder
 * stopped it, so that it replays to the end and verifies. */
static void debug_live_close(struct debug_live *l, struct machine *m)
{
	if (!l->keep || m->exit != MEXIT_RUNNING)
		return;
	if (!history_recording(&l->h) &&
	    !history_seek_say(&l->h, l->h.frontier))
		return;
	if (history_recording(&l->h)) {
		gate_log_digest(&l->g, true);
		session_log_end(m, &l->g);
	}
}

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
	debug_live_close(l, m);
	if (status == 0 && m->exit != MEXIT_RUNNING)
		status = session_exit_status(m);
	console_close(&l->con);
	return status;
}

/* A live session recording into w (whose file is l->path). */
static int debug_live_run(struct debug_live *l, struct log_writer *w,
			  const struct machine_opts *o, bool chaos,
			  uint64_t seed, const char *spec, uint64_t budget)
{
	int status = REWIND_EXIT_ERROR;
	struct machine *m = NULL;
	bool history = false;
	if (gate_init(&l->g, GATE_RECORD, &host_real, w, NULL))
		goto out;
	struct machine_opts mo = *o;
	m = session_machine_chaos(&mo, &l->g, chaos, seed);
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
	if (log_writer_close(w) < 0 || l->g.failed) {
		fprintf(stderr, "rewind: writing %s failed%s%s\n", l->path,
			l->g.failed ? ": " : "", l->g.failed ? l->g.why : "");
		if (l->keep)
			status = REWIND_EXIT_ERROR;
	}
	gate_free(&l->g);
	return status;
}

int debug_live(const struct machine_opts *o, const char *spec, uint64_t budget)
{
	struct debug_live *l = calloc(1, sizeof(*l));
	if (!l) {
		fprintf(stderr, "rewind: out of memory\n");
		return REWIND_EXIT_ERROR;
	}
	struct log_writer *w = debug_live_log(o, l->path, sizeof(l->path));
	int status = w ? debug_live_run(l, w, o, false, 0, spec, budget)
		       : REWIND_EXIT_ERROR;
	if (w)
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
	struct log_writer *w = record_open(ro, rc, ro->out, ro->force, seed);
	if (w)
		status = debug_live_run(l, w, &ro->m, ro->chaos, seed, spec,
					budget);
out:
	free(rc);
	free(l);
	return status;
}
