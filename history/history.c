#include "history.h"
#include "../core/dev/uart.h"
#include "../core/util/progress.h"
#include "../replay/host.h"
#include "../replay/replay_session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* history_forward_for's first chunk, its bounds, and the host time each
 * chunk aims at. */
#define CHUNK_FIRST 100000
#define CHUNK_MIN   1000
#define CHUNK_MAX   (16u << 20)
#define CHUNK_S	    0.001

static int history_checkpoint(struct history *h)
{
	if (timeline_take(h->tl, gate_tell(h->g))) {
		snprintf(h->err, sizeof(h->err),
			 "out of memory taking a checkpoint");
		return -ENOMEM;
	}
	h->taken_at = h->m->icount;
	return 0;
}

/* Guest output, shown once: not again when the past is replayed. */
static void history_tx(void *ctx, uint8_t byte)
{
	struct history *h = ctx;
	if (machine_now(h->m) >= h->furthest)
		console_tx(h->live_run.con, byte);
}

int history_init(struct history *h, struct machine *m, struct gate *g,
		 size_t budget, uint64_t interval)
{
	memset(h, 0, sizeof(*h));
	h->m = m;
	h->g = g;
	h->interval = interval ? interval : HISTORY_INTERVAL;
	h->end = UINT64_MAX;
	h->chunk = CHUNK_FIRST;
	h->begin = m->icount;
	uart_set_tx(m->uart, history_tx, h);
	h->tl = timeline_new(m, budget);
	if (!h->tl || history_checkpoint(h)) {
		timeline_free(h->tl);
		h->tl = NULL;
		return -ENOMEM;
	}
	return 0;
}

void history_free(struct history *h)
{
	timeline_free(h->tl);
	h->tl = NULL;
}

struct history *history_open(const char *path, size_t budget, uint64_t interval)
{
	struct history *h = malloc(sizeof(*h));
	struct replay_session *rs = h ? replay_session_new(path, true) : NULL;
	if (!rs) {
		free(h);
		return NULL;
	}
	if (history_init(h, rs->m, &rs->g, budget, interval)) {
		fprintf(stderr, "rewind: out of memory\n");
		replay_session_free(rs);
		free(h);
		return NULL;
	}
	h->rs = rs;
	return h;
}

void history_close(struct history *h)
{
	if (!h)
		return;
	history_free(h);
	replay_session_free(h->rs);
	free(h);
}

bool history_at_end(const struct history *h)
{
	return h->m->icount == h->end && h->g->qhead == h->g->qlen;
}

void history_go_live(struct history *h, struct console *con,
		     const struct machine_opts *o)
{
	h->live = true;
	h->live_run = (struct session){
		.m = h->m, .g = h->g, .con = con, .o = o, .slice = 0};
	/* As in run and record: at a terminal, an idle guest's time passes
	 * at wall speed (replay/pace.h). */
	if (con->raw)
		pace_start(&h->live_run.pace, h->m, false);
	h->frontier = h->m->icount;
	h->live_limit = UINT64_MAX;
	h->live_digest = h->m->icount + DIGEST_INTERVAL;
	h->live_ndigests = 0;
	h->live_flush = host_seconds() + SESSION_FLUSH_SECONDS;
	gate_keep(h->g);
}

void history_live_resume(struct history *h)
{
	h->resumed = true;
}

/* An idle live guest waits up to ms for input: the console's, and with a
 * network the user network's (served meanwhile, what arrived offered to
 * the card). */
static void history_live_wait(struct session *s, int ms)
{
	if (s->net)
		session_console(s, ms);
	else
		console_read(s->con, ms);
}

/* The live run reached its --limit: the recording ends here as a plain
 * record's does, and going forward ends here from now on. */
static enum replay_status history_live_limit(struct history *h)
{
	if (!h->at_limit) {
		gate_log_digest(h->g, true);
		session_log_limit(h->m, h->g);
		h->at_limit = true;
		fprintf(stderr,
			"rewind: instruction limit reached at icount %llu\n",
			(unsigned long long)h->m->icount);
	}
	h->end = h->m->icount;
	return REPLAY_END;
}

/* At the frontier of a live session: run on, recording. The debugger
 * polls in short stretches, so this is one stretch of the console run
 * (session_loop) with the debugger's stops. */
