#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* The line is redrawn at most this often, unless a percentage reaches
 * 100, which is always drawn. */
#define PROGRESS_REDRAW_S 0.1

static double progress_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_begin(struct progress *p, const char *what, uint64_t total,
		    double delay)
{
	snprintf(p->what, sizeof(p->what), "%s", what);
	p->total = total;
	p->start = progress_now();
	p->delay = delay;
	p->shown_at = 0;
	p->pct = -1;
	p->on = isatty(STDERR_FILENO);
	p->drawn = false;
}

void progress_at(struct progress *p, uint64_t done)
{
	if (!p->on)
		return;
	double now = progress_now();
	if (now - p->start < p->delay)
		return;
	if (p->total) {
		int pct =
			done >= p->total
				? 100
				: (int)((double)done * 100 / (double)p->total);
		if (pct == p->pct ||
		    (pct < 100 && now - p->shown_at < PROGRESS_REDRAW_S))
			return;
		p->pct = pct;
		fprintf(stderr, "\r%s: %d%%", p->what, pct);
	} else {
		if (now - p->shown_at < PROGRESS_REDRAW_S)
			return;
		fprintf(stderr, "\r%s %llu\033[K", p->what,
			(unsigned long long)done);
	}
	p->shown_at = now;
	p->drawn = true;
}

bool progress_due(struct progress *p)
{
	if (!p->on)
		return false;
	double now = progress_now();
	return now - p->start >= p->delay &&
	       now - p->shown_at >= PROGRESS_REDRAW_S;
}

void progress_text(struct progress *p, const char *text)
{
	if (!progress_due(p))
		return;
	fprintf(stderr, "\r%s: %s\033[K", p->what, text);
	p->shown_at = progress_now();
	p->drawn = true;
}

void progress_end(struct progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r\033[K");
	p->drawn = false;
}
