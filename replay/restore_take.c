/* snapshot save: run a machine to a moment and save it there. */
#include "../core/dev/uart.h"
#include "exit_status.h"
#include "host.h"
#include "interrupt.h"
#include "restore.h"

#include <stdio.h>

/* Instructions between two looks for --on-output: the snapshot is taken
 * at the first look after the string appeared. */
#define RESTORE_TAKE_SLICE 100000

/* The machine to run: restored from t->parent, or booted as t->o says. */
static struct machine *restore_take_machine(struct restore_take *t,
					    struct restore *r, struct gate *g)
{
	struct machine_opts given = t->o;
	struct machine *m = t->parent ? restore_machine(r, t->parent, NULL, g,
							&t->o, false, 0)
				      : session_machine(&t->o, g);
	if (m && t->parent && restore_opts_check(t->parent, &given, &t->o)) {
		machine_free(m);
		return NULL;
	}
	if (m && t->at != UINT64_MAX && t->at < m->icount) {
		fprintf(stderr,
			"rewind snapshot: --at %llu is before the parent's "
			"icount %llu\n",
			(unsigned long long)t->at,
			(unsigned long long)m->icount);
		machine_free(m);
		return NULL;
	}
	return m;
}

int restore_take(struct restore_take *t)
{
	struct restore *r = restore_new(t->timing);
	if (!r) {
		fprintf(stderr, "rewind snapshot: out of memory\n");
		return REWIND_EXIT_ERROR;
	}
	struct gate g;
	struct host_inputs seeded = host_seeded(&r->entropy_state);
	gate_init(&g, GATE_LIVE, t->parent ? &seeded : &host_real, NULL, NULL);
	struct machine *m = restore_take_machine(t, r, &g);
	if (!m) {
		gate_free(&g);
		restore_free(r);
		return REWIND_EXIT_ERROR;
	}
	struct console con;
	console_open(&con);
	con.watch = t->on_output;
	uart_set_tx(m->uart, console_tx, &con);
	struct session s = {.m = m,
			    .g = &g,
			    .con = &con,
			    .o = &t->o,
			    .origin = r,
			    .limit = t->on_output ? UINT64_MAX : t->at,
			    .slice = RESTORE_TAKE_SLICE};
	if (session_net_start(&s, &t->o)) {
		console_close(&con);
		machine_free(m);
		gate_free(&g);
		restore_free(r);
		return REWIND_EXIT_ERROR;
	}
	session_loop(&s);
	session_net_stop(&s);
	console_close(&con);
	bool reached = t->on_output ? con.saw_watch : m->icount >= t->at;
	int status = REWIND_EXIT_ERROR;
	int sig = reached ? 0 : session_interrupted(m);
	if (sig) {
		fprintf(stderr,
			"rewind snapshot: interrupted by %s at icount %llu; "
			"no snapshot saved\n",
			interrupt_name(sig), (unsigned long long)m->icount);
		status = interrupt_status(sig);
	} else if (!reached) {
		/* Nothing could happen any more: the guest stopped. */
		bool ended =
			m->exit != MEXIT_RUNNING && m->exit != MEXIT_HALTED;
		fprintf(stderr, "rewind snapshot: the guest %s before %s\n",
			ended ? "ended" : "stopped",
			t->on_output ? "the output appeared"
				     : "the icount was reached");
	} else if (restore_save(r, m, &t->o, t->out, t->force, t->full) == 0) {
		fprintf(stderr, "rewind: snapshot of icount %llu in %s\n",
			(unsigned long long)m->icount, t->out);
		status = 0;
	}
	machine_free(m);
	gate_free(&g);
	restore_free(r);
	return status;
}
