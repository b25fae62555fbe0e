/* Recording a run: the guest runs as under `run`, and every input is
 * logged into a recording with the machine's configuration as its header. */
#ifndef REWIND_REPLAY_RECORD_H
#define REWIND_REPLAY_RECORD_H

#include "session.h"

struct record_opts {
	struct machine_opts m;
	const char *out;
	bool force;
	bool chaos, seed_given;
	bool faults; /* chaos injects device faults too (--chaos=faults) */
	uint64_t seed;
	int until_fail; /* 0: one run */
	uint64_t limit;
	bool pack;	     /* embed the images */
	const char *restore; /* start from this snapshot */
};

/* One recorded run into path (replaced when force), with chaos seed seed
 * when ro->chaos. Messages go to stderr. */
struct session_result record_run(const struct record_opts *ro, const char *path,
				 bool force, uint64_t seed);
/* The recording file for a run: rc filled from ro (and its snapshot),
 * images packed when asked. NULL after printing why. */
struct log_writer *record_open(const struct record_opts *ro,
			       struct rec_config *rc, const char *path,
			       bool force, uint64_t seed);
/* The recording's configuration when it starts from the snapshot snap:
 * the snapshot's machine, and the snapshot itself by path and hash. 0, or
 * -1 with the reason in err. */
int record_snapshot_config(const char *snap, struct rec_config *rc, char *err,
			   size_t errlen);
/* A seed for a chaos schedule, from the host's entropy. */
uint64_t record_fresh_seed(void);

#endif
