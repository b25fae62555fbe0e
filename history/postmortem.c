/* Post-mortems: the recording is replayed (its outcome is fixed, so this
 * shows exactly what ran) up to a stretch before the failure, then stepped
 * one instruction at a time, keeping the last instructions of each hart in
 * a ring. */
#include "postmortem.h"
#include "../core/dev/uart.h"
#include "../replay/logfile.h"
#include "../replay/replay_session.h"
#include "../replay/summary.h"
#include "tracer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far before the failure stepping starts. A hart that ran recently
 * ran within the last round of quanta, and one round lasts at most one
 * quantum per hart (chaos draws up to 2 * QUANTUM_INSNS); two rounds leave
 * room for a hart whose quantum was cut short at its last instructions. */
static uint64_t postmortem_stretch(int nharts)
{
	return 2ull * nharts * 2 * QUANTUM_INSNS + POSTMORTEM_LINES;
}

struct postmortem_ring {
	struct tracer_step steps[POSTMORTEM_LINES];
	uint64_t n; /* instructions seen; the newest is steps[(n-1) % LINES] */
};

/* The recording's end record: 0, or -ENOENT without one. */
static int postmortem_end(const char *path, struct rec_summary *sum)
{
	char err[1024];
	struct log_reader *r = log_reader_open(path, err, sizeof(err));
	if (!r)
		return -ENOENT;
	/* What came before a damaged record still counts. */
	int rc = summary_read(r, sum);
	log_reader_close(r);
	if (rc == -ENOMEM)
		return rc;
	return sum->has_end ? 0 : -ENOENT;
}

static const char *postmortem_why(const struct rec_summary *end, char *buf,
				  size_t len)
{
	switch ((int)end->end_exit) {
	case MEXIT_FAIL:
		snprintf(buf, len, "the guest failed with code %d",
			 end->end_code);
		break;
	case MEXIT_TRAP_STORM:
		snprintf(buf, len, "a hart trapped endlessly");
		break;
	case MEXIT_HALTED:
		snprintf(buf, len, "every hart waits for ever");
		break;
	case EV_END_LIMIT:
		snprintf(buf, len, "the run reached its instruction limit");
		break;
	default:
		snprintf(buf, len,
			 "the recording stopped (a kernel panic or "
			 "oops, or the instruction limit)");
	}
	return buf;
}

/* Step from start to the end of the recording, filling the rings. */
static int postmortem_collect(struct replay_session *rs, uint64_t start,
			      struct postmortem_ring *rings, int *last_hart)
{
	enum replay_status st = replay_advance(rs->m, &rs->g, start, false);
	if (st != REPLAY_AT_TARGET) {
		replay_session_status(rs, st);
		return -EIO;
	}
	struct tracer_step s;
	int r;
	while ((r = tracer_step(rs->m, &rs->g, &s, &st)) >= 0) {
		if (r == 0)
			continue;
		struct postmortem_ring *ring = &rings[s.hart];
		ring->steps[ring->n++ % POSTMORTEM_LINES] = s;
		*last_hart = s.hart;
	}
	if (st != REPLAY_END) {
		replay_session_status(rs, st);
		return -EIO;
	}
	return 0;
}

static void postmortem_print(const char *path, const struct rec_summary *end,
			     uint64_t start, int nharts,
			     const struct postmortem_ring *rings, int last_hart)
{
	char line[2048];
	uint64_t to = end->end_icount;
	for (int h = 0; h < nharts; h++) {
		const struct postmortem_ring *ring = &rings[h];
		uint64_t shown =
			ring->n < POSTMORTEM_LINES ? ring->n : POSTMORTEM_LINES;
		if (ring->n == 0) {
			fprintf(stderr,
				"rewind: hart %d retired no instruction "
				"between icount %llu and the failure\n",
				h, (unsigned long long)start);
			continue;
		}
		if (shown < POSTMORTEM_LINES)
			fprintf(stderr,
				"rewind: hart %d retired only %llu "
				"instructions between icount %llu and the "
				"failure:\n",
				h, (unsigned long long)shown,
				(unsigned long long)start);
		else
			fprintf(stderr,
				"rewind: the last %d instructions of hart "
				"%d:\n",
				POSTMORTEM_LINES, h);
		for (uint64_t i = ring->n - shown; i < ring->n; i++) {
			const struct tracer_step *s =
				&ring->steps[i % POSTMORTEM_LINES];
			tracer_format(s, NULL, line, sizeof(line));
			fprintf(stderr, "%s\n", line);
			if (h == last_hart && i == ring->n - shown)
				to = s->icount;
		}
	}
	fprintf(stderr,
		"rewind: to debug from there:\n"
		"  rewind replay %s --gdb 1234\n"
		"  rewind replay %s --to %llu\n"
		"rewind: (--to %llu stops before the first instruction shown "
		"for hart %d, which retired the last one)\n",
		path, path, (unsigned long long)to, (unsigned long long)to,
		last_hart);
}

/* The recording at path ended as end says: report it unless cleanly. */
static int postmortem_failed(const char *path, const struct rec_summary *end)
{
	if (end->end_exit == MEXIT_POWEROFF || end->end_exit == MEXIT_RESET)
		return 0;
	char why[128];
	fprintf(stderr, "rewind: post-mortem: %s at icount %llu\n",
		postmortem_why(end, why, sizeof(why)),
		(unsigned long long)end->end_icount);
	struct replay_session *rs = replay_session_new(path, false);
	if (!rs) {
		fprintf(stderr, "rewind: post-mortem: cannot replay %s\n",
			path);
		return -EIO;
	}
	/* The guest's output was shown while recording. */
	uart_set_tx(rs->m->uart, NULL, NULL);
	int nharts = rs->m->nharts;
	uint64_t stretch = postmortem_stretch(nharts);
	uint64_t start =
		end->end_icount > stretch ? end->end_icount - stretch : 0;
	struct postmortem_ring *rings = calloc((size_t)nharts, sizeof(*rings));
	int last_hart = 0;
	int rc = rings ? postmortem_collect(rs, start, rings, &last_hart)
		       : -ENOMEM;
	replay_session_free(rs);
	if (rc)
		fprintf(stderr, "rewind: post-mortem: replaying %s failed\n",
			path);
	else
		postmortem_print(path, end, start, nharts, rings, last_hart);
	free(rings);
	return rc;
}

int postmortem_report(const char *path)
{
	struct rec_summary *sum = malloc(sizeof(*sum));
	if (!sum)
		return -ENOMEM;
	int rc = postmortem_end(path, sum) ? 0 : postmortem_failed(path, sum);
	free(sum);
	return rc;
}
