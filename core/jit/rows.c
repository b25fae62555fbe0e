/* The per-instruction rows of the translation tier, keyed by isa.def's row
 * ids like the interpreter's handlers: each emits host code computing
 * exactly what exec_<name> computes. Guest registers live in h->x (the
 * sink x[32] takes writes to x0, as in the handlers), so every row loads
 * its operands and stores its result; a row keeps nothing in host
 * registers from one instruction to the next. */
#include "../exec.h"
#include "../fp_ops.h"
#include "../isa.h"
#include "jit_ctx.h"

#if defined(__x86_64__)

/* reg = x[r]. When the code just emitted stored x[r] from a host
 * register, that register still holds it: a copy, and the next
 * instruction does not wait for its operand to go through memory. */
static void ld(struct jit_ctx *c, int reg, unsigned r)
{
	if (c->e.p == c->st_pos && c->st_reg == r) {
		if (reg != c->st_host)
			x86_mov_rr(&c->e, true, reg, c->st_host);
		return;
	}
	x86_load(&c->e, true, reg, JIT_H, JIT_X(r));
}

static void st(struct jit_ctx *c, unsigned r, int reg)
{
	x86_store(&c->e, true, JIT_H, JIT_X(r), reg);
	c->st_pos = c->e.p;
	c->st_reg = r;
	c->st_host = reg;
}

/* A 64-bit immediate operand: folded into the instruction when it fits in
 * 32 bits (sign-extended), else through rcx. */
static void alu_imm(struct x86 *e, enum x86_alu op, int reg, int64_t imm)
{
	if (imm >= INT32_MIN && imm <= INT32_MAX) {
		x86_alu_ri(e, op, true, reg, (int32_t)imm);
	} else {
		x86_mov_imm(e, RCX, (uint64_t)imm);
		x86_alu_rr(e, op, true, reg, RCX);
	}
}

static void row_nop(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)c, (void)k, (void)in;
}

static void row_li(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	x86_mov_imm(&c->e, RAX, (uint64_t)in->imm);
	st(c, in->rd, RAX);
}

static void row_mv(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	ld(c, RAX, in->rs1);
	st(c, in->rd, RAX);
}

static void row_auipc(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	x86_load(&c->e, true, RAX, JIT_H, JIT_OFF(pc));
	alu_imm(&c->e, ALU_ADD, RAX, in->imm + in->off);
	st(c, in->rd, RAX);
}

/* rd = rs1 op imm, 64 bits, or 32 sign-extended (w32). */
static void alu_i(struct jit_ctx *c, const struct insn *in, enum x86_alu op,
		  bool w32)
{
	struct x86 *e = &c->e;
	ld(c, RAX, in->rs1);
	x86_alu_ri(e, op, !w32, RAX, (int32_t)in->imm);
	if (w32)
		x86_movsxd(e, RAX, RAX);
	st(c, in->rd, RAX);
}

#define ROW_ALU_I(name, op, w32)                                               \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		(void)k;                                                       \
		alu_i(c, in, op, w32);                                         \
	}
ROW_ALU_I(addi, ALU_ADD, false)
ROW_ALU_I(xori, ALU_XOR, false)
ROW_ALU_I(ori, ALU_OR, false)
ROW_ALU_I(andi, ALU_AND, false)
ROW_ALU_I(addiw, ALU_ADD, true)

/* rd = rs1 op rs2. */
static void alu_r(struct jit_ctx *c, const struct insn *in, enum x86_alu op,
		  bool w32)
{
	struct x86 *e = &c->e;
	ld(c, RAX, in->rs1);
	x86_alu_rm(e, op, !w32, RAX, JIT_H, JIT_X(in->rs2));
	if (w32)
		x86_movsxd(e, RAX, RAX);
	st(c, in->rd, RAX);
}

#define ROW_ALU_R(name, op, w32)                                               \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		(void)k;                                                       \
		alu_r(c, in, op, w32);                                         \
	}
