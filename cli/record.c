/* rewind record: run a guest like `run`, logging every input; with
 * --until-fail, hunt for a failing chaos schedule. */
#include "../replay/record.h"
#include "../history/debug.h"
#include "../history/postmortem.h"
#include "../replay/interrupt.h"
#include "commands.h"
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		uint64_t seed = record_fresh_seed();
		fprintf(stderr, "rewind: run %d of %d, chaos seed %llu\n", run,
			ro->until_fail, (unsigned long long)seed);
		struct session_result res = record_run(ro, part, true, seed);
		/* A stopped hunt keeps the run it stopped: that recording was
		 * closed cleanly and replays. */
		if (interrupt_pending()) {
			if (rename(part, ro->out)) {
				fprintf(stderr, "rewind record: %s: %s\n",
					ro->out, strerror(errno));
				return res.status;
			}
			fprintf(stderr,
				"rewind: the hunt was interrupted in run %d "
				"(chaos seed %llu); its recording is %s\n",
				run, (unsigned long long)seed, ro->out);
			return res.status;
		}
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
	const char *gdb = NULL;
	session_opts_defaults(&ro.m);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		uint64_t v;
		if (!strcmp(a, "-o") && i + 1 < argc) {
			ro.out = argv[++i];
		} else if (!strcmp(a, "--force")) {
			ro.force = true;
		} else if (!strcmp(a, "--restore") && i + 1 < argc) {
			ro.restore = argv[++i];
		} else if (!strcmp(a, "--gdb") && i + 1 < argc) {
			gdb = argv[++i];
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
		} else if (opts_parse_rest("record", &ro.m, argc, argv, &i)) {
			return 1;
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
	if (gdb && (ro.until_fail || ro.restore || ro.limit != UINT64_MAX)) {
		fprintf(stderr, "rewind record: --gdb records one run from "
				"boot: not with --until-fail, --restore or "
				"--limit\n");
		return 1;
	}
	if (ro.until_fail) {
		if (ro.seed_given) {
			fprintf(stderr, "rewind record: --until-fail draws "
					"its own seeds\n");
			return 1;
		}
		ro.chaos = true;
		interrupt_catch();
		int status = record_until_fail(&ro);
		interrupt_release();
		return status;
	}
	if (ro.chaos && !ro.seed_given)
		ro.seed = record_fresh_seed();
	if (ro.chaos)
		fprintf(stderr, "rewind: chaos seed %llu\n",
			(unsigned long long)ro.seed);
	if (gdb) {
		interrupt_catch();
		int status = debug_record(&ro, ro.seed, gdb, HISTORY_BUDGET);
		interrupt_release();
		return status;
	}
	/* Only a recording this run wrote gets a post-mortem. */
	bool fresh = ro.force || access(ro.out, F_OK) != 0;
	interrupt_catch();
	struct session_result res = record_run(&ro, ro.out, ro.force, ro.seed);
	interrupt_release();
	if (fresh && !interrupt_pending() && (res.status || res.guest_failed))
		postmortem_report(ro.out);
	return res.status;
}
