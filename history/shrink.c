/* rewind shrink: delta debugging (ddmin) over the departures of a failing
 * chaos schedule. A departure is named by its draw's number, which stays
 * the same whichever others are kept (machine_chaos), so any subset of
 * them is a schedule that a recording can carry (chaos-keep). */
#include "shrink.h"
#include "../core/dev/uart.h"
#include "../core/hart.h"
#include "../core/util/progress.h"
#include "../core/util/vec.h"
#include "../replay/exit_status.h"
#include "../replay/interrupt.h"
#include "../replay/logfile.h"
#include "../replay/pack.h"
#include "../replay/replay_session.h"
#include "../replay/write.h"
#include "tracer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A try may run this much longer than the recording did before it counts
 * as not failing (a schedule closer to the default may take longer). */
#define SHRINK_SLACK_INSNS 10000000ull

struct shrink {
	struct replay_session *rs; /* the input, every event in memory */
	const char *in;
	uint64_t end_kind, end_icount, limit;
	int end_code;
	/* The input's clock and entropy, served in their order. */
	size_t wall_at, ent_at, ent_off;
	/* The departures the running try made. */
	struct chaos_decision *seen;
	size_t nseen, seen_cap;
	bool oom;
	unsigned tries;
	size_t left; /* departures in the smallest failing set so far */
	struct progress progress; /* on a terminal: tries and what is left */
};

/* The progress line: the set so far, and the try running. */
static void shrink_progress(struct shrink *s)
{
	snprintf(s->progress.what, sizeof(s->progress.what),
		 "shrinking %s: %zu deviations left, try", s->in, s->left);
	progress_at(&s->progress, s->tries);
}

static uint64_t shrink_wall(void *ctx)
{
	struct shrink *s = ctx;
	struct gate *g = &s->rs->g;
	for (; s->wall_at < g->qlen; s->wall_at++) {
		const struct event *e = gate_event(g, s->wall_at);
		if (e->type == EV_WALL) {
			s->wall_at++;
			return e->value;
		}
	}
	return 0;
}

/* The recorded entropy bytes one after another, wherever the guest asks
 * for them now; zeros once they run out. */
static void shrink_entropy(void *ctx, uint8_t *buf, size_t len)
{
	struct shrink *s = ctx;
	struct gate *g = &s->rs->g;
	while (len > 0) {
		const struct event *e = NULL;
		for (; s->ent_at < g->qlen; s->ent_at++, s->ent_off = 0) {
			e = gate_event(g, s->ent_at);
			if (e->type == EV_ENTROPY && s->ent_off < e->len)
				break;
			e = NULL;
		}
		if (!e) {
			memset(buf, 0, len);
			return;
		}
		size_t n = e->len - s->ent_off;
		if (n > len)
			n = len;
		memcpy(buf, e->bytes + s->ent_off, n);
		s->ent_off += n;
		buf += n;
		len -= n;
	}
}

static void shrink_seen(void *ctx, const struct chaos_decision *d)
{
	struct shrink *s = ctx;
	struct chaos_decision *v =
		vec_grow(s->seen, &s->seen_cap, s->nseen + 1, sizeof(*v));
	if (!v) {
		s->oom = true;
		return;
	}
	s->seen = v;
	s->seen[s->nseen++] = *d;
}

/* The guest's console output is not wanted while searching. */
static void shrink_tx_drop(void *ctx, uint8_t byte)
{
	(void)ctx;
	(void)byte;
}

/* Inputs the driver delivers at their icount. */
static bool shrink_pushed(enum ev_type t)
{
	return t == EV_CONSOLE || t == EV_NET_RX || t == EV_REG_WRITE ||
	       t == EV_MEM_WRITE;
}

/* Hand the machine a recorded input now (logged when recording). */
static void shrink_deliver(struct gate *g, const struct event *e)
{
	char why[256];
	struct event w = *e;
	switch (e->type) {
	case EV_CONSOLE: gate_console(g, e->bytes, e->len); break;
	case EV_NET_RX: gate_net_rx(g, e->bytes, e->len); break;
	case EV_REG_WRITE:
	case EV_MEM_WRITE: write_record(g, &w, why, sizeof(why)); break;
	default: break;
	}
}

/* Run the machine, fed the input's inputs, until it ends, idles or runs
 * past the limit. */