ROW_ALU_R(add, ALU_ADD, false)
ROW_ALU_R(sub, ALU_SUB, false)
ROW_ALU_R(xor, ALU_XOR, false)
ROW_ALU_R(or, ALU_OR, false)
ROW_ALU_R(and, ALU_AND, false)
ROW_ALU_R(addw, ALU_ADD, true)
ROW_ALU_R(subw, ALU_SUB, true)

/* rd = (rs1 cmp rs2 or imm) ? 1 : 0 */
static void set_cc(struct jit_ctx *c, const struct insn *in, enum x86_cc cc,
		   bool imm)
{
	struct x86 *e = &c->e;
	ld(c, RAX, in->rs1);
	if (imm)
		x86_alu_ri(e, ALU_CMP, true, RAX, (int32_t)in->imm);
	else
		x86_alu_rm(e, ALU_CMP, true, RAX, JIT_H, JIT_X(in->rs2));
	x86_setcc_eax(e, cc);
	st(c, in->rd, RAX);
}

#define ROW_SET(name, cc, imm)                                                 \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		(void)k;                                                       \
		set_cc(c, in, cc, imm);                                        \
	}
ROW_SET(slti, CC_L, true)
ROW_SET(sltiu, CC_B, true)
ROW_SET(slt, CC_L, false)
ROW_SET(sltu, CC_B, false)

/* Shifts by an immediate, or by rs2 (the host masks the count as the
 * handlers do: 63, or 31 for the 32-bit forms). */
static void shift(struct jit_ctx *c, const struct insn *in, enum x86_shift op,
		  bool w32, bool imm)
{
	struct x86 *e = &c->e;
	ld(c, RAX, in->rs1);
	if (imm) {
		x86_shift_ri(e, op, !w32, RAX, (uint8_t)in->imm);
	} else {
		ld(c, RCX, in->rs2);
		x86_shift_cl(e, op, !w32, RAX);
	}
	if (w32)
		x86_movsxd(e, RAX, RAX);
	st(c, in->rd, RAX);
}

#define ROW_SHIFT(name, op, w32, imm)                                          \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		(void)k;                                                       \
		shift(c, in, op, w32, imm);                                    \
	}
ROW_SHIFT(slli, SH_SHL, false, true)
ROW_SHIFT(srli, SH_SHR, false, true)
ROW_SHIFT(srai, SH_SAR, false, true)
ROW_SHIFT(slliw, SH_SHL, true, true)
ROW_SHIFT(srliw, SH_SHR, true, true)
ROW_SHIFT(sraiw, SH_SAR, true, true)
ROW_SHIFT(sll, SH_SHL, false, false)
ROW_SHIFT(srl, SH_SHR, false, false)
ROW_SHIFT(sra, SH_SAR, false, false)
ROW_SHIFT(sllw, SH_SHL, true, false)
ROW_SHIFT(srlw, SH_SHR, true, false)
ROW_SHIFT(sraw, SH_SAR, true, false)

static void row_mul(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	ld(c, RAX, in->rs1);
	x86_imul_rm(&c->e, true, RAX, JIT_H, JIT_X(in->rs2));
	st(c, in->rd, RAX);
}

static void row_mulw(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	ld(c, RAX, in->rs1);
	x86_imul_rm(&c->e, false, RAX, JIT_H, JIT_X(in->rs2));
	x86_movsxd(&c->e, RAX, RAX);
	st(c, in->rd, RAX);
}

/* The high half of rs1 * rs2: one-operand mul (4) or imul (5). */
static void mul_high(struct jit_ctx *c, const struct insn *in, unsigned digit)
{
	ld(c, RAX, in->rs1);
	x86_f7_m(&c->e, digit, true, JIT_H, JIT_X(in->rs2));
	st(c, in->rd, RDX);
}

static void row_mulh(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	mul_high(c, in, 5);
}

