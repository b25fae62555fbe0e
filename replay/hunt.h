/* A hunt: record the same machine under many chaos schedules, several
 * tries at once, and keep the lowest-numbered run that fails. Run i's
 * chaos seed is a function of the hunt seed and i alone, so a hunt is
 * reproducible and any range of its runs (a shard) can run anywhere. */
#ifndef REWIND_REPLAY_HUNT_H
#define REWIND_REPLAY_HUNT_H

#include "record.h"

#include <stdbool.h>
#include <stdint.h>

/* Run numbers are 1-based; a shard is an inclusive range of them. */
#define HUNT_RUN_MAX  1000000000000ULL
#define HUNT_JOBS_MAX 1024

struct hunt_opts {
	uint64_t seed;	      /* the hunt seed */
	bool seed_drawn;      /* from the host's entropy (it is printed) */
	uint64_t first, last; /* the runs to try, inclusive */
	int jobs;	      /* tries at once */
};

struct hunt_result {
	int status;    /* the process exit status */
	bool kept;     /* REC holds a run: failing, or interrupted */
	bool failed;   /* that run failed (else: the hunt was interrupted) */
	uint64_t run;  /* the kept run's number */
	uint64_t seed; /* and its chaos seed */
};

/* Run i's chaos seed: the i-th output of SplitMix64 started at the hunt
 * seed, i.e. mix(hunt_seed + i * 0x9e3779b97f4a7c15) with SplitMix64's
 * finaliser. Cheap, stateless, and well spread even for seeds 0, 1, 2. */
uint64_t hunt_run_seed(uint64_t hunt_seed, uint64_t run);

/* The number of tries to run at once when not told: the online cores. */
int hunt_default_jobs(void);

/* Hunt runs h->first..h->last of the machine ro describes (ro->chaos is
 * set; ro->out is REC). Each try is a child process recording into its
 * own part file beside REC, console input from /dev/null and output kept
 * aside; the lowest-numbered run that fails (or hits rewind's own error)
 * decides, whatever the number of jobs: its recording becomes REC and its
 * console output is printed. SIGINT / SIGTERM (caught by the caller) stop
 * every try; the lowest-numbered one in flight is kept. No part file is
 * left behind. Messages go to stderr. */
struct hunt_result hunt_run(const struct record_opts *ro,
			    const struct hunt_opts *h);

#endif
