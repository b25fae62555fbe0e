/* Going backwards through a history: a hart's previous instruction, and
 * the last breakpoint or watchpoint hit before a position, searched one
 * checkpoint interval at a time. */
#ifndef REWIND_HISTORY_REVERSE_H
#define REWIND_HISTORY_REVERSE_H

#include "../core/util/progress.h"
#include "history.h"

/* A hart stopped at a breakpoint or watchpoint. */
struct history_hit {
	int hart;
	bool watch;	      /* a watchpoint, else a breakpoint */
	enum watch_kind kind; /* the watched access's kind */
	uint64_t addr;	      /* the watched address that was accessed */
	uint64_t pc;	      /* the breakpoint's address */
};

/* After a forward run stopped for a hart (REPLAY_HART_STOP): which hart,
 * and why. False when no hart is stopped. */
bool history_hit_find(const struct machine *m, struct history_hit *hit);

enum history_reverse {
	HISTORY_REVERSE_HIT,   /* at the last hit before the origin: *hit */
	HISTORY_REVERSE_MORE,  /* still searching: poll again */
	HISTORY_REVERSE_BEGIN, /* none at all: at icount 0 */
	HISTORY_REVERSE_LOST,  /* a hit, *hit, whose place could not be
				  gone back to */
};

/* A reverse step in progress, in polls of bounded host time: go to the
 * position just before hart t retired its previous instruction (on SMP,
 * not the machine's previous one), with breakpoints and watchpoints out
 * of the way. */
enum rstep_phase {
	RSTEP_BACK_ONE, /* to the machine's previous instruction */
	RSTEP_CHECK,	/* was it hart t's? else from a checkpoint: */
	RSTEP_RUN,	/* run on to where hart t retired its previous */
	RSTEP_GO,	/* go there (pos) */
	RSTEP_TO_BEGIN, /* nothing before: the beginning of history */
	RSTEP_DONE,
};
struct history_rstep {
	int t;
	uint64_t n;    /* hart t's retired count where the step began */
	uint64_t here; /* ... and the machine's */
	enum rstep_phase phase;
	uint64_t pos; /* RSTEP_GO: where to */
};
void history_rstep_begin(struct history *h, struct history_rstep *r, int t);
/* HISTORY_REVERSE_HIT there, HISTORY_REVERSE_BEGIN at the beginning of
 * history, HISTORY_REVERSE_MORE: poll again. */
enum history_reverse history_rstep_poll(struct history *h,
					struct history_rstep *r, unsigned ms);

/* Go to the position just before hart `hart` retired its previous
 * instruction (on SMP, not the machine's previous one), with breakpoints
 * and watchpoints out of the way. 0, or -ENOENT at the beginning of
 * history (the machine is then at icount 0). */
int history_reverse_step(struct history *h, int hart);

/* A reverse-continue in progress: the last breakpoint or watchpoint hit
 * before an origin, searched one checkpoint interval at a time, newest
 * first, in polls of bounded host time. */
struct history_search {
	uint64_t seg_end;	/* no hit from here up to the origin */
	uint64_t from;		/* the checkpoint the stretch begins at */
	bool scanning;		/* replaying from `from` to seg_end */
	bool found;		/* ... and a hit was seen there */
	uint64_t hit_pos;	/* where the latest one was */
	struct history_hit hit; /* ... and what it was */
	uint64_t origin;	/* where it began */
	struct progress progress;
};

/* A search back from where the machine is. */
void history_search_begin(struct history *h, struct history_search *s);
/* The search is over (found, or given up): its progress line goes. */
void history_search_end(struct history_search *s);
/* Search on for about ms of host time. A watched access stops the hart
 * just after it, which is where a reverse stop lands: the debugger then
 * steps back over the access itself. While HISTORY_REVERSE_MORE, the
 * machine stands somewhere between the origin's checkpoint and the
 * origin, where the search got to. */
enum history_reverse history_search_poll(struct history *h,
					 struct history_search *s,
					 struct history_hit *hit, unsigned ms);

#endif
