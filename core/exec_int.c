/* RV64I and M execute handlers. Integer rd 0 is decoded as the sink
 * register, so handlers write rd unconditionally. */
#include "chain.h"
#include "exec.h"
#include "machine.h"

#define X(r) (h->x[r])
#define RS1  X(in->rs1)
#define RS2  X(in->rs2)
#define RD   X(in->rd)

#define ALU_OP(name, expr)                                                     \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		RD = (expr);                                                   \
		return exec_next(h, in);                                       \
	}

/* 32-bit results are sign-extended to 64. */
#define SEXT32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))

ALU_OP(lui, (uint64_t)in->imm)
ALU_OP(auipc, insn_pc(h, in) + (uint64_t)in->imm)
ALU_OP(li, (uint64_t)in->imm)
ALU_OP(mv, RS1)
ALU_OP(addi, RS1 + (uint64_t)in->imm)
ALU_OP(slti, (int64_t)RS1 < in->imm)
ALU_OP(sltiu, RS1 < (uint64_t)in->imm)
ALU_OP(xori, RS1 ^ (uint64_t)in->imm)
ALU_OP(ori, RS1 | (uint64_t)in->imm)
ALU_OP(andi, RS1 &(uint64_t)in->imm)
ALU_OP(slli, RS1 << in->imm)
ALU_OP(srli, RS1 >> in->imm)
ALU_OP(srai, (uint64_t)((int64_t)RS1 >> in->imm))
ALU_OP(add, RS1 + RS2)
ALU_OP(sub, RS1 - RS2)
ALU_OP(sll, RS1 << (RS2 & 63))
ALU_OP(slt, (int64_t)RS1 < (int64_t)RS2)
ALU_OP(sltu, RS1 < RS2)
ALU_OP(xor, RS1 ^ RS2)
ALU_OP(srl, RS1 >> (RS2 & 63))
ALU_OP(sra, (uint64_t)((int64_t)RS1 >> (RS2 & 63)))
ALU_OP(or, RS1 | RS2)
ALU_OP(and, RS1 &RS2)
ALU_OP(addiw, SEXT32(RS1 + (uint64_t)in->imm))
ALU_OP(slliw, SEXT32((uint32_t)RS1 << in->imm))
ALU_OP(srliw, SEXT32((uint32_t)RS1 >> in->imm))
ALU_OP(sraiw, SEXT32((int32_t)RS1 >> in->imm))
ALU_OP(addw, SEXT32(RS1 + RS2))
ALU_OP(subw, SEXT32(RS1 - RS2))
ALU_OP(sllw, SEXT32((uint32_t)RS1 << (RS2 & 31)))
ALU_OP(srlw, SEXT32((uint32_t)RS1 >> (RS2 & 31)))
ALU_OP(sraw, SEXT32((int32_t)RS1 >> (RS2 & 31)))

int exec_nop(struct hart *h, const struct insn *in)
{
	return exec_next(h, in);
}

/* M extension. Division by zero and overflow have defined results and
 * never trap. */
static uint64_t mulhu64(uint64_t a, uint64_t b)
{
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
}
static uint64_t mulh64(int64_t a, int64_t b)
{
	return (uint64_t)(((__int128)a * b) >> 64);
}
static uint64_t mulhsu64(int64_t a, uint64_t b)
{
	return (uint64_t)(((__int128)a * (unsigned __int128)b) >> 64);
}
static uint64_t div64(int64_t a, int64_t b)
{
	if (b == 0)
		return UINT64_MAX;
	if (a == INT64_MIN && b == -1)
		return (uint64_t)a;
	return (uint64_t)(a / b);
}
static uint64_t rem64(int64_t a, int64_t b)
{
	if (b == 0)
		return (uint64_t)a;
	if (a == INT64_MIN && b == -1)
		return 0;
	return (uint64_t)(a % b);
}
static uint64_t divw32(int32_t a, int32_t b)
{
	if (b == 0)
		return UINT64_MAX;
	if (a == INT32_MIN && b == -1)
		return SEXT32(a);
	return SEXT32(a / b);
}
static uint64_t remw32(int32_t a, int32_t b)
{
	if (b == 0)
		return SEXT32(a);
	if (a == INT32_MIN && b == -1)
		return 0;
	return SEXT32(a % b);
}

ALU_OP(mul, RS1 *RS2)
ALU_OP(mulh, mulh64((int64_t)RS1, (int64_t)RS2))
ALU_OP(mulhsu, mulhsu64((int64_t)RS1, RS2))
ALU_OP(mulhu, mulhu64(RS1, RS2))
ALU_OP(div, div64((int64_t)RS1, (int64_t)RS2))
ALU_OP(divu, RS2 ? RS1 / RS2 : UINT64_MAX)
ALU_OP(rem, rem64((int64_t)RS1, (int64_t)RS2))
ALU_OP(remu, RS2 ? RS1 % RS2 : RS1)
ALU_OP(mulw, SEXT32((uint32_t)RS1 *(uint32_t)RS2))
ALU_OP(divw, divw32((int32_t)RS1, (int32_t)RS2))
ALU_OP(divuw,
       (uint32_t)RS2 ? SEXT32((uint32_t)RS1 / (uint32_t)RS2) : UINT64_MAX)
ALU_OP(remw, remw32((int32_t)RS1, (int32_t)RS2))
ALU_OP(remuw,
       (uint32_t)RS2 ? SEXT32((uint32_t)RS1 % (uint32_t)RS2) : SEXT32(RS1))

