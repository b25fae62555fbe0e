/* rewind snapshot save|info: the whole machine at one moment, to restore
 * later with `run --restore` or `record --restore`; and the restore and
 * save-now steps those commands and the console share. */
#include "../snapshots/snapshot.h"
#include "../core/dev/uart.h"
#include "../core/prng.h"
#include "../core/util/sha256.h"
#include "commands.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Instructions between two looks for --on-output: the snapshot is taken
 * at the first look after the string appeared. */
#define SNAPSHOT_SLICE 100000

/* What this process restored, so that a later save (--parent, Ctrl-A S)
 * can be its child. One restore per process. */
static struct snapshot_chain *restored;
static struct rec_config restored_rc;
static bool timing;

static double snapshot_seconds(void)
{
	/* Host time for the user's statistics only; it never reaches the
	 * machine. */
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void snapshot_timing(bool on)
{
	timing = on;
}

/* A restored test environment must behave the same every time. Its clock
 * comes from the snapshot; its entropy comes from this generator, seeded
 * with the snapshot's own hash once it is restored, so a restore is a
 * pure function of the snapshot and the console input. */
static uint64_t seeded_state;

static void seeded_entropy(void *ctx, uint8_t *buf, size_t len)
{
	uint64_t *state = ctx;
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)prng_next(state);
}

struct host_inputs snapshot_host_inputs(void)
{
	struct host_inputs in = host_real;
	in.entropy = seeded_entropy;
	in.ctx = &seeded_state;
	return in;
}