static void row_mulhu(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	(void)k;
	mul_high(c, in, 4);
}

/* Division: the host traps where RISC-V defines a result, so a zero
 * divisor and (signed) a divisor of -1 take their own paths: x / 0 is all
 * ones and x % 0 is x; x / -1 is -x (which wraps for the most negative x,
 * as the overflow rule wants) and x % -1 is 0. The 32-bit forms work on
 * the low halves and sign-extend the result. */
static void divide(struct jit_ctx *c, const struct insn *in, bool sign,
		   bool rem, bool w32)
{
	struct x86 *e = &c->e;
	bool w = !w32;
	x86_load(e, w, RCX, JIT_H, JIT_X(in->rs2));
	x86_load(e, w, RAX, JIT_H, JIT_X(in->rs1));
	x86_test_rr(e, w, RCX, RCX);
	size_t zero = x86_jcc_fwd(e, CC_E);
	size_t minus1 = 0;
	if (sign) {
		x86_alu_ri(e, ALU_CMP, w, RCX, -1);
		minus1 = x86_jcc_fwd(e, CC_E);
		x86_cqo(e, w);
		x86_f7(e, 7, w, RCX); /* idiv */
	} else {
		x86_alu_rr(e, ALU_XOR, false, RDX, RDX);
		x86_f7(e, 6, w, RCX); /* div */
	}
	if (rem)
		x86_mov_rr(e, w, RAX, RDX);
	size_t done = x86_jmp_fwd(e);
	size_t done2 = 0;
	if (sign) {
		x86_patch(e, minus1);
		if (rem)
			x86_alu_rr(e, ALU_XOR, false, RAX, RAX);
		else
			x86_f7(e, 3, w, RAX); /* neg */
		done2 = x86_jmp_fwd(e);
	}
	x86_patch(e, zero);
	if (!rem)
		x86_mov_imm(e, RAX, w32 ? UINT32_MAX : UINT64_MAX);
	x86_patch(e, done);
	if (sign)
		x86_patch(e, done2);
	if (w32)
		x86_movsxd(e, RAX, RAX);
	st(c, in->rd, RAX);
}

#define ROW_DIV(name, sign, rem, w32)                                          \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		(void)k;                                                       \
		divide(c, in, sign, rem, w32);                                 \
	}
ROW_DIV(div, true, false, false)
ROW_DIV(divu, false, false, false)
ROW_DIV(rem, true, true, false)
ROW_DIV(remu, false, true, false)
ROW_DIV(divw, true, false, true)
ROW_DIV(divuw, false, false, true)
ROW_DIV(remw, true, true, true)
ROW_DIV(remuw, false, true, true)

/* rax = rs1 + imm; rcx = the data TLB entry of its page in array `arr`
 * (offset in struct tlb_set); jumps to the handler unless the entry's tag
 * matches as hart_load_fast / hart_store_fast require. Returns the jump to
 * patch. */
static size_t tlb_lookup(struct jit_ctx *c, const struct insn *in,
			 unsigned size, int32_t arr)
{
	struct x86 *e = &c->e;
	_Static_assert(sizeof(struct tlb_entry) == 16, "tlb_entry layout");
	ld(c, RAX, in->rs1);
	if (in->imm)
		x86_alu_ri(e, ALU_ADD, true, RAX, (int32_t)in->imm);
	x86_load(e, true, RCX, JIT_H, JIT_OFF(dtlb));
	x86_mov_rr(e, true, RDX, RAX);
	x86_shift_ri(e, SH_SHR, true, RDX, 12);
	x86_alu_ri(e, ALU_AND, false, RDX, TLB_SIZE - 1);
	x86_shift_ri(e, SH_SHL, false, RDX, 4);
	x86_alu_rr(e, ALU_ADD, true, RCX, RDX);
	x86_mov_rr(e, true, RDX, RAX);
	x86_alu_ri(e, ALU_AND, true, RDX, (int32_t)(~0xfffu | (size - 1)));
	x86_alu_rm(e, ALU_CMP, true, RDX, RCX, arr);
	size_t miss = x86_jcc_fwd(e, CC_NE);
	x86_load(e, true, RCX, RCX,
		 arr + (int32_t)offsetof(struct tlb_entry, addend));
	return miss;
}

