/* rewind shrink: the smallest part of a failing chaos schedule that still
 * fails the same way. The chaos draws that depart from the default
 * schedule are searched by delta debugging: each try re-runs the machine
 * with only a subset of them kept (the others take their default), fed the
 * recording's inputs (console bytes and frames at their icounts, clock and
 * entropy in their order), and keeps the subset when the guest ends with
 * the same exit kind and code. */
#ifndef REWIND_HISTORY_SHRINK_H
#define REWIND_HISTORY_SHRINK_H

#include "../core/machine.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A departure of the shrunk schedule, with where it shows: for a cut
 * quantum, the last instruction the hart retired before it was preempted
 * (its pc and bytes). */
struct shrink_decision {
	struct chaos_decision d;
	bool preempted;	   /* a quantum that ended the hart's turn early */
	uint64_t at;	   /* the icount of the preemption */
	uint64_t pc;	   /* of the hart's last instruction before it */
	uint8_t insn[4];   /* that instruction (for the disassembler) */
	unsigned insn_len; /* 0: not readable */
};

struct shrink_report {
	size_t before, after; /* departures of the input and of the output */
	unsigned tries;	      /* runs of the machine */
	int exit_kind, exit_code;
	struct shrink_decision *kept; /* after of them */
};

/* Shrink the recording at in into a new recording at out (replaced when
 * force). 0 with *rep filled (free with shrink_report_free), or the
 * process exit status (REWIND_EXIT_ERROR) after printing why. */
int shrink_run(const char *in, const char *out, bool force,
	       struct shrink_report *rep);
void shrink_report_free(struct shrink_report *rep);

#endif
