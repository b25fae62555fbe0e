/* rewind replay: reproduce a recording — console output, exit status —
 * and check it against the digests the recording carries. */
#include "../history/debug.h"
#include "../replay/logfile.h"
#include "../replay/replay_session.h"
#include "commands.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_replay(int argc, char **argv)
{
	const char *path = NULL;
	bool verify = false;
	uint64_t to = UINT64_MAX, budget = HISTORY_BUDGET;
	const char *gdb = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verify")) {
			verify = true;
		} else if (!strcmp(argv[i], "--to") && i + 1 < argc) {
			if (opts_parse_u64(argv[++i], &to)) {
				fprintf(stderr, "rewind replay: bad --to\n");
				return 1;
			}
		} else if (!strcmp(argv[i], "--gdb") && i + 1 < argc) {
			gdb = argv[++i];
		} else if (!strcmp(argv[i], "--checkpoint-mem") &&
			   i + 1 < argc) {
			if (opts_parse_size(argv[++i], &budget)) {
				fprintf(stderr, "rewind replay: bad "
						"--checkpoint-mem\n");
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
	if (gdb)
		return debug_replay(path, gdb, to, verify, budget);
	return replay_run(path, to, verify);
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
	struct event *e = malloc(sizeof(*e)), *end = calloc(1, sizeof(*end));
	if (!e || !end) {
		fprintf(stderr, "rewind: out of memory\n");
		free(e);
		free(end);
		log_reader_close(r);
		return 1;
	}
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
		if (event_decode(rec, len, e) < 0) {
			rc = -2;
			break;
		}
		counts[e->type]++;
		last = e->icount;
		if (e->type == EV_DIGEST && e->value)
			digests_ram++;
		if (e->type == EV_END) {
			*end = *e;
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
		       (unsigned long long)end->value, end->code);
	int status = 0;
	if (rc == -1 || rc == -2) {
		fprintf(stderr, "rewind: %s: %s\n", argv[1],
			rc == -1 ? log_reader_error(r) : "malformed record");
		status = 1;
	} else if (log_reader_truncated(r)) {
		printf("truncated=yes\n");
	}
	log_reader_close(r);
	free(e);
	free(end);
	return status;
}
