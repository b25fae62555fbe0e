/* Sessions: building and booting the machine a command line describes, and
 * running it with its console, live or while recording (digests and the
 * end record included). */
#ifndef REWIND_REPLAY_SESSION_H
#define REWIND_REPLAY_SESSION_H

#include "../core/boot.h"
#include "../core/machine.h"
#include "console.h"
#include "gate.h"
#include "net_user.h"
#include "pace.h"
#include "recording.h"

/* Instructions between two looks at the console: small enough that typed
 * input feels immediate, large enough to cost nothing. */
#define CONSOLE_SLICE 1000000
/* Under --chaos=faults, the most typed input is held back (instructions). */
#define CONSOLE_BURST_MAX 5000000
/* With a network card, the user network is served at least this often
 * (200 us of virtual time): a frame waits for the next look, and a reply
 * path of a few frames would otherwise cost tens of milliseconds. */
#define NET_SLICE 20000
/* A recording carries the harts' registers every DIGEST_INTERVAL
 * instructions, and a RAM hash every DIGEST_RAM_EVERY digests. */
#define DIGEST_INTERVAL	 10000000
#define DIGEST_RAM_EVERY 10
/* A recording also reaches the disk at least this often (host seconds),
 * so a recorder killed outright loses at most about this much. */
#define SESSION_FLUSH_SECONDS 1.0

/* The MACHINE options of run, record and snapshot. */
struct machine_opts {
	const char *bios; /* NULL: the default firmware; "none": no firmware */
	const char *kernel;
	const char *initrd;
	const char *append;
	uint64_t mem;
	int smp;
	bool mem_given, smp_given; /* said on the command line */
	const char *from; /* the recording these were read from, or NULL */
	struct disk_config disks[MACHINE_MAX_DISKS];
	int ndisks;
	/* enum machine_identity; 0: the current one. A recording or a
	 * snapshot sets its own. */
	int identity;
	/* enum machine_scheduler; 0: the current one. A recording or a
	 * snapshot sets its own. */
	int scheduler;
	/* --net: a network card, and the user network a live run or a
	 * recording gives it (a replay feeds recorded frames instead). */
	struct net_opts net;
	/* Only these chaos draws may depart from the default schedule (a
	 * shrunk recording's chaos-keep; see machine_config). */
	bool chaos_keep_only;
	const uint64_t *chaos_keep;
	size_t chaos_nkeep;
	/* Chaos also injects device faults (--chaos=faults). */
	bool chaos_faults;
};

void session_opts_defaults(struct machine_opts *o);

/* Build the machine described by o (with host inputs from the gate) and
 * boot it. Returns NULL after printing why. */
struct machine *session_machine(const struct machine_opts *o, struct gate *g);
/* The same with chaos scheduling seeded with seed. */
struct machine *session_machine_chaos(const struct machine_opts *o,
				      struct gate *g, bool chaos,
				      uint64_t seed);

struct restore;

/* A console run: the machine, its gate and console, and what it was
 * built from (for a reboot, and for Ctrl-A S). */
struct session {
	struct machine *m;
	struct gate *g;
	struct console *con;
	const struct machine_opts *o;
	struct restore *origin; /* what was restored, or NULL */
	uint64_t limit;		/* stop at this icount; UINT64_MAX for none */
	uint64_t slice;		/* instructions between looks at the console */
	/* The user network behind the card (live and recording with --net),
	 * or NULL. */
	struct net_user *net;
	/* Virtual time against the host clock (replay/pace.h): with the
	 * network (its peers live on host time), and in run and record
	 * when stdin is a terminal (someone may type). */
	struct pace pace;
	/* Recording under --chaos=faults: typed input is held back and
	 * delivered in bursts, at icounts drawn from a generator seeded from
	 * the chaos seed (the recording holds when it came, so a replay needs
	 * no draws): until burst_at, or until the machine stops advancing
	 * (it waits for the input: holding on would only stall it). */
	bool burst;
	uint64_t burst_state, burst_at, burst_icount;
};

/* Start the user network o asks for behind s's card (none: nothing to
 * do). 0, or -1 after printing why (a forwarded port in use). */
int session_net_start(struct session *s, const struct machine_opts *o);
void session_net_stop(struct session *s);

/* The one console run loop: run until the guest exits, the limit is
 * reached, the console's watch string or a kernel failure went by, the
 * user quits or nothing can happen (m->exit is then MEXIT_HALTED). When
 * recording, it logs digests on the way. */
void session_loop(struct session *s);
/* One look at the console between two runs: deliver what arrived (waiting
 * up to wait_ms for it when nothing is pending) and act on Ctrl-A S. */
void session_console(struct session *s, int wait_ms);

/* Run until the guest exits, the user quits, a signal stops it (status
 * 128 + signal, the recording closed with an end record that says so) or
 * nothing can happen; on a guest reboot, boot again. Returns the process
 * exit status. */
struct session_result {
	int status;	   /* the process exit status */
	bool guest_failed; /* fail code, panic or oops, or the limit hit */
};
/* limit: stop (as a failure) at this icount; UINT64_MAX for none.
 * origin: what m was restored from (Ctrl-A S saves a child), or NULL. */
struct session_result session_run(struct machine *m, struct gate *g,
				  const struct machine_opts *o,
				  struct restore *origin, uint64_t limit);
/* What a live run did, for --stats. */
struct session_stats {
	uint64_t icount, retired;
	double seconds; /* host time */
};
/* rewind run without a debugger: the machine o describes, or the one
 * restored from the snapshot file restore (NULL: none), run live with its
 * console. timing: print how long restores and saves take. The process
 * exit status; *stats filled once the machine ran. */
int session_live(const struct machine_opts *o, const char *restore, bool timing,
		 struct session_stats *stats);

/* The signal (SIGINT, SIGTERM) that stopped a run of m while its guest
 * was still running, or 0. */
int session_interrupted(const struct machine *m);
/* Recording: what is buffered written to disk as a chunk, so that a
 * killed recorder loses little. */
void session_flush(struct machine *m, struct gate *g);
/* Recording: a digest of the machine now (its RAM hashed too when
 * with_ram), and the log flushed. */
void session_digest(struct machine *m, struct gate *g, bool with_ram);
/* Recording: log the end record, so that a replay ends the same way. */
void session_log_end(struct machine *m, struct gate *g);
/* ... the end record of a run that signal sig stopped, or (sig 0) that
 * the user ended from the console (EV_END_INTERRUPTED). */
void session_log_interrupted(struct machine *m, struct gate *g, int sig);
/* ... the end record of a run stopped at its --limit (EV_END_LIMIT). */
void session_log_limit(struct machine *m, struct gate *g);
/* The process exit status for how the guest ended (messages to stderr). */
int session_exit_status(const struct machine *m);
/* The record configuration for o, and back. */
void session_rec_config(const struct machine_opts *o, struct rec_config *c);
void session_opts_from_config(const struct rec_config *c,
			      struct machine_opts *o);

#endif