static void shrink_drive(struct shrink *s, struct machine *m, struct gate *g)
{
	struct gate *in = &s->rs->g;
	bool rec = g->mode == GATE_RECORD;
	uint64_t next_digest = m->icount + DIGEST_INTERVAL;
	unsigned ndigests = 0;
	size_t i = 0;
	while (m->exit == MEXIT_RUNNING && !g->failed && m->icount < s->limit &&
	       !interrupt_pending()) {
		const struct event *e = NULL;
		for (; i < in->qlen; i++) {
			e = gate_event(in, i);
			if (shrink_pushed(e->type))
				break;
			e = NULL;
		}
		uint64_t stop = s->limit;
		if (e && e->icount < stop)
			stop = e->icount;
		if (rec && next_digest < stop)
			stop = next_digest;
		/* A slice at a time, so that a signal is noticed. */
		if (stop - m->icount > CONSOLE_SLICE && stop > m->icount)
			stop = m->icount + CONSOLE_SLICE;
		enum machine_stop st = MSTOP_BUDGET;
		if (stop > m->icount)
			st = machine_run(m, stop - m->icount);
		if (rec && m->icount >= next_digest) {
			gate_log_digest(g, ++ndigests % DIGEST_RAM_EVERY == 0);
			next_digest = m->icount + DIGEST_INTERVAL;
		}
		if (m->exit != MEXIT_RUNNING)
			break;
		/* An input whose time has come, or that an idle machine
		 * waits for, goes in now. */
		if (e && (m->icount >= e->icount || st == MSTOP_IDLE)) {
			shrink_deliver(g, e);
			i++;
			continue;
		}
		if (st == MSTOP_IDLE) {
			m->exit = MEXIT_HALTED; /* as a recording ends */
			break;
		}
	}
}

/* One try: the input's machine with only the draws in keep (all of them
 * when all) departing. Recorded into w when given. The guest's exit kind
 * (MEXIT_RUNNING: it did not end by itself) and code, or -1 when the
 * machine could not be built. */
static int shrink_try(struct shrink *s, bool all, const uint64_t *keep,
		      size_t nkeep, struct log_writer *w, int *kind, int *code)
{
	struct host_inputs src = {
		.ctx = s, .wall_ns = shrink_wall, .entropy = shrink_entropy};
	struct gate g;
	s->wall_at = s->ent_at = s->ent_off = 0;
	s->nseen = 0;
	s->tries++;
	shrink_progress(s);
	if (gate_init(&g, w ? GATE_RECORD : GATE_LIVE, &src, w, NULL))
		return -1;
	g.on_schedule = shrink_seen;
	g.on_schedule_ctx = s;
	struct machine_opts o = s->rs->o;
	o.chaos_keep_only = !all;
	o.chaos_keep = keep;
	o.chaos_nkeep = nkeep;
	struct machine *m =
		session_machine_chaos(&o, &g, true, s->rs->rc.chaos_seed);
	if (!m) {
		gate_free(&g);
		return -1;
	}
	uart_set_tx(m->uart, shrink_tx_drop, NULL);
	shrink_drive(s, m, &g);
	if (w) {
		gate_log_digest(&g, true);
		session_log_end(m, &g);
	}
	*kind = m->icount >= s->limit && m->exit == MEXIT_RUNNING
			? MEXIT_RUNNING
			: (int)m->exit;
	*code = m->exit_code;
	bool failed = g.failed;
	machine_free(m);
	gate_free(&g);
	return failed || s->oom ? -1 : 0;
}

/* Does keeping only these draws still fail the way the input did? */
static int shrink_test(struct shrink *s, const uint64_t *keep, size_t n)
{
	int kind, code;
	if (shrink_try(s, false, keep, n, NULL, &kind, &code))
		return -1;
	return (uint64_t)kind == s->end_kind && code == s->end_code;
}

/* ddmin: the subset of d (n draws, ascending) that still fails and from
 * which no single chunk at the finest split can go. Shrinks d in place;
 * the new count, or -1 on an error. */
