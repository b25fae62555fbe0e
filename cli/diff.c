/* rewind diff: the first difference between two recordings of one
 * machine (see docs/diff.md). */
#include "../history/diff.h"
#include "../history/symbols.h"
#include "../replay/exit_status.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

const char cmd_diff_help[] =
	"usage: rewind diff REC_A REC_B [--symbols ELF]\n"
	"\n"
	"Replay two recordings of the same machine side by side and print "
	"the first\n"
	"icount at which they differ: an input, a scheduling decision, a "
	"register,\n"
	"memory or a device. Then the instruction each retired there, every "
	"hart's\n"
	"pc, instruction and differing registers, the memory ranges that "
	"differ and\n"
	"the last input both had in common.\n"
	"\n"
	"  --symbols ELF   name addresses by the symbols of ELF\n"
	"\n"
	"Exit status: 0 identical, 1 they differ, 125 they cannot be "
	"compared\n"
	"(different machines, a bad file).\n"
	"\n"
	"Example:\n"
	"  rewind diff pass.rec fail.rec --symbols race.elf\n";

int cmd_diff(int argc, char **argv)
{
	const char *path[2] = {NULL, NULL}, *elf = NULL;
	int n = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--symbols") && i + 1 < argc) {
			elf = argv[++i];
		} else if (a[0] != '-' && n < 2) {
			path[n++] = a;
		} else {
			fprintf(stderr, "rewind diff: %s '%s'\n",
				!strcmp(a, "--symbols") ? "missing value for"
				: a[0] == '-'		? "unknown option"
							: "unexpected argument",
				a);
			return REWIND_EXIT_ERROR;
		}
	}
	if (n < 2) {
		fprintf(stderr,
			"usage: rewind diff REC_A REC_B [--symbols ELF]\n");
		return REWIND_EXIT_ERROR;
	}
	struct symbols *syms = NULL;
	if (elf) {
		char err[1024];
		if (symbols_open(elf, &syms, err, sizeof(err))) {
			fprintf(stderr, "rewind diff: --symbols %s\n", err);
			return REWIND_EXIT_ERROR;
		}
	}
	int status = diff_run(path[0], path[1], syms, stdout);
	symbols_close(syms);
	return status;
}
