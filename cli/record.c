/* rewind record: run a guest like `run`, logging every input; with
 * --until-fail or --runs, hunt for a failing chaos schedule
 * (replay/hunt.c). */
#include "../replay/record.h"
#include "../history/debug.h"
#include "../history/postmortem.h"
#include "../replay/exit_status.h"
#include "../replay/hunt.h"
#include "../replay/interrupt.h"
#include "commands.h"
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The hunt: runs of fresh chaos seeds until one fails; keep that one. */
static int record_hunt(const struct record_opts *ro, struct hunt_opts *h)
{
	if (!ro->force && access(ro->out, F_OK) == 0) {
		fprintf(stderr,
			"rewind record: %s exists; use --force to replace it\n",
			ro->out);
		return REWIND_EXIT_ERROR;
	}
	if (!h->jobs)
		h->jobs = hunt_default_jobs();
	struct hunt_result res = hunt_run(ro, h);
	if (res.failed)
		postmortem_report(ro->out);
	return res.status;
}

/* --NAME=V or --NAME V: the value, or NULL (when a is not --NAME, or
 * after saying the value is missing: *missing set). */
static const char *record_opt(const char *name, int argc, char **argv, int *i,
			      const char *form, bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	const char *v = opts_value("record", argc, argv, i, form);
	*missing = !v;
	return v;
}

/* --runs=A..B: 1 <= A <= B <= HUNT_RUN_MAX. 0, or -1 after saying why. */
static int record_parse_runs(const char *v, struct hunt_opts *h)
{
	char first[32];
	const char *dots = strstr(v, "..");
	if (dots && (size_t)(dots - v) < sizeof(first)) {
		memcpy(first, v, (size_t)(dots - v));
		first[dots - v] = '\0';
		if (!opts_parse_u64(first, &h->first) &&
		    !opts_parse_u64(dots + 2, &h->last) && h->first >= 1 &&
		    h->first <= h->last && h->last <= HUNT_RUN_MAX)
			return 0;
	}
	fprintf(stderr,
		"rewind record: bad --runs '%s': give A..B, run numbers with "
		"1 <= A <= B <= %llu, e.g. --runs=1..100\n",
		v, HUNT_RUN_MAX);
	return -1;
}

/* The hunt options; 1 when a was one of them (0: not one), -1 after an
 * error was said. */
static int record_parse_hunt(int argc, char **argv, int *i, struct hunt_opts *h,
			     bool *runs_given, bool *seed_given)
{
	bool missing = false;
	const char *v;
	uint64_t n;
	if ((v = record_opt("--runs", argc, argv, i, "A..B", &missing))) {
		if (record_parse_runs(v, h))
			return -1;
		*runs_given = true;
		return 1;
	}
	if (!missing &&
	    (v = record_opt("--jobs", argc, argv, i, "N", &missing))) {
		if (opts_parse_u64(v, &n) || n < 1 || n > HUNT_JOBS_MAX) {
			fprintf(stderr,
				"rewind record: bad --jobs '%s': give the "
				"number of tries at once, 1 to %d\n",
				v, HUNT_JOBS_MAX);
			return -1;
		}
		h->jobs = (int)n;
		return 1;
	}
	if (!missing &&
	    (v = record_opt("--hunt-seed", argc, argv, i, "S", &missing))) {
		if (opts_parse_u64(v, &h->seed)) {
			fprintf(stderr,
				"rewind record: bad --hunt-seed '%s': give a "
				"number from 0 to 2^64-1\n",
				v);
			return -1;
		}
		*seed_given = true;
		return 1;
	}
	return missing ? -1 : 0;
}

const char cmd_record_help[] =
	"usage: rewind record -o REC [--force] [MACHINE | --restore SNAP]\n"
	"                     [--chaos[=SEED]] [--until-fail[=RUNS]] "
	"[--limit ICOUNT]\n"
	"                     [--hunt-seed=S] [--runs=A..B] [--jobs=N]\n"
	"                     [--pack] [--gdb [HOST:]PORT]\n"
	"\n"
	"Run a guest like `run`, logging every input into REC so that "
	"`rewind replay REC`\n"
	"reproduces the run exactly. The exit status is the guest's.\n"
	"\n"
	"  -o REC              the recording to write\n"
	"  --force             replace REC if it exists\n"
	"  --restore SNAP      start from a snapshot instead of booting\n"
	"  --chaos[=SEED]      perturb the harts' schedule (a fresh seed "
	"unless given)\n"
	"  --chaos=faults[,SEED]  chaos that also injects faults: disk I/O "
	"errors,\n"
	"                      console input held back and sent in bursts\n"
	"  --until-fail[=RUNS] hunt: record runs 1..RUNS (default 100), "
	"each with its own\n"
	"                      chaos seed, and keep the lowest-numbered run "
	"that fails\n"
	"  --hunt-seed=S       the hunt's seed (default: drawn from the host "
	"and printed);\n"
	"                      run i's chaos seed is a function of S and i, so "
	"a hunt\n"
	"                      finds the same failing run every time\n"
	"  --runs=A..B         hunt only runs A..B: one shard of a hunt "
	"(docs/hunt.md)\n"
	"  --jobs=N            runs recorded at once (default: the online "
	"cores)\n"
	"  --limit ICOUNT      stop at this instruction count (exit 124)\n"
	"  --pack              carry the firmware, kernel and initrd inside "
	"REC\n"
	"  --gdb [HOST:]PORT   debug the run with gdb as it records (writes "
	"from gdb are\n"
	"                      recorded too); REC is kept\n"
	"\n"
	"Example:\n"
	"  rewind record -o boot.rec --kernel Image --initrd rootfs.cpio\n"
	"  rewind record -o race.rec --bios none --kernel race.elf --smp 2 "
	"--until-fail\n"
	"  rewind record -o race.rec --bios none --kernel race.elf --smp 2 "
	"--hunt-seed=7 --runs=1..500\n";

