/* The report of rewind diff (format: docs/diff.md). */
#include "../core/util/progress.h"
#include "../replay/gate.h"
#include "../replay/replay_session.h"
#include "diff_impl.h"
#include "disasm.h"
#include "history.h"
#include "symbols.h"

#include <string.h>

/* Memory ranges listed before "... and N more". */
#define DIFF_RANGES_SHOWN 16

static bool diff_regs_equal(const struct tracer_regs *a,
			    const struct tracer_regs *b)
{
	char buf[2048];
	tracer_regs_diff(a, b, buf, sizeof(buf));
	return !buf[0] && a->pc == b->pc && a->icount == b->icount;
}

enum diff_kind diff_steps_compare(const struct diff_found *f)
{
	const struct tracer_step *a = &f->s[0], *b = &f->s[1];
	if (f->r[0] != f->r[1] || (f->r[0] == 1 && a->hart != b->hart))
		return DIFF_SCHEDULE;
	if (f->r[0] != 1)
		return DIFF_SAME;
	if (a->pc != b->pc || a->priv != b->priv || a->len != b->len ||
	    memcmp(a->bytes, b->bytes, a->len) || a->trapped != b->trapped ||
	    a->trap_cause != b->trap_cause || a->trap_epc != b->trap_epc ||
	    !diff_regs_equal(&a->before, &b->before) ||
	    !diff_regs_equal(&a->after, &b->after))
		return DIFF_INSN;
	return DIFF_SAME;
}

/* "the machine's end" of recording k: its end record, in words. */
static void diff_end_describe(struct diff *d, int k, char *buf, size_t len)
{
	const struct gate *g = d->h[k]->g;
	const struct event *e = NULL;
	for (size_t i = g->qlen; i-- > 0;) {
		if (g->queue[i].e.type == EV_END) {
			e = &g->queue[i].e;
			break;
		}
	}
	if (!e) {
		snprintf(buf, len, "has no end record");
		return;
	}
	const char *how;
	switch (e->value) {
	case MEXIT_POWEROFF: how = "the guest powered off"; break;
	case MEXIT_FAIL: how = "the guest failed with code"; break;
	case MEXIT_RESET: how = "the guest asked for a reset"; break;
	case MEXIT_HALTED: how = "every hart waits for ever"; break;
	case MEXIT_TRAP_STORM: how = "a hart traps endlessly"; break;
	case EV_END_INTERRUPTED: how = "the recorder was interrupted"; break;
	case EV_END_LIMIT: how = "the recorder stopped at --limit"; break;
	default: how = "the recorder stopped"; break;
	}
	if (e->value == MEXIT_FAIL)
		snprintf(buf, len, "ends at icount %llu: %s %d",
			 (unsigned long long)e->icount, how, e->code);
	else
		snprintf(buf, len, "ends at icount %llu: %s",
			 (unsigned long long)e->icount, how);
}

static void diff_cause(struct diff *d, const struct diff_found *f)
{
	FILE *o = d->out;
	const struct tracer_step *a = &f->s[0], *b = &f->s[1];
	char x[512], y[512];
	struct diff_state ds;
	switch (f->kind) {
	case DIFF_INPUT:
		if (d->in.a)
			diff_input_describe(d->in.a, x, sizeof(x));
		if (d->in.b)
			diff_input_describe(d->in.b, y, sizeof(y));
		fprintf(o, "cause: an input: A %s; B %s\n",
			d->in.a ? x : "has no more input",
			d->in.b ? y : "has no more input");
		break;
	case DIFF_SCHEDULE:
		if (f->r[0] == 1 && f->r[1] == 1)
			fprintf(o,
				"cause: a scheduling decision: hart %d ran "
				"instead of hart %d at icount %llu (B ran hart "
				"%d, A hart %d)\n",
				b->hart, a->hart, (unsigned long long)f->at,
				b->hart, a->hart);
		else
			fprintf(o,
				"cause: a scheduling decision: in %s no hart "
				"ran at icount %llu (every one waits); in %s "
				"hart %d did\n",
				f->r[0] == 1 ? "B" : "A",
				(unsigned long long)f->at,
				f->r[0] == 1 ? "A" : "B",
				f->r[0] == 1 ? a->hart : b->hart);
		break;
	case DIFF_INSN:
		fprintf(o, "cause: hart %d's instruction at icount %llu: %s\n",
			a->hart, (unsigned long long)f->at,
			a->pc != b->pc || a->len != b->len ||
					memcmp(a->bytes, b->bytes, a->len)
				? "a different instruction"
				: "the same instruction, different registers");
		break;
	case DIFF_STATE:
		/* Every instruction alike, yet the states part: a device
		 * acted differently (a completion time the chaos generator
		 * drew, DMA) and no hart has looked yet. */
		diff_state_equal(d->h[0]->m, d->h[1]->m, d->in.wall_differs,
				 &ds);
		fprintf(o,
			"cause: the machine's state differs after the same "
			"instruction: %s%s%s (no hart has read it yet)\n",
			ds.devices, ds.devices[0] && ds.ram ? ", " : "",
			ds.ram ? "memory" : "");
		break;
	case DIFF_LENGTH:
		diff_end_describe(d, 0, x, sizeof(x));
		diff_end_describe(d, 1, y, sizeof(y));
		fprintf(o,
			"cause: the recordings' lengths: A %s; B %s; the "
			"shorter is a prefix of the longer\n",
			x, y);
		break;
	case DIFF_SAME: break;
	}
}

