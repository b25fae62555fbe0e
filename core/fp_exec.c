/* F and D extensions: execute handlers (the instruction table, isa.def,
 * decodes them). The arithmetic is in fp_ops.c; the handlers here move
 * operands between registers, resolve the rounding mode and keep fflags and
 * mstatus.FS up to date. The fcsr, frm and fflags CSRs belong to the CSR
 * module. */
#include "exec.h"
#include "fp_ops.h"

/* ---- Register access ---------------------------------------------------- */

static inline uint32_t freg_read_s(const struct hart *h, unsigned r)
{
	return fp_unbox_s(h->f[r]);
}

static inline uint64_t freg_read_d(const struct hart *h, unsigned r)
{
	return h->f[r];
}

static inline void freg_write_s(struct hart *h, unsigned r, uint32_t v)
{
	h->f[r] = fp_box_s(v);
	hart_fp_dirty(h);
}

static inline void freg_write_d(struct hart *h, unsigned r, uint64_t v)
{
	h->f[r] = v;
	hart_fp_dirty(h);
}

/* Flags raised by an instruction that writes no FP register: fflags is FP
 * state too, so raising any flag makes FS dirty. */
static inline void fp_accrue(struct hart *h, uint32_t flags)
{
	if (flags) {
		h->fflags |= flags;
		hart_fp_dirty(h);
	}
}

/* The rounding mode to use, or -1 when the dynamic mode holds a reserved
 * value (the static field was validated at decode time). */
static inline int fp_rm(const struct hart *h, const struct insn *in)
{
	unsigned rm = in->rm == FP_DYN ? h->frm : in->rm;
	return rm <= FP_RMM ? (int)rm : -1;
}

static inline uint64_t sext_w(uint64_t v)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

static inline uint64_t zext_l(uint64_t v)
{
	return v;
}

/* ---- Handlers ----------------------------------------------------------- */

/* Every handler starts with one of these: FP instructions are illegal while
 * mstatus.FS is Off, and so are reserved dynamic rounding modes. */
#define FP_GUARD()                                                             \
	do {                                                                   \
		if (!hart_fp_enabled(h))                                       \
			return hart_illegal(h, in);                            \
	} while (0)
#define FP_GUARD_RM()                                                          \
	int rm = fp_rm(h, in);                                                 \
	if (!hart_fp_enabled(h) || rm < 0)                                     \
	return hart_illegal(h, in)

/* rd = op(rs1, rs2) with rounding */
#define EXEC_ARITH2(name, fmt, op)                                             \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD_RM();                                                 \
		freg_write_##fmt(h, in->rd,                                    \
				 op(freg_read_##fmt(h, in->rs1),               \
				    freg_read_##fmt(h, in->rs2), (unsigned)rm, \
				    &h->fflags));                              \
		return exec_next(h, in);                                       \
	}

/* rd = op(rs1, rs2, rs3) with rounding */
#define EXEC_ARITH3(name, fmt, op)                                             \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD_RM();                                                 \
		freg_write_##fmt(h, in->rd,                                    \
				 op(freg_read_##fmt(h, in->rs1),               \
				    freg_read_##fmt(h, in->rs2),               \
				    freg_read_##fmt(h, in->rs3), (unsigned)rm, \
				    &h->fflags));                              \
		return exec_next(h, in);                                       \
	}

/* rd = op(rs1, rs2) without rounding, may raise flags */
#define EXEC_MINMAX(name, fmt, op)                                             \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		freg_write_##fmt(h, in->rd,                                    \
				 op(freg_read_##fmt(h, in->rs1),               \
				    freg_read_##fmt(h, in->rs2), &h->fflags)); \
		return exec_next(h, in);                                       \
	}

/* rd = op(rs1, rs2), no flags */
#define EXEC_SGNJ(name, fmt, op)                                               \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		freg_write_##fmt(h, in->rd,                                    \
				 op(freg_read_##fmt(h, in->rs1),               \
				    freg_read_##fmt(h, in->rs2)));             \
		return exec_next(h, in);                                       \
	}

