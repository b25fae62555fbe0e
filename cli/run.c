/* rewind run: boot a machine and run it until the guest exits. */
#include "../history/debug.h"
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

static void print_stats(const struct session_stats *st)
{
	fprintf(stderr,
		"rewind: stats: icount %llu retired %llu seconds %.3f "
		"MIPS %.1f\n",
		(unsigned long long)st->icount, (unsigned long long)st->retired,
		st->seconds,
		st->seconds > 0 ? (double)st->retired / st->seconds / 1e6
				: 0.0);
}

const char cmd_run_help[] =
	"usage: rewind run [MACHINE | --restore SNAP] [--gdb [HOST:]PORT]\n"
	"                  [--checkpoint-mem SIZE] [--stats]\n"
	"\n"
	"Run a guest with its console on stdin/stdout (Ctrl-A X quits, Ctrl-A "
	"S saves\n"
	"a snapshot). The exit status is the guest's.\n"
	"\n"
	"  --restore SNAP        start from a snapshot instead of booting\n"
	"  --gdb [HOST:]PORT     serve gdb on PORT (127.0.0.1 unless HOST), "
	"stopped\n"
	"                        before the first instruction\n"
	"  --checkpoint-mem SIZE memory for going backwards under gdb, e.g. "
	"256M\n"
	"  --stats               print instructions and MIPS at the end\n"
	"\n"
	"Example:\n"
	"  rewind run --kernel Image --initrd rootfs.cpio --append "
	"console=ttyS0\n";

int cmd_run(int argc, char **argv)
{
	struct machine_opts o;
	bool stats = false;
	const char *restore = NULL, *gdb = NULL;
	uint64_t budget = HISTORY_BUDGET;
	session_opts_defaults(&o);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stats")) {
			stats = true;
			continue;
		}
		if (!strcmp(argv[i], "--restore")) {
			restore = opts_value("run", argc, argv, &i, "SNAP");
			if (!restore)
				return REWIND_EXIT_ERROR;
			continue;
		}
		if (!strcmp(argv[i], "--gdb")) {
			gdb = opts_value("run", argc, argv, &i, OPTS_GDB_FORM);
			if (!gdb)
				return REWIND_EXIT_ERROR;
			continue;
		}
		if (!strcmp(argv[i], "--checkpoint-mem")) {
			const char *v = opts_value("run", argc, argv, &i,
						   "a SIZE, e.g. 256M");
			if (!v)
				return REWIND_EXIT_ERROR;
			if (opts_parse_size(v, &budget)) {
				fprintf(stderr,
					"rewind run: bad --checkpoint-mem\n");
				return REWIND_EXIT_ERROR;
			}
			continue;
		}
		if (opts_parse_rest("run", &o, argc, argv, &i))
			return REWIND_EXIT_ERROR;
	}
	struct session_stats st = {.seconds = -1};
	interrupt_catch();
	int status = gdb ? debug_live(&o, restore, gdb, budget)
			 : session_live(&o, restore, stats, &st);
	interrupt_release();
	if (stats && st.seconds >= 0)
		print_stats(&st);
	return status;
}
