/* rewind diff: replay two recordings of one machine side by side and find
 * the first icount at which they part.
 *
 * Coarsely first: both run forward in lockstep, DIFF_STRIDE instructions
 * at a time, leaving checkpoints, and their whole states (harts, devices,
 * RAM) are compared at each stride's end; the first differing input
 * (from the recordings' event lists, no replay needed) ends a stride
 * early. Then exactly: from the last stride end where the states were
 * equal, both step one icount at a time and compare what each retired
 * (which hart, pc, instruction, every register before and after); from
 * equal states, the first step that differs is the first divergence. A
 * difference that no instruction shows (a device's DMA, an interrupt held
 * back by a different chaos draw) is found by bisecting the stride on
 * whole states. A stride is short next to a long recording, so a late
 * divergence costs two replays to it plus one stride stepped. */
#include "diff.h"
#include "../core/dev/uart.h"
#include "../core/util/progress.h"
#include "../replay/exit_status.h"
#include "../replay/replay_session.h"
#include "diff_impl.h"
#include "history.h"
#include "tracer.h"

#include <stdio.h>
#include <string.h>

/* Instructions between whole-state comparisons: stepping one stride one
 * icount at a time takes well under a second. */
#define DIFF_STRIDE 1000000
/* Checkpoint memory for each recording. */
#define DIFF_BUDGET (256ull << 20)

static bool diff_replay_ok(struct diff *d, int k, enum replay_status st)
{
	if (st == REPLAY_AT_TARGET)
		return true;
	struct gate *g = d->h[k]->g;
	if (st == REPLAY_END && gate_check_end(g) == 0 && !g->failed)
		return true;
	fprintf(stderr, "rewind diff: cannot replay %s:\n", d->path[k]);
	replay_session_status(d->h[k]->rs, st);
	return false;
}

static bool diff_seek(struct diff *d, uint64_t icount)
{
	for (int k = 0; k < 2; k++) {
		if (history_seek(d->h[k], icount)) {
			fprintf(stderr, "rewind diff: %s: %s\n", d->path[k],
				d->h[k]->err);
			return false;
		}
	}
	return true;
}

static bool diff_equal_now(struct diff *d, struct diff_state *ds)
{
	return diff_state_equal(d->h[0]->m, d->h[1]->m, d->in.wall_differs, ds);
}

/* One icount forward in both, each step's result in f (see tracer_step);
 * false after saying why a replay failed. */
static bool diff_step(struct diff *d, struct diff_found *f)
{
	for (int k = 0; k < 2; k++) {
		enum replay_status st;
		f->r[k] = tracer_step(d->h[k]->m, d->h[k]->g, &f->s[k], &st);
		if (f->r[k] < 0 && st != REPLAY_END) {
			diff_replay_ok(d, k, st);
			return false;
		}
	}
	return true;
}

/* Bisect (lo, hi] on whole states: lo equal, hi not. */
static int diff_bisect(struct diff *d, uint64_t lo, uint64_t hi,
		       struct diff_found *f)
{
	struct diff_state ds;
	while (hi - lo > 1) {
		uint64_t mid = lo + (hi - lo) / 2;
		if (!diff_seek(d, mid))
			return REWIND_EXIT_ERROR;
		if (diff_equal_now(d, &ds))
			lo = mid;
		else
			hi = mid;
	}
	if (!diff_seek(d, lo))
		return REWIND_EXIT_ERROR;
	f->kind = DIFF_STATE;
	f->at = lo;
	if (!diff_step(d, f))
		return REWIND_EXIT_ERROR;
	return diff_report(d, f);
}

/* The first divergence in (lo, hi]: the states are equal at lo and
 * differ at hi, or hi is where an input differs or a recording ends. */
