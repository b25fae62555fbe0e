/* The checkpoint timeline: in-memory incremental checkpoints of a running
 * machine, for seeking in a replay and for reverse execution.
 *
 * A checkpoint is the machine state (LZ4-compressed) and a map from RAM
 * page to content id in a shared page store, so pages are stored once
 * however many checkpoints hold them. Taking one costs the pages dirtied
 * since the last checkpoint taken or restored. Within a memory budget the
 * timeline thins itself: recent history stays dense, old history sparse;
 * the first checkpoint (the beginning of history) is never dropped. */
#ifndef REWIND_SNAPSHOTS_TIMELINE_H
#define REWIND_SNAPSHOTS_TIMELINE_H

#include "../core/machine.h"

#include <stddef.h>
#include <stdint.h>

struct page_store;

struct tl_page {
	uint32_t page; /* RAM page number */
	uint32_t id;   /* content id in the page store */
};

struct checkpoint {
	uint64_t icount;
	uint64_t cookie; /* the caller's position at this icount */
	uint64_t hart_icount[MACHINE_MAX_HARTS];
	uint8_t *state; /* machine_save blob, LZ4-compressed */
	size_t state_len, state_raw;
	struct tl_page *pages; /* nonzero pages, by page number */
	uint32_t npages;
	/* What ran between icount touch_from and this checkpoint
	 * (core/dirty.c), so searches can skip what cannot hit: the virtual
	 * lines the harts stored to (touch_w), the physical lines anything
	 * wrote (touch_p) and the virtual pages the harts ran code from
	 * (touch_x). touch_from is where the timeline was last taken or
	 * restored before this one was taken; when checkpoints are dropped,
	 * the next one takes over their sets. */
	uint64_t touch_from;
	struct linelist touch_w, touch_p;
	struct pagelist touch_x;
};

struct timeline {
	struct machine *m;
	struct page_store *ps;
	struct checkpoint *cp; /* by icount */
	size_t n, cap;
	/* RAM as of the last checkpoint taken or restored (the baseline that
	 * the dirty bitmap is relative to); valid once `based`. */
	struct tl_page *cur;
	uint32_t ncur;
	bool based;
	uint64_t based_at; /* the icount of the baseline */
	size_t budget;	   /* bytes */
	size_t meta_bytes; /* states, maps and bookkeeping */
	uint64_t taken, thinned;
	uint64_t take_ns; /* host time spent taking checkpoints */
};

/* A timeline for m within budget bytes; NULL when out of memory. */
struct timeline *timeline_new(struct machine *m, size_t budget);
void timeline_free(struct timeline *tl);

/* Checkpoint the machine now (between runs), with the caller's cookie.
 * A checkpoint at the same icount is replaced. 0 or -ENOMEM. */
int timeline_take(struct timeline *tl, uint64_t cookie);
/* The latest checkpoint at or before icount, or NULL. */
const struct checkpoint *timeline_find(const struct timeline *tl,
				       uint64_t icount);
/* Put the machine back to checkpoint c. 0, or a negative errno with a
 * message in err (the checkpoint did not load: the machine is as it was
 * apart from RAM, which is then out of step with any checkpoint). */
int timeline_restore(struct timeline *tl, const struct checkpoint *c, char *err,
		     size_t errlen);
/* The checkpoint whose touched pages cover everything run from icount lo
 * up to hi (lo < hi): the first at or after hi, if its touch_from is at
 * or before lo. NULL when none covers it. */
const struct checkpoint *timeline_touched(const struct timeline *tl,
					  uint64_t lo, uint64_t hi);
/* Host memory the timeline holds. */
size_t timeline_bytes(const struct timeline *tl);

#endif