static enum replay_status history_live_run(struct history *h, uint64_t stop)
{
	struct machine *m = h->m;
	struct session *s = &h->live_run;
	if (h->resumed && s->pace.on)
		pace_start(&s->pace, m, s->pace.strict);
	h->resumed = false;
	if (m->icount >= h->live_limit)
		return history_live_limit(h);
	session_console(s, 0);
	if (s->con->quit)
		machine_exit(m, MEXIT_POWEROFF, 0);
	/* With a user network, slirp is served this often, as in
	 * session_loop. */
	uint64_t budget = stop - m->icount;
	if (s->net && budget > NET_SLICE)
		budget = NET_SLICE;
	if (h->live_limit - m->icount < budget)
		budget = h->live_limit - m->icount;
	if (h->live_digest - m->icount < budget)
		budget = h->live_digest - m->icount;
	m->idle_horizon = pace_horizon(&s->pace, m->icount);
	enum machine_stop st = machine_run(m, budget);
	m->idle_horizon = UINT64_MAX;
	h->frontier = m->icount;
	if (m->icount >= h->live_digest) {
		session_digest(m, h->g,
			       ++h->live_ndigests % DIGEST_RAM_EVERY == 0);
		h->live_digest = m->icount + DIGEST_INTERVAL;
	}
	if (host_seconds() >= h->live_flush) {
		session_flush(m, h->g);
		h->live_flush = host_seconds() + SESSION_FLUSH_SECONDS;
	}
	if (m->icount >= h->live_limit && st != MSTOP_HART && st != MSTOP_EXIT)
		return history_live_limit(h);
	switch (st) {
	case MSTOP_HART: return REPLAY_HART_STOP;
	case MSTOP_EXIT:
		/* Kept, so that replaying up to here ends the same way, and
		 * a verifying replay checks the state it ends in. */
		gate_log_digest(h->g, true);
		session_log_end(m, h->g);
		h->end = m->icount;
		return REPLAY_END;
	case MSTOP_IDLE:
		/* Only input can wake the machine (a frame, with a network):
		 * wait a little for it and let the caller look at its own
		 * socket meanwhile. */
		if (!console_has_input(s->con) && !s->net) {
			machine_exit(m, MEXIT_HALTED, 1);
			return history_live_run(h, stop);
		}
		history_live_wait(s, 10);
		return REPLAY_AT_TARGET;
	case MSTOP_WAIT: {
		/* Paced: wait for the deadline's wall time in short
		 * stretches, so that the caller still hears its socket. */
		int wait = pace_idle_wait_ms(&s->pace, m);
		history_live_wait(s, wait < 10 ? wait : 10);
		return REPLAY_AT_TARGET;
	}
	default: return REPLAY_AT_TARGET;
	}
}

/* One stretch forward, to stop at most. */
static enum replay_status history_stretch(struct history *h, uint64_t stop)
{
	struct gate *g = h->g;
	if (h->live && g->mode == GATE_RECORD)
		return history_live_run(h, stop);
	if (h->live && stop > h->frontier)
		stop = h->frontier;
	enum replay_status st = replay_advance(h->m, g, stop, h->verify);
	if (st == REPLAY_AT_TARGET)
		history_recording(h);
	return st;
}

bool history_recording(struct history *h)
{
	struct gate *g = h->g;
	if (h->live && g->mode == GATE_REPLAY && h->m->icount == h->frontier) {
		/* Back where recording stopped: record again. */
		replay_catch_up(h->m, g, h->verify);
		if (g->qhead == g->qlen)
			g->mode = GATE_RECORD;
	}
	return h->live && g->mode == GATE_RECORD;
}

enum replay_status history_forward(struct history *h, uint64_t target)
{
	for (;;) {
		if (history_at_end(h))
			return REPLAY_END;
		const struct checkpoint *c = timeline_find(h->tl, h->m->icount);
		uint64_t base = c->icount;
		if (h->taken_at > base && h->taken_at <= h->m->icount)
			base = h->taken_at;
		uint64_t next = base + h->interval;
		if (h->m->icount >= next) {
			if (history_checkpoint(h))
				return REPLAY_FAILED;
			continue;
		}
		uint64_t stop = next < target ? next : target;
		enum replay_status st = history_stretch(h, stop);
		if (h->m->icount > h->furthest)
			h->furthest = h->m->icount;
		if (st == REPLAY_END)
			h->end = h->m->icount;
		if (st != REPLAY_AT_TARGET || h->m->icount >= target ||
		    h->m->icount < stop)
			return st;
	}
}

enum replay_status history_forward_for(struct history *h, uint64_t target,
				       unsigned ms)
{
	double until = host_seconds() + ms / 1000.0;
	for (;;) {
		uint64_t at = h->m->icount;
		if (at >= target)
			return history_forward(h, target);
		uint64_t n = target - at < h->chunk ? target - at : h->chunk;
		double t0 = host_seconds();
		enum replay_status st = history_forward(h, at + n);
		double now = host_seconds();
		/* Keep each chunk near CHUNK_NS whatever the guest does and
		 * however the host is built (sanitizers run slower). */
		if (n == h->chunk && now - t0 < CHUNK_S / 2 &&
		    h->chunk < CHUNK_MAX)
			h->chunk *= 2;
		else if (now - t0 > 2 * CHUNK_S && h->chunk > CHUNK_MIN)
			h->chunk /= 2;
		if (st != REPLAY_AT_TARGET || h->m->icount >= target ||
		    now >= until)
			return st;
	}
}

