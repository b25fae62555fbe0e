/* rewind: the command-line front end. */
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "commands.h"
#include "options.h"
#include "version.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: rewind COMMAND [options]\n"
	      "\n"
	      "  run      [MACHINE | --restore SNAP] [--gdb [HOST:]PORT]\n"
	      "           [--checkpoint-mem SIZE] [--stats]\n"
	      "                                run a guest (Ctrl-A X quits, "
	      "Ctrl-A S saves a snapshot)\n"
	      "  record   -o REC [--force] [MACHINE | --restore SNAP]\n"
	      "           [--chaos[=SEED]] [--until-fail[=RUNS]] [--limit "
	      "ICOUNT] [--pack]\n"
	      "           [--hunt-seed=S] [--runs=A..B] [--jobs=N] [--gdb "
	      "[HOST:]PORT]\n"
	      "                                run a guest, recording every "
	      "input\n"
	      "  replay   REC [--verify] [--to ICOUNT] [--gdb [HOST:]PORT]\n"
	      "           [--checkpoint-mem SIZE]\n"
	      "                                reproduce a recording, or debug "
	      "it with gdb\n"
	      "  trace    REC [--from ICOUNT] [--count N] [--hart H] "
	      "[--symbols ELF]\n"
	      "                                print the instructions a replay "
	      "retires\n"
	      "  diff     REC_A REC_B [--symbols ELF]\n"
	      "                                the first difference between "
	      "two recordings\n"
	      "  query    REC [--at ICOUNT] (last-write | writes) ADDR [LEN]\n"
	      "                                who wrote memory: a hart, a "
	      "device, the debugger\n"
	      "  shrink   REC -o REC_OUT [--force] [--symbols ELF]\n"
	      "                                the fewest schedule deviations "
	      "that still fail\n"
	      "  info     REC                  describe a recording\n"
	      "  pcap     REC -o FILE          write a recording's network "
	      "frames as pcap\n"
	      "  snapshot save -o SNAP [--force] [MACHINE | --parent SNAP | "
	      "--restore SNAP]\n"
	      "           (--at ICOUNT | --on-output STRING)\n"
	      "  snapshot info SNAP\n"
	      "\n"
	      "MACHINE: --bios FILE|none  --kernel FILE  --initrd FILE  "
	      "--append STR\n"
	      "         --disk FILE[,ro|,persist]  --mem SIZE  --smp N\n"
	      "         --net "
	      "user[,hostfwd=tcp:[HOST]:HPORT-:GPORT][,tftp=DIR]\n"
	      "\n"
	      "rewind help COMMAND (or rewind COMMAND --help) explains a "
	      "command's options;\n"
	      "rewind --version prints the version.\n"
	      "Exit status: 0 pass, the guest's code on a fail, 1 a guest "
	      "failure without a\n"
	      "code, 124 at --limit, 125 rewind's own error, 130/143 after "
	      "SIGINT/SIGTERM.\n"
	      "Documentation: README.md and docs/ (a page per command).\n",
	      f);
}

/* Each command by the word that selects it; machine: it takes the
 * MACHINE options, explained after its own. */
static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
	bool machine;
} commands[] = {
	{"run", cmd_run, cmd_run_help, true},
	{"record", cmd_record, cmd_record_help, true},
	{"replay", cmd_replay, cmd_replay_help, false},
	{"trace", cmd_trace, cmd_trace_help, false},
	{"diff", cmd_diff, cmd_diff_help, false},
	{"query", cmd_query, cmd_query_help, false},
	{"shrink", cmd_shrink, cmd_shrink_help, false},
	{"info", cmd_info, cmd_info_help, false},
	{"pcap", cmd_pcap, cmd_pcap_help, false},
	{"snapshot", cmd_snapshot, cmd_snapshot_help, true},
};

static const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

/* A command's help on stdout (asked for, so not an error). */
static int command_help(const struct command *c)
{
	fputs(c->help, stdout);
	if (c->machine)
		printf("\n%s", opts_machine_help);
	return REWIND_EXIT_PASS;
}

static int unknown_command(const char *name)
{
	fprintf(stderr, "rewind: unknown command '%s'\n", name);
	usage(stderr);
	return REWIND_EXIT_ERROR;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return REWIND_EXIT_ERROR;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version")) {
		printf("rewind %s\n", REWIND_VERSION);
		return REWIND_EXIT_PASS;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
	    !strcmp(cmd, "help")) {
		if (argc < 3) {
			usage(stdout);
			return REWIND_EXIT_PASS;
		}
		const struct command *c = command_find(argv[2]);
		return c ? command_help(c) : unknown_command(argv[2]);
	}
	const struct command *c = command_find(cmd);
	if (!c)
		return unknown_command(cmd);
	/* `rewind COMMAND --help` among the options (not as an option's
	 * value: a kernel command line may say anything). */
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i - 1], "--append") ||
		    !strcmp(argv[i - 1], "--on-output"))
			continue;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return command_help(c);
	}
	int status = c->run(argc - 1, argv + 1);
	/* Work cut short by SIGINT or SIGTERM before a run loop took over
	 * (hashing a big image) fails as an error would; the signal's
	 * status says why (shared/DESIGN.md: 130/143). */
	int sig = interrupt_pending();
	if (status == REWIND_EXIT_ERROR && sig)
		status = interrupt_status(sig);
	return status;
}
