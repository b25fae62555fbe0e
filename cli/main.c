/* rewind: the command-line front end. */
#include "commands.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: rewind COMMAND [options]\n"
	      "\n"
	      "commands:\n"
	      "  run      [MACHINE]                 run a guest\n"
	      "  record   -o REC [--force] [MACHINE] run a guest, recording "
	      "it\n"
	      "  replay   REC [--verify] [--to ICOUNT] reproduce a recording\n"
	      "  trace    REC [--from ICOUNT] [--count N] [--hart H] "
	      "[--symbols ELF]\n"
	      "                                     print the instructions "
	      "a replay retires\n"
	      "  info     REC                       describe a recording\n"
	      "  snapshot save -o SNAP [MACHINE] (--at ICOUNT | --on-output "
	      "S)\n"
	      "  snapshot info SNAP\n"
	      "\n"
	      "MACHINE: --bios FILE|none  --kernel FILE  --initrd FILE\n"
	      "         --append STR  --mem SIZE  --smp N\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "record"))
		return cmd_record(argc - 1, argv + 1);
	if (!strcmp(cmd, "replay"))
		return cmd_replay(argc - 1, argv + 1);
	if (!strcmp(cmd, "trace"))
		return cmd_trace(argc - 1, argv + 1);
	if (!strcmp(cmd, "info"))
		return cmd_info(argc - 1, argv + 1);
	if (!strcmp(cmd, "snapshot"))
		return cmd_snapshot(argc - 1, argv + 1);
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "rewind: unknown command '%s'\n", cmd);
	usage(stderr);
	return 1;
}
