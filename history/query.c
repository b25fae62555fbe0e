/* Who wrote guest memory. The range is watched in physical memory, so a
 * store through any virtual alias, by any hart, and a device's DMA or a
 * debugger's write are all seen: the bus hears of every write to it
 * (core/bus.h) while the history replays, and the bytes the range held
 * before each one are kept here, so each write comes with its old and new
 * bytes. A hart's store is then described by the trace line of its
 * instruction, the same line `rewind trace` prints.
 *
 * Only the stretches between checkpoints that may have written the range
 * are replayed: each checkpoint knows the physical lines written since the
 * one before (snapshots/timeline.h), by harts, devices and the debugger
 * alike. REWIND_TUNE=no-skip replays every stretch. */
#include "query.h"
#include "../core/mmu.h"
#include "../core/util/progress.h"
#include "tracer.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A replay with the watch on: the range's bytes as last seen, and whether
 * only the latest write is kept. */
struct query_run {
	struct query *q;
	uint8_t shadow[QUERY_LEN_MAX];
	bool last;
};

static void query_fail(struct query *q, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void query_fail(struct query *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(q->err, sizeof(q->err), fmt, ap);
	va_end(ap);
}

/* False only when nothing wrote the range from icount lo to hi. */
static bool query_may_write(const struct query *q, uint64_t lo, uint64_t hi)
{
	const struct history *h = q->h;
	if (h->m->tune & TUNE_NO_SKIP)
		return true;
	const struct checkpoint *c = timeline_touched(h->tl, lo, hi);
	return !c || linelist_any(&c->touch_p, q->pa, q->pa + (q->len - 1));
}

int query_goto(struct history *h, uint64_t at)
{
	if (at != UINT64_MAX)
		return history_seek(h, at);
	while (!history_at_end(h)) {
		enum replay_status st = history_forward(h, UINT64_MAX);
		if (st != REPLAY_AT_TARGET && st != REPLAY_END) {
			snprintf(h->err, sizeof(h->err),
				 "replay failed at icount %" PRIu64 ": %.400s",
				 h->m->icount, h->g->why);
			return -1;
		}
	}
	return 0;
}

int query_init(struct query *q, struct history *h, int hart, uint64_t addr,
	       uint64_t len, bool phys)
{
	struct machine *m = h->m;
	*q = (struct query){.h = h, .addr = addr, .len = len, .phys = phys};
	if (len == 0 || len > QUERY_LEN_MAX) {
		query_fail(q, "length %" PRIu64 ": from 1 to %d bytes", len,
			   QUERY_LEN_MAX);
		return -1;
	}
	if (addr + (len - 1) < addr) {
		query_fail(q, "0x%" PRIx64 " + %" PRIu64 " wraps around", addr,
			   len);
		return -1;
	}
	if (hart < 0 || hart >= m->nharts) {
		query_fail(q, "no hart %d", hart);
		return -1;
	}
	uint64_t last = addr + (len - 1);
	uint64_t pa_last = last;
	q->pa = addr;
	if (!phys && (mmu_debug_translate(m->harts[hart], addr, &q->pa) ||
		      mmu_debug_translate(m->harts[hart], last, &pa_last))) {
		query_fail(q,
			   "0x%" PRIx64 " (%" PRIu64
			   " bytes): not mapped for hart %d at icount %" PRIu64,
			   addr, len, hart, m->icount);
		return -1;
	}
	if (pa_last - q->pa != len - 1) {
		query_fail(q,
			   "0x%" PRIx64 " (%" PRIu64
			   " bytes) spans pages apart in physical memory: "
			   "query each page on its own",
			   addr, len);
		return -1;
	}
	struct mem_region *r = bus_region(&m->bus, q->pa, len);
	if (!r || r->readonly) {
		query_fail(q,
			   "0x%" PRIx64 " (%" PRIu64
			   " bytes, physical 0x%" PRIx64 "): not %s",
			   addr, len, q->pa, r ? "writable memory" : "RAM");
		return -1;
	}
	return 0;
}

void query_free(struct query *q)
{
	free(q->w);
	q->w = NULL;
	q->n = 0;
}

/* The bus's write watch: one write that touched [pa, pa + len). */
static void query_heard(void *ctx, uint64_t pa, uint64_t len, const char *who)
{
	struct query_run *r = ctx;
	struct query *q = r->q;
	struct machine *m = q->h->m;
	const uint8_t *mem = bus_host_ptr(&m->bus, q->pa, q->len);
	uint64_t lo = pa > q->pa ? pa - q->pa : 0;
	uint64_t hi = pa + (len - 1) - q->pa;
	if (hi > q->len - 1)
		hi = q->len - 1;
	struct query_write w = {.icount = machine_now(m),
				.hart = -1,
				.who = who,
				.pa = q->pa + lo,
				.len = hi - lo + 1};
	if (!who && m->cur)
		w.hart = (int)m->cur->hartid;
	else if (!who)
		w.who = "machine";
	uint64_t first = UINT64_MAX;
	for (uint64_t o = lo; o <= hi; o++)
		if (r->shadow[o] != mem[o]) {
			w.differ++;
			if (first == UINT64_MAX)
				first = o;
		}
	/* A window from the first byte that changed (on a 16-byte line). */
	uint64_t start = first == UINT64_MAX ? lo : first & ~15ull;
	if (start < lo)
		start = lo;
	w.nshow = hi - start + 1 < QUERY_SHOW ? (unsigned)(hi - start + 1)
					      : QUERY_SHOW;
	w.show_pa = q->pa + start;
	memcpy(w.old, r->shadow + start, w.nshow);
	memcpy(w.new, mem + start, w.nshow);
	memcpy(r->shadow + lo, mem + lo, hi - lo + 1);
	if (r->last) {
		q->w[0] = w;
		q->n = 1;
	} else if (q->n < q->limit) {
		q->w[q->n++] = w;
	} else {
		q->more = true;
	}
}

/* Replay [from, to) with the watch on and breakpoints out of the way (to
 * may lie beyond the recording's end). 0, or -1 with q->err. */
static int query_replay(struct query *q, struct query_run *r, uint64_t from,
			uint64_t to, struct progress *p, uint64_t done)
{
	struct history *h = q->h;
	struct machine *m = h->m;
	if (history_seek(h, from)) {
		query_fail(q, "%s", h->err);
		return -1;
	}
	struct history_stops s;
	history_stops_off(m, &s);
	memcpy(r->shadow, bus_host_ptr(&m->bus, q->pa, q->len), q->len);
	machine_watch_writes(m, &(struct bus_watch){.fn = query_heard,
						    .ctx = r,
						    .lo = q->pa,
						    .hi = q->pa + q->len - 1});
	enum replay_status st = REPLAY_AT_TARGET;
	while (m->icount < to && !q->more && st == REPLAY_AT_TARGET) {
		uint64_t before = m->icount;
		st = history_forward_for(h, to, HISTORY_POLL_MS);
		progress_at(p, done + (m->icount - from));
		if (st == REPLAY_AT_TARGET && m->icount == before)
			break;
	}
	machine_watch_writes(m, &(struct bus_watch){.fn = NULL});
	history_stops_on(m, &s);
	if (st == REPLAY_FAILED || st == REPLAY_HART_STOP) {
		query_fail(q, "replay failed at icount %" PRIu64 ": %.400s",
			   m->icount, h->g->why);
		return -1;
	}
	return 0;
}

/* A hart's write: the trace line of the instruction that stored. */
static void query_describe(struct query *q, struct query_write *w)
{
	struct history *h = q->h;
	struct tracer_step s;
	enum replay_status st;
	w->line[0] = 0;
	if (!history_seek(h, w->icount)) {
		struct history_stops stops;
		history_stops_off(h->m, &stops);
		int rc = tracer_step(h->m, h->g, &s, &st);
		history_stops_on(h->m, &stops);
		if (rc == 1) {
			tracer_format(&s, q->syms, w->line, sizeof(w->line));
			return;
		}
	}
	snprintf(w->line, sizeof(w->line), "%10" PRIu64 " h%d", w->icount,
		 w->hart);
}

/* Back where the query was asked, a hart stopped at a breakpoint still
 * stepping over it when resumed. */
static int query_return(struct query *q, int bp_hart, int rc)
{
	struct history *h = q->h;
	for (size_t i = 0; rc >= 0 && i < q->n; i++)
		if (q->w[i].hart >= 0)
			query_describe(q, &q->w[i]);
	if (history_seek(h, q->at)) {
		query_fail(q, "%s", h->err);
		return -1;
	}
	h->m->bp_hart = bp_hart;
	return rc;
}

int query_last_write(struct query *q)
{
	struct history *h = q->h;
	int bp_hart = h->m->bp_hart;
	q->at = h->m->icount;
	q->w = calloc(1, sizeof(*q->w));
	if (!q->w) {
		query_fail(q, "out of memory");
		return -1;
	}
	struct query_run *r = malloc(sizeof(*r));
	if (!r) {
		query_fail(q, "out of memory");
		return -1;
	}
	*r = (struct query_run){.q = q, .last = true};
	struct progress p;
	progress_begin(&p, "searching back for the last write",
		       q->at - h->begin, PROGRESS_DELAY_S);
	/* Newest stretch first: the first that has a write has the last. */
	int rc = 0;
	for (uint64_t end = q->at; end > h->begin && !q->n;) {
		uint64_t from = timeline_find(h->tl, end - 1)->icount;
		if (!query_may_write(q, from, end)) {
			h->skipped++;
			end = from;
			continue;
		}
		h->replayed++;
		if (query_replay(q, r, from, end, &p, q->at - end)) {
			rc = -1;
			break;
		}
		end = from;
	}
	progress_end(&p);
	free(r);
	return query_return(q, bp_hart, rc < 0 ? -1 : q->n > 0);
}

long query_writes(struct query *q, size_t limit)
{
	struct history *h = q->h;
	int bp_hart = h->m->bp_hart;
	q->at = h->m->icount;
	q->limit = limit;
	q->w = calloc(limit ? limit : 1, sizeof(*q->w));
	struct query_run *r = malloc(sizeof(*r));
	if (!q->w || !r) {
		free(r);
		query_fail(q, "out of memory");
		return -1;
	}
	*r = (struct query_run){.q = q};
	/* A live session's future is not recorded yet: up to where it got. */
	uint64_t to = h->live ? h->frontier : h->end;
	struct progress p;
	progress_begin(&p, "listing writes",
		       to == UINT64_MAX ? 0 : to - h->begin, PROGRESS_DELAY_S);
	/* Runs of stretches that may write are replayed, the rest skipped:
	 * the range's bytes are the same at both ends of a skipped one. */
	int rc = 0;
	uint64_t run = UINT64_MAX; /* where the current run began */
	for (uint64_t lo = h->begin; lo < to && !rc && !q->more;) {
		const struct checkpoint *c = timeline_find(h->tl, lo);
		size_t k = c ? (size_t)(c - h->tl->cp) + 1 : 0;
		uint64_t hi = k < h->tl->n && h->tl->cp[k].icount < to
				      ? h->tl->cp[k].icount
				      : to;
		bool may = query_may_write(q, lo, hi);
		if (may && run == UINT64_MAX)
			run = lo;
		if (!may && run != UINT64_MAX) {
			rc = query_replay(q, r, run, lo, &p, run - h->begin);
			run = UINT64_MAX;
		}
		if (may)
			h->replayed++;
		else
			h->skipped++;
		lo = hi;
	}
	if (!rc && !q->more && run != UINT64_MAX)
		rc = query_replay(q, r, run, to, &p, run - h->begin);
	progress_end(&p);
	free(r);
	rc = query_return(q, bp_hart, rc);
	return rc < 0 ? -1 : (long)q->n;
}

static void query_say(char *out, size_t outlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void query_say(char *out, size_t outlen, const char *fmt, ...)
{
	size_t n = strlen(out);
	if (n + 1 >= outlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out + n, outlen - n, fmt, ap);
	va_end(ap);
}

static void query_bytes(char *out, size_t outlen, const uint8_t *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		query_say(out, outlen, "%s%02x", i ? " " : "", b[i]);
}

static void query_format_write(const struct query_write *w, char *out,
			       size_t outlen)
{
	if (w->hart >= 0)
		query_say(out, outlen, "%s\n", w->line);
	else if (strcmp(w->who, "debugger") == 0)
		query_say(out, outlen, "%10" PRIu64 " debugger write\n",
			  w->icount);
	else if (strcmp(w->who, "machine") == 0)
		query_say(out, outlen, "%10" PRIu64 " machine (reset)\n",
			  w->icount);
	else
		query_say(out, outlen, "%10" PRIu64 " device %s (DMA)\n",
			  w->icount, w->who);
	if (w->hart >= 0)
		query_say(out, outlen, "           hart %d wrote", w->hart);
	else
		query_say(out, outlen, "           %s wrote",
			  strcmp(w->who, "machine") ? w->who : "the machine");
	query_say(out, outlen,
		  " 0x%" PRIx64 " (%" PRIu64 " bytes, %" PRIu64
		  " changed)\n           0x%" PRIx64 ": ",
		  w->pa, w->len, w->differ, w->show_pa);
	query_bytes(out, outlen, w->old, w->nshow);
	query_say(out, outlen, " -> ");
	query_bytes(out, outlen, w->new, w->nshow);
	query_say(out, outlen, "%s\n", w->nshow < w->len ? " ..." : "");
}

void query_format(const struct query *q, bool last, char *out, size_t outlen)
{
	char what[128];
	int n = snprintf(what, sizeof(what),
			 "0x%" PRIx64 " (%" PRIu64 " byte%s", q->addr, q->len,
			 q->len == 1 ? "" : "s");
	if (!q->phys && n > 0)
		snprintf(what + n, sizeof(what) - (size_t)n,
			 ", physical 0x%" PRIx64 ")", q->pa);
	else if (n > 0)
		snprintf(what + n, sizeof(what) - (size_t)n, ", physical)");
	if (last && q->n == 0) {
		query_say(out, outlen,
			  "no write to %s from icount %" PRIu64
			  " (the beginning of history) to %" PRIu64 "\n",
			  what, q->h->begin, q->at);
		return;
	}
	if (last)
		query_say(out, outlen,
			  "last write to %s before icount %" PRIu64 ":\n", what,
			  q->at);
	else
		query_say(out, outlen, "%zu write%s to %s in the recording%s\n",
			  q->n, q->n == 1 ? "" : "s", what,
			  q->n ? ", oldest first:" : "");
	for (size_t i = 0; i < q->n; i++)
		query_format_write(&q->w[i], out, outlen);
	if (q->more)
		query_say(out, outlen,
			  "(more writes follow: only the first %zu are shown; "
			  "--limit N shows more)\n",
			  q->n);
}
