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

/* The rounding mode to use: the static field (validated at decode time)
 * or frm, which may hold a reserved value above FP_RMM. */
static inline unsigned fp_rm(const struct hart *h, const struct insn *in)
{
	return in->rm == FP_DYN ? h->frm : in->rm;
}

static inline uint64_t sext_w(uint64_t v)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

/* ---- Handlers ----------------------------------------------------------- */

/* Every handler starts with one of these: FP instructions are illegal while
 * mstatus.FS is Off, and so are reserved dynamic rounding modes. FP_GUARD_RM
 * declares rm, the rounding mode. */
#define FP_GUARD()                                                             \
	do {                                                                   \
		if (!hart_fp_enabled(h))                                       \
			return hart_illegal(h, in);                            \
	} while (0)
#define FP_GUARD_RM()                                                          \
	unsigned rm = fp_rm(h, in);                                            \
	if (!hart_fp_enabled(h) || rm > FP_RMM)                                \
	return hart_illegal(h, in)

/* Source FP registers read in format W. */
#define FS1(W) freg_read_##W(h, in->rs1)
#define FS2(W) freg_read_##W(h, in->rs2)
#define FS3(W) freg_read_##W(h, in->rs3)

/* f[rd] = expr in format W; expr raises its flags into fflags directly, as
 * writing an FP register makes FS dirty anyway. */
#define EXEC_F(name, W, guard, expr)                                           \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		guard;                                                         \
		freg_write_##W(h, in->rd, (expr));                             \
		return exec_next(h, in);                                       \
	}

/* x[rd] = expr; expr raises its flags into slow_flags, which fp_accrue
 * adds to fflags (making FS dirty) only when there are some. */
#define EXEC_X(name, guard, expr)                                              \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		guard;                                                         \
		h->slow_flags = 0;                                             \
		h->x[in->rd] = (expr);                                         \
		fp_accrue(h, h->slow_flags);                                   \
		return exec_next(h, in);                                       \
	}

/* The handlers of every instruction that both formats have, once per
 * format: W is the format's suffix in instruction and operation names. */
