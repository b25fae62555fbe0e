/* monitor last-write ADDR [LEN] and monitor writes ADDR [LEN] [--limit N]:
 * who wrote memory (history/query.c), as the selected hart sees it, or
 * physical in physical mode. */
#include "debug_impl.h"
#include "query.h"
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

/* A number of the command line: 0 with *v, -1 when there is none. */
static int debug_query_number(const char **p, uint64_t *v)
{
	while (**p == ' ')
		(*p)++;
	if (**p < '0' || **p > '9')
		return -1;
	char *end;
	*v = strtoull(*p, &end, 0);
	if (*end && *end != ' ')
		return -1;
	*p = end;
	return 0;
}

/* The options after ADDR [LEN]: --limit N (writes only) and --symbols
 * ELF, which names pcs for this answer. 0, or -1 when one is bad. */
static int debug_query_options(const char *p, bool last, uint64_t *limit,
			       char *elf, size_t elflen)
{
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return 0;
		if (!last && !strncmp(p, "--limit ", 8)) {
			p += 7;
			if (debug_query_number(&p, limit))
				return -1;
		} else if (!strncmp(p, "--symbols ", 10)) {
			p += 10;
			while (*p == ' ')
				p++;
			size_t n = strcspn(p, " ");
			if (n == 0 || n >= elflen)
				return -1;
			memcpy(elf, p, n);
			elf[n] = 0;
			p += n;
		} else {
			return -1;
		}
	}
}

int debug_monitor_query(struct debugger *d, const char *cmd, char *out,
			size_t outlen)
{
	bool last = !strncmp(cmd, "last-write", 10);
	const char *p = cmd + (last ? 10 : 6);
	const char *usage = last ? "usage: monitor last-write ADDR [LEN] "
				   "[--symbols ELF]\n"
				 : "usage: monitor writes ADDR [LEN] "
				   "[--limit N] [--symbols ELF]\n";
	uint64_t addr, len = 1, limit = QUERY_LIMIT;
	char elf[4096] = "";
	if (debug_query_number(&p, &addr)) {
		debug_say(out, outlen, "%s", usage);
		return -1;
	}
	while (*p == ' ')
		p++;
	if (*p >= '0' && *p <= '9' && debug_query_number(&p, &len)) {
		debug_say(out, outlen, "%s", usage);
		return -1;
	}
	if (debug_query_options(p, last, &limit, elf, sizeof(elf))) {
		debug_say(out, outlen, "%s", usage);
		return -1;
	}
	if (limit == 0 || limit > QUERY_LIMIT_MAX) {
		debug_say(out, outlen, "--limit: from 1 to %d\n",
			  QUERY_LIMIT_MAX);
		return -1;
	}
	struct symbols *syms = NULL;
	char err[1024];
	if (*elf && symbols_open(elf, &syms, err, sizeof(err))) {
		debug_say(out, outlen, "--symbols %s\n", err);
		return -1;
	}
	struct query q;
	struct hart *h = debug_hart(d, -1);
	int rc = query_init(&q, d->h, (int)h->hartid, addr, len, d->phys);
	q.syms = syms;
	if (rc == 0)
		rc = last ? query_last_write(&q)
			  : (int)(query_writes(&q, (size_t)limit) < 0 ? -1 : 0);
	if (rc < 0)
		debug_say(out, outlen, "%s\n", q.err);
	else
		query_format(&q, last, out, outlen);
	query_free(&q);
	symbols_close(syms);
	return rc < 0 ? -1 : 0;
}
