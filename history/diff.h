/* rewind diff: the first icount at which two recordings of the same
 * machine differ (an input, a scheduling decision, a register, memory or
 * a device), and what differs there. See docs/diff.md. */
#ifndef REWIND_HISTORY_DIFF_H
#define REWIND_HISTORY_DIFF_H

#include "../core/machine.h"
#include "../replay/events.h"
#include "../replay/recording.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct gate;
struct symbols;

/* Compare recordings a and b, printing the report to out (messages about
 * errors go to stderr). The process exit status: 0 when they are
 * identical, 1 when they differ, REWIND_EXIT_ERROR when they cannot be
 * compared (different machines, a bad file). */
int diff_run(const char *path_a, const char *path_b, const struct symbols *syms,
	     FILE *out);

/* Machines: 0 when a and b describe the same machine (images by content;
 * the schedule may differ), else -1 with what differs in why. */
int diff_config_check(const struct rec_config *a, const struct rec_config *b,
		      char *why, size_t len);

/* Inputs (history/diff_inputs.c): the input events of a loaded gate
 * (gate_load_all), in the order the machine took them. */
struct diff_inputs {
	const struct event *a, *b; /* the first pair that differs, or NULL */
	uint64_t at;		   /* its icount (UINT64_MAX: none differs) */
	/* Index (in both lists) of the first differing pair: the common
	 * prefix is [0, common). */
	size_t common;
	/* The wall-clock reading (EV_WALL) differs; it is not counted as
	 * the first differing input (see diff_inputs_compare). */
	bool wall_differs;
	uint64_t wall_a, wall_b;
	/* The inputs of each recording (pointers into its gate). */
	const struct event **list[2];
	size_t n[2];
};
/* 0, or -ENOMEM. Free with diff_inputs_free. */
int diff_inputs_compare(struct gate *a, struct gate *b, struct diff_inputs *d);
void diff_inputs_free(struct diff_inputs *d);
/* The last input both had in common stamped at or before icount, or NULL. */
const struct event *diff_inputs_last_common(const struct diff_inputs *d,
					    uint64_t icount);
/* e in words: `console "ab" (2 bytes) at icount N`. */
void diff_input_describe(const struct event *e, char *buf, size_t len);

/* Machine states (history/diff_state.c), everything but the scheduler
 * and the chaos generator (two schedules of one machine differ there
 * from the start) and, with skip_rtc, the RTC's wall-clock base. */
struct diff_state {
	bool hart[MACHINE_MAX_HARTS]; /* hart i's state differs */
	bool ram;
	char devices[256]; /* names of devices whose state differs */
};
/* True when a and b are in the same state; else false with d filled. */
bool diff_state_equal(const struct machine *a, const struct machine *b,
		      bool skip_rtc, struct diff_state *d);

/* A stretch of guest-physical memory that differs. */
struct diff_range {
	uint64_t addr, len;
};
/* Up to max ranges where a's and b's RAM differ, byte-exact and merged
 * when at most DIFF_MERGE_GAP bytes apart; *count: how many there are in
 * all, *bytes: how many bytes differ. Returns the number stored. */
#define DIFF_MERGE_GAP 8
size_t diff_memory(const struct machine *a, const struct machine *b,
		   struct diff_range *out, size_t max, uint64_t *count,
		   uint64_t *bytes);

#endif
