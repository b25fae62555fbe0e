/* rewind query: who wrote memory in a recording (docs/query.md). The
 * work is history/query.c's, shared with the debugger's monitor. */
#include "../history/query.h"
#include "../core/dev/uart.h"
#include "../history/symbols.h"
#include "../replay/exit_status.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct query_opts {
	const char *path, *symbols, *what;
	uint64_t at, addr, len, limit;
	int hart;
	bool phys, has_addr, has_len;
};

const char cmd_query_help[] =
	"usage: rewind query REC [--at ICOUNT] [--hart H] [--phys] "
	"[--symbols ELF]\n"
	"                    (last-write ADDR [LEN] | writes ADDR [LEN] "
	"[--limit N])\n"
	"\n"
	"Who wrote memory in a recording. last-write prints the most recent "
	"write to\n"
	"any byte of [ADDR, ADDR+LEN) before ICOUNT; writes lists every write "
	"to them in\n"
	"the recording, oldest first. Each write by a hart is its `rewind "
	"trace` line\n"
	"(icount, hart, privilege, pc, symbol, disassembly), a device's DMA or "
	"a debugger's\n"
	"write is named as such; then the bytes it changed, old -> new.\n"
	"\n"
	"  --at ICOUNT     where to ask (default: the end of the recording)\n"
	"  --hart H        ADDR is virtual as hart H sees it at ICOUNT "
	"(default 0)\n"
	"  --phys          ADDR is a physical address\n"
	"  --symbols ELF   name pcs by the symbols of ELF\n"
	"  --limit N       writes: list at most N (default 100)\n"
	"  LEN             bytes from ADDR, 1 to 4096 (default 1)\n"
	"\n"
	"Exit status: 0 a write was found, 1 none, 125 an error (a bad "
	"address or\n"
	"length, ICOUNT beyond the end of the recording).\n"
	"\n"
	"Example:\n"
	"  rewind query race.rec --at 120000 --symbols race.elf last-write "
	"0x80001000 8\n";

static int query_number(const char *opt, const char *val, uint64_t *out)
{
	if (!opts_parse_u64(val, out))
		return 0;
	fprintf(stderr, "rewind query: bad %s '%s'\n", opt, val);
	return -1;
}

static int query_parse(int argc, char **argv, struct query_opts *o)
{
	*o = (struct query_opts){
		.at = UINT64_MAX, .len = 1, .limit = QUERY_LIMIT};
	uint64_t v;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_arg = i + 1 < argc;
		if (!strcmp(a, "--at") && has_arg) {
			if (query_number(a, argv[++i], &o->at))
				return -1;
		} else if (!strcmp(a, "--hart") && has_arg) {
			if (query_number(a, argv[++i], &v))
				return -1;
			o->hart = v < MACHINE_MAX_HARTS ? (int)v : -1;
		} else if (!strcmp(a, "--limit") && has_arg) {
			if (query_number(a, argv[++i], &o->limit))
				return -1;
		} else if (!strcmp(a, "--symbols") && has_arg) {
			o->symbols = argv[++i];
		} else if (!strcmp(a, "--phys")) {
			o->phys = true;
		} else if (a[0] == '-' && a[1] == '-') {
			fprintf(stderr, "rewind query: %s '%s'\n",
				has_arg ? "unknown option"
					: "missing value for",
				a);
			return -1;
		} else if (!o->path) {
			o->path = a;
		} else if (!o->what) {
			o->what = a;
		} else if (!o->has_addr) {
			if (query_number("address", a, &o->addr))
				return -1;
			o->has_addr = true;
		} else if (!o->has_len) {
			if (query_number("length", a, &o->len))
				return -1;
			o->has_len = true;
		} else {
			fprintf(stderr, "rewind query: unexpected '%s'\n", a);
			return -1;
		}
	}
	if (!o->path || !o->what || !o->has_addr ||
	    (strcmp(o->what, "last-write") && strcmp(o->what, "writes"))) {
		fprintf(stderr, "usage: rewind query REC [--at ICOUNT] "
				"(last-write | writes) ADDR [LEN]\n");
		return -1;
	}
	if (o->hart < 0) {
		fprintf(stderr, "rewind query: bad --hart\n");
		return -1;
	}
	if (o->limit == 0 || o->limit > QUERY_LIMIT_MAX) {
		fprintf(stderr, "rewind query: --limit: from 1 to %d\n",
			QUERY_LIMIT_MAX);
		return -1;
	}
	return 0;
}

/* Ask, print: 0 found, 1 none, REWIND_EXIT_ERROR. */
static int query_ask(struct history *h, const struct query_opts *o,
		     const struct symbols *syms)
{
	bool last = !strcmp(o->what, "last-write");
	if (query_goto(h, o->at)) {
		fprintf(stderr, "rewind query: --at: %s\n", h->err);
		return REWIND_EXIT_ERROR;
	}
	struct query q;
	int rc = query_init(&q, h, o->hart, o->addr, o->len, o->phys);
	q.syms = syms;
	if (rc == 0)
		rc = last ? query_last_write(&q)
			  : (query_writes(&q, (size_t)o->limit) < 0 ? -1 : 1);
	if (rc < 0) {
		fprintf(stderr, "rewind query: %s\n", q.err);
		query_free(&q);
		return REWIND_EXIT_ERROR;
	}
	size_t len = (q.n + 4) * 1536;
	char *out = calloc(1, len);
	if (!out) {
		fprintf(stderr, "rewind query: out of memory\n");
		query_free(&q);
		return REWIND_EXIT_ERROR;
	}
	query_format(&q, last, out, len);
	fputs(out, stdout);
	free(out);
	int status = q.n ? 0 : 1;
	query_free(&q);
	return status;
}

int cmd_query(int argc, char **argv)
{
	struct query_opts o;
	if (query_parse(argc, argv, &o))
		return REWIND_EXIT_ERROR;
	struct symbols *syms = NULL;
	if (o.symbols) {
		char err[1024];
		if (symbols_open(o.symbols, &syms, err, sizeof(err))) {
			fprintf(stderr, "rewind query: --symbols %s\n", err);
			return REWIND_EXIT_ERROR;
		}
	}
	struct history *h = history_open(o.path, HISTORY_BUDGET, 0);
	int status = REWIND_EXIT_ERROR;
	if (h) {
		/* The answer is the output: the guest's console is not. */
		uart_set_tx(h->m->uart, NULL, NULL);
		status = query_ask(h, &o, syms);
		history_close(h);
	}
	symbols_close(syms);
	return status;
}
