/* RISC-V F and D arithmetic as pure functions on raw IEEE 754 bit patterns.
 *
 * Singles are passed as uint32_t, doubles as uint64_t. Every operation that
 * rounds takes a static rounding mode (FP_RNE..FP_RMM; the caller resolves
 * the dynamic mode first) and ORs the RISC-V fflags it raises into *flags.
 * Every NaN produced is the canonical NaN. */
#ifndef REWIND_CORE_FP_OPS_H
#define REWIND_CORE_FP_OPS_H

#include <stdbool.h>
#include <stdint.h>

/* Rounding modes, as encoded in the rm field and in frm. */
enum {
	FP_RNE = 0, /* to nearest, ties to even */
	FP_RTZ = 1, /* toward zero */
	FP_RDN = 2, /* toward -infinity */
	FP_RUP = 3, /* toward +infinity */
	FP_RMM = 4, /* to nearest, ties to max magnitude */
	FP_DYN = 7, /* rm field only: use frm */
};

/* fflags bits. */
enum {
	FPF_NX = 1u << 0, /* inexact */
	FPF_UF = 1u << 1, /* underflow */
	FPF_OF = 1u << 2, /* overflow */
	FPF_DZ = 1u << 3, /* divide by zero */
	FPF_NV = 1u << 4, /* invalid operation */
};

#define F32_CANON_NAN 0x7fc00000u
#define F64_CANON_NAN 0x7ff8000000000000ull
#define F32_SIGN      0x80000000u
#define F64_SIGN      0x8000000000000000ull
#define F32_BOX	      0xffffffff00000000ull

/* fclass result bits. */
enum {
	FP_CLASS_NEG_INF = 1u << 0,
	FP_CLASS_NEG_NORMAL = 1u << 1,
	FP_CLASS_NEG_SUBNORMAL = 1u << 2,
	FP_CLASS_NEG_ZERO = 1u << 3,
	FP_CLASS_POS_ZERO = 1u << 4,
	FP_CLASS_POS_SUBNORMAL = 1u << 5,
	FP_CLASS_POS_NORMAL = 1u << 6,
	FP_CLASS_POS_INF = 1u << 7,
	FP_CLASS_SNAN = 1u << 8,
	FP_CLASS_QNAN = 1u << 9,
};

/* A single read from a 64-bit FP register: anything not NaN-boxed (upper 32
 * bits all ones) reads as the canonical NaN. */
static inline uint32_t fp_unbox_s(uint64_t reg)
{
	return (reg >> 32) == 0xffffffffu ? (uint32_t)reg : F32_CANON_NAN;
}

/* A single written to a 64-bit FP register is NaN-boxed. */
static inline uint64_t fp_box_s(uint32_t v)
{
	return F32_BOX | v;
}

/* fmv.x.w: the raw low 32 bits, sign-extended, with no unboxing check. */
static inline uint64_t fp_mv_x_w(uint64_t reg)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)reg;
}

/* fmv.w.x: the low 32 bits of an integer register, NaN-boxed. */
static inline uint64_t fp_mv_w_x(uint64_t x)
{
	return fp_box_s((uint32_t)x);
}

/* The operations both formats have, declared once: fp_OP_s on singles
 * (T uint32_t), fp_OP_d on doubles (T uint64_t); fp_ops.c defines them
 * from one template too.
 * - Arithmetic: add, sub, mul, div, sqrt; the fm* variants are fused (one
 *   rounding): madd a*b+c, msub a*b-c, nmsub -(a*b)+c, nmadd -(a*b)-c.
 * - min, max: minimumNumber / maximumNumber with -0 < +0.
 * - Sign injection (sgnj, sgnjn, sgnjx): never raises flags, never
 *   canonicalizes.
 * - Comparisons return 0 or 1. eq is quiet (NV only for a signaling NaN),
 *   lt and le are signaling (NV for any NaN).
 * - class: one FP_CLASS_* bit.
 * - Float to integer (cvt_w, cvt_wu, cvt_l, cvt_lu), saturating: NaN and
 *   too-large values give the maximum, too-small values the minimum, both
 *   with NV only. The 32-bit results are sign-extended to 64 bits by the
 *   caller on RV64, the unsigned ones too.
 * - Integer to float (cvt_s_w ... cvt_d_lu). */
#define FP_OPS_DECLARE(W, T)                                                   \
	T fp_add_##W(T a, T b, unsigned rm, uint32_t *flags);                  \
	T fp_sub_##W(T a, T b, unsigned rm, uint32_t *flags);                  \
	T fp_mul_##W(T a, T b, unsigned rm, uint32_t *flags);                  \
	T fp_div_##W(T a, T b, unsigned rm, uint32_t *flags);                  \
	T fp_sqrt_##W(T a, unsigned rm, uint32_t *flags);                      \
	T fp_madd_##W(T a, T b, T c, unsigned rm, uint32_t *flags);            \
	T fp_msub_##W(T a, T b, T c, unsigned rm, uint32_t *flags);            \
	T fp_nmsub_##W(T a, T b, T c, unsigned rm, uint32_t *flags);           \
	T fp_nmadd_##W(T a, T b, T c, unsigned rm, uint32_t *flags);           \
	T fp_min_##W(T a, T b, uint32_t *flags);                               \
	T fp_max_##W(T a, T b, uint32_t *flags);                               \
	T fp_sgnj_##W(T a, T b);                                               \
	T fp_sgnjn_##W(T a, T b);                                              \
	T fp_sgnjx_##W(T a, T b);                                              \
	bool fp_eq_##W(T a, T b, uint32_t *flags);                             \
	bool fp_lt_##W(T a, T b, uint32_t *flags);                             \
	bool fp_le_##W(T a, T b, uint32_t *flags);                             \
	unsigned fp_class_##W(T a);                                            \
	int32_t fp_cvt_w_##W(T a, unsigned rm, uint32_t *flags);               \
	uint32_t fp_cvt_wu_##W(T a, unsigned rm, uint32_t *flags);             \
	int64_t fp_cvt_l_##W(T a, unsigned rm, uint32_t *flags);               \
	uint64_t fp_cvt_lu_##W(T a, unsigned rm, uint32_t *flags);             \
	T fp_cvt_##W##_w(int32_t v, unsigned rm, uint32_t *flags);             \
	T fp_cvt_##W##_wu(uint32_t v, unsigned rm, uint32_t *flags);           \
	T fp_cvt_##W##_l(int64_t v, unsigned rm, uint32_t *flags);             \
	T fp_cvt_##W##_lu(uint64_t v, unsigned rm, uint32_t *flags);

FP_OPS_DECLARE(s, uint32_t)
FP_OPS_DECLARE(d, uint64_t)

/* Between formats. Widening is exact; rm is accepted for symmetry. */
uint32_t fp_cvt_s_d(uint64_t a, unsigned rm, uint32_t *flags);
uint64_t fp_cvt_d_s(uint32_t a, unsigned rm, uint32_t *flags);

/* Route every operation through the portable exact implementation instead
 * of the host FPU (which is otherwise used for RNE/RTZ/RDN/RUP where it
 * gives identical results). For tests that check both paths; not
 * thread-safe, call it before any hart runs. */
void fp_force_soft(bool on);

#endif