void history_stops_off(struct machine *m, struct history_stops *s)
{
	s->nbp = m->nbreakpoints;
	memcpy(s->bp, m->breakpoints, sizeof(s->bp));
	s->nw = m->nwatch;
	memcpy(s->w, m->watch, sizeof(s->w));
	m->nbreakpoints = 0;
	m->nwatch = 0;
}

void history_stops_on(struct machine *m, const struct history_stops *s)
{
	m->nbreakpoints = s->nbp;
	memcpy(m->breakpoints, s->bp, sizeof(s->bp));
	/* Added afresh: watched pages must lose translations cached since. */
	for (int i = 0; i < s->nw; i++)
		machine_watch_add(m, s->w[i].addr, s->w[i].len, s->w[i].kind);
}

/* Restore the checkpoint nearest before icount unless running on from
 * here is at least as short. */
static int history_rewind_to(struct history *h, uint64_t icount)
{
	const struct checkpoint *c = timeline_find(h->tl, icount);
	if (c->icount <= h->m->icount && h->m->icount <= icount &&
	    h->m->exit == MEXIT_RUNNING)
		return 0;
	if (timeline_restore(h->tl, c, h->err, sizeof(h->err)))
		return -1;
	gate_seek(h->g, c->cookie);
	if (h->live)
		h->g->mode = GATE_REPLAY;
	return 0;
}

int history_seek_poll(struct history *h, uint64_t icount, unsigned ms)
{
	if (icount < h->begin) {
		snprintf(h->err, sizeof(h->err),
			 "icount %llu is before the beginning of history "
			 "(%llu: a restored snapshot or a branch point)",
			 (unsigned long long)icount,
			 (unsigned long long)h->begin);
		return -1;
	}
	if (h->end != UINT64_MAX && icount > h->end) {
		snprintf(h->err, sizeof(h->err),
			 "icount %llu is beyond the end of the recording "
			 "(%llu)",
			 (unsigned long long)icount,
			 (unsigned long long)h->end);
		return -1;
	}
	struct history_stops s;
	history_stops_off(h->m, &s);
	/* Between polls the machine stands between the checkpoint and the
	 * target, so this restores only on the first. */
	int rc = history_rewind_to(h, icount);
	uint64_t before = h->m->icount;
	enum replay_status st = REPLAY_AT_TARGET;
	/* Seeks come in runs near one place (reverse steps, a search): a
	 * checkpoint just before the target makes the next ones cheap. */
	uint64_t near = icount > HISTORY_NEAR ? icount - HISTORY_NEAR : 0;
	if (rc == 0 && h->m->icount < near) {
		st = history_forward_for(h, near, ms);
		if (st == REPLAY_AT_TARGET && h->m->icount == near &&
		    history_checkpoint(h))
			rc = -1;
	} else if (rc == 0) {
		st = history_forward_for(h, icount, ms);
	}
	history_stops_on(h->m, &s);
	if (rc)
		return -1;
	if (h->m->icount == icount)
		return 1;
	if (st == REPLAY_AT_TARGET && h->m->icount > before)
		return 0;
	snprintf(h->err, sizeof(h->err),
		 st == REPLAY_FAILED ? "replay failed at icount %llu: %s"
				     : "the recording ends at icount %llu%s",
		 (unsigned long long)h->m->icount,
		 st == REPLAY_FAILED ? h->g->why : "");
	return -1;
}

int history_seek(struct history *h, uint64_t icount)
{
	struct progress p;
	char what[sizeof(p.what)];
	uint64_t from = h->m->icount;
	snprintf(what, sizeof(what), "seeking to icount %llu",
		 (unsigned long long)icount);
	/* Measured from here; a seek back restores first and the line
	 * then shows the replay forward from there. */
	progress_begin(&p, what, icount > from ? icount - from : icount,
		       PROGRESS_DELAY_S);
	int rc;
	while ((rc = history_seek_poll(h, icount, HISTORY_POLL_MS)) == 0)
		progress_at(&p, h->m->icount > from ? h->m->icount - from
						    : h->m->icount);
	progress_end(&p);
	return rc < 0 ? -1 : 0;
}

bool history_seek_say(struct history *h, uint64_t icount)
{
	if (history_seek(h, icount) == 0)
		return true;
	fprintf(stderr, "rewind: %s\n", h->err);
	return false;
}
