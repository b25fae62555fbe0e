/* rewind: the command-line front end. */
#include "commands.h"

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
	      "Documentation: README.md and docs/ (a page per command).\n",
	      f);
}

/* Each command by the word that selects it. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"run", cmd_run},	    {"record", cmd_record},
	{"replay", cmd_replay},	    {"trace", cmd_trace},
	{"info", cmd_info},	    {"pcap", cmd_pcap},
	{"snapshot", cmd_snapshot},
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	const char *cmd = argv[1];
	/* `rewind COMMAND --help` among the options (not as an option's
	 * value: a kernel command line may say anything). */
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i - 1], "--append"))
			continue;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "rewind: unknown command '%s'\n", cmd);
	usage(stderr);
	return 1;
}
