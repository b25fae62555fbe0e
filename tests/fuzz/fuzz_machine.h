/* One machine for every input of a fuzz target. Building a machine per
 * input costs far more than most inputs do (each hart's caches are megabytes
 * the kernel must fault in and zero), so a target builds one, marks the
 * state it wants each input to start from, and resets to that mark before
 * each input: RAM pages written since go back to their marked contents,
 * and the machine state (harts, devices, disk overlays, scheduler) is
 * loaded from a machine_save taken at the mark, as a snapshot restore
 * would. Inputs stay independent of each other, as libFuzzer requires;
 * fuzz_machine_check proves a reset complete. */
#ifndef REWIND_TESTS_FUZZ_MACHINE_H
#define REWIND_TESTS_FUZZ_MACHINE_H

#include "../../core/machine.h"
#include "../../core/state.h"

#include <stdbool.h>

struct fuzz_machine {
	struct machine *m;
	struct state_buf state; /* machine_save at the mark */
	uint8_t *ram;		/* RAM at the mark */
	uint64_t *written;	/* RAM's written and dirty bitmaps there */
	uint64_t *dirty;
	size_t words;	 /* of each bitmap */
	uint64_t icount; /* virtual time at the mark */
};

/* Build fm->m from cfg; the caller prepares it, then calls
 * fuzz_machine_mark. Aborts with a message when it cannot. */
void fuzz_machine_new(struct fuzz_machine *fm,
		      const struct machine_config *cfg);
/* Put the hart at a WFI loop at RAM_BASE (wfi; j .-4: it waits, so
 * virtual time jumps to each completion and the machine is idle once
 * nothing is pending), with its trap vector at RAM_BASE + 8 (j .) and a
 * breakpoint there. A device the input points at the loop's own page can
 * overwrite it; the hart then traps, and the breakpoint ends the run at
 * the first trap instead of letting the vector fault 100,000 times before
 * the machine calls it a trap storm, which is most of what such an input
 * would cost and tells the fuzzer nothing new. */
void fuzz_machine_wfi_loop(struct fuzz_machine *fm);
/* Take the state each input starts from. */
void fuzz_machine_mark(struct fuzz_machine *fm);
/* Put the machine back in the marked state. */
void fuzz_machine_reset(struct fuzz_machine *fm);
/* What differs from the mark (the state, RAM, a bitmap), or NULL: for
 * checking that a reset after an input leaves nothing of it behind. */
const char *fuzz_machine_check(struct fuzz_machine *fm);

#endif
