#include "replay_session.h"
#include "../core/util/progress.h"
#include "../snapshots/file_kind.h"
#include "exit_status.h"
#include "interrupt.h"
#include "logfile.h"
#include "pack.h"
#include "restore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Open the recording and rebuild the machine options it names. */
static int replay_session_read(struct replay_session *rs, const char *path)
{
	char err[1024];
	rs->r = log_reader_open(path, err, sizeof(err));
	if (!rs->r) {
		fprintf(stderr, "rewind: %s\n", err);
		return -1;
	}
	size_t hlen;
	const char *h = log_reader_header(rs->r, &hlen);
	int bad = recording_header_parse(h, hlen, &rs->rc, err, sizeof(err));
	if (!bad && file_kind_of(path) == FILE_KIND_SNAPSHOT) {
		fprintf(stderr,
			"rewind: %s is a snapshot, not a recording: run it "
			"with `rewind run --restore %s`\n",
			path, path);
		return -1;
	}
	if (!bad && rs->rc.packed) {
		rs->packed = true;
		bad = pack_extract(rs->r, &rs->rc, rs->pack_dir,
				   &rs->pack_first, &rs->pack_first_len, err,
				   sizeof(err));
	} else if (!bad) {
		bad = recording_check_images(&rs->rc, "recording", err,
					     sizeof(err));
	}
	if (bad) {
		fprintf(stderr, "rewind: %s: %s\n", path, err);
		return -1;
	}
	session_opts_from_config(&rs->rc, &rs->o);
	rs->o.from = path;
	return 0;
}

int replay_session_open(struct replay_session *rs, const char *path,
			bool seekable)
{
	memset(rs, 0, sizeof(*rs));
	if (replay_session_read(rs, path) ||
	    gate_init(&rs->g, GATE_REPLAY, NULL, NULL, rs->r)) {
		replay_session_close(rs);
		return -1;
	}
	rs->g.schedule_logged = rs->rc.schedule_logged;
	rs->g.ram_hash = rs->rc.ram_hash;
	if (rs->pack_first &&
	    gate_queue_record(&rs->g, rs->pack_first, rs->pack_first_len)) {
		fprintf(stderr,
			"rewind: %s: malformed record in the "
			"recording\n",
			path);
		replay_session_close(rs);
		return -1;
	}
	if (seekable && gate_load_all(&rs->g)) {
		fprintf(stderr, "rewind: %s: %s\n", path, rs->g.why);
		replay_session_close(rs);
		return -1;
	}
	/* A recording that starts from a snapshot restores it first. */
	if (rs->rc.has_snapshot) {
		rs->origin = restore_new(false);
		rs->m = rs->origin
				? restore_machine(rs->origin,
						  rs->rc.snapshot.path,
						  rs->rc.snapshot.sha256,
						  &rs->g, &rs->o, rs->rc.chaos,
						  rs->rc.chaos_seed)
				: NULL;
	} else {
		rs->m = session_machine_chaos(&rs->o, &rs->g, rs->rc.chaos,
					      rs->rc.chaos_seed);
	}
	if (!rs->m) {
		replay_session_close(rs);
		return -1;
	}
	return 0;
}

void replay_session_close(struct replay_session *rs)
{
	fflush(stdout);
	if (rs->m)
		machine_free(rs->m);
	if (rs->r)
		log_reader_close(rs->r);
	gate_free(&rs->g);
	if (rs->packed)
		pack_cleanup(&rs->rc, rs->pack_dir);
	restore_free(rs->origin);
	memset(rs, 0, sizeof(*rs));
}

struct replay_session *replay_session_new(const char *path, bool seekable)
{
	struct replay_session *rs = malloc(sizeof(*rs));
	if (!rs) {
		fprintf(stderr, "rewind: out of memory\n");
		return NULL;
	}
	if (replay_session_open(rs, path, seekable)) {
		free(rs);
		return NULL;
	}
	return rs;
}

void replay_session_free(struct replay_session *rs)
{
	if (!rs)
		return;
	replay_session_close(rs);
	free(rs);
}

/* Replay to `to` a slice at a time, looking for SIGINT and SIGTERM in
 * between: the replay stops within one slice of a signal. */
