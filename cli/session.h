/* Running a booted machine with its console, live or while recording. */
#ifndef REWIND_CLI_SESSION_H
#define REWIND_CLI_SESSION_H

#include "../core/boot.h"
#include "../core/machine.h"
#include "../replay/gate.h"
#include "../replay/recording.h"
#include "console.h"
#include "options.h"

/* Instructions between two looks at the console: small enough that typed
 * input feels immediate, large enough to cost nothing. */
#define CONSOLE_SLICE 1000000
/* A recording carries the harts' registers every DIGEST_INTERVAL
 * instructions, and a RAM hash every DIGEST_RAM_EVERY digests. */
#define DIGEST_INTERVAL	 10000000
#define DIGEST_RAM_EVERY 10

/* Build the machine described by o (with host inputs from the gate) and
 * boot it. Returns NULL after printing why. */
struct machine *session_machine(const struct machine_opts *o, struct gate *g);
/* The same with chaos scheduling seeded with seed. */
struct machine *session_machine_chaos(const struct machine_opts *o,
				      struct gate *g, bool chaos,
				      uint64_t seed);
/* Run until the guest exits, the user quits or nothing can happen; on
 * a guest reboot, boot again. Returns the process exit status. */
struct session_result {
	int status;	   /* the process exit status */
	bool guest_failed; /* fail code, panic or oops, or the limit hit */
};
/* limit: stop (as a failure) at this icount; UINT64_MAX for none. */
struct session_result session_run(struct machine *m, struct gate *g,
				  const struct machine_opts *o, uint64_t limit);
/* The process exit status for how the guest ended (messages to stderr). */
int session_exit_status(const struct machine *m);
/* The record configuration for o, and back. */
void session_rec_config(const struct machine_opts *o, struct rec_config *c);
void session_opts_from_config(const struct rec_config *c,
			      struct machine_opts *o);

#endif
