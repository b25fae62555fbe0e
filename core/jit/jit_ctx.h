/* What the per-instruction rows (rows.c) and the block translator (jit.c)
 * share: the code being emitted for one block. */
#ifndef REWIND_CORE_JIT_JIT_CTX_H
#define REWIND_CORE_JIT_JIT_CTX_H

#include "../block.h"
#include "emit_x86.h"

#include <stddef.h>

/* Registers in translated code: the hart and the block's first record
 * stay in callee-saved registers across calls into handlers. */
#define JIT_H	RBX
#define JIT_INS RBP

/* What a handler called from translated code returns when it went on to
 * the next record (a stub): kind 3, which no handler leaves with. */
#define JIT_RESUME 3

/* Slow paths of one block: an instruction has at most two (FP off, and a
 * TLB miss or a reserved rounding mode). */
#define JIT_MAX_SLOW (2 * BLOCK_MAX_INSNS)

struct jit_ctx {
	struct x86 e;
	struct block *b;
	/* Records for calls into handlers: recs[0..nrecs) of recs_cap, the
	 * one of instruction k at rec_of[k] once made. */
	struct insn *recs;
	unsigned nrecs, recs_cap;
	uintptr_t rec_of[BLOCK_MAX_INSNS];
	size_t leave; /* offset of the code that returns eax to the caller */
	size_t body;  /* offset of the first instruction's code */
	/* Slow paths, emitted after the block: a jump to patch, the
	 * instruction to hand to its handler, where to go on. */
	struct {
		size_t patch, resume;
		unsigned k;
		int host; /* reloaded from x[reg] before going on, or -1 */
		unsigned reg;
	} slow[JIT_MAX_SLOW];
	unsigned nslow;
	/* The last store of a guest register (rows.c): where its code
	 * ended, which register and from which host register. */
	const uint8_t *st_pos;
	unsigned st_reg;
	int st_host;
};

/* A 64-bit field of the hart, as a displacement from JIT_H. */
#define JIT_OFF(field) ((int32_t)offsetof(struct hart, field))
#define JIT_X(r)       ((int32_t)(offsetof(struct hart, x) + 8 * (unsigned)(r)))
/* A field of the block, from JIT_INS. */
#define JIT_BLK(field)                                                         \
	((int32_t)offsetof(struct block, field) -                              \
	 (int32_t)offsetof(struct block, insns))
/* Record k of the block, from JIT_INS. */
#define JIT_REC(k) ((int32_t)(sizeof(struct insn) * (k)))

/* One instruction's host code. A row exists for an instruction only when
 * it computes exactly what the instruction's handler does. */
typedef void (*jit_row_fn)(struct jit_ctx *c, unsigned k,
			   const struct insn *in);
/* The row of the handler fn (NULL: none), and whether fn is the
 * conditional branch's variant that falls through inside a block. */
jit_row_fn jit_row(insn_fn fn, bool *in_block, bool *may_call);

/* Leave the block for the pc in rdx (direct: the block's first pc plus
 * delta) with `retired` instructions retired,
 * as hart_goto does with record k: chained straight into the next
 * block's code, or back to the run loop. */
void jit_emit_goto(struct jit_ctx *c, unsigned k, unsigned retired,
		   bool direct, int64_t delta);
/* Hand instruction k to its handler and go on after it, or leave with
 * what it returned if it left the block (a trap, an exit). */
void jit_emit_call(struct jit_ctx *c, unsigned k);
/* A jump emitted just before (x86_jcc_fwd) leads to instruction k's
 * handler, and back to what is emitted next. */
void jit_emit_slow(struct jit_ctx *c, size_t patch, unsigned k);

#endif