static void diff_lines(struct diff *d, const struct diff_found *f)
{
	char line[2048];
	/* At the end of the shorter recording: the cause says it all. */
	if (f->kind == DIFF_LENGTH && f->r[0] < 0 && f->r[1] < 0)
		return;
	for (int k = 0; k < 2; k++) {
		if (f->r[k] == 1) {
			tracer_format(&f->s[k], d->syms, line, sizeof(line));
			/* A trap line comes first in the same buffer. */
			for (char *p = line, *nl; p; p = nl ? nl + 1 : NULL) {
				nl = strchr(p, '\n');
				fprintf(d->out, "%c %.*s\n", "AB"[k],
					nl ? (int)(nl - p) : (int)strlen(p), p);
			}
		} else {
			fprintf(d->out, "%c %10llu %s\n", "AB"[k],
				(unsigned long long)f -> at,
				f -> r[k] == 0 ? "(no instruction: every hart "
						 "waits)"
					       : "(the recording has ended)");
		}
	}
}

/* "0x... <sym+off> insn" of hart h: where it stands. */
static void diff_where(struct diff *d, struct hart *h, char *buf, size_t len)
{
	int n = snprintf(buf, len, "0x%016llx", (unsigned long long)h->pc);
	size_t at = n > 0 && (size_t)n < len ? (size_t)n : 0;
	const char *name;
	uint64_t off;
	if (d->syms && !symbols_lookup(d->syms, h->pc, &name, &off)) {
		n = snprintf(buf + at, len - at, " <%s+0x%llx>", name,
			     (unsigned long long)off);
		at = n > 0 && at + (size_t)n < len ? at + (size_t)n : at;
	}
	uint8_t bytes[4];
	unsigned il = tracer_fetch(h, h->pc, bytes);
	char text[128] = "(code not readable)";
	if (il)
		disasm_one(h->pc, bytes, il, text, sizeof(text));
	snprintf(buf + at, len - at, " %s", text);
}

static void diff_harts(struct diff *d)
{
	struct machine *ma = d->h[0]->m, *mb = d->h[1]->m;
	char wa[512], wb[512], ra[2048], rb[2048];
	fprintf(d->out, "harts at icount %llu:\n",
		(unsigned long long)ma->icount);
	for (int i = 0; i < ma->nharts; i++) {
		struct tracer_regs x, y;
		tracer_regs_take(ma->harts[i], &x);
		tracer_regs_take(mb->harts[i], &y);
		diff_where(d, ma->harts[i], wa, sizeof(wa));
		diff_where(d, mb->harts[i], wb, sizeof(wb));
		tracer_regs_diff(&y, &x, ra, sizeof(ra));
		tracer_regs_diff(&x, &y, rb, sizeof(rb));
		if (!ra[0] && x.pc == y.pc && x.icount == y.icount) {
			fprintf(d->out, "  hart %d: the same: %s\n", i, wa);
			continue;
		}
		fprintf(d->out, "  hart %d: A %s\n", i, wa);
		fprintf(d->out, "          B %s\n", wb);
		if (x.icount != y.icount)
			fprintf(d->out,
				"          retired A %llu, B %llu "
				"instructions\n",
				(unsigned long long)x.icount,
				(unsigned long long)y.icount);
		if (ra[0]) {
			fprintf(d->out, "          registers A:%s\n", ra);
			fprintf(d->out, "          registers B:%s\n", rb);
		}
	}
}