/* Control transfer: set h->pc and leave the block. */
int exec_jal(struct hart *h, const struct insn *in)
{
	uint64_t pc = insn_pc(h, in);
	RD = pc + in->len;
	return hart_goto(h, in, pc + (uint64_t)in->imm, in->idx + 1u);
}

int exec_jalr(struct hart *h, const struct insn *in)
{
	uint64_t target = (RS1 + (uint64_t)in->imm) & ~1ull;
	RD = insn_next_pc(h, in);
	return hart_goto(h, in, target, in->idx + 1u);
}

#define BRANCH(name, cond)                                                     \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		uint64_t to = (cond) ? insn_pc(h, in) + (uint64_t)in->imm      \
				     : insn_next_pc(h, in);                    \
		return hart_goto(h, in, to, in->idx + 1u);                     \
	}

/* The same inside a block that goes on past it: a branch not taken falls
 * through to the next record, so only a taken one leaves. */
#define BRANCH_IN(name, cond)                                                  \
	int exec_##name##_in(struct hart *h, const struct insn *in)            \
	{                                                                      \
		if (cond)                                                      \
			return hart_goto(h, in,                                \
					 insn_pc(h, in) + (uint64_t)in->imm,   \
					 in->idx + 1u);                        \
		return exec_next(h, in);                                       \
	}

#define BRANCHES(X)                                                            \
	X(beq, RS1 == RS2)                                                     \
	X(bne, RS1 != RS2)                                                     \
	X(blt, (int64_t)RS1 < (int64_t)RS2)                                    \
	X(bge, (int64_t)RS1 >= (int64_t)RS2)                                   \
	X(bltu, RS1 < RS2)                                                     \
	X(bgeu, RS1 >= RS2)

BRANCHES(BRANCH)
BRANCHES(BRANCH_IN)

/* Closing a wait loop (core/waitloop.h): taken, the hart offers its turn to
 * another (machine_yield), which stops the chain at the loop's start. */
#define BRANCH_WAIT(name, cond)                                                \
	static int exec_##name##_wait(struct hart *h, const struct insn *in)   \
	{                                                                      \
		if (!(cond))                                                   \
			return hart_goto(h, in, insn_next_pc(h, in),           \
					 in->idx + 1u);                        \
		machine_yield(h->m, h);                                        \
		return hart_goto(h, in, insn_pc(h, in) + (uint64_t)in->imm,    \
				 in->idx + 1u);                                \
	}                                                                      \
	static int exec_##name##_in_wait(struct hart *h,                       \
					 const struct insn *in)                \
	{                                                                      \
		if (!(cond))                                                   \
			return exec_next(h, in);                               \
		machine_yield(h->m, h);                                        \
		return hart_goto(h, in, insn_pc(h, in) + (uint64_t)in->imm,    \
				 in->idx + 1u);                                \
	}
BRANCHES(BRANCH_WAIT)

static int exec_jal_wait(struct hart *h, const struct insn *in)
{
	machine_yield(h->m, h);
	return exec_jal(h, in);
}

insn_fn exec_waitloop_variant(insn_fn fn)
{
#define WAIT_VARIANT(name, cond)                                               \
	if (fn == exec_##name)                                                 \
		return exec_##name##_wait;                                     \
	if (fn == exec_##name##_in)                                            \
		return exec_##name##_in_wait;
	BRANCHES(WAIT_VARIANT)
#undef WAIT_VARIANT
	return fn == exec_jal ? exec_jal_wait : NULL;
}

/* Each load and store has its slow path in a function of its own, so that
 * the fast path needs no stack frame and jumps straight on. */
#define LOAD(name, size, conv)                                                 \
	static __attribute__((noinline)) int name##_slow(                      \
		struct hart *h, const struct insn *in, uint64_t va)            \
	{                                                                      \
		int r = mmu_load_slow(h, in, va, size, &h->slow_val);          \
		if (r)                                                         \
			return r;                                              \
		uint64_t v = h->slow_val;                                      \
		RD = conv;                                                     \
		return exec_next(h, in);                                       \
	}                                                                      \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		uint64_t va = RS1 + (uint64_t)in->imm, v;                      \
		if (__builtin_expect(!hart_load_fast(h, va, size, &v), 0))     \
			return name##_slow(h, in, va);                         \
		RD = conv;                                                     \
		return exec_next(h, in);                                       \
	}

LOAD(lb, 1, (uint64_t)(int64_t)(int8_t)v)
LOAD(lh, 2, (uint64_t)(int64_t)(int16_t)v)
LOAD(lw, 4, SEXT32(v))
LOAD(ld, 8, v)
LOAD(lbu, 1, v)
LOAD(lhu, 2, v)
LOAD(lwu, 4, v)

#define STORE(name, size)                                                      \
	static __attribute__((noinline)) int name##_slow(                      \
		struct hart *h, const struct insn *in, uint64_t va)            \
	{                                                                      \
		int r = mmu_store_slow(h, in, va, size, RS2);                  \
		if (r)                                                         \
			return r;                                              \
		return exec_next(h, in);                                       \
	}                                                                      \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		uint64_t va = RS1 + (uint64_t)in->imm;                         \
		if (__builtin_expect(!hart_store_fast(h, va, size, RS2), 0))   \
			return name##_slow(h, in, va);                         \
		return exec_next(h, in);                                       \
	}

STORE(sb, 1)
STORE(sh, 2)
STORE(sw, 4)
STORE(sd, 8)
