/* rewind replay: reproduce a recording — console output, exit status —
 * and check it against the digests the recording carries. */
#include "../history/debug.h"
#include "../replay/interrupt.h"
#include "../replay/logfile.h"
#include "../replay/replay_session.h"
#include "../replay/summary.h"
#include "../snapshots/file_kind.h"
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
	interrupt_catch();
	int status = gdb ? debug_replay(path, gdb, to, verify, budget)
			 : replay_run(path, to, verify);
	interrupt_release();
	return status;
}

int cmd_info(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rewind info REC\n");
		return 1;
	}
	if (file_kind_of(argv[1]) == FILE_KIND_SNAPSHOT) {
		fprintf(stderr,
			"rewind: %s is a snapshot, not a recording: use "
			"`rewind snapshot info %s`\n",
			argv[1], argv[1]);
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
	struct rec_summary summary;
	const struct rec_summary *sum = &summary;
	int rc = summary_read(r, &summary);
	struct log_stats st;
	log_reader_stats(r, &st);
	for (int t = EV_WALL; t <= EV_END; t++)
		printf("events.%s=%llu\n", event_type_name((enum ev_type)t),
		       (unsigned long long)sum->counts[t]);
	if (sum->counts[EV_NET_RX] || sum->counts[EV_NET_TX])
		printf("frames.received=%llu\nframes.received.bytes=%llu\n"
		       "frames.sent=%llu\nframes.sent.bytes=%llu\n",
		       (unsigned long long)sum->counts[EV_NET_RX],
		       (unsigned long long)sum->net_rx_bytes,
		       (unsigned long long)sum->counts[EV_NET_TX],
		       (unsigned long long)sum->net_tx_bytes);
	printf("digests.with-ram=%llu\n", (unsigned long long)sum->digests_ram);
	if (sum->image_bytes)
		printf("packed-image-bytes=%llu\n",
		       (unsigned long long)sum->image_bytes);
	printf("icount=%llu\n", (unsigned long long)sum->last_icount);
	printf("chunks=%llu\nbytes.raw=%llu\nbytes.stored=%llu\n",
	       (unsigned long long)st.chunks, (unsigned long long)st.raw_bytes,
	       (unsigned long long)st.stored_bytes);
	if (sum->has_end)
		printf("exit=%llu\nexit-code=%d\n",
		       (unsigned long long)sum->end_exit, sum->end_code);
	if (sum->has_end && sum->end_exit == EV_END_INTERRUPTED)
		printf("interrupted=%s\n", interrupt_name(sum->end_code));
	int status = 0;
	if (rc < 0) {
		/* The reader's message names the file already. */
		if (rc == -1)
			fprintf(stderr, "rewind: %s\n", log_reader_error(r));
		else
			fprintf(stderr, "rewind: %s: malformed record\n",
				argv[1]);
		status = 1;
	} else if (log_reader_truncated(r)) {
		printf("truncated=yes\n");
	}
	log_reader_close(r);
	return status;
}