/* A word that is no option: most likely the recording, named without
 * -o. Say how to name it. */
static int record_stray(const char *a)
{
	fprintf(stderr,
		"rewind record: '%s' is not an option; the recording is named "
		"with -o: rewind record -o %s ...\n",
		a, a);
	return REWIND_EXIT_ERROR;
}

int cmd_record(int argc, char **argv)
{
	struct record_opts ro = {.limit = UINT64_MAX};
	struct hunt_opts h = {.first = 1};
	bool runs_given = false, hunt_seed_given = false, count_given = false;
	const char *gdb = NULL;
	session_opts_defaults(&ro.m);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		uint64_t v;
		int hunt_opt = record_parse_hunt(argc, argv, &i, &h,
						 &runs_given, &hunt_seed_given);
		if (hunt_opt < 0)
			return REWIND_EXIT_ERROR;
		if (hunt_opt)
			continue;
		if (!strcmp(a, "-o")) {
			ro.out = opts_value("record", argc, argv, &i, "REC");
			if (!ro.out)
				return REWIND_EXIT_ERROR;
		} else if (!strcmp(a, "--force")) {
			ro.force = true;
		} else if (!strcmp(a, "--restore")) {
			ro.restore =
				opts_value("record", argc, argv, &i, "SNAP");
			if (!ro.restore)
				return REWIND_EXIT_ERROR;
		} else if (!strcmp(a, "--gdb")) {
			gdb = opts_value("record", argc, argv, &i,
					 "[HOST:]PORT");
			if (!gdb)
				return REWIND_EXIT_ERROR;
		} else if (a[0] != '-') {
			return record_stray(a);
		} else if (!strcmp(a, "--pack")) {
			ro.pack = true;
		} else if (!strcmp(a, "--chaos")) {
			ro.chaos = true;
		} else if (!strncmp(a, "--chaos=faults", 14) &&
			   (a[14] == '\0' || a[14] == ',')) {
			ro.chaos = ro.faults = true;
			ro.seed_given = a[14] == ',';
			if (ro.seed_given && opts_parse_u64(a + 15, &ro.seed)) {
				fprintf(stderr, "rewind record: bad seed\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (!strncmp(a, "--chaos=", 8)) {
			ro.chaos = ro.seed_given = true;
			if (opts_parse_u64(a + 8, &ro.seed)) {
				fprintf(stderr, "rewind record: bad seed\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (!strcmp(a, "--until-fail")) {
			ro.until_fail = 100;
		} else if (!strncmp(a, "--until-fail=", 13)) {
			if (opts_parse_u64(a + 13, &v) || v < 1 ||
			    v > 1000000) {
				fprintf(stderr, "rewind record: bad "
						"--until-fail count\n");
				return REWIND_EXIT_ERROR;
			}
			ro.until_fail = (int)v;
			count_given = true;
		} else if (!strcmp(a, "--limit")) {
			const char *lim =
				opts_value("record", argc, argv, &i, "ICOUNT");
			if (!lim)
				return REWIND_EXIT_ERROR;
			if (opts_parse_u64(lim, &ro.limit)) {
				fprintf(stderr, "rewind record: bad --limit\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (opts_parse_rest("record", &ro.m, argc, argv, &i)) {
			return REWIND_EXIT_ERROR;
		}
	}
	if (!ro.out) {
		fprintf(stderr, "rewind record: name the recording with -o "
				"REC, e.g. rewind record -o boot.rec ...\n");
		return REWIND_EXIT_ERROR;
	}
	if (ro.restore && ro.pack) {
		fprintf(stderr, "rewind record: --pack cannot carry the "
				"snapshot of --restore\n");
		return REWIND_EXIT_ERROR;
	}
	for (int i = 0; i < ro.m.ndisks; i++) {
		if (ro.m.disks[i].mode == DISK_PERSIST) {
			fprintf(stderr,
				"rewind record: a recording needs disks that "
				"stay as they are: use the default overlay or "
				",ro, not ,persist (%s)\n",
				ro.m.disks[i].path);
			return REWIND_EXIT_ERROR;
		}
	}
	if (runs_given && count_given) {
		fprintf(stderr, "rewind record: --runs=A..B names the runs "
				"to try: not with --until-fail=MAX_RUNS\n");
		return REWIND_EXIT_ERROR;
	}
	if (runs_given && !ro.until_fail)
		ro.until_fail = 1; /* --runs alone is a hunt */
	if (gdb && ro.until_fail) {
		fprintf(stderr, "rewind record: --gdb records one run: not "
				"with --until-fail, --runs (a hunt records "
				"many)\n");
		return REWIND_EXIT_ERROR;
	}
	if (!ro.until_fail && (hunt_seed_given || h.jobs)) {
		fprintf(stderr, "rewind record: --hunt-seed and --jobs are "
				"for a hunt: add --until-fail or --runs\n");
		return REWIND_EXIT_ERROR;
	}
	if (ro.until_fail) {
		if (ro.seed_given) {
			fprintf(stderr,
				"rewind record: a hunt draws each "
				"run's chaos seed from its hunt seed: "
				"use --hunt-seed=S, not --chaos=SEED\n");
			return REWIND_EXIT_ERROR;
		}
		if (!runs_given)
			h.last = (uint64_t)ro.until_fail;
		if (!hunt_seed_given) {
			h.seed = record_fresh_seed();
			h.seed_drawn = true;
		}
		ro.chaos = true;
		interrupt_catch();
		int status = record_hunt(&ro, &h);
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
