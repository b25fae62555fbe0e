/* rewind record: run a guest like `run`, logging every input; with
 * --until-fail, hunt for a failing chaos schedule. */
#include "../core/util/sha256.h"
#include "../replay/logfile.h"
#include "../replay/pack.h"
#include "../snapshots/snapshot.h"
#include "commands.h"
#include "postmortem.h"
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct record_opts {
	struct machine_opts m;
	const char *out;
	bool force;
	bool chaos, seed_given;
	uint64_t seed;
	int until_fail; /* 0: one run */
	uint64_t limit;
	bool pack;	     /* embed the images */
	const char *restore; /* start from this snapshot */
};

/* The recording's configuration when it starts from a snapshot: the
 * snapshot's machine, and the snapshot itself by path and hash. */
static int record_snapshot_config(const char *snap, struct rec_config *rc,
				  char *err, size_t errlen)
{
	if (snapshot_config(snap, rc, err, errlen))
		return -1;
	uint8_t d[32];
	if (sha256_file(snap, d, err, errlen))
		return -1;
	rc->snapshot_version = 0;
	rc->has_parent = false;
	rc->has_snapshot = true;
	snprintf(rc->snapshot.path, sizeof(rc->snapshot.path), "%s", snap);
	sha256_hex(d, rc->snapshot.sha256);
	return 0;
}

