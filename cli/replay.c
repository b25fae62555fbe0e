/* rewind replay: reproduce a recording — console output, exit status —
 * and check it against the digests the recording carries. */
#include "../history/debug.h"
#include "../replay/exit_status.h"
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

const char cmd_replay_help[] =
	"usage: rewind replay REC [--verify] [--to ICOUNT] [--gdb "
	"[HOST:]PORT]\n"
	"                         [--checkpoint-mem SIZE]\n"
	"\n"
	"Reproduce a recording: the same console output and exit status.\n"
	"\n"
	"  --verify              also compare RAM hashes; ends with\n"
	"                        `verified: N instructions, K events, "
	"identical`\n"
	"  --to ICOUNT           stop before the instruction retired at "
	"ICOUNT\n"
	"  --gdb [HOST:]PORT     debug the replay with gdb on PORT, forwards "
	"and\n"
	"                        backwards (127.0.0.1 unless HOST)\n"
	"  --checkpoint-mem SIZE memory for going backwards under gdb, e.g. "
	"256M\n"
	"\n"
	"A divergence, a damaged recording or a --to past its end exits 125.\n"
	"\n"
	"Example:\n"
	"  rewind replay boot.rec --verify\n"
	"  rewind replay boot.rec --gdb 1234\n";

int cmd_replay(int argc, char **argv)
{
	const char *path = NULL;
	bool verify = false;
	uint64_t to = UINT64_MAX, budget = HISTORY_BUDGET;
	const char *gdb = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verify")) {
			verify = true;
		} else if (!strcmp(argv[i], "--to")) {
			const char *v =
				opts_value("replay", argc, argv, &i, "ICOUNT");
			if (!v)
				return REWIND_EXIT_ERROR;
			if (opts_parse_u64(v, &to)) {
				fprintf(stderr, "rewind replay: bad --to\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (!strcmp(argv[i], "--gdb")) {
			gdb = opts_value("replay", argc, argv, &i,
					 OPTS_GDB_FORM);
			if (!gdb)
				return REWIND_EXIT_ERROR;
		} else if (!strcmp(argv[i], "--checkpoint-mem")) {
			const char *v = opts_value("replay", argc, argv, &i,
						   "a SIZE, e.g. 256M");
			if (!v)
				return REWIND_EXIT_ERROR;
			if (opts_parse_size(v, &budget)) {
				fprintf(stderr, "rewind replay: bad "
						"--checkpoint-mem\n");
				return REWIND_EXIT_ERROR;
			}
		} else if (argv[i][0] != '-' && !path) {
			path = argv[i];
		} else {
			fprintf(stderr,
				"rewind replay: unknown option '%s' (`rewind "
				"help replay` lists them)\n",
				argv[i]);
			return REWIND_EXIT_ERROR;
		}
	}
	if (!path) {
		fprintf(stderr, "rewind replay: which recording? (rewind "
				"replay REC)\n");
		return REWIND_EXIT_ERROR;
	}
	interrupt_catch();
	int status = gdb ? debug_replay(path, gdb, to, verify, budget)
			 : replay_run(path, to, verify);
	interrupt_release();
	return status;
}

const char cmd_info_help[] =
	"usage: rewind info REC\n"
	"\n"
	"Describe a recording as key=value lines: the machine it ran on, "
	"its images\n"
	"and their hashes, the events by kind, the last icount and how the "
	"guest\n"
	"ended. A damaged recording exits 125 after what could be read.\n"
	"\n"
	"Example:\n"
	"  rewind info boot.rec | grep ^icount=\n";

/* How far the schedule departs from the default one: the schedule
 * records (none without chaos). A chaos recording made before they were
 * logged does not know. */
static void info_schedule(const char *h, size_t hlen,
			  const struct rec_summary *sum)
{
	struct rec_config *rc = malloc(sizeof(*rc));
	char err[256];
	if (!rc || recording_header_parse(h, hlen, rc, err, sizeof(err))) {
		free(rc);
		return;
	}
	if (rc->chaos && !rc->schedule_logged)
		printf("schedule-deviations=unknown\n");
	else
		printf("schedule-deviations=%llu\n",
		       (unsigned long long)sum->counts[EV_SCHEDULE]);
	free(rc);
}

int cmd_info(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rewind info REC\n");
		return REWIND_EXIT_ERROR;
	}
	if (file_kind_of(argv[1]) == FILE_KIND_SNAPSHOT) {
		fprintf(stderr,
			"rewind: %s is a snapshot, not a recording: use "
			"`rewind snapshot info %s`\n",
			argv[1], argv[1]);
		return REWIND_EXIT_ERROR;
	}
	char err[1024];
	struct log_reader *r = log_reader_open(argv[1], err, sizeof(err));
	if (!r) {
		fprintf(stderr, "rewind: %s\n", err);
		return REWIND_EXIT_ERROR;
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
	/* Debugger writes, in the recordings that have them. */
	for (int t = EV_REG_WRITE; t <= EV_MEM_WRITE; t++)
		if (sum->counts[t])
			printf("events.%s=%llu\n",
			       event_type_name((enum ev_type)t),
			       (unsigned long long)sum->counts[t]);
	if (sum->counts[EV_NET_RX] || sum->counts[EV_NET_TX])
		printf("frames.received=%llu\nframes.received.bytes=%llu\n"
		       "frames.sent=%llu\nframes.sent.bytes=%llu\n",
		       (unsigned long long)sum->counts[EV_NET_RX],
		       (unsigned long long)sum->net_rx_bytes,
		       (unsigned long long)sum->counts[EV_NET_TX],
		       (unsigned long long)sum->net_tx_bytes);
	info_schedule(h, hlen, sum);
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
		printf("interrupted=%s\n",
		       sum->end_code ? interrupt_name(sum->end_code)
				     : "console-quit");
	int status = 0;
	if (rc < 0) {
		/* The reader's message names the file already. */
		if (rc == -1)
			fprintf(stderr, "rewind: %s\n", log_reader_error(r));
		else
			fprintf(stderr, "rewind: %s: malformed record\n",
				argv[1]);
		status = REWIND_EXIT_ERROR;
	} else if (log_reader_truncated(r)) {
		printf("truncated=yes\n");
	}
	log_reader_close(r);
	return status;
}