/* x[rd] = op(rs1, rs2) */
#define EXEC_CMP(name, fmt, op)                                                \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		h->slow_flags = 0;                                             \
		h->x[in->rd] =                                                 \
			op(freg_read_##fmt(h, in->rs1),                        \
			   freg_read_##fmt(h, in->rs2), &h->slow_flags);       \
		fp_accrue(h, h->slow_flags);                                   \
		return exec_next(h, in);                                       \
	}

/* x[rd] = ext(op(rs1)): float to integer */
#define EXEC_TO_INT(name, fmt, op, ext)                                        \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD_RM();                                                 \
		h->slow_flags = 0;                                             \
		h->x[in->rd] =                                                 \
			ext((uint64_t)op(freg_read_##fmt(h, in->rs1),          \
					 (unsigned)rm, &h->slow_flags));       \
		fp_accrue(h, h->slow_flags);                                   \
		return exec_next(h, in);                                       \
	}

/* rd = op((type)x[rs1]): integer to float */
#define EXEC_FROM_INT(name, fmt, op, type)                                     \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD_RM();                                                 \
		freg_write_##fmt(                                              \
			h, in->rd,                                             \
			op((type)h->x[in->rs1], (unsigned)rm, &h->fflags));    \
		return exec_next(h, in);                                       \
	}

/* rd = op(rs1) with rounding */
#define EXEC_ARITH1(name, fmt, op)                                             \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD_RM();                                                 \
		freg_write_##fmt(h, in->rd,                                    \
				 op(freg_read_##fmt(h, in->rs1), (unsigned)rm, \
				    &h->fflags));                              \
		return exec_next(h, in);                                       \
	}

/* x[rd] = op(rs1), no flags */
#define EXEC_CLASS(name, fmt, op)                                              \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		h->x[in->rd] = op(freg_read_##fmt(h, in->rs1));                \
		return exec_next(h, in);                                       \
	}

/* The handlers of every instruction that both formats have, once per
 * format: W is the format's suffix in instruction and operation names. */