/* One recorded run into path. */
static struct session_result record_once(const struct record_opts *ro,
					 const char *path, bool force,
					 uint64_t seed)
{
	struct session_result res = {.status = 1, .guest_failed = false};
	static struct rec_config rc, src;
	char err[1024];
	session_rec_config(&ro->m, &rc);
	if (ro->restore &&
	    record_snapshot_config(ro->restore, &rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: %s\n", err);
		return res;
	}
	rc.chaos = ro->chaos;
	rc.chaos_seed = seed;
	rc.packed = ro->pack;
	if (!ro->restore && recording_hash_images(&rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: %s\n", err);
		return res;
	}
	struct log_writer *w =
		recording_writer_open(&rc, path, force, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "rewind record: %s\n", err);
		return res;
	}
	if (ro->pack && pack_write(w, &rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: packing images: %s\n", err);
		log_writer_close(w);
		return res;
	}
	struct gate g;
	if (gate_init(&g, GATE_RECORD, &host_real, w, NULL)) {
		log_writer_close(w);
		return res;
	}
	struct machine_opts mo = ro->m;
	struct machine *m =
		ro->restore
			? snapshot_machine_from(ro->restore, rc.snapshot.sha256,
						&g, &mo, &src, ro->chaos, seed)
			: session_machine_chaos(&mo, &g, ro->chaos, seed);
	if (m && ro->restore && snapshot_opts_check(ro->restore, &ro->m, &mo)) {
		machine_free(m);
		m = NULL;
	}
	if (m) {
		res = session_run(m, &g, &mo, ro->limit);
		machine_free(m);
	}
	if (log_writer_close(w) < 0 || g.failed) {
		fprintf(stderr, "rewind record: writing %s failed%s%s\n", path,
			g.failed ? ": " : "", g.failed ? g.why : "");
		res.status = 1;
	}
	gate_free(&g);
	return res;
}

static uint64_t fresh_seed(void)
{
	uint64_t s;
	host_real.entropy(host_real.ctx, (uint8_t *)&s, sizeof(s));
	return s;
}

/* Re-run with fresh seeds until the guest fails; keep only that run. */
static int record_until_fail(const struct record_opts *ro)
{
	if (!ro->force && access(ro->out, F_OK) == 0) {
		fprintf(stderr,
			"rewind record: %s exists; use --force to replace it\n",
			ro->out);
		return 1;
	}
	char part[REC_PATH_MAX + 8];
	snprintf(part, sizeof(part), "%s.part", ro->out);
	for (int run = 1; run <= ro->until_fail; run++) {
		uint64_t seed = fresh_seed();
		fprintf(stderr, "rewind: run %d of %d, chaos seed %llu\n", run,
			ro->until_fail, (unsigned long long)seed);
		struct session_result res = record_once(ro, part, true, seed);
		if (res.guest_failed) {
			if (rename(part, ro->out)) {
				fprintf(stderr, "rewind record: %s: %s\n",
					ro->out, strerror(errno));
				return 1;
			}
			fprintf(stderr,
				"rewind: run %d failed with chaos seed %llu; "
				"the recording is %s\n"
				"rewind: replay it with: rewind replay %s\n",
				run, (unsigned long long)seed, ro->out,
				ro->out);
			postmortem_report(ro->out);
			return res.status ? res.status : 1;
		}
		unlink(part);
	}
	fprintf(stderr, "rewind: no failure in %d runs\n", ro->until_fail);
	return 0;
}

int cmd_record(int argc, char **argv)
{
	struct record_opts ro = {.limit = UINT64_MAX};
	opts_machine_defaults(&ro.m);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		uint64_t v;
		if (!strcmp(a, "-o") && i + 1 < argc) {
			ro.out = argv[++i];
		} else if (!strcmp(a, "--force")) {
			ro.force = true;
		} else if (!strcmp(a, "--restore") && i + 1 < argc) {
			ro.restore = argv[++i];
		} else if (!strcmp(a, "--pack")) {
			ro.pack = true;
		} else if (!strcmp(a, "--chaos")) {
			ro.chaos = true;
		} else if (!strncmp(a, "--chaos=", 8)) {
			ro.chaos = ro.seed_given = true;
			if (opts_parse_u64(a + 8, &ro.seed)) {
				fprintf(stderr, "rewind record: bad seed\n");
				return 1;
			}
		} else if (!strcmp(a, "--until-fail")) {
			ro.until_fail = 100;
		} else if (!strncmp(a, "--until-fail=", 13)) {
			if (opts_parse_u64(a + 13, &v) || v < 1 ||
			    v > 1000000) {
				fprintf(stderr, "rewind record: bad "
						"--until-fail count\n");
				return 1;
			}
			ro.until_fail = (int)v;
		} else if (!strcmp(a, "--limit") && i + 1 < argc) {
			if (opts_parse_u64(argv[++i], &ro.limit)) {
				fprintf(stderr, "rewind record: bad --limit\n");
				return 1;
			}
		} else {
			int r = opts_parse_machine(&ro.m, argc, argv, &i);
			if (r < 0)
				return 1;
			if (r == 0) {
				fprintf(stderr,
					"rewind record: unknown option '%s'\n",
					a);
				return 1;
			}
		}
	}
	if (!ro.out) {
		fprintf(stderr, "rewind record: -o REC is required\n");
		return 1;
	}
	if (ro.restore && ro.pack) {
		fprintf(stderr, "rewind record: --pack cannot carry the "
				"snapshot of --restore\n");
		return 1;
	}
	for (int i = 0; i < ro.m.ndisks; i++) {
		if (ro.m.disks[i].mode == DISK_PERSIST) {
			fprintf(stderr,
				"rewind record: a recording needs disks that "
				"stay as they are: use the default overlay or "
				",ro, not ,persist (%s)\n",
				ro.m.disks[i].path);
			return 1;
		}
	}
	if (ro.until_fail) {
		if (ro.seed_given) {
			fprintf(stderr, "rewind record: --until-fail draws "
					"its own seeds\n");
			return 1;
		}
		ro.chaos = true;
		return record_until_fail(&ro);
	}
	if (ro.chaos && !ro.seed_given)
		ro.seed = fresh_seed();
	if (ro.chaos)
		fprintf(stderr, "rewind: chaos seed %llu\n",
			(unsigned long long)ro.seed);
	/* Only a recording this run wrote gets a post-mortem. */
	bool fresh = ro.force || access(ro.out, F_OK) != 0;
	struct session_result res = record_once(&ro, ro.out, ro.force, ro.seed);
	if (fresh && (res.status || res.guest_failed))
		postmortem_report(ro.out);
	return res.status;
}