static enum replay_status replay_sliced(struct replay_session *rs,
					const char *path, uint64_t to,
					bool verify)
{
	struct progress p;
	char what[sizeof(p.what)];
	snprintf(what, sizeof(what), "%s %s: icount",
		 verify ? "verifying" : "replaying", path);
	progress_begin(&p, what, 0, PROGRESS_DELAY_S);
	for (;;) {
		uint64_t at = rs->m->icount;
		uint64_t stop =
			to - at > CONSOLE_SLICE ? at + CONSOLE_SLICE : to;
		enum replay_status st =
			replay_advance(rs->m, &rs->g, stop, verify);
		progress_at(&p, rs->m->icount);
		if (st != REPLAY_AT_TARGET || stop == to ||
		    interrupt_pending()) {
			progress_end(&p);
			return st;
		}
	}
}

/* A replay that reached the recording's end: the --verify verdict, or the
 * --to that asked for more than there is. The process exit status. */
static int replay_ended(struct replay_session *rs, uint64_t to, bool verify,
			int status)
{
	uint64_t end = rs->m->icount;
	if (to != UINT64_MAX && to > end) {
		fprintf(stderr,
			"rewind: --to %llu is past the end: the recording ends "
			"at icount %llu\n",
			(unsigned long long)to, (unsigned long long)end);
		return REWIND_EXIT_ERROR;
	}
	if (verify) {
		uint64_t events = 0;
		for (int t = 0; t < EV_KINDS; t++)
			events += rs->g.counts[t];
		fprintf(stderr,
			"rewind: verified: %llu instructions, %llu events, "
			"identical\n",
			(unsigned long long)end, (unsigned long long)events);
	}
	return status;
}

int replay_run(const char *path, uint64_t to, bool verify)
{
	struct replay_session *rs = replay_session_new(path, false);
	if (!rs)
		return REWIND_EXIT_ERROR;
	enum replay_status st = replay_sliced(rs, path, to, verify);
	int status;
	int sig = interrupt_pending();
	if (st == REPLAY_AT_TARGET && rs->m->icount < to && sig) {
		fprintf(stderr,
			"rewind: replay interrupted by %s at icount %llu\n",
			interrupt_name(sig), (unsigned long long)rs->m->icount);
		status = interrupt_status(sig);
	} else if (st == REPLAY_AT_TARGET) {
		fprintf(stderr, "rewind: stopped at icount %llu\n",
			(unsigned long long)rs->m->icount);
		status = 0;
	} else {
		status = replay_session_status(rs, st);
		/* Reached the end as recorded: nothing diverged. */
		if (st == REPLAY_END && !rs->g.failed)
			status = replay_ended(rs, to, verify, status);
	}
	replay_session_free(rs);
	return status;
}

int replay_session_status(struct replay_session *rs, enum replay_status st)
{
	struct gate *g = &rs->g;
	if (st == REPLAY_END)
		gate_check_end(g);
	if (g->failed && g->corrupt) {
		fprintf(stderr, "rewind: %s (replayed up to icount %llu)\n",
			g->why, (unsigned long long)g->failed_at);
		return REWIND_EXIT_ERROR;
	}
	if (g->failed && g->cut) {
		fprintf(stderr, "rewind: %s; replayed up to there\n", g->why);
		return REWIND_EXIT_ERROR;
	}
	if (g->failed) {
		fprintf(stderr, "rewind: replay diverged at icount %llu: %s\n",
			(unsigned long long)g->failed_at, g->why);
		return REWIND_EXIT_ERROR;
	}
	if (st != REPLAY_END) {
		fprintf(stderr,
			"rewind: the recording %s at icount %llu; replayed up "
			"to there\n",
			g->truncated ? "is truncated (the recorder was killed)"
				     : "ends without an end record",
			(unsigned long long)rs->m->icount);
		return REWIND_EXIT_ERROR;
	}
	if (g->truncated)
		fprintf(stderr, "rewind: note: the recording is cut inside "
				"its end marker (every record is there)\n");
	if (g->interrupted) {
		fprintf(stderr,
			"rewind: the recording was %s%s at icount %llu; "
			"replayed identically up to there\n",
			g->interrupted < 0 ? "ended from the console"
					   : "interrupted by ",
			g->interrupted < 0 ? ""
					   : interrupt_name(g->interrupted),
			(unsigned long long)rs->m->icount);
		return REWIND_EXIT_PASS;
	}
	if (g->at_limit) {
		fprintf(stderr,
			"rewind: the recording stopped at its instruction "
			"limit, "
			"icount %llu\n",
			(unsigned long long)rs->m->icount);
		return REWIND_EXIT_LIMIT;
	}
	return session_exit_status(rs->m);
}
