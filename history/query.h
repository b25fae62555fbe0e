/* Who wrote guest memory: the stores to a range of physical memory, by
 * harts and by devices (DMA) or the debugger, found by replaying the
 * history with the bus's write watch on (core/bus.h). Shared by `monitor
 * last-write` / `monitor writes` and `rewind query`. */
#ifndef REWIND_HISTORY_QUERY_H
#define REWIND_HISTORY_QUERY_H

#include "history.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbols;

/* The longest range a query watches: a page, or a value across two. */
#define QUERY_LEN_MAX 4096
/* `writes` lists this many unless told otherwise, and at most this. */
#define QUERY_LIMIT	100
#define QUERY_LIMIT_MAX 100000
/* The bytes of a write shown: a window around the first that changed. */
#define QUERY_SHOW 32

/* One write to the watched range. */
struct query_write {
	/* The machine-wide icount of the storing instruction, as `rewind
	 * trace` numbers it; for a device, the icount it wrote at. */
	uint64_t icount;
	int hart;	  /* the storing hart, or -1 */
	const char *who;  /* a device's name, "debugger", "machine"; NULL:
			     the hart */
	uint64_t pa, len; /* what it wrote of the range */
	uint64_t differ;  /* how many of those bytes changed */
	uint64_t show_pa; /* where the window below starts */
	unsigned nshow;	  /* its length */
	uint8_t old[QUERY_SHOW], new[QUERY_SHOW];
	char line[1024]; /* a hart's: the trace line of the store */
};

struct query {
	struct history *h;
	const struct symbols *syms; /* names pcs, or NULL */
	uint64_t addr, len;	    /* as asked (virtual or physical) */
	uint64_t pa;		    /* the range in physical memory */
	bool phys;
	uint64_t at; /* where the query was asked */
	/* The writes found: last-write keeps the one, writes the oldest
	 * `limit`, more says that others follow. */
	struct query_write *w;
	size_t n, limit;
	bool more;
	char err[512];
};

/* Go to icount `at` of h, or to the end of the recording for UINT64_MAX,
 * where a query is asked. 0, or -1 with the reason in h->err (beyond the
 * end, a replay that failed). */
int query_goto(struct history *h, uint64_t at);

/* Prepare a query of [addr, addr + len) where the machine stands: as
 * hart `hart` sees it (virtual), or physical when phys. 0, or -1 with
 * the reason in q->err (a bad or unmapped range, not one memory region,
 * len 0 or above QUERY_LEN_MAX). */
int query_init(struct query *q, struct history *h, int hart, uint64_t addr,
	       uint64_t len, bool phys);
void query_free(struct query *q);

/* The most recent write before the machine's position: 1 found (q->w[0]),
 * 0 none since the beginning of history, -1 with q->err. The machine is
 * back where it was after. */
int query_last_write(struct query *q);
/* Every write to the range in the recording (or, in a live session, up
 * to how far it got), oldest first, at most limit: the count (q->more
 * when cut), or -1 with q->err. The machine is back where it was. */
long query_writes(struct query *q, size_t limit);

/* The text of the result, appended to out (bounded by outlen): a heading
 * then each write. last: as last-write words it. */
void query_format(const struct query *q, bool last, char *out, size_t outlen);

#endif