static void load(struct jit_ctx *c, unsigned k, const struct insn *in,
		 unsigned size, bool sign)
{
	size_t miss =
		tlb_lookup(c, in, size, (int32_t)offsetof(struct tlb_set, r));
	x86_load_idx(&c->e, size, sign, RDX, RCX, RAX);
	st(c, in->rd, RDX);
	jit_emit_slow(c, miss, k);
}

#define ROW_LOAD(name, size, sign)                                             \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		load(c, k, in, size, sign);                                    \
	}
ROW_LOAD(lb, 1, true)
ROW_LOAD(lh, 2, true)
ROW_LOAD(lw, 4, true)
ROW_LOAD(ld, 8, false)
ROW_LOAD(lbu, 1, false)
ROW_LOAD(lhu, 2, false)
ROW_LOAD(lwu, 4, false)

static void store(struct jit_ctx *c, unsigned k, const struct insn *in,
		  unsigned size)
{
	size_t miss =
		tlb_lookup(c, in, size, (int32_t)offsetof(struct tlb_set, w));
	ld(c, RDX, in->rs2);
	x86_store_idx(&c->e, size, RCX, RAX, RDX);
	jit_emit_slow(c, miss, k);
}

#define ROW_STORE(name, size)                                                  \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		store(c, k, in, size);                                         \
	}
ROW_STORE(sb, 1)
ROW_STORE(sh, 2)
ROW_STORE(sw, 4)
ROW_STORE(sd, 8)

/* FP loads and stores (F, D): as exec_flw..exec_fsd. The handler raises
 * the illegal instruction while mstatus.FS is Off. */
#define JIT_F(r) ((int32_t)(offsetof(struct hart, f) + 8 * (unsigned)(r)))

static size_t fp_off_check(struct jit_ctx *c)
{
	x86_load(&c->e, false, RCX, JIT_H, JIT_OFF(mstatus));
	x86_alu_ri(&c->e, ALU_AND, false, RCX, (int32_t)MSTATUS_FS);
	return x86_jcc_fwd(&c->e, CC_E);
}

static void fp_load(struct jit_ctx *c, unsigned k, const struct insn *in,
		    unsigned size)
{
	struct x86 *e = &c->e;
	size_t off = fp_off_check(c);
	size_t miss =
		tlb_lookup(c, in, size, (int32_t)offsetof(struct tlb_set, r));
	x86_load_idx(e, size, false, RDX, RCX, RAX);
	if (size == 4) {
		/* NaN-boxed */
		x86_mov_imm(e, RCX, 0xffffffff00000000ull);
		x86_alu_rr(e, ALU_OR, true, RDX, RCX);
	}
	x86_store(e, true, JIT_H, JIT_F(in->rd), RDX);
	x86_mov_imm(e, RCX, MSTATUS_FS | MSTATUS_SD);
	x86_alu_mr(e, ALU_OR, true, JIT_H, JIT_OFF(mstatus), RCX);
	jit_emit_slow(c, off, k);
	jit_emit_slow(c, miss, k);
}

static void fp_store(struct jit_ctx *c, unsigned k, const struct insn *in,
		     unsigned size)
{
	struct x86 *e = &c->e;
	size_t off = fp_off_check(c);
	size_t miss =
		tlb_lookup(c, in, size, (int32_t)offsetof(struct tlb_set, w));
	x86_load(e, true, RDX, JIT_H, JIT_F(in->rs2));
	x86_store_idx(e, size, RCX, RAX, RDX);
	jit_emit_slow(c, off, k);
	jit_emit_slow(c, miss, k);
}

