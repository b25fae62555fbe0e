/* Replay history with seeking: a replay session plus the checkpoint
 * timeline. Forward execution leaves a checkpoint every `interval`
 * instructions of ground it covers; seeking restores the nearest
 * checkpoint at or before the target and replays from there, so any
 * icount of the recording is reachable in at most `interval` steps. */
#ifndef REWIND_HISTORY_HISTORY_H
#define REWIND_HISTORY_HISTORY_H

#include "../replay/replayer.h"
#include "../replay/session.h"
#include "../snapshots/timeline.h"

/* Default spacing of new checkpoints, and the default memory budget. */
#define HISTORY_INTERVAL 2000000
#define HISTORY_BUDGET	 (512ull << 20)
/* A seek that replays further than this leaves a checkpoint this far
 * before its target. */
#define HISTORY_NEAR 50000
/* The host time one debugger poll may take: gdb's Ctrl-C is looked at
 * between polls, so no poll runs unbounded. */
#define HISTORY_POLL_MS 10

struct replay_session;

struct history {
	struct machine *m;
	struct gate *g;
	struct timeline *tl;
	uint64_t interval;
	bool verify;
	/* The beginning of history: icount 0, or the icount of the snapshot
	 * a session was restored from, a branch (or a recording made with
	 * --restore) starts from. */
	uint64_t begin;
	/* The end of the recording once reached: the position just after
	 * its end record (UINT64_MAX until known). */
	uint64_t end;
	/* The furthest icount reached: guest output from before it was
	 * shown already and is not shown again. */
	uint64_t furthest;
	/* Where the last checkpoint was taken: thinning may drop it, and
	 * it must not be taken again and again. */
	uint64_t taken_at;
	/* Instructions run between looks at the clock (history_forward_for),
	 * adjusted to about a millisecond each. */
	uint64_t chunk;
	/* A live session (run --gdb) records as it goes: `frontier` is how
	 * far it got; behind it the gate replays what was kept. */
	bool live;
	uint64_t frontier;
	struct session live_run; /* its console run (see session_console) */
	/* The debugger let the guest go again (history_live_resume): the
	 * time it stood stopped is not the guest's to catch up. */
	bool resumed;
	/* record --gdb --limit: recording ends at this icount (UINT64_MAX:
	 * no limit), with the end record a plain record writes there;
	 * at_limit once it got there. */
	uint64_t live_limit;
	bool at_limit;
	/* Recording at the frontier, as a plain record does (session_loop):
	 * a digest at live_digest and every DIGEST_INTERVAL after, and the
	 * log flushed by host time live_flush at the latest, so that a
	 * killed session loses at most about a second. */
	uint64_t live_digest;
	unsigned live_ndigests;
	double live_flush;
	/* Checkpoint intervals searches replayed, and skipped because
	 * nothing could hit there (history/skip.h). */
	uint64_t replayed, skipped;
	/* The recording this history owns (history_open), or NULL. */
	struct replay_session *rs;
	char err[512];
};

/* 0, or -ENOMEM. Takes the first checkpoint (the beginning of history,
 * where the machine is now). */
int history_init(struct history *h, struct machine *m, struct gate *g,
		 size_t budget, uint64_t interval);
void history_free(struct history *h);

/* The recording at path opened as a history on the heap: replayed from
 * its start, with checkpoints every interval instructions (0: the
 * default) kept within budget bytes. NULL after printing why. */
struct history *history_open(const char *path, size_t budget,
			     uint64_t interval);
/* Free a history from history_open, its recording and machine with it. */
void history_close(struct history *h);

/* Make h live: the gate records (keeping events), console input comes
 * from con, and the guest's output goes to the console; o: the machine's
 * options (Ctrl-A S). */
void history_go_live(struct history *h, struct console *con,
		     const struct machine_opts *o);
/* A live session resumes after a stop (gdb's continue or step): its
 * pacing starts again from where the guest stands when it next runs at
 * the frontier, so that time spent at the debugger's prompt neither
 * makes the guest race through its timers nor counts on the user
 * network's clock. */
void history_live_resume(struct history *h);

/* Run forward to target or a stop, leaving checkpoints on the way. At the
 * end of the recording, returns REPLAY_END again however often called. */
enum replay_status history_forward(struct history *h, uint64_t target);
/* history_forward for at most about ms of host time: REPLAY_AT_TARGET
 * short of target when the time ran out (the caller comes back). */
enum replay_status history_forward_for(struct history *h, uint64_t target,
				       unsigned ms);
/* Go to exactly icount, with breakpoints and watchpoints out of the way.
 * 0, or -1 with the reason in h->err (e.g. beyond the recording's end). */
int history_seek(struct history *h, uint64_t icount);
/* A poll's worth (about ms of host time) of history_seek, with
 * breakpoints and watchpoints out of the way while it runs: 1 when at
 * icount, 0 when not there yet (call again), -1 with the reason in
 * h->err. */
int history_seek_poll(struct history *h, uint64_t icount, unsigned ms);
/* history_seek, reporting a failure on stderr; false when it failed. */
bool history_seek_say(struct history *h, uint64_t icount);
/* Breakpoints and watchpoints, set aside while the debugger moves the
 * machine about (seeking, searching) and put back after. */
struct history_stops {
	uint64_t bp[MACHINE_MAX_BREAKPOINTS];
	int nbp;
	struct watchpoint w[MACHINE_MAX_WATCHPOINTS];
	int nw;
};
void history_stops_off(struct machine *m, struct history_stops *s);
void history_stops_on(struct machine *m, const struct history_stops *s);

/* A live session standing at its frontier, recording: true (the events
 * logged there taken first). False in a replay or in a live session's
 * past, where what comes next is already recorded. */
bool history_recording(struct history *h);

/* True when the machine stands at the end of the recording. */
bool history_at_end(const struct history *h);

#endif
