/* rewind record: run a guest like `run`, logging every input; with
 * --until-fail, hunt for a failing chaos schedule. */
#include "../replay/record.h"
#include "../history/debug.h"
#include "../history/postmortem.h"
#include "../replay/exit_status.h"
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
		return REWIND_EXIT_ERROR;
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
				return REWIND_EXIT_ERROR;
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

const char cmd_record_help[] =
	"usage: rewind record -o REC [--force] [MACHINE | --restore SNAP]\n"
	"                     [--chaos[=SEED]] [--until-fail[=RUNS]] "
	"[--limit ICOUNT]\n"
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
	"  --until-fail[=RUNS] record with fresh chaos seeds until the guest "
	"fails\n"
	"                      (at most RUNS runs, default 100); keep that "
	"run\n"
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
	"--until-fail\n";

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
	const char *gdb = NULL;
	session_opts_defaults(&ro.m);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		uint64_t v;
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
	if (gdb && (ro.until_fail || ro.restore || ro.limit != UINT64_MAX)) {
		fprintf(stderr, "rewind record: --gdb records one run from "
				"boot: not with --until-fail, --restore or "
				"--limit\n");
		return REWIND_EXIT_ERROR;
	}
	if (ro.until_fail) {
		if (ro.seed_given) {
			fprintf(stderr, "rewind record: --until-fail draws "
					"its own seeds\n");
			return REWIND_EXIT_ERROR;
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
