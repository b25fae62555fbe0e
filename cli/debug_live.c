/* rewind run --gdb: a live guest under the debugger. The run records into
 * a temporary log as it goes, so gdb can step and continue backwards in a
 * live session too; the log is removed when the session ends. */
#include "../replay/logfile.h"
#include "commands.h"
#include "debug.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A temporary log with the machine's configuration as its header. */
static struct log_writer *debug_live_log(const struct machine_opts *o,
					 char *path, size_t pathlen)
{
	static struct rec_config rc;
	char err[1024];
	session_rec_config(o, &rc);
	if (recording_hash_images(&rc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	const char *tmp = getenv("TMPDIR");
	snprintf(path, pathlen, "%s/rewind-live-XXXXXX", tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		fprintf(stderr, "rewind: cannot create a temporary log in %s\n",
			tmp ? tmp : "/tmp");
		return NULL;
	}
	close(fd);
	struct log_writer *w =
		recording_writer_open(&rc, path, true, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "rewind: %s\n", err);
		unlink(path);
	}
	return w;
}

int run_debug(const struct machine_opts *o, const char *spec, uint64_t budget)
{
	char path[4096];
	struct log_writer *w = debug_live_log(o, path, sizeof(path));
	if (!w)
		return 1;
	static struct gate g;
	static struct history h;
	static struct debugger d;
	static struct console con;
	int status = 1;
	struct machine *m = NULL;
	if (gate_init(&g, GATE_RECORD, &host_real, w, NULL))
		goto out;
	struct machine_opts mo = *o;
	m = session_machine(&mo, &g);
	if (!m)
		goto out;
	if (history_init(&h, m, &g, budget, 0)) {
		fprintf(stderr, "rewind: out of memory\n");
		goto out;
	}
	console_open(&con);
	history_go_live(&h, &con);
	char what[4200];
	snprintf(what, sizeof(what), "(recording into %s)", path);
	debug_init(&d, &h, what);
	bool detached;
	status = debug_serve(&d, spec, &detached);
	if (status == 0 && detached && m->exit == MEXIT_RUNNING) {
		/* gdb let go: the guest runs on as a plain run would. */
		history_stops_off(m, &(struct history_stops){0});
		history_forward(&h, h.frontier);
		g.keep = false;
		console_close(&con);
		fprintf(stderr, "rewind: gdb detached; the guest runs on\n");
		status = session_run(m, &g, &mo, UINT64_MAX).status;
		goto out;
	}
	if (status == 0 && m->exit != MEXIT_RUNNING)
		status = session_exit_status(m);
	console_close(&con);
out:
	history_free(&h);
	if (m)
		machine_free(m);
	log_writer_close(w);
	gate_free(&g);
	unlink(path);
	return status;
}