#define EXEC_FORMAT(W)                                                         \
	EXEC_F(fadd_##W, W, FP_GUARD_RM(),                                     \
	       fp_add_##W(FS1(W), FS2(W), rm, &h->fflags))                     \
	EXEC_F(fsub_##W, W, FP_GUARD_RM(),                                     \
	       fp_sub_##W(FS1(W), FS2(W), rm, &h->fflags))                     \
	EXEC_F(fmul_##W, W, FP_GUARD_RM(),                                     \
	       fp_mul_##W(FS1(W), FS2(W), rm, &h->fflags))                     \
	EXEC_F(fdiv_##W, W, FP_GUARD_RM(),                                     \
	       fp_div_##W(FS1(W), FS2(W), rm, &h->fflags))                     \
	EXEC_F(fsqrt_##W, W, FP_GUARD_RM(),                                    \
	       fp_sqrt_##W(FS1(W), rm, &h->fflags))                            \
	EXEC_F(fmadd_##W, W, FP_GUARD_RM(),                                    \
	       fp_madd_##W(FS1(W), FS2(W), FS3(W), rm, &h->fflags))            \
	EXEC_F(fmsub_##W, W, FP_GUARD_RM(),                                    \
	       fp_msub_##W(FS1(W), FS2(W), FS3(W), rm, &h->fflags))            \
	EXEC_F(fnmsub_##W, W, FP_GUARD_RM(),                                   \
	       fp_nmsub_##W(FS1(W), FS2(W), FS3(W), rm, &h->fflags))           \
	EXEC_F(fnmadd_##W, W, FP_GUARD_RM(),                                   \
	       fp_nmadd_##W(FS1(W), FS2(W), FS3(W), rm, &h->fflags))           \
	EXEC_F(fmin_##W, W, FP_GUARD(),                                        \
	       fp_min_##W(FS1(W), FS2(W), &h->fflags))                         \
	EXEC_F(fmax_##W, W, FP_GUARD(),                                        \
	       fp_max_##W(FS1(W), FS2(W), &h->fflags))                         \
	EXEC_F(fsgnj_##W, W, FP_GUARD(), fp_sgnj_##W(FS1(W), FS2(W)))          \
	EXEC_F(fsgnjn_##W, W, FP_GUARD(), fp_sgnjn_##W(FS1(W), FS2(W)))        \
	EXEC_F(fsgnjx_##W, W, FP_GUARD(), fp_sgnjx_##W(FS1(W), FS2(W)))        \
	EXEC_X(feq_##W, FP_GUARD(), fp_eq_##W(FS1(W), FS2(W), &h->slow_flags)) \
	EXEC_X(flt_##W, FP_GUARD(), fp_lt_##W(FS1(W), FS2(W), &h->slow_flags)) \
	EXEC_X(fle_##W, FP_GUARD(), fp_le_##W(FS1(W), FS2(W), &h->slow_flags)) \
	EXEC_X(fclass_##W, FP_GUARD(), fp_class_##W(FS1(W)))                   \
	EXEC_X(fcvt_w_##W, FP_GUARD_RM(),                                      \
	       sext_w((uint64_t)fp_cvt_w_##W(FS1(W), rm, &h->slow_flags)))     \
	EXEC_X(fcvt_wu_##W, FP_GUARD_RM(),                                     \
	       sext_w(fp_cvt_wu_##W(FS1(W), rm, &h->slow_flags)))              \
	EXEC_X(fcvt_l_##W, FP_GUARD_RM(),                                      \
	       (uint64_t)fp_cvt_l_##W(FS1(W), rm, &h->slow_flags))             \
	EXEC_X(fcvt_lu_##W, FP_GUARD_RM(),                                     \
	       fp_cvt_lu_##W(FS1(W), rm, &h->slow_flags))                      \
	EXEC_F(fcvt_##W##_w, W, FP_GUARD_RM(),                                 \
	       fp_cvt_##W##_w((int32_t)h->x[in->rs1], rm, &h->fflags))         \
	EXEC_F(fcvt_##W##_wu, W, FP_GUARD_RM(),                                \
	       fp_cvt_##W##_wu((uint32_t)h->x[in->rs1], rm, &h->fflags))       \
	EXEC_F(fcvt_##W##_l, W, FP_GUARD_RM(),                                 \
	       fp_cvt_##W##_l((int64_t)h->x[in->rs1], rm, &h->fflags))         \
	EXEC_F(fcvt_##W##_lu, W, FP_GUARD_RM(),                                \
	       fp_cvt_##W##_lu(h->x[in->rs1], rm, &h->fflags))

EXEC_FORMAT(s)
EXEC_FORMAT(d)

EXEC_F(fcvt_s_d, s, FP_GUARD_RM(), fp_cvt_s_d(FS1(d), rm, &h->fflags))
/* Widening is exact, but the rm field is still checked like any other. */
EXEC_F(fcvt_d_s, d, FP_GUARD_RM(), fp_cvt_d_s(FS1(s), rm, &h->fflags))

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

EXEC_F(fmv_w_x, d, FP_GUARD(), fp_mv_w_x(h->x[in->rs1]))
EXEC_F(fmv_d_x, d, FP_GUARD(), h->x[in->rs1])

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

/* Loads and stores of T-sized values; loads write f[rd] in format W, stores
 * write the raw register bits, boxed or not. */
#define EXEC_FLOAD(name, W, T)                                                 \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		uint64_t va = h->x[in->rs1] + (uint64_t)in->imm, v;            \
		if (__builtin_expect(!hart_load_fast(h, va, sizeof(T), &v),    \
				     0))                                       \
			return fp_load_slow(h, in, va, sizeof(T));             \
		freg_write_##W(h, in->rd, (T)v);                               \
		return exec_next(h, in);                                       \
	}
#define EXEC_FSTORE(name, T)                                                   \
	int exec_##name(struct hart *h, const struct insn *in)                 \
	{                                                                      \
		FP_GUARD();                                                    \
		uint64_t va = h->x[in->rs1] + (uint64_t)in->imm;               \
		if (__builtin_expect(!hart_store_fast(h, va, sizeof(T),        \
						      (T)h->f[in->rs2]),       \
				     0))                                       \
			return fp_store_slow(h, in, va, sizeof(T));            \
		return exec_next(h, in);                                       \
	}

EXEC_FLOAD(flw, s, uint32_t)
EXEC_FLOAD(fld, d, uint64_t)
EXEC_FSTORE(fsw, uint32_t)
EXEC_FSTORE(fsd, uint64_t)