static void diff_memory_print(struct diff *d)
{
	struct diff_range r[DIFF_RANGES_SHOWN];
	uint64_t count, bytes;
	size_t n = diff_memory(d->h[0]->m, d->h[1]->m, r, DIFF_RANGES_SHOWN,
			       &count, &bytes);
	if (!count) {
		fprintf(d->out, "memory: the same\n");
		return;
	}
	fprintf(d->out, "memory: %llu range%s differ%s (%llu byte%s):\n",
		(unsigned long long)count, count == 1 ? "" : "s",
		count == 1 ? "s" : "", (unsigned long long)bytes,
		bytes == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		fprintf(d->out, "  0x%llx..0x%llx (%llu bytes)\n",
			(unsigned long long)r[i].addr,
			(unsigned long long)(r[i].addr + r[i].len - 1),
			(unsigned long long)r[i].len);
	if (count > n)
		fprintf(d->out, "  ... and %llu more\n",
			(unsigned long long)(count - n));
}

static void diff_inputs_print(struct diff *d, const struct diff_found *f)
{
	char x[512], y[512];
	const struct event *c = diff_inputs_last_common(&d->in, f->at);
	if (c)
		diff_input_describe(c, x, sizeof(x));
	fprintf(d->out, "last input in common: %s\n", c ? x : "none");
	if (d->in.at != UINT64_MAX) {
		if (d->in.a)
			diff_input_describe(d->in.a, x, sizeof(x));
		if (d->in.b)
			diff_input_describe(d->in.b, y, sizeof(y));
		fprintf(d->out, "first input that differs: A %s; B %s%s\n",
			d->in.a ? x : "has no more input",
			d->in.b ? y : "has no more input",
			f->kind == DIFF_INPUT ? "" : " (after the divergence)");
	}
	if (d->in.wall_differs)
		fprintf(d->out,
			"note: the wall clock differs (A %llu ns, B %llu ns); "
			"the guest sees it only where it reads the RTC\n",
			(unsigned long long)d->in.wall_a,
			(unsigned long long)d->in.wall_b);
}

/* The report's first lines: which recording is A, which B. */
static void diff_names(struct diff *d)
{
	if (d->progress)
		progress_end(d->progress);
	for (int k = 0; k < 2; k++) {
		const struct rec_config *c = &d->h[k]->rs->rc;
		if (c->chaos)
			fprintf(d->out, "%c: %s (chaos seed %llu)\n", "AB"[k],
				d -> path[k],
				(unsigned long long)c -> chaos_seed);
		else
			fprintf(d->out, "%c: %s (the default schedule)\n",
				"AB"[k], d -> path[k]);
	}
}

int diff_report(struct diff *d, const struct diff_found *f)
{
	diff_names(d);
	fprintf(d->out, "first divergence at icount %llu\n",
		(unsigned long long)f->at);
	diff_cause(d, f);
	diff_lines(d, f);
	diff_harts(d);
	diff_memory_print(d);
	struct diff_state ds;
	diff_state_equal(d->h[0]->m, d->h[1]->m, d->in.wall_differs, &ds);
	fprintf(d->out, "devices: %s%s\n",
		ds.devices[0] ? ds.devices : "the same",
		ds.devices[0] ? " differ" : "");
	diff_inputs_print(d, f);
	return 1;
}

int diff_report_identical(struct diff *d, uint64_t end)
{
	char x[512];
	diff_names(d);
	diff_end_describe(d, 0, x, sizeof(x));
	fprintf(d->out,
		"identical: the same %llu instructions, inputs and "
		"states; A %s\n",
		(unsigned long long)end, x);
	if (d->in.wall_differs)
		fprintf(d->out,
			"note: the wall clock differs (A %llu ns, B %llu ns); "
			"the guest never read it differently\n",
			(unsigned long long)d->in.wall_a,
			(unsigned long long)d->in.wall_b);
	return 0;
}
