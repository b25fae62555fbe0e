/* Chaining between blocks. Inline in every handler that leaves its block
 * for a known pc, so that each has its own indirect jump for the host to
 * predict. */
#ifndef REWIND_CORE_CHAIN_H
#define REWIND_CORE_CHAIN_H

#include "block.h"

/* The most instructions blocks run chained before the run loop looks
 * again: bounds the call depth where the compiler does not turn the
 * handlers' calls into jumps (unoptimised and sanitizer builds). */
#define CHAIN_MAX 1024

/* Leave the block for `target` after `retired` of its instructions:
 * straight on into the block at target when chaining may, else back to
 * the run loop (hart_run) with h->pc = target. */
/* Out of line: an interrupt is rarely pending. */
static __attribute__((noinline)) bool hart_goto_irq(const struct hart *h)
{
	return hart_irq_ready(h) != 0;
}

/* Inlined into every handler that leaves a block for a known pc, so each
 * has its own indirect jump into the next block for the host to predict. */
static inline __attribute__((always_inline)) int
hart_goto(struct hart *h, const struct insn *in, uint64_t target,
	  unsigned retired)
{
	uint64_t from = h->pc;
	h->pc = target;
	/* Any block fits in what is left after this one, so the run loop's
	 * budget is kept without looking at the next block's length; 0
	 * forbids chaining (and then in may be a copy outside any block). */
	if (h->chain_left < retired + BLOCK_MAX_INSNS)
		return exec_leave(EXEC_EXIT, retired);
	/* Interrupts and stops are the run loop's to judge. */
	if (__builtin_expect(h->stop != STOP_NONE || (h->mip & h->mie), 0) &&
	    (h->stop != STOP_NONE || hart_goto_irq(h)))
		return exec_leave(EXEC_EXIT, retired);
	/* The records of a block follow its header: in is insns[in->idx]. */
	struct block *b = (struct block *)((const char *)(in - in->idx) -
					   offsetof(struct block, insns));
	/* Only within the page: the same translation, so the physical
	 * table's block is the one the jump cache would find. The last
	 * block chained to is remembered (loops leave the same way). */
	uint64_t off = b->pc_off + (target - from);
	struct block *next = b->link;
	if (__builtin_expect(b->link_off != off, 0)) {
		next = off < PAGE_SIZE && b->cp ? b->cp->at[off >> 1] : NULL;
		if (!next)
			return exec_leave(EXEC_EXIT, retired);
		b->link = next;
		b->link_off = (uint32_t)off;
	}
	/* Every block retires at least one instruction before leaving. */
	h->chain_left -= retired;
	h->icount += retired;
	h->live_idx = 0;
	h->trap_streak = 0;
	h->bp_skip = false;
	return next->entry(h, next->insns);
}

#endif