static void row_flw(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	fp_load(c, k, in, 4);
}

static void row_fld(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	fp_load(c, k, in, 8);
}

static void row_fsw(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	fp_store(c, k, in, 4);
}

static void row_fsd(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	fp_store(c, k, in, 8);
}

/* FP arithmetic with a rounding mode, by a direct call of the operation
 * the handler calls (fp_ops.h), with the handler's checks: FP off, or a
 * dynamic rounding mode that frm makes reserved, goes to the handler,
 * which raises the illegal instruction. Singles are unboxed (a value not
 * NaN-boxed reads as the canonical NaN) and the result boxed; writing
 * f[rd] makes FS dirty. */
static void fp_src(struct jit_ctx *c, int reg, unsigned r, bool single)
{
	struct x86 *e = &c->e;
	x86_load(e, true, reg, JIT_H, JIT_F(r));
	if (!single)
		return;
	x86_mov_rr(e, true, RAX, reg);
	x86_shift_ri(e, SH_SHR, true, RAX, 32);
	x86_alu_ri(e, ALU_CMP, false, RAX, -1);
	x86_mov_imm(e, RAX, F32_CANON_NAN);
	x86_cmov(e, CC_NE, false, reg, RAX);
	x86_mov_rr(e, false, reg, reg); /* zero the upper half */
}

static void fp_arith(struct jit_ctx *c, unsigned k, const struct insn *in,
		     unsigned nsrc, bool single, uintptr_t fn)
{
	struct x86 *e = &c->e;
	static const int args[] = {RDI, RSI, RDX, RCX, R8};
	size_t off = fp_off_check(c), bad_rm = 0;
	int rm = args[nsrc];
	if (in->rm == FP_DYN) {
		x86_load(e, false, rm, JIT_H, JIT_OFF(frm));
		x86_alu_ri(e, ALU_CMP, false, rm, FP_RMM);
		bad_rm = x86_jcc_fwd(e, CC_A);
	} else {
		x86_mov_imm(e, rm, in->rm);
	}
	fp_src(c, RDI, in->rs1, single);
	fp_src(c, RSI, in->rs2, single);
	if (nsrc == 3)
		fp_src(c, RDX, in->rs3, single);
	x86_lea(e, args[nsrc + 1], JIT_H, JIT_OFF(fflags));
	x86_mov_imm(e, RAX, fn);
	x86_call_r(e, RAX);
	if (single) {
		x86_mov_rr(e, false, RAX, RAX);
		x86_mov_imm(e, RCX, F32_BOX);
		x86_alu_rr(e, ALU_OR, true, RAX, RCX);
	}
	x86_store(e, true, JIT_H, JIT_F(in->rd), RAX);
	x86_mov_imm(e, RCX, MSTATUS_FS | MSTATUS_SD);
	x86_alu_mr(e, ALU_OR, true, JIT_H, JIT_OFF(mstatus), RCX);
	jit_emit_slow(c, off, k);
	if (in->rm == FP_DYN)
		jit_emit_slow(c, bad_rm, k);
}