struct machine *snapshot_machine_from(const char *path,
				      const char *expect_sha256, struct gate *g,
				      struct machine_opts *o,
				      struct rec_config *rc, bool chaos,
				      uint64_t seed)
{
	char err[1024];
	uint8_t d[32];
	char hex[65];
	/* A changed snapshot is named as such before its contents are read,
	 * whatever its damage would otherwise be reported as. */
	if (expect_sha256) {
		if (sha256_file(path, d, err, sizeof(err))) {
			fprintf(stderr,
				"rewind: the recording needs "
				"snapshot %s\n",
				err);
			return NULL;
		}
		sha256_hex(d, hex);
		if (strcmp(hex, expect_sha256)) {
			fprintf(stderr,
				"rewind: snapshot %s has changed since the "
				"recording (sha256 %s, recorded %s)\n",
				path, hex, expect_sha256);
			return NULL;
		}
	}
	if (snapshot_config(path, rc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	session_opts_from_config(rc, o);
	struct machine *m = session_machine(o, g);
	if (!m)
		return NULL;
	double t0 = snapshot_seconds();
	snapshot_chain_free(restored);
	restored = NULL;
	if (snapshot_restore_chain(m, path, expect_sha256, &restored, err,
				   sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		machine_free(m);
		return NULL;
	}
	if (timing)
		fprintf(stderr,
			"rewind: stats: restore seconds %.6f chain %u\n",
			snapshot_seconds() - t0,
			snapshot_chain_depth(restored));
	restored_rc = *rc;
	memcpy(&seeded_state, snapshot_chain_sha256(restored),
	       sizeof(seeded_state));
	/* The snapshot brings its own schedule; a chaos recording from it
	 * replaces it with the recording's. */
	if (chaos) {
		m->chaos = true;
		m->chaos_state = seed;
	}
	return m;
}

struct machine *snapshot_machine(const char *path, struct gate *g,
				 struct machine_opts *o, struct rec_config *rc)
{
	return snapshot_machine_from(path, NULL, g, o, rc, false, 0);
}

const uint8_t *snapshot_restored_sha256(void)
{
	return restored ? snapshot_chain_sha256(restored) : NULL;
}

int snapshot_opts_check(const char *snap, const struct machine_opts *given,
			const struct machine_opts *from)
{
	/* The snapshot decides the machine; a contradicting option is an
	 * error, not something to ignore silently. */
	if ((given->mem_given && given->mem != from->mem) ||
	    (given->smp_given && given->smp != from->smp)) {
		fprintf(stderr,
			"rewind: %s was saved with --mem %llu --smp %d; it "
			"cannot be restored into a different machine\n",
			snap, (unsigned long long)from->mem, from->smp);
		return -1;
	}
	if (given->bios || given->kernel || given->initrd || given->append ||
	    given->ndisks) {
		fprintf(stderr,
			"rewind: %s names its own images; --bios, --kernel, "
			"--initrd, --append and --disk cannot be given with "
			"it\n",
			snap);
		return -1;
	}
	return 0;
}

/* Save m into path: a child of what this process restored, if anything
 * and not full, else a full snapshot of the machine (restored, or as o
 * describes). */
static int snapshot_save_now(const struct machine *m,
			     const struct machine_opts *o, const char *path,
			     bool force, bool full)
{
	static struct rec_config rc;
	char err[1024];
	if (restored) {
		rc = restored_rc;
	} else {
		session_rec_config(o, &rc);
		if (recording_hash_images(&rc, err, sizeof(err))) {
			fprintf(stderr, "rewind snapshot: %s\n", err);
			return -1;
		}
	}
	struct snapshot_save_stats st;
	double t0 = snapshot_seconds();
	if (snapshot_save_child(m, &rc, full ? NULL : restored, path, force,
				&st, err, sizeof(err))) {
		fprintf(stderr, "rewind snapshot: %s\n", err);
		return -1;
	}
	if (timing)
		fprintf(stderr,
			"rewind: stats: save seconds %.6f pages-listed %llu "
			"pages-stored %llu bytes %llu\n",
			snapshot_seconds() - t0,
			(unsigned long long)st.pages_listed,
			(unsigned long long)st.pages_stored,
			(unsigned long long)st.bytes);
	return 0;
}

void snapshot_now(const struct machine *m, const struct machine_opts *o)
{
	/* Never over an existing file: the first free name wins. */
	char path[64];
	snprintf(path, sizeof(path), "rewind-%llu.snap",
		 (unsigned long long)m->icount);
	for (int i = 1; access(path, F_OK) == 0 && i < 1000; i++)
		snprintf(path, sizeof(path), "rewind-%llu-%d.snap",
			 (unsigned long long)m->icount, i);
	if (snapshot_save_now(m, o, path, false, false) == 0)
		fprintf(stderr, "\r\nrewind: snapshot of icount %llu in %s\r\n",
			(unsigned long long)m->icount, path);
}

static int snapshot_save_cmd(int argc, char **argv)
{
	struct machine_opts o, given;
	const char *out = NULL, *on_output = NULL, *parent = NULL;
	bool full = false; /* --restore: from a snapshot, but not a child */
	uint64_t at = UINT64_MAX;
	bool force = false;
	opts_machine_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else if (!strcmp(argv[i], "--stats")) {
			timing = true;
		} else if ((!strcmp(argv[i], "--parent") ||
			    !strcmp(argv[i], "--restore")) &&
			   i + 1 < argc && !parent) {
			full = argv[i][2] == 'r';
			parent = argv[++i];
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
		fprintf(stderr,
			"usage: rewind snapshot save -o SNAP [MACHINE | "
			"--parent SNAP | --restore SNAP] (--at ICOUNT | "
			"--on-output STRING)\n");
		return 1;
	}
	given = o;
	struct gate g;
	struct host_inputs seeded = snapshot_host_inputs();
	gate_init(&g, GATE_LIVE, parent ? &seeded : &host_real, NULL, NULL);
	static struct rec_config rc;
	struct machine *m = parent ? snapshot_machine(parent, &g, &o, &rc)
				   : session_machine(&o, &g);
	if (m && parent && snapshot_opts_check(parent, &given, &o)) {
		machine_free(m);
		m = NULL;
	}
	if (m && at != UINT64_MAX && at < m->icount) {
		fprintf(stderr,
			"rewind snapshot: --at %llu is before the parent's "
			"icount %llu\n",
			(unsigned long long)at, (unsigned long long)m->icount);
		machine_free(m);
		m = NULL;
	}
	if (!m) {
		gate_free(&g);
		return 1;
	}
	struct console con;
	console_open(&con);
	con.watch = on_output;
	uart_set_tx(m->uart, console_tx, &con);
	bool reached = at == m->icount;
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
	} else if (snapshot_save_now(m, &o, out, force, full) == 0) {
		fprintf(stderr, "rewind: snapshot of icount %llu in %s\n",
			(unsigned long long)m->icount, out);
		status = 0;
	}
	machine_free(m);
	gate_free(&g);
	snapshot_chain_free(restored);
	restored = NULL;
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
	char state[65], file[65];
	sha256_hex(info.state_sha256, state);
	sha256_hex(info.file_sha256, file);
	printf("icount=%llu\nchain-depth=%u\npages.referenced=%llu\n"
	       "pages.listed=%llu\npages.stored=%llu\nstate-bytes=%llu\n"
	       "state.sha256=%s\nfile.sha256=%s\n"
	       "bytes.raw=%llu\nbytes.stored=%llu\n",
	       (unsigned long long)info.icount, info.depth,
	       (unsigned long long)info.pages_referenced,
	       (unsigned long long)info.pages_listed,
	       (unsigned long long)info.pages_stored,
	       (unsigned long long)info.state_bytes, state, file,
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
