/* The process exit statuses of rewind (shared/DESIGN.md), in one place so
 * that scripts (`git bisect run`, hunts, CI) can tell a guest's verdict
 * from rewind's own trouble. */
#ifndef REWIND_REPLAY_EXIT_STATUS_H
#define REWIND_REPLAY_EXIT_STATUS_H

enum rewind_exit {
	/* Clean poweroff or a finisher pass. (A finisher fail exits with
	 * the guest's own code.) */
	REWIND_EXIT_PASS = 0,
	/* The guest failed without a code: panic, oops, a failure line. */
	REWIND_EXIT_GUEST_FAILED = 1,
	/* --limit reached. */
	REWIND_EXIT_LIMIT = 124,
	/* rewind could not do what was asked: bad option, bad file, host
	 * fault. Said on stderr. */
	REWIND_EXIT_ERROR = 125,
	/* After SIGINT / SIGTERM (128 + the signal), recording closed. */
	REWIND_EXIT_SIGINT = 130,
	REWIND_EXIT_SIGTERM = 143,
};

#endif
