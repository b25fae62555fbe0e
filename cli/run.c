/* rewind run: boot a machine and run it until the guest exits. */
#include "../history/debug.h"
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
		if (!strcmp(argv[i], "--restore") && i + 1 < argc) {
			restore = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--gdb") && i + 1 < argc) {
			gdb = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--checkpoint-mem") && i + 1 < argc) {
			if (opts_parse_size(argv[++i], &budget)) {
				fprintf(stderr,
					"rewind run: bad --checkpoint-mem\n");
				return 1;
			}
			continue;
		}
		if (opts_parse_rest("run", &o, argc, argv, &i))
			return 1;
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