static long shrink_ddmin(struct shrink *s, uint64_t *d, size_t n)
{
	uint64_t *t = malloc((n ? n : 1) * sizeof(*t));
	if (!t)
		return -1;
	size_t parts = 2;
	while (n >= 2) {
		bool reduced = false;
		size_t chunk = (n + parts - 1) / parts;
		/* A chunk alone, then everything but a chunk. */
		for (int pass = 0; pass < 2 && !reduced; pass++) {
			for (size_t lo = 0; lo < n && !reduced; lo += chunk) {
				size_t hi = lo + chunk < n ? lo + chunk : n;
				size_t m = 0;
				for (size_t k = 0; k < n; k++)
					if ((k >= lo && k < hi) == (pass == 0))
						t[m++] = d[k];
				if (m == 0 || m == n)
					continue;
				if (interrupt_pending()) {
					free(t);
					return -1;
				}
				int r = shrink_test(s, t, m);
				if (r < 0) {
					free(t);
					return -1;
				}
				if (r) {
					memcpy(d, t, m * sizeof(*d));
					n = m;
					s->left = n;
					parts = pass == 0   ? 2
						: parts > 2 ? parts - 1
							    : 2;
					reduced = true;
				}
			}
		}
		if (!reduced) {
			if (parts >= n)
				break;
			parts = parts * 2 < n ? parts * 2 : n;
		}
	}
	free(t);
	return (long)n;
}

/* Where each kept quantum ends the hart's turn: one more run of the
 * shrunk schedule, stopping at each. */
static void shrink_locate(struct shrink *s, const uint64_t *keep, size_t n,
			  struct shrink_report *rep)
{
	struct host_inputs src = {
		.ctx = s, .wall_ns = shrink_wall, .entropy = shrink_entropy};
	struct gate g;
	s->wall_at = s->ent_at = s->ent_off = 0;
	s->nseen = 0;
	if (gate_init(&g, GATE_LIVE, &src, NULL, NULL))
		return;
	struct machine_opts o = s->rs->o;
	o.chaos_keep_only = true;
	o.chaos_keep = keep;
	o.chaos_nkeep = n;
	struct machine *m =
		session_machine_chaos(&o, &g, true, s->rs->rc.chaos_seed);
	if (!m) {
		gate_free(&g);
		return;
	}
	uart_set_tx(m->uart, shrink_tx_drop, NULL);
	for (size_t k = 0; k < rep->after; k++) {
		struct shrink_decision *sd = &rep->kept[k];
		if (sd->d.kind != CHAOS_QUANTUM ||
		    sd->d.who >= (uint32_t)m->nharts)
			continue;
		uint64_t end = sd->d.icount + sd->d.value + 1;
		if (end <= m->icount || m->exit != MEXIT_RUNNING)
			break;
		/* One instruction before the turn's end the hart is about
		 * to retire its last one: what it did before it lost the
		 * hart. */
		machine_run(m, end - 1 - m->icount);
		struct hart *h = m->harts[sd->d.who];
		uint64_t pc = h->pc;
		uint8_t insn[4];
		unsigned len = tracer_fetch(h, pc, insn);
		machine_run(m, end - m->icount);
		/* The turn ran to its end exactly here (not cut by a wait
		 * or the guest's end): the hart was preempted. */
		if (m->icount == end && m->last == h && !h->wfi &&
		    m->quantum_left == 0) {
			sd->preempted = true;
			sd->at = end;
			sd->pc = pc;
			sd->insn_len = len;
			memcpy(sd->insn, insn, sizeof(insn));
		}
	}
	machine_free(m);
	gate_free(&g);
}

/* The input: a chaos recording whose guest ended by itself, failing. */
static int shrink_open(struct shrink *s, const char *in)
{
	s->in = in;
	s->rs = replay_session_new(in, true);
	if (!s->rs)
		return -1;
	struct rec_config *rc = &s->rs->rc;
	if (!rc->chaos) {
		fprintf(stderr,
			"rewind shrink: %s was recorded on the default "
			"schedule (no --chaos): there is nothing to shrink\n",
			in);
		return -1;
	}
	if (rc->has_snapshot) {
		fprintf(stderr,
			"rewind shrink: %s starts from a snapshot; shrink "
			"needs a recording that boots its images\n",
			in);
		return -1;
	}
	struct gate *g = &s->rs->g;
	const struct event *end = NULL;
	for (size_t i = 0; i < g->qlen; i++)
		if (gate_event(g, i)->type == EV_END)
			end = gate_event(g, i);
	if (!end) {
		fprintf(stderr,
			"rewind shrink: %s has no end record: the recorder "
			"did not see how the guest ended\n",
			in);
		return -1;
	}
	s->end_kind = end->value;
	s->end_code = end->code;
	s->end_icount = end->icount;
	s->limit = 2 * end->icount + SHRINK_SLACK_INSNS;
	bool fails = (end->value == MEXIT_FAIL && end->code != 0) ||
		     end->value == MEXIT_TRAP_STORM;
	if (!fails) {
		fprintf(stderr,
			"rewind shrink: the guest in %s did not fail (it "
			"ended with exit kind %llu, code %d): shrink keeps "
			"a schedule that fails the same way, so it needs a "
			"failing recording\n",
			in, (unsigned long long)end->value, end->code);
		return -1;
	}
	return 0;
}

