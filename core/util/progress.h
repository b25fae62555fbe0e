/* Progress of long work, on stderr when it is a terminal (and never
 * otherwise: logs and pipes get only the messages). One line, redrawn in
 * place and cleared at the end. */
#ifndef REWIND_CORE_UTIL_PROGRESS_H
#define REWIND_CORE_UTIL_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

/* The delay for work that is sometimes quick: replays, seeks, searches. */
#define PROGRESS_DELAY_S 1.0

struct progress {
	char what[160];	 /* "hashing FILE", "replaying REC" */
	uint64_t total;	 /* of the work; 0: unknown, the count is shown */
	double start;	 /* when it began (seconds) */
	double delay;	 /* nothing is shown before start + delay */
	double shown_at; /* when the line was last drawn */
	int pct;	 /* the percentage last drawn, -1: none */
	bool on, drawn;
};

/* Work of total units (0: unknown) begins; shown on a terminal once it
 * has taken delay seconds, so quick work stays quiet. */
void progress_begin(struct progress *p, const char *what, uint64_t total,
		    double delay);
/* done units of it are done ("WHAT: N%", or "WHAT N" without a total).
 * Cheap enough to call often. */
void progress_at(struct progress *p, uint64_t done);
/* The same for work measured by more than one number: the line is
 * "WHAT: TEXT" ("hunt: 37 of 200 runs, 12.5 runs/s, 1 failing"), under the
 * same rules (terminal, delay, redraw rate). Cheap enough to call often;
 * progress_due says whether the next call would draw, so a caller builds
 * the text only then. */
bool progress_due(struct progress *p);
void progress_text(struct progress *p, const char *text);
/* The work ended: clear the line. */
void progress_end(struct progress *p);

#endif
