/* rewind shrink: the fewest departures from the default schedule that
 * still fail the same way, and what they are. */
#include "../history/shrink.h"
#include "../history/disasm.h"
#include "../history/symbols.h"
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

const char cmd_shrink_help[] =
	"usage: rewind shrink REC -o REC_OUT [--force] [--symbols ELF]\n"
	"\n"
	"Search a failing chaos recording for the fewest departures from "
	"the default\n"
	"schedule (cut quanta, held-back interrupts, slower devices) that "
	"still fail the\n"
	"same way (same exit kind and code), write them as a new recording "
	"and print\n"
	"them. Each try runs the machine again with the recording's inputs; "
	"REC_OUT\n"
	"replays with --verify and fails with the same code.\n"
	"\n"
	"  -o REC_OUT      the shrunk recording\n"
	"  --force         replace REC_OUT if it exists\n"
	"  --symbols ELF   name the places where harts were preempted\n"
	"\n"
	"Example:\n"
	"  rewind shrink race.rec -o race-small.rec --symbols race.elf\n";

static const char *const kind_names[] = {
	[CHAOS_QUANTUM] = "quantum",
	[CHAOS_IRQ_DELAY] = "interrupt delay",
	[CHAOS_LATENCY] = "device latency",
	[CHAOS_IO_ERROR] = "I/O error",
};

/* One kept departure, as a line. */
static void shrink_print(const struct shrink_decision *k,
			 const struct symbols *syms)
{
	const struct chaos_decision *d = &k->d;
	if (d->kind == CHAOS_QUANTUM && k->preempted) {
		printf("  hart %u preempted at icount %llu", d->who,
		       (unsigned long long)k->at);
		const char *name;
		uint64_t off;
		char text[128] = "";
		if (k->insn_len)
			disasm_one(k->pc, k->insn, k->insn_len, text,
				   sizeof(text));
		if (syms && !symbols_lookup(syms, k->pc, &name, &off))
			printf(" (%s+0x%llx", name, (unsigned long long)off);
		else
			printf(" (pc 0x%llx", (unsigned long long)k->pc);
		printf("%s%s%s)", text[0] ? ", after `" : "", text,
		       text[0] ? "`" : "");
		printf(" [draw %llu: a turn of %llu instructions]\n",
		       (unsigned long long)d->ordinal,
		       (unsigned long long)d->value + 1);
		return;
	}
	if (d->kind == CHAOS_QUANTUM) {
		printf("  hart %u's turn from icount %llu is %llu instructions "
		       "[draw %llu]\n",
		       d->who, (unsigned long long)d->icount,
		       (unsigned long long)d->value + 1,
		       (unsigned long long)d->ordinal);
		return;
	}
	if (d->kind == CHAOS_IO_ERROR) {
		printf("  I/O error on virtio slot %u at icount %llu [draw "
		       "%llu]\n",
		       d->who, (unsigned long long)d->icount,
		       (unsigned long long)d->ordinal);
		return;
	}
	printf("  %s of %llu instructions on %s %u at icount %llu [draw "
	       "%llu]\n",
	       kind_names[d->kind], (unsigned long long)d->value,
	       d->kind == CHAOS_IRQ_DELAY ? "interrupt line" : "virtio slot",
	       d->who, (unsigned long long)d->icount,
	       (unsigned long long)d->ordinal);
}

int cmd_shrink(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *elf = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_arg = i + 1 < argc;
		if (!strcmp(a, "-o") && has_arg) {
			out = argv[++i];
		} else if (!strcmp(a, "--symbols") && has_arg) {
			elf = argv[++i];
		} else if (!strcmp(a, "--force")) {
			force = true;
		} else if (a[0] != '-' && !in) {
			in = a;
		} else {
			bool valued =
				!strcmp(a, "-o") || !strcmp(a, "--symbols");
			fprintf(stderr, "rewind shrink: %s '%s'\n",
				valued ? "missing value for" : "unknown option",
				a);
			return REWIND_EXIT_ERROR;
		}
	}
	if (!in || !out) {
		fprintf(stderr, "usage: rewind shrink REC -o REC_OUT [--force] "
				"[--symbols ELF]\n");
		return REWIND_EXIT_ERROR;
	}
	struct symbols *syms = NULL;
	char err[1024];
	if (elf && symbols_open(elf, &syms, err, sizeof(err))) {
		fprintf(stderr, "rewind shrink: --symbols %s\n", err);
		return REWIND_EXIT_ERROR;
	}
	interrupt_catch();
	struct shrink_report rep;
	int status = shrink_run(in, out, force, &rep);
	interrupt_release();
	if (status == 0) {
		fprintf(stderr,
			"rewind shrink: %zu of %zu schedule deviations "
			"remain after %u tries; %s fails the same way (exit "
			"code %d)\n",
			rep.after, rep.before, rep.tries, out, rep.exit_code);
		printf("schedule-deviations=%zu (was %zu)\n", rep.after,
		       rep.before);
		for (size_t i = 0; i < rep.after; i++)
			shrink_print(&rep.kept[i], syms);
		shrink_report_free(&rep);
	}
	symbols_close(syms);
	return status;
}
