/* rewind replay: reproduce a recording — console output, exit status —
 * and check it against the digests the recording carries. */
#include "../core/dev/uart.h"
#include "../replay/logfile.h"
#include "../replay/pack.h"
#include "commands.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where packed images were extracted to, and the first record after
 * them, which the gate must still see. */
struct replay_pack {
	char dir[REC_PATH_MAX];
	const void *first;
	size_t first_len;
	bool used;
};

/* Open a recording and rebuild the machine options it names. */
static struct log_reader *replay_open(const char *path, struct rec_config *rc,
				      struct machine_opts *o,
				      struct replay_pack *pk)
{
	char err[1024];
	struct log_reader *r = log_reader_open(path, err, sizeof(err));
	if (!r) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	size_t hlen;
	const char *h = log_reader_header(r, &hlen);
	int bad = recording_header_parse(h, hlen, rc, err, sizeof(err));
	if (!bad && rc->packed) {
		pk->used = true;
		bad = pack_extract(r, rc, pk->dir, &pk->first, &pk->first_len,
				   err, sizeof(err));
	} else if (!bad) {
		bad = recording_check_images(rc, err, sizeof(err));
	}
	if (bad) {
		if (pk->used)
			pack_cleanup(rc, pk->dir);
		fprintf(stderr, "rewind: %s: %s\n", path, err);
		log_reader_close(r);
		return NULL;
	}
	session_opts_from_config(rc, o);
	return r;
}

/* Run the machine to exactly `target`. False when it stopped earlier. */
static bool replay_run_to(struct machine *m, struct gate *g, uint64_t target)
{
	while (m->icount < target && !g->failed) {
		enum machine_stop st = machine_run(m, target - m->icount);
		if (st == MSTOP_EXIT)
			return false;
		if (st == MSTOP_IDLE) {
			gate_fail(g, m->icount,
				  "every hart waits at icount %llu, but the "
				  "recording goes on to icount %llu",
				  (unsigned long long)m->icount,
				  (unsigned long long)target);
			return false;
		}
	}
	return !g->failed;
}

/* Act on one recorded event at its icount. False ends the replay. */
static bool replay_event(struct machine *m, struct gate *g,
			 const struct event *e, bool verify)
{
	static struct event have;
	char why[900];
	switch (e->type) {
	case EV_CONSOLE:
		/* The same machine state takes the same bytes. */
		if (uart_rx_room(m->uart) < e->len) {
			gate_fail(g, e->icount,
				  "the UART cannot take the recorded input");
			return false;
		}
		for (uint32_t i = 0; i < e->len; i++)
			uart_rx_push(m->uart, e->bytes[i]);
		return true;
	case EV_DIGEST:
		event_digest_take(m, verify && e->value != 0, &have);
		if (!verify)
			have.value = 0;
		if (!event_digest_equal(e, &have, why, sizeof(why))) {
			gate_fail(g, e->icount, "state differs: %s", why);
			return false;
		}
		return true;
	case EV_END:
		if (m->exit != (enum machine_exit)e->value ||
		    m->exit_code != e->code)
			gate_fail(g, e->icount,
				  "the guest ended differently (recorded exit "
				  "%llu code %d, replayed %d code %d)",
				  (unsigned long long)e->value, e->code,
				  (int)m->exit, m->exit_code);
		return false;
	default: return true;
	}
}

