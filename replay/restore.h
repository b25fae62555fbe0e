/* Machines restored from snapshot files, and snapshots saved from a
 * running machine: what a process restored is kept, so that a later save
 * (Ctrl-A S, snapshot save --parent) is its child. */
#ifndef REWIND_REPLAY_RESTORE_H
#define REWIND_REPLAY_RESTORE_H

#include "recording.h"
#include "session.h"

#include <stdbool.h>
#include <stdint.h>

struct snapshot_chain;

struct restore {
	struct snapshot_chain *chain; /* what was restored, or NULL */
	struct rec_config rc;	      /* the restored machine's configuration */
	/* The entropy generator of a restored environment (host_seeded),
	 * seeded with the snapshot's hash once it is restored. */
	uint64_t entropy_state;
	bool timing; /* print how long restores and saves take (--stats) */
};

/* A restore context on the heap (the configuration is large); NULL when
 * out of memory. */
struct restore *restore_new(bool timing);
void restore_free(struct restore *r);

/* The machine of the snapshot file at path, its options filled into o
 * and its gate's host inputs from g, or NULL after printing why.
 * expect_sha256: the file must hash to this (hex), or NULL. chaos: a
 * chaos schedule from seed replaces the snapshot's own. */
struct machine *restore_machine(struct restore *r, const char *path,
				const char *expect_sha256, struct gate *g,
				struct machine_opts *o, bool chaos,
				uint64_t seed);
/* -1 (after printing why) when options given on the command line
 * contradict the machine of the snapshot snap (from: its options). A
 * --net given for a snapshot with a network card sets up the fresh user
 * network the restored run gets (from->net). */
int restore_opts_check(const char *snap, const struct machine_opts *given,
		       struct machine_opts *from);
/* Save m into path: a child of what r restored, if anything and not full,
 * else a full snapshot of the machine (restored, or as o describes).
 * Returns once the file is in place: 0, or -1 after printing why. r may
 * be NULL. */
int restore_save(struct restore *r, const struct machine *m,
		 const struct machine_opts *o, const char *path, bool force,
		 bool full);
/* Ctrl-A S: save m now into rewind-ICOUNT.snap in the current directory.
 * Returns once m may run on; the file is written on a thread of its own,
 * which says on stderr where it is, or why the save failed, once it is
 * in place. */
void restore_save_now(struct restore *r, const struct machine *m,
		      const struct machine_opts *o);

/* snapshot save: the machine of o, or the one restored from parent (as
 * its child unless full), run to icount at or until on_output appeared in
 * its output, then saved into out. */
struct restore_take {
	struct machine_opts o;
	const char *out, *parent, *on_output;
	bool full, force, timing;
	uint64_t at; /* UINT64_MAX: run until on_output */
};
/* The process exit status: 0 when the snapshot was saved, else 1 after
 * printing why. */
int restore_take(struct restore_take *t);

#endif
