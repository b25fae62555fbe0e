/* What history/diff.c and history/diff_report.c share. */
#ifndef REWIND_HISTORY_DIFF_IMPL_H
#define REWIND_HISTORY_DIFF_IMPL_H

#include "diff.h"
#include "tracer.h"

struct history;
struct progress;

struct diff {
	const char *path[2];
	struct history *h[2];
	struct diff_inputs in;
	const struct symbols *syms;
	FILE *out;
	struct progress *progress; /* cleared before the report */
};

/* What kind of difference comes first. */
enum diff_kind {
	DIFF_SAME,     /* none (yet) */
	DIFF_INPUT,    /* an input from the host */
	DIFF_SCHEDULE, /* a different hart ran (or none did) */
	DIFF_INSN,     /* the same hart retired something different */
	DIFF_STATE,    /* no instruction shows it: a device, memory */
	DIFF_LENGTH,   /* one recording ends, the other goes on */
};

/* The first divergence: at icount `at`, each recording's step from there
 * (r: tracer_step's result, -1 when it had ended). Both machines stand
 * just after it. */
struct diff_found {
	enum diff_kind kind;
	uint64_t at;
	int r[2];
	struct tracer_step s[2];
};

/* DIFF_SAME when the two steps in f are the same, else how they differ. */
enum diff_kind diff_steps_compare(const struct diff_found *f);
/* Print the report of f; returns 1 (they differ). */
int diff_report(struct diff *d, const struct diff_found *f);
/* Print that the recordings are identical up to their common end at
 * icount end; returns 0. */
int diff_report_identical(struct diff *d, uint64_t end);

#endif