int cmd_replay(int argc, char **argv)
{
	const char *path = NULL;
	bool verify = false;
	uint64_t to = UINT64_MAX;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verify")) {
			verify = true;
		} else if (!strcmp(argv[i], "--to") && i + 1 < argc) {
			if (opts_parse_u64(argv[++i], &to)) {
				fprintf(stderr, "rewind replay: bad --to\n");
				return 1;
			}
		} else if (argv[i][0] != '-' && !path) {
			path = argv[i];
		} else {
			fprintf(stderr, "rewind replay: unknown option '%s'\n",
				argv[i]);
			return 1;
		}
	}
	if (!path) {
		fprintf(stderr, "rewind replay: which recording?\n");
		return 1;
	}
	static struct rec_config rc;
	static struct replay_pack pk;
	struct machine_opts o;
	struct log_reader *r = replay_open(path, &rc, &o, &pk);
	if (!r)
		return 1;
	struct gate g;
	gate_init(&g, GATE_REPLAY, NULL, NULL, r);
	if (pk.first && gate_queue_record(&g, pk.first, pk.first_len))
		gate_fail(&g, 0, "malformed record in the recording");
	static struct rec_config src; /* a recording from a snapshot */
	struct machine *m =
		rc.has_snapshot
			? snapshot_machine_from(rc.snapshot.path,
						rc.snapshot.sha256, &g, &o,
						&src, rc.chaos, rc.chaos_seed)
			: session_machine_chaos(&o, &g, rc.chaos,
						rc.chaos_seed);
	int status = 1;
	bool ended = false;
	while (m && !g.failed) {
		const struct event *e = gate_peek_driver_event(&g);
		uint64_t target = e ? e->icount : UINT64_MAX;
		if (to < target)
			target = to;
		if (!e && target == UINT64_MAX)
			break; /* the recording stops here */
		if (!replay_run_to(m, &g, target) && m->exit == MEXIT_RUNNING)
			break;
		if (m->icount >= to && (!e || e->icount > to)) {
			fprintf(stderr, "rewind: stopped at icount %llu\n",
				(unsigned long long)m->icount);
			status = 0;
			goto out;
		}
		if (!e)
			break;
		bool go_on = replay_event(m, &g, e, verify);
		if (e->type == EV_END)
			ended = true;
		gate_pop_driver_event(&g);
		if (!go_on)
			break;
	}
	if (!m) {
		status = 1;
	} else if (g.failed && g.corrupt) {
		fprintf(stderr, "rewind: %s (replayed up to icount %llu)\n",
			g.why, (unsigned long long)g.failed_at);
		status = 1;
	} else if (g.failed) {
		fprintf(stderr, "rewind: replay diverged at icount %llu: %s\n",
			(unsigned long long)g.failed_at, g.why);
		status = 1;
	} else if (!ended) {
		fprintf(stderr,
			"rewind: the recording %s at icount %llu; replayed up "
			"to there\n",
			g.truncated ? "is truncated (the recorder was killed)"
				    : "ends without an end record",
			(unsigned long long)m->icount);
		status = 1;
	} else {
		status = session_exit_status(m);
	}
out:
	fflush(stdout);
	if (m)
		machine_free(m);
	log_reader_close(r);
	gate_free(&g);
	if (pk.used)
		pack_cleanup(&rc, pk.dir);
	return status;
}

int cmd_info(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rewind info REC\n");
		return 1;
	}
	char err[1024];
	struct log_reader *r = log_reader_open(argv[1], err, sizeof(err));
	if (!r) {
		fprintf(stderr, "rewind: %s\n", err);
		return 1;
	}
	size_t hlen;
	const char *h = log_reader_header(r, &hlen);
	printf("%.*s", (int)hlen, h);
	uint64_t counts[EV_END + 1] = {0}, last = 0, digests_ram = 0;
	static struct event e;
	struct event end = {0};
	bool has_end = false;
	const void *rec;
	size_t len;
	int rc;
	uint64_t image_bytes = 0;
	while ((rc = log_reader_next(r, &rec, &len)) > 0) {
		if (len > 10 && ((const uint8_t *)rec)[0] == EV_IMAGE) {
			image_bytes += len - 10;
			continue;
		}
		if (event_decode(rec, len, &e) < 0) {
			rc = -2;
			break;
		}
		counts[e.type]++;
		last = e.icount;
		if (e.type == EV_DIGEST && e.value)
			digests_ram++;
		if (e.type == EV_END) {
			end = e;
			has_end = true;
		}
	}
	struct log_stats st;
	log_reader_stats(r, &st);
	for (int t = EV_WALL; t <= EV_END; t++)
		printf("events.%s=%llu\n", event_type_name((enum ev_type)t),
		       (unsigned long long)counts[t]);
	printf("digests.with-ram=%llu\n", (unsigned long long)digests_ram);
	if (image_bytes)
		printf("packed-image-bytes=%llu\n",
		       (unsigned long long)image_bytes);
	printf("icount=%llu\n", (unsigned long long)last);
	printf("chunks=%llu\nbytes.raw=%llu\nbytes.stored=%llu\n",
	       (unsigned long long)st.chunks, (unsigned long long)st.raw_bytes,
	       (unsigned long long)st.stored_bytes);
	if (has_end)
		printf("exit=%llu\nexit-code=%d\n",
		       (unsigned long long)end.value, end.code);
	int status = 0;
	if (rc == -1 || rc == -2) {
		fprintf(stderr, "rewind: %s: %s\n", argv[1],
			rc == -1 ? log_reader_error(r) : "malformed record");
		status = 1;
	} else if (log_reader_truncated(r)) {
		printf("truncated=yes\n");
	}
	log_reader_close(r);
	return status;
}