#define ROW_FP(name, nsrc, W)                                                  \
	static void row_##name##_##W(struct jit_ctx *c, unsigned k,            \
				     const struct insn *in)                    \
	{                                                                      \
		fp_arith(c, k, in, nsrc, #W[0] == 's',                         \
			 (uintptr_t)fp_##name##_##W);                          \
	}
#define ROW_FP_BOTH(name, op, nsrc)                                            \
	ROW_FP(op, nsrc, s)                                                    \
	ROW_FP(op, nsrc, d)
ROW_FP_BOTH(fadd, add, 2)
ROW_FP_BOTH(fsub, sub, 2)
ROW_FP_BOTH(fmul, mul, 2)
ROW_FP_BOTH(fdiv, div, 2)
ROW_FP_BOTH(fmadd, madd, 3)
ROW_FP_BOTH(fmsub, msub, 3)
ROW_FP_BOTH(fnmsub, nmsub, 3)
ROW_FP_BOTH(fnmadd, nmadd, 3)

/* rdx = the pc of instruction `in` plus delta. */
static void pc_plus(struct jit_ctx *c, const struct insn *in, int64_t delta)
{
	x86_load(&c->e, true, RDX, JIT_H, JIT_OFF(pc));
	int64_t d = delta + in->off;
	if (d >= INT32_MIN && d <= INT32_MAX) {
		x86_alu_ri(&c->e, ALU_ADD, true, RDX, (int32_t)d);
	} else {
		x86_mov_imm(&c->e, RCX, (uint64_t)d);
		x86_alu_rr(&c->e, ALU_ADD, true, RDX, RCX);
	}
}

static void row_jal(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	pc_plus(c, in, in->len);
	st(c, in->rd, RDX);
	pc_plus(c, in, in->imm);
	jit_emit_goto(c, k, k + 1, true, in->off + in->imm);
}

static void row_jalr(struct jit_ctx *c, unsigned k, const struct insn *in)
{
	struct x86 *e = &c->e;
	/* The target first: rd may be rs1. */
	ld(c, RAX, in->rs1);
	alu_imm(e, ALU_ADD, RAX, in->imm);
	x86_alu_ri(e, ALU_AND, true, RAX, -2);
	x86_mov_rr(e, true, R8, RAX);
	pc_plus(c, in, in->len);
	st(c, in->rd, RDX);
	x86_mov_rr(e, true, RDX, R8);
	jit_emit_goto(c, k, k + 1, false, 0);
}

/* A conditional branch: inside a block (in_block) only a taken branch
 * leaves; at a block's end both ways do. */
static void branch(struct jit_ctx *c, unsigned k, const struct insn *in,
		   enum x86_cc cc)
{
	struct x86 *e = &c->e;
	bool in_block = false, may_call = false;
	jit_row(in->fn, &in_block, &may_call);
	ld(c, RAX, in->rs1);
	x86_alu_rm(e, ALU_CMP, true, RAX, JIT_H, JIT_X(in->rs2));
	size_t not_taken = x86_jcc_fwd(e, (enum x86_cc)(cc ^ 1));
	pc_plus(c, in, in->imm);
	jit_emit_goto(c, k, k + 1, true, in->off + in->imm);
	x86_patch(e, not_taken);
	if (!in_block) {
		pc_plus(c, in, in->len);
		jit_emit_goto(c, k, k + 1, true, in->off + in->len);
	}
}

#define ROW_BRANCH(name, cc)                                                   \
	static void row_##name(struct jit_ctx *c, unsigned k,                  \
			       const struct insn *in)                          \
	{                                                                      \
		branch(c, k, in, cc);                                          \
	}
ROW_BRANCH(beq, CC_E)
ROW_BRANCH(bne, CC_NE)
ROW_BRANCH(blt, CC_L)
ROW_BRANCH(bge, CC_GE)
ROW_BRANCH(bltu, CC_B)
ROW_BRANCH(bgeu, CC_AE)

/* The rows, by isa.def's row id; an instruction without one is handed to
 * its handler. */