static int diff_exact(struct diff *d, uint64_t lo, uint64_t hi)
{
	if (!diff_seek(d, lo))
		return REWIND_EXIT_ERROR;
	struct diff_found f;
	for (uint64_t i = lo; i < hi; i = d->h[0]->m->icount) {
		memset(&f, 0, sizeof(f));
		f.at = i;
		if (i == d->in.at)
			f.kind = DIFF_INPUT;
		if (!diff_step(d, &f))
			return REWIND_EXIT_ERROR;
		if (f.kind == DIFF_INPUT)
			return diff_report(d, &f);
		if (f.r[0] < 0 || f.r[1] < 0) {
			f.kind = DIFF_LENGTH;
			return diff_report(d, &f);
		}
		f.kind = diff_steps_compare(&f);
		if (f.kind == DIFF_SAME)
			continue;
		/* A difference no instruction showed (DMA into memory the
		 * guest reads only now) came first: find it. */
		struct diff_state ds;
		if (!diff_seek(d, i))
			return REWIND_EXIT_ERROR;
		if (!diff_equal_now(d, &ds))
			return diff_bisect(d, lo, i, &f);
		if (!diff_step(d, &f))
			return REWIND_EXIT_ERROR;
		return diff_report(d, &f);
	}
	struct diff_state ds;
	if (!diff_seek(d, hi))
		return REWIND_EXIT_ERROR;
	if (!diff_equal_now(d, &ds))
		return diff_bisect(d, lo, hi, &f);
	/* Equal up to hi: one recording ends there, or both do and an
	 * input differs there (after the last instruction). */
	memset(&f, 0, sizeof(f));
	f.kind = d->in.at == hi ? DIFF_INPUT : DIFF_LENGTH;
	f.at = hi;
	f.r[0] = f.r[1] = -1;
	return diff_report(d, &f);
}

/* Where the longer recording's last record stands: the work's length. */
static uint64_t diff_length(const struct diff *d)
{
	uint64_t n = 0;
	for (int k = 0; k < 2; k++) {
		const struct gate *g = d->h[k]->g;
		if (g->qlen && g->queue[g->qlen - 1].e.icount > n)
			n = g->queue[g->qlen - 1].e.icount;
	}
	return n;
}

static int diff_scan(struct diff *d, struct progress *p);

static int diff_search(struct diff *d)
{
	struct progress p;
	char what[sizeof(p.what)];
	snprintf(what, sizeof(what), "comparing %s and %s", d->path[0],
		 d->path[1]);
	progress_begin(&p, what, diff_length(d), PROGRESS_DELAY_S);
	d->progress = &p;
	int status = diff_scan(d, &p);
	d->progress = NULL;
	progress_end(&p);
	return status;
}

static int diff_scan(struct diff *d, struct progress *p)
{
	struct machine *ma = d->h[0]->m, *mb = d->h[1]->m;
	uint64_t lo = ma->icount;
	struct diff_state ds;
	if (!diff_equal_now(d, &ds)) {
		struct diff_found f = {.kind = DIFF_STATE, .at = lo};
		if (!diff_step(d, &f))
			return REWIND_EXIT_ERROR;
		return diff_report(d, &f);
	}
	for (;;) {
		uint64_t t = lo + DIFF_STRIDE;
		/* Stop just past a differing input: the states part there
		 * at the latest. */
		if (d->in.at >= lo && d->in.at < t)
			t = d->in.at + 1;
		enum replay_status st[2];
		for (int k = 0; k < 2; k++) {
			st[k] = history_forward(d->h[k], t);
			if (!diff_replay_ok(d, k, st[k]))
				return REWIND_EXIT_ERROR;
		}
		uint64_t ia = ma->icount, ib = mb->icount;
		uint64_t at = ia < ib ? ia : ib;
		if (ia != ib || !diff_equal_now(d, &ds) ||
		    (st[0] == REPLAY_END && d->in.at != UINT64_MAX))
			return diff_exact(d, lo, at);
		if (st[0] == REPLAY_END)
			return diff_report_identical(d, at);
		lo = at;
		progress_at(p, lo);
	}
}

int diff_run(const char *path_a, const char *path_b, const struct symbols *syms,
	     FILE *out)
{
	struct diff d = {.path = {path_a, path_b}, .syms = syms, .out = out};
	int status = REWIND_EXIT_ERROR;
	char why[2 * REC_PATH_MAX + 256];
	for (int k = 0; k < 2; k++) {
		d.h[k] = history_open(d.path[k], DIFF_BUDGET, 0);
		if (!d.h[k])
			goto out;
		/* The report is the output: the guests' consoles are not. */
		uart_set_tx(d.h[k]->m->uart, NULL, NULL);
	}
	if (diff_config_check(&d.h[0]->rs->rc, &d.h[1]->rs->rc, why,
			      sizeof(why))) {
		fprintf(stderr,
			"rewind diff: %s and %s are recordings of different "
			"machines: %s\n",
			path_a, path_b, why);
		goto out;
	}
	if (diff_inputs_compare(d.h[0]->g, d.h[1]->g, &d.in)) {
		fprintf(stderr, "rewind diff: out of memory\n");
		goto out;
	}
	status = diff_search(&d);
out:
	diff_inputs_free(&d.in);
	history_close(d.h[1]);
	history_close(d.h[0]);
	return status;
}
