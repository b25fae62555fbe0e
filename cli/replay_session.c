#include "replay_session.h"
#include "../replay/logfile.h"
#include "../replay/pack.h"
#include "commands.h"

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
	if (!bad && rs->rc.packed) {
		rs->packed = true;
		bad = pack_extract(rs->r, &rs->rc, rs->pack_dir,
				   &rs->pack_first, &rs->pack_first_len, err,
				   sizeof(err));
	} else if (!bad) {
		bad = recording_check_images(&rs->rc, err, sizeof(err));
	}
	if (bad) {
		fprintf(stderr, "rewind: %s: %s\n", path, err);
		return -1;
	}
	session_opts_from_config(&rs->rc, &rs->o);
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
	static struct rec_config src;
	rs->m = rs->rc.has_snapshot
			? snapshot_machine_from(rs->rc.snapshot.path,
						rs->rc.snapshot.sha256, &rs->g,
						&rs->o, &src, rs->rc.chaos,
						rs->rc.chaos_seed)
			: session_machine_chaos(&rs->o, &rs->g, rs->rc.chaos,
						rs->rc.chaos_seed);
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
	memset(rs, 0, sizeof(*rs));
}

int replay_session_status(struct replay_session *rs, enum replay_status st)
{
	struct gate *g = &rs->g;
	if (g->failed && g->corrupt) {
		fprintf(stderr, "rewind: %s (replayed up to icount %llu)\n",
			g->why, (unsigned long long)g->failed_at);
		return 1;
	}
	if (g->failed) {
		fprintf(stderr, "rewind: replay diverged at icount %llu: %s\n",
			(unsigned long long)g->failed_at, g->why);
		return 1;
	}
	if (st != REPLAY_END) {
		fprintf(stderr,
			"rewind: the recording %s at icount %llu; replayed up "
			"to there\n",
			g->truncated ? "is truncated (the recorder was killed)"
				     : "ends without an end record",
			(unsigned long long)rs->m->icount);
		return 1;
	}
	return session_exit_status(rs->m);
}
