/* The translation tier's driver: when to translate, the code buffer, entry
 * and exit of translated code, and emptying the buffer.
 *
 * Exactness: translated code is entered only where the interpreter would
 * run a whole block from its first record (hart_run's whole-block path
 * and chaining, never a block cut short by a budget, a breakpoint or a
 * watched read), and it does what the block's handlers would, in order:
 * h->pc stays at the block's first instruction, counts move only when
 * the block is left, and every instruction without a row, and every slow
 * path of a load or store, is handed to its own handler with a copy of
 * its record, so traps, device accesses and stores into code happen in
 * the one place they always did. */
#include "jit.h"

#if defined(__x86_64__)

#include "../block.h"
#include "../chain.h"
#include "../exec.h"
#include "../machine.h"
#include "jit_ctx.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* A block is translated once it has been entered this many times: code
 * that runs a few times (most of a kernel's boot) is cheaper to interpret
 * than to translate, which costs about as much as interpreting the block
 * a few hundred times; a loop reaches the count at once. */
#define JIT_THRESHOLD 256

/* 32 MiB of code, and of handler records: a booted kernel's hot code
 * takes a few MiB; when either is full everything is dropped and
 * translated again. */
#define JIT_CODE (32u << 20)
#define JIT_RECS (32u << 20)
/* The most one block can take (64 instructions of a few dozen bytes, their
 * slow paths, three exits): translation starts only with this much room,
 * so that it never fails half-way, and only this much is made writable. */
#define JIT_BLOCK_ROOM (32u << 10)
#define JIT_BLOCK_RECS (2 * (BLOCK_MAX_INSNS + 1) * sizeof(struct insn))

struct jit {
	/* Code is executable and never writable, but for the window a block
	 * is being emitted into. Private mappings: a child process of a
	 * fork gets its own copy, never the parent's pages. */
	uint8_t *code;
	struct insn *recs; /* handler records: data, never executed */
	size_t code_used, recs_used;
	bool full;   /* flush at the next safe point */
	bool broken; /* no buffer could be made: never translate */
	uint64_t translated, flushes;
};

static int jit_resume(struct hart *h, const struct insn *in)
{
	(void)h;
	(void)in;
	return JIT_RESUME;
}

/* hart_goto out of line: translated code's way out when the inline
 * chaining does not apply. */
static int jit_chain(struct hart *h, const struct insn *in, uint64_t target,
		     unsigned retired)
{
	return hart_goto(h, in, target, retired);
}

static struct jit *jit_new(void)
{
	struct jit *j = calloc(1, sizeof(*j));
	if (!j)
		return NULL;
	void *code = mmap(NULL, JIT_CODE, PROT_READ | PROT_EXEC,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	void *recs = mmap(NULL, JIT_RECS, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (code == MAP_FAILED || recs == MAP_FAILED) {
		if (code != MAP_FAILED)
			munmap(code, JIT_CODE);
		if (recs != MAP_FAILED)
			munmap(recs, JIT_RECS);
		j->broken = true;
		return j;
	}
	j->code = code;
	j->recs = recs;
	return j;
}

void jit_free(struct bus *b)
{
	struct jit *j = b->jit;
	if (!j)
		return;
	if (j->code) {
		munmap(j->code, JIT_CODE);
		munmap(j->recs, JIT_RECS);
	}
	free(j);
	b->jit = NULL;
}

uint64_t jit_translated(const struct bus *b)
{
	return b->jit ? b->jit->translated : 0;
}

uint64_t jit_flushes(const struct bus *b)
{
	return b->jit ? b->jit->flushes : 0;
}

static void jit_epilogue(struct x86 *e)
{
	x86_pop(e, R12);
	x86_pop(e, JIT_INS);
	x86_pop(e, JIT_H);
}

/* A copy of record k followed by the stub that says "go on": a handler
 * run on it returns JIT_RESUME when it falls through. */
static uintptr_t jit_rec(struct jit_ctx *c, unsigned k)
{
	if (c->rec_of[k])
		return c->rec_of[k];
	if (c->nrecs + 2 > c->recs_cap) {
		c->e.overflow = true;
		return 0;
	}
	struct insn *r = c->recs + c->nrecs;
	c->nrecs += 2;
	r[0] = c->b->insns[k];
	memset(&r[1], 0, sizeof(r[1]));
	r[1].fn = jit_resume;
	c->rec_of[k] = (uintptr_t)r;
	return (uintptr_t)r;
}

static void jit_jcc_to(struct jit_ctx *c, enum x86_cc cc, size_t target)
{
	size_t at = x86_jcc_fwd(&c->e, cc);
	x86_patch_to(&c->e, at, target);
}

void jit_emit_call(struct jit_ctx *c, unsigned k)
{
	struct x86 *e = &c->e;
	uintptr_t rec = jit_rec(c, k);
	x86_mov_rr(e, true, RDI, JIT_H);
	x86_mov_imm(e, RSI, rec);
	x86_call_m(e, RSI, 0);
	x86_alu_ri(e, ALU_CMP, false, RAX, JIT_RESUME);
	jit_jcc_to(c, CC_NE, c->leave);
}

void jit_emit_slow(struct jit_ctx *c, size_t patch, unsigned k)
{
	if (c->nslow == JIT_MAX_SLOW) {
		c->e.overflow = true;
		return;
	}
	c->slow[c->nslow].patch = patch;
	c->slow[c->nslow].k = k;
	c->slow[c->nslow].resume = (size_t)(c->e.p - c->e.start);
	/* Code after the resume point may count on the host register that
	 * the fast path stored a guest register from. */
	c->slow[c->nslow].host = c->e.p == c->st_pos ? c->st_host : -1;
	c->slow[c->nslow].reg = c->st_reg;
	c->nslow++;
}

/* Tail-jump into record k's handler with the real record: the rest of the
 * block runs in the interpreter. */
static void jit_emit_tail(struct jit_ctx *c, unsigned k)
{
	struct x86 *e = &c->e;
	x86_mov_rr(e, true, RDI, JIT_H);
	x86_lea(e, RSI, JIT_INS, JIT_REC(k));
	jit_epilogue(e);
	x86_jmp_m(e, RSI, 0);
}

/* The common part of every way out of a block that may chain: hart_goto's
 * checks in its order (budget left for chaining, a stop, an interrupt
 * pending and enabled), each failing one taking the out-of-line path,
 * which makes them all again. The target pc is in rdx. */
static void jit_goto_checks(struct jit_ctx *c, unsigned retired,
			    size_t *to_slow)
{
	struct x86 *e = &c->e;
	x86_load(e, true, RCX, JIT_H, JIT_OFF(chain_left));
	x86_alu_ri(e, ALU_CMP, true, RCX, (int32_t)(retired + BLOCK_MAX_INSNS));
	to_slow[0] = x86_jcc_fwd(e, CC_B);
	x86_alu_mi(e, ALU_CMP, false, JIT_H, JIT_OFF(stop), 0);
	to_slow[1] = x86_jcc_fwd(e, CC_NE);
	x86_load(e, true, RCX, JIT_H, JIT_OFF(mip));
	x86_alu_rm(e, ALU_AND, true, RCX, JIT_H, JIT_OFF(mie));
	to_slow[2] = x86_jcc_fwd(e, CC_NE);
	/* A dropped block (stores into its page) chains nowhere. */
	x86_load(e, true, R8, JIT_INS, JIT_BLK(cp));
	x86_test_rr(e, true, R8, R8);
	to_slow[3] = x86_jcc_fwd(e, CC_E);
}

/* What hart_goto does once it found the next block: counts, and the
 * next block's entry. The next block is in rsi (NULL: out of line). */
static void jit_goto_next(struct jit_ctx *c, unsigned retired)
{
	struct x86 *e = &c->e;
	x86_store(e, true, JIT_H, JIT_OFF(pc), RDX);
	x86_alu_mi(e, ALU_SUB, true, JIT_H, JIT_OFF(chain_left),
		   (int32_t)retired);
	x86_alu_mi(e, ALU_ADD, true, JIT_H, JIT_OFF(icount), (int32_t)retired);
	x86_alu_rr(e, ALU_XOR, false, RAX, RAX);
	x86_store_imm8(e, JIT_H, JIT_OFF(live_idx), 0);
	x86_store(e, false, JIT_H, JIT_OFF(trap_streak), RAX);
	x86_store_imm8(e, JIT_H, JIT_OFF(bp_skip), 0);
}

/* hart_goto out of line, with record k. */
static void jit_goto_slow(struct jit_ctx *c, unsigned k, unsigned retired,
			  const size_t *to_slow, int n)
{
	struct x86 *e = &c->e;
	for (int i = 0; i < n; i++)
		x86_patch(e, to_slow[i]);
	x86_mov_rr(e, true, RDI, JIT_H);
	x86_lea(e, RSI, JIT_INS, JIT_REC(k));
	x86_mov_imm(e, RCX, retired);
	jit_epilogue(e);
	x86_mov_imm(e, RAX, (uintptr_t)jit_chain);
	x86_jmp_r(e, RAX);
}

/* Into the next block (rsi), through its entry. */
static void jit_goto_enter(struct jit_ctx *c)
{
	struct x86 *e = &c->e;
	x86_mov_rr(e, true, RDI, JIT_H);
	x86_lea(e, RSI, RSI, (int32_t)offsetof(struct block, insns));
	jit_epilogue(e);
	x86_jmp_m(e, RSI,
		  (int32_t)offsetof(struct block, entry) -
			  (int32_t)offsetof(struct block, insns));
}

void jit_emit_goto(struct jit_ctx *c, unsigned k, unsigned retired, bool direct,
		   int64_t delta)
{
	struct x86 *e = &c->e;
	size_t to_slow[6];
	int64_t off = (int64_t)c->b->pc_off + delta;
	if (direct && (off < 0 || off >= (int64_t)PAGE_SIZE)) {
		/* Another page: hart_goto never chains there. */
		x86_store(e, true, JIT_H, JIT_OFF(pc), RDX);
		x86_mov_imm(e, RAX, (uint32_t)exec_leave(EXEC_EXIT, retired));
		jit_epilogue(e);
		x86_ret(e);
		return;
	}
	jit_goto_checks(c, retired, to_slow);
	int n = 4;
	if (direct && off == c->b->pc_off) {
		/* Back to this block's start: its own code, from the top. */
		jit_goto_next(c, retired);
		size_t at = x86_jmp_fwd(e);
		x86_patch_to(e, at, c->body);
	} else {
		/* The page's table has the block at the target, if any. */
		if (direct) {
			x86_load(e, true, RSI, R8,
				 (int32_t)offsetof(struct code_page, at) +
					 (int32_t)(off >> 1) * 8);
		} else {
			x86_load(e, true, RCX, JIT_H, JIT_OFF(pc));
			x86_mov_rr(e, true, RAX, RDX);
			x86_alu_rr(e, ALU_SUB, true, RAX, RCX);
			x86_alu_ri(e, ALU_ADD, true, RAX,
				   (int32_t)c->b->pc_off);
			x86_alu_ri(e, ALU_CMP, true, RAX, PAGE_SIZE);
			to_slow[n++] = x86_jcc_fwd(e, CC_AE);
			/* Targets are even: at[off / 2] is 4 * off bytes in. */
			x86_shift_ri(e, SH_SHL, true, RAX, 2);
			x86_alu_rr(e, ALU_ADD, true, R8, RAX);
			x86_load(e, true, RSI, R8,
				 (int32_t)offsetof(struct code_page, at));
		}
		x86_test_rr(e, true, RSI, RSI);
		to_slow[n++] = x86_jcc_fwd(e, CC_E);
		jit_goto_next(c, retired);
		jit_goto_enter(c);
	}
	jit_goto_slow(c, k, retired, to_slow, n);
}

/* Emit block b's code; its entry, or 0 when it is not worth it or did
 * not fit. */
static uintptr_t jit_emit_block(struct jit *j, struct block *b)
{
	struct jit_ctx c;
	memset(&c, 0, sizeof(c));
	c.b = b;
	c.recs = j->recs + j->recs_used;
	c.recs_cap = JIT_BLOCK_RECS / sizeof(struct insn);
	c.e.start = j->code;
	c.e.p = j->code + j->code_used;
	c.e.end = c.e.p + JIT_BLOCK_ROOM;
	c.e.exec = (uintptr_t)j->code;
	struct x86 *e = &c.e;
	/* Every way out that returns to the caller returns eax from here. */
	c.leave = (size_t)(e->p - e->start);
	jit_epilogue(e);
	x86_ret(e);
	uintptr_t entry = x86_here(e);
	x86_push(e, JIT_H);
	x86_push(e, JIT_INS);
	x86_push(e, R12); /* keeps calls 16-byte aligned */
	x86_mov_rr(e, true, JIT_H, RDI);
	x86_mov_rr(e, true, JIT_INS, RSI);
	c.body = (size_t)(e->p - e->start);
	unsigned native = 0, k;
	bool ended = false;
	for (k = 0; k < b->n && !ended; k++) {
		const struct insn *in = &b->insns[k];
		bool in_block = false, may_call = false;
		jit_row_fn row = jit_row(in->fn, &in_block, &may_call);
		/* pause may end the hart's turn (machine_yield): only its
		 * handler knows, so it is called, not translated as a fence. */
		if (in->raw == INSN_PAUSE)
			row = NULL;
		if (row) {
			row(&c, k, in);
			native++;
			/* Rows of instructions that end the block leave it. */
			ended = !in_block && !may_call;
		} else if (may_call) {
			jit_emit_call(&c, k);
		} else {
			jit_emit_tail(&c, k);
			ended = true;
		}
	}
	if (!ended) {
		/* Ran to the end: the terminator's hart_goto. */
		x86_load(e, true, RDX, JIT_H, JIT_OFF(pc));
		x86_alu_ri(e, ALU_ADD, true, RDX, (int32_t)b->bytes);
		jit_emit_goto(&c, b->n, b->n, true, b->bytes);
	}
	for (unsigned i = 0; i < c.nslow; i++) {
		x86_patch(e, c.slow[i].patch);
		jit_emit_call(&c, c.slow[i].k);
		if (c.slow[i].host >= 0)
			x86_load(e, true, c.slow[i].host, JIT_H,
				 JIT_X(c.slow[i].reg));
		size_t at = x86_jmp_fwd(e);
		x86_patch_to(e, at, c.slow[i].resume);
	}
	if (e->overflow || native == 0)
		return 0;
	j->code_used = ((size_t)(e->p - e->start) + 15) & ~(size_t)15;
	j->recs_used += c.nrecs;
	return entry;
}

static void jit_translate(struct jit *j, struct block *b)
{
	if (j->broken || j->full)
		return;
	if (JIT_CODE - j->code_used < JIT_BLOCK_ROOM ||
	    JIT_RECS - j->recs_used * sizeof(struct insn) < JIT_BLOCK_RECS) {
		j->full = true;
		return;
	}
	/* Writable only while this block is emitted (W^X). */
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t lo = j->code_used & ~(page - 1);
	size_t hi = (j->code_used + JIT_BLOCK_ROOM + page - 1) & ~(page - 1);
	if (hi > JIT_CODE)
		hi = JIT_CODE;
	if (mprotect(j->code + lo, hi - lo, PROT_READ | PROT_WRITE) != 0) {
		j->broken = true;
		return;
	}
	uintptr_t entry = jit_emit_block(j, b);
	if (mprotect(j->code + lo, hi - lo, PROT_READ | PROT_EXEC) != 0) {
		/* Cannot run what was written: never translate again. */
		j->broken = true;
		entry = 0;
	}
	if (!entry) {
		/* Not worth it: interpreted from now on. */
		b->entry = b->insns[0].fn;
		return;
	}
	b->entry = (insn_fn)entry;
	j->translated++;
}

/* Every block starts here until it is hot. */
static int jit_count(struct hart *h, const struct insn *in)
{
	struct block *b = (struct block *)((const char *)in -
					   offsetof(struct block, insns));
	if (__builtin_expect(++b->runs < JIT_THRESHOLD, 1) &&
	    !(h->tune & TUNE_NO_JIT_DELAY))
		return in->fn(h, in);
	struct bus *bus = &h->m->bus;
	if (!bus->jit)
		bus->jit = jit_new();
	if (bus->jit)
		jit_translate(bus->jit, b);
	b->runs = 0;
	/* No room until the buffer is emptied (or no buffer at all): the
	 * interpreter runs it meanwhile. */
	if (b->entry == jit_count)
		return in->fn(h, in);
	return b->entry(h, in);
}

insn_fn jit_block_entry(unsigned tune, insn_fn first)
{
	return (tune & TUNE_NO_JIT) ? first : jit_count;
}

void jit_safe_point(struct bus *b)
{
	struct jit *j = b->jit;
	if (!j || !j->full)
		return;
	for (int i = 0; i < b->nregions; i++) {
		struct mem_region *r = &b->region[i];
		uint64_t pages = r->size >> PAGE_SHIFT;
		for (uint64_t p = 0; r->code && p < pages; p++) {
			if (!r->code[p])
				continue;
			for (struct block *blk = r->code[p]->blocks; blk;
			     blk = blk->next) {
				blk->entry = jit_count;
				blk->runs = 0;
			}
		}
	}
	j->code_used = 0;
	j->recs_used = 0;
	j->full = false;
	j->flushes++;
}

#else /* not an x86-64 host: the interpreter only */

#include "../machine.h"

insn_fn jit_block_entry(unsigned tune, insn_fn first)
{
	(void)tune;
	return first;
}

void jit_safe_point(struct bus *b)
{
	(void)b;
}

void jit_free(struct bus *b)
{
	(void)b;
}

uint64_t jit_translated(const struct bus *b)
{
	(void)b;
	return 0;
}

uint64_t jit_flushes(const struct bus *b)
{
	(void)b;
	return 0;
}

#endif
