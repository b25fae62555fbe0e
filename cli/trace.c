/* rewind trace: replay a recording and print every retired instruction
 * in a window (see docs/trace.md for the line format). */
#include "../core/dev/uart.h"
#include "../history/symbols.h"
#include "../history/tracer.h"
#include "../replay/exit_status.h"
#include "../replay/replay_session.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines printed when --count is not given: a screenful and a bit. */
#define TRACE_DEFAULT_COUNT 100

struct trace_opts {
	const char *path, *symbols;
	uint64_t from, count;
	int hart; /* -1: every hart */
};

const char cmd_trace_help[] =
	"usage: rewind trace REC [--from ICOUNT] [--count N] [--hart H] "
	"[--symbols ELF]\n"
	"\n"
	"Replay a recording and print each instruction retired in a window, "
	"one line\n"
	"each: icount, hart, privilege, pc, disassembly and the registers it "
	"wrote.\n"
	"\n"
	"  --from ICOUNT   start at this instruction count (default 0)\n"
	"  --count N       print N instructions (default 100)\n"
	"  --hart H        only hart H's instructions\n"
	"  --symbols ELF   name addresses by the symbols of ELF\n"
	"\n"
	"Example:\n"
	"  rewind trace race.rec --from 120000 --count 20 --symbols race.elf\n";

/* The number an option gives (at most max), or -1 after saying it is bad. */
static int trace_number(const char *opt, const char *val, uint64_t max,
			uint64_t *out)
{
	if (!opts_parse_u64(val, out) && *out <= max)
		return 0;
	fprintf(stderr, "rewind trace: bad %s '%s'\n", opt, val);
	return -1;
}

static int trace_parse(int argc, char **argv, struct trace_opts *t)
{
	*t = (struct trace_opts){.count = TRACE_DEFAULT_COUNT, .hart = -1};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_arg = i + 1 < argc;
		uint64_t v;
		if (!strcmp(a, "--from") && has_arg) {
			if (trace_number(a, argv[++i], UINT64_MAX, &t->from))
				return -1;
		} else if (!strcmp(a, "--count") && has_arg) {
			if (trace_number(a, argv[++i], UINT64_MAX, &t->count))
				return -1;
		} else if (!strcmp(a, "--hart") && has_arg) {
			if (trace_number(a, argv[++i], MACHINE_MAX_HARTS - 1,
					 &v))
				return -1;
			t->hart = (int)v;
		} else if (!strcmp(a, "--symbols") && has_arg) {
			t->symbols = argv[++i];
		} else if (a[0] != '-' && !t->path) {
			t->path = a;
		} else {
			bool valued =
				!strcmp(a, "--from") || !strcmp(a, "--count") ||
				!strcmp(a, "--hart") || !strcmp(a, "--symbols");
			fprintf(stderr, "rewind trace: %s '%s'\n",
				valued ? "missing value for" : "unknown option",
				a);
			return -1;
		}
	}
	if (!t->path) {
		fprintf(stderr, "usage: rewind trace REC [--from ICOUNT] "
				"[--count N] [--hart H] [--symbols ELF]\n");
		return -1;
	}
	return 0;
}

/* Print up to t->count instructions from t->from on. 0, or
 * REWIND_EXIT_ERROR after
 * printing why the replay could not get there. */
static int trace_run(struct replay_session *rs, const struct trace_opts *t,
		     const struct symbols *syms)
{
	if (t->hart >= rs->m->nharts) {
		fprintf(stderr,
			"rewind trace: --hart %d: the machine has %d harts\n",
			t->hart, rs->m->nharts);
		return REWIND_EXIT_ERROR;
	}
	enum replay_status st = replay_advance(rs->m, &rs->g, t->from, false);
	if (st == REPLAY_END) {
		fprintf(stderr,
			"rewind trace: --from %llu: the recording ends at "
			"icount %llu\n",
			(unsigned long long)t->from,
			(unsigned long long)rs->m->icount);
		return REWIND_EXIT_ERROR;
	}
	if (st != REPLAY_AT_TARGET) {
		replay_session_status(rs, st);
		return REWIND_EXIT_ERROR;
	}
	struct tracer_step s;
	char line[2048];
	for (uint64_t n = 0; n < t->count;) {
		int r = tracer_step(rs->m, &rs->g, &s, &st);
		if (r < 0 && st == REPLAY_END)
			return 0; /* a window past the end is cut short */
		if (r < 0) {
			replay_session_status(rs, st);
			return REWIND_EXIT_ERROR;
		}
		if (r == 0 || (t->hart >= 0 && s.hart != t->hart))
			continue;
		tracer_format(&s, syms, line, sizeof(line));
		puts(line);
		n++;
	}
	return 0;
}

int cmd_trace(int argc, char **argv)
{
	struct trace_opts t;
	if (trace_parse(argc, argv, &t))
		return REWIND_EXIT_ERROR;
	struct symbols *syms = NULL;
	if (t.symbols) {
		char err[1024];
		if (symbols_open(t.symbols, &syms, err, sizeof(err))) {
			fprintf(stderr, "rewind trace: --symbols %s\n", err);
			return REWIND_EXIT_ERROR;
		}
	}
	struct replay_session *rs = replay_session_new(t.path, false);
	int status = REWIND_EXIT_ERROR;
	if (rs) {
		/* The lines are the output: the guest's console is not. */
		uart_set_tx(rs->m->uart, NULL, NULL);
		status = trace_run(rs, &t, syms);
		replay_session_free(rs);
	}
	symbols_close(syms);
	return status;
}
