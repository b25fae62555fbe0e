/* rewind run: a machine booted, or restored from a snapshot, run live
 * with its console until the guest exits. */
#include "exit_status.h"
#include "host.h"
#include "restore.h"
#include "session.h"

#include <stdio.h>

/* The machine to run: restored from path, or booted as o says. */
static struct machine *session_live_machine(struct restore *r, const char *path,
					    struct gate *g,
					    struct machine_opts *o)
{
	if (!path)
		return session_machine(o, g);
	struct machine_opts given = *o;
	struct machine *m = restore_machine(r, path, NULL, g, o, false, 0);
	if (m && restore_opts_check(path, &given, o)) {
		machine_free(m);
		return NULL;
	}
	return m;
}

int session_live(const struct machine_opts *opts, const char *restore,
		 bool timing, struct session_stats *stats)
{
	struct restore *r = restore_new(timing);
	if (!r) {
		fprintf(stderr, "rewind: out of memory\n");
		return REWIND_EXIT_ERROR;
	}
	/* A restored environment behaves the same every time: its entropy
	 * comes from a generator seeded by the snapshot. */
	struct host_inputs inputs =
		restore ? host_seeded(&r->entropy_state) : host_real;
	struct gate g;
	if (gate_init(&g, GATE_LIVE, &inputs, NULL, NULL)) {
		restore_free(r);
		return REWIND_EXIT_ERROR;
	}
	struct machine_opts o = *opts;
	struct machine *m = session_live_machine(r, restore, &g, &o);
	if (!m) {
		gate_free(&g);
		restore_free(r);
		return REWIND_EXIT_ERROR;
	}
	double t0 = host_seconds();
	int status = session_run(m, &g, &o, r, UINT64_MAX).status;
	stats->seconds = host_seconds() - t0;
	stats->icount = m->icount;
	stats->retired = 0;
	for (int i = 0; i < m->nharts; i++)
		stats->retired += m->harts[i]->icount;
	machine_free(m);
	gate_free(&g);
	restore_free(r);
	return status;
}
