/* rewind snapshot save|info: the whole machine at one moment, to restore
 * later with `run --restore` or `record --restore`. */
#include "../snapshots/snapshot.h"
#include "../core/dev/uart.h"
#include "commands.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Instructions between two looks for --on-output: the snapshot is taken
 * at the first look after the string appeared. */
#define SNAPSHOT_SLICE 100000

static int snapshot_save_cmd(int argc, char **argv)
{
	struct machine_opts o;
	const char *out = NULL, *on_output = NULL;
	uint64_t at = UINT64_MAX;
	bool force = false;
	opts_machine_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else if (!strcmp(argv[i], "--at") && i + 1 < argc) {
			if (opts_parse_u64(argv[++i], &at)) {
				fprintf(stderr, "rewind snapshot: bad --at\n");
				return 1;
			}
		} else if (!strcmp(argv[i], "--on-output") && i + 1 < argc) {
			on_output = argv[++i];
		} else {
			int r = opts_parse_machine(&o, argc, argv, &i);
			if (r < 0)
				return 1;
			if (r == 0) {
				fprintf(stderr,
					"rewind snapshot: unknown option "
					"'%s'\n",
					argv[i]);
				return 1;
			}
		}
	}
	if (!out || (at == UINT64_MAX) == !on_output) {
		fprintf(stderr, "usage: rewind snapshot save -o SNAP [MACHINE] "
				"(--at ICOUNT | --on-output STRING)\n");
		return 1;
	}
	static struct rec_config rc;
	char err[1024];
	session_rec_config(&o, &rc);
	if (recording_hash_images(&rc, err, sizeof(err))) {
		fprintf(stderr, "rewind snapshot: %s\n", err);
		return 1;
	}
	struct gate g;
	gate_init(&g, GATE_LIVE, &host_real, NULL, NULL);
	struct machine *m = session_machine(&o, &g);
	if (!m)
		return 1;
	struct console con;
	console_open(&con);
	con.watch = on_output;
	uart_set_tx(m->uart, console_tx, &con);
	bool reached = false;
	while (!reached) {
		uint64_t budget = on_output ? SNAPSHOT_SLICE : at - m->icount;
		if (budget > SNAPSHOT_SLICE)
			budget = SNAPSHOT_SLICE;
		enum machine_stop st = machine_run(m, budget);
		reached = on_output ? con.saw_watch : m->icount >= at;
		if (reached || st == MSTOP_EXIT ||
		    (st == MSTOP_IDLE && !console_has_input(&con)))
			break;
		console_read(&con, st == MSTOP_IDLE ? 100 : 0);
		console_consume(&con,
				gate_console(&g, con.pending, con.npending));
	}
	console_close(&con);
	int status = 1;
	if (!reached) {
		fprintf(stderr, "rewind snapshot: the guest %s before %s\n",
			m->exit != MEXIT_RUNNING ? "ended" : "stopped",
			on_output ? "the output appeared"
				  : "the icount was reached");
	} else if (snapshot_save(m, &rc, out, force, err, sizeof(err))) {
		fprintf(stderr, "rewind snapshot: %s\n", err);
	} else {
		fprintf(stderr, "rewind: snapshot of icount %llu in %s\n",
			(unsigned long long)m->icount, out);
		status = 0;
	}
	machine_free(m);
	gate_free(&g);
	return status;
}

static int snapshot_info_cmd(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rewind snapshot info SNAP\n");
		return 1;
	}
	static struct rec_config rc;
	struct snapshot_info info;
	char err[1024];
	if (snapshot_info(argv[1], &rc, &info, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return 1;
	}
	size_t hlen;
	char *h = recording_header_build(&rc, &hlen);
	printf("%.*s", (int)hlen, h ? h : "");
	free(h);
	printf("icount=%llu\npages=%llu\nstate-bytes=%llu\n"
	       "bytes.raw=%llu\nbytes.stored=%llu\n",
	       (unsigned long long)info.icount, (unsigned long long)info.pages,
	       (unsigned long long)info.state_bytes,
	       (unsigned long long)info.raw_bytes,
	       (unsigned long long)info.stored_bytes);
	return 0;
}

int cmd_snapshot(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "save"))
		return snapshot_save_cmd(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "info"))
		return snapshot_info_cmd(argc - 1, argv + 1);
	fprintf(stderr, "usage: rewind snapshot save|info ...\n");
	return 1;
}

struct machine *snapshot_machine(const char *path, struct gate *g,
				 struct machine_opts *o, struct rec_config *rc)
{
	char err[1024];
	if (snapshot_config(path, rc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	session_opts_from_config(rc, o);
	struct machine *m = session_machine(o, g);
	if (m && snapshot_restore(m, path, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		machine_free(m);
		return NULL;
	}
	return m;
}