static const jit_row_fn jit_rows[ISA_NINSNS] = {
#define R(name) [ISA_ROW_##name] = row_##name
	R(lb),
	R(lh),
	R(lw),
	R(ld),
	R(lbu),
	R(lhu),
	R(lwu),
	R(nop),
	R(li),
	R(mv),
	R(addi),
	R(slli),
	R(slti),
	R(sltiu),
	R(xori),
	R(srli),
	R(srai),
	R(ori),
	R(andi),
	R(auipc),
	R(addiw),
	R(slliw),
	R(srliw),
	R(sraiw),
	R(sb),
	R(sh),
	R(sw),
	R(sd),
	R(add),
	R(sub),
	R(sll),
	R(slt),
	R(sltu),
	R(xor),
	R(srl),
	R(sra),
	R(or),
	R(and),
	R(mul),
	R(mulh),
	R(mulhu),
	R(div),
	R(divu),
	R(rem),
	R(remu),
	R(addw),
	R(subw),
	R(sllw),
	R(srlw),
	R(sraw),
	R(mulw),
	R(divw),
	R(divuw),
	R(remw),
	R(remuw),
	R(beq),
	R(bne),
	R(blt),
	R(bge),
	R(bltu),
	R(bgeu),
	R(jal),
	R(jalr),
	R(flw),
	R(fld),
	R(fsw),
	R(fsd),
	[ISA_ROW_fadd_s] = row_add_s,
	[ISA_ROW_fadd_d] = row_add_d,
	[ISA_ROW_fsub_s] = row_sub_s,
	[ISA_ROW_fsub_d] = row_sub_d,
	[ISA_ROW_fmul_s] = row_mul_s,
	[ISA_ROW_fmul_d] = row_mul_d,
	[ISA_ROW_fdiv_s] = row_div_s,
	[ISA_ROW_fdiv_d] = row_div_d,
	[ISA_ROW_fmadd_s] = row_madd_s,
	[ISA_ROW_fmadd_d] = row_madd_d,
	[ISA_ROW_fmsub_s] = row_msub_s,
	[ISA_ROW_fmsub_d] = row_msub_d,
	[ISA_ROW_fnmsub_s] = row_nmsub_s,
	[ISA_ROW_fnmsub_d] = row_nmsub_d,
	[ISA_ROW_fnmadd_s] = row_nmadd_s,
	[ISA_ROW_fnmadd_d] = row_nmadd_d,
	[ISA_ROW_lui] = row_li,
	[ISA_ROW_fence] = row_nop,
#undef R
};

/* Handlers to rows: a hash of the handler's address, filled once. */
#define JIT_FN_SLOTS 1024
static struct {
	insn_fn fn;
	uint16_t row;
	bool in_block;
} jit_fn_map[JIT_FN_SLOTS];

static unsigned jit_fn_hash(insn_fn fn)
{
	uint64_t v = (uint64_t)(uintptr_t)fn * 0x9e3779b97f4a7c15ull;
	return (unsigned)(v >> 54) & (JIT_FN_SLOTS - 1);
}

static void jit_fn_add(insn_fn fn, unsigned row, bool in_block)
{
	unsigned s = jit_fn_hash(fn);
	while (jit_fn_map[s].fn && jit_fn_map[s].fn != fn)
		s = (s + 1) & (JIT_FN_SLOTS - 1);
	jit_fn_map[s].fn = fn;
	jit_fn_map[s].row = (uint16_t)row;
	jit_fn_map[s].in_block = in_block;
}

__attribute__((constructor)) static void jit_fn_map_fill(void)
{
	_Static_assert(ISA_NINSNS < JIT_FN_SLOTS / 2, "map too small");
	for (unsigned i = 0; i < ISA_NINSNS; i++) {
		jit_fn_add(isa_insns[i].fn, i, false);
		if (isa_insns[i].fn_in)
			jit_fn_add(isa_insns[i].fn_in, i, true);
	}
}

jit_row_fn jit_row(insn_fn fn, bool *in_block, bool *may_call)
{
	unsigned s = jit_fn_hash(fn);
	while (jit_fn_map[s].fn && jit_fn_map[s].fn != fn)
		s = (s + 1) & (JIT_FN_SLOTS - 1);
	*in_block = false;
	*may_call = false;
	if (!jit_fn_map[s].fn)
		return NULL;
	unsigned row = jit_fn_map[s].row;
	*in_block = jit_fn_map[s].in_block;
	*may_call = !(isa_insns[row].flags & ISA_ENDS_BLOCK);
	return jit_rows[row];
}

#endif