#define EXEC_FORMAT(W)                                                         \
	EXEC_ARITH2(fadd_##W, W, fp_add_##W)                                   \
	EXEC_ARITH2(fsub_##W, W, fp_sub_##W)                                   \
	EXEC_ARITH2(fmul_##W, W, fp_mul_##W)                                   \
	EXEC_ARITH2(fdiv_##W, W, fp_div_##W)                                   \
	EXEC_ARITH1(fsqrt_##W, W, fp_sqrt_##W)                                 \
	EXEC_ARITH3(fmadd_##W, W, fp_madd_##W)                                 \
	EXEC_ARITH3(fmsub_##W, W, fp_msub_##W)                                 \
	EXEC_ARITH3(fnmsub_##W, W, fp_nmsub_##W)                               \
	EXEC_ARITH3(fnmadd_##W, W, fp_nmadd_##W)                               \
	EXEC_MINMAX(fmin_##W, W, fp_min_##W)                                   \
	EXEC_MINMAX(fmax_##W, W, fp_max_##W)                                   \
	EXEC_SGNJ(fsgnj_##W, W, fp_sgnj_##W)                                   \
	EXEC_SGNJ(fsgnjn_##W, W, fp_sgnjn_##W)                                 \
	EXEC_SGNJ(fsgnjx_##W, W, fp_sgnjx_##W)                                 \
	EXEC_CMP(feq_##W, W, fp_eq_##W)                                        \
	EXEC_CMP(flt_##W, W, fp_lt_##W)                                        \
	EXEC_CMP(fle_##W, W, fp_le_##W)                                        \
	EXEC_CLASS(fclass_##W, W, fp_class_##W)                                \
	EXEC_TO_INT(fcvt_w_##W, W, fp_cvt_w_##W, sext_w)                       \
	EXEC_TO_INT(fcvt_wu_##W, W, fp_cvt_wu_##W, sext_w)                     \
	EXEC_TO_INT(fcvt_l_##W, W, fp_cvt_l_##W, zext_l)                       \
	EXEC_TO_INT(fcvt_lu_##W, W, fp_cvt_lu_##W, zext_l)                     \
	EXEC_FROM_INT(fcvt_##W##_w, W, fp_cvt_##W##_w, int32_t)                \
	EXEC_FROM_INT(fcvt_##W##_wu, W, fp_cvt_##W##_wu, uint32_t)             \
	EXEC_FROM_INT(fcvt_##W##_l, W, fp_cvt_##W##_l, int64_t)                \
	EXEC_FROM_INT(fcvt_##W##_lu, W, fp_cvt_##W##_lu, uint64_t)

EXEC_FORMAT(s)
EXEC_FORMAT(d)

int exec_fcvt_s_d(struct hart *h, const struct insn *in)
{
	FP_GUARD_RM();
	freg_write_s(
		h, in->rd,
		fp_cvt_s_d(freg_read_d(h, in->rs1), (unsigned)rm, &h->fflags));
	return exec_next(h, in);
}

/* Widening is exact, but the rm field is still checked like any other. */
int exec_fcvt_d_s(struct hart *h, const struct insn *in)
{
	FP_GUARD_RM();
	freg_write_d(
		h, in->rd,
		fp_cvt_d_s(freg_read_s(h, in->rs1), (unsigned)rm, &h->fflags));
	return exec_next(h, in);
}

/* The moves copy bits untouched: fmv.x.w ignores NaN-boxing. */
int exec_fmv_x_w(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	h->x[in->rd] = fp_mv_x_w(h->f[in->rs1]);
	return exec_next(h, in);
}

int exec_fmv_x_d(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	h->x[in->rd] = h->f[in->rs1];
	return exec_next(h, in);
}

int exec_fmv_w_x(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	h->f[in->rd] = fp_mv_w_x(h->x[in->rs1]);
	hart_fp_dirty(h);
	return exec_next(h, in);
}

int exec_fmv_d_x(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	h->f[in->rd] = h->x[in->rs1];
	hart_fp_dirty(h);
	return exec_next(h, in);
}

/* The slow paths of FP loads and stores, apart so that the fast paths
 * need no stack frame. */
static __attribute__((noinline)) int
fp_load_slow(struct hart *h, const struct insn *in, uint64_t va, unsigned size)
{
	int r = mmu_load_slow(h, in, va, size, &h->slow_val);
	if (r)
		return r;
	if (size == 4)
		freg_write_s(h, in->rd, (uint32_t)h->slow_val);
	else
		freg_write_d(h, in->rd, h->slow_val);
	return exec_next(h, in);
}

static __attribute__((noinline)) int
fp_store_slow(struct hart *h, const struct insn *in, uint64_t va, unsigned size)
{
	int r = mmu_store_slow(h, in, va, size,
			       size == 4 ? (uint32_t)h->f[in->rs2]
					 : h->f[in->rs2]);
	if (r)
		return r;
	return exec_next(h, in);
}

int exec_flw(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	uint64_t va = h->x[in->rs1] + (uint64_t)in->imm, v;
	if (__builtin_expect(!hart_load_fast(h, va, 4, &v), 0))
		return fp_load_slow(h, in, va, 4);
	freg_write_s(h, in->rd, (uint32_t)v);
	return exec_next(h, in);
}

int exec_fld(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	uint64_t va = h->x[in->rs1] + (uint64_t)in->imm, v;
	if (__builtin_expect(!hart_load_fast(h, va, 8, &v), 0))
		return fp_load_slow(h, in, va, 8);
	freg_write_d(h, in->rd, v);
	return exec_next(h, in);
}

/* Stores write the raw register bits, boxed or not. */
int exec_fsw(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	uint64_t va = h->x[in->rs1] + (uint64_t)in->imm;
	if (__builtin_expect(
		    !hart_store_fast(h, va, 4, (uint32_t)h->f[in->rs2]), 0))
		return fp_store_slow(h, in, va, 4);
	return exec_next(h, in);
}

int exec_fsd(struct hart *h, const struct insn *in)
{
	FP_GUARD();
	uint64_t va = h->x[in->rs1] + (uint64_t)in->imm;
	if (__builtin_expect(!hart_store_fast(h, va, 8, h->f[in->rs2]), 0))
		return fp_store_slow(h, in, va, 8);
	return exec_next(h, in);
}