/* Write the shrunk schedule's recording: the input's header with the
 * kept draws, and one more run into it. */
static int shrink_write(struct shrink *s, const char *out, bool force,
			const uint64_t *keep, size_t n, int *kind, int *code)
{
	char err[1024];
	if (n > REC_CHAOS_KEEP_MAX) {
		fprintf(stderr,
			"rewind shrink: %zu draws remain, more than a "
			"recording can keep (%d)\n",
			n, REC_CHAOS_KEEP_MAX);
		return -1;
	}
	struct rec_config *rc = malloc(sizeof(*rc));
	if (!rc) {
		fprintf(stderr, "rewind shrink: out of memory\n");
		return -1;
	}
	*rc = s->rs->rc;
	rc->chaos_keep_only = true;
	rc->chaos_nkeep = n;
	memcpy(rc->chaos_keep, keep, n * sizeof(*keep));
	rc->schedule_logged = true;
	/* Its digests are taken anew, by this build. */
	recording_ram_hash_current(rc);
	struct log_writer *w =
		recording_writer_open(rc, out, force, err, sizeof(err));
	int ret = -1;
	if (!w) {
		fprintf(stderr, "rewind shrink: %s\n", err);
	} else if (rc->packed && pack_write(w, rc, err, sizeof(err))) {
		fprintf(stderr, "rewind shrink: packing images: %s\n", err);
		log_writer_close(w);
	} else {
		ret = shrink_try(s, false, keep, n, w, kind, code);
		if (log_writer_close(w) < 0 || ret) {
			fprintf(stderr, "rewind shrink: writing %s failed\n",
				out);
			ret = -1;
		}
	}
	free(rc);
	return ret;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int shrink_run(const char *in, const char *out, bool force,
	       struct shrink_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	struct shrink s = {0};
	uint64_t *d = NULL;
	int status = REWIND_EXIT_ERROR, kind, code;
	if (shrink_open(&s, in))
		goto out;
	progress_begin(&s.progress, "shrinking", 0, PROGRESS_DELAY_S);
	/* The whole schedule again: it must fail as recorded, and names
	 * the departures to search. */
	if (shrink_try(&s, true, NULL, 0, NULL, &kind, &code)) {
		fprintf(stderr, "rewind shrink: %s could not be run again\n",
			in);
		goto out;
	}
	if ((uint64_t)kind != s.end_kind || code != s.end_code) {
		fprintf(stderr,
			"rewind shrink: run again from its inputs, %s ends "
			"differently (exit kind %d code %d, recorded %llu "
			"code %d)\n",
			in, kind, code, (unsigned long long)s.end_kind,
			s.end_code);
		goto out;
	}
	size_t n = s.nseen;
	rep->before = s.left = n;
	d = malloc((n ? n : 1) * sizeof(*d));
	if (!d) {
		fprintf(stderr, "rewind shrink: out of memory\n");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		d[i] = s.seen[i].ordinal;
	qsort(d, n, sizeof(*d), cmp_u64);
	/* None at all first: a failure that needs no departure. */
	int none = shrink_test(&s, NULL, 0);
	long left = none > 0 ? 0 : none < 0 ? -1 : shrink_ddmin(&s, d, n);
	if (left < 0) {
		int sig = interrupt_pending();
		fprintf(stderr, "rewind shrink: %s\n",
			sig ? "interrupted" : "a try could not be run");
		status = sig ? interrupt_status(sig) : REWIND_EXIT_ERROR;
		goto out;
	}
	if (shrink_write(&s, out, force, d, (size_t)left, &kind, &code))
		goto out;
	rep->tries = s.tries;
	rep->exit_kind = kind;
	rep->exit_code = code;
	rep->after = s.nseen;
	rep->kept = calloc(s.nseen ? s.nseen : 1, sizeof(*rep->kept));
	if (!rep->kept) {
		fprintf(stderr, "rewind shrink: out of memory\n");
		goto out;
	}
	for (size_t i = 0; i < s.nseen; i++)
		rep->kept[i].d = s.seen[i];
	shrink_locate(&s, d, (size_t)left, rep);
	status = 0;
out:
	progress_end(&s.progress);
	free(d);
	free(s.seen);
	replay_session_free(s.rs);
	return status;
}

void shrink_report_free(struct shrink_report *rep)
{
	free(rep->kept);
	memset(rep, 0, sizeof(*rep));
}
