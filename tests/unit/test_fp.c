/* The F and D operations of fp_ops.c, on raw bit patterns.
 *
 * Two kinds of test:
 * - Tables of corner cases whose results and flags were worked out by hand
 *   from IEEE 754-2008 and the RISC-V F/D chapters (and cross-checked on an
 *   independent RISC-V implementation). Every table runs twice, once on the
 *   host-FPU path and once on the exact integer path.
 * - A differential test that runs a large pseudo-random sample of operands,
 *   rich in special and boundary values, through both paths for every
 *   operation and rounding mode: replay determinism needs the two to agree
 *   bit for bit, results and flags alike.
 *
 * Table conventions: single results are the 32-bit pattern; integer results
 * (conversions to integer, comparisons, fclass) are the 64-bit value an
 * RV64 register receives, so 32-bit results appear sign-extended; integer
 * operands of conversions to float are register values too. */
#include "fp_ops.h"

#include <check.h>
#include <fenv.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Operations under test ---------------------------------------------- */

/* Laid out by hand: the formatter cannot lay out a macro list stably. */
/* clang-format off */
#define FP_OP_LIST(X)                                                      \
	X(FADD_S) X(FSUB_S) X(FMUL_S) X(FDIV_S) X(FSQRT_S) X(FMADD_S)      \
	X(FMSUB_S) X(FNMSUB_S) X(FNMADD_S)                                 \
	X(FADD_D) X(FSUB_D) X(FMUL_D) X(FDIV_D) X(FSQRT_D) X(FMADD_D)      \
	X(FMSUB_D) X(FNMSUB_D) X(FNMADD_D)                                 \
	X(FMIN_S) X(FMAX_S) X(FMIN_D) X(FMAX_D) X(FEQ_S) X(FLT_S) X(FLE_S) \
	X(FEQ_D) X(FLT_D) X(FLE_D)                                         \
	X(FCLASS_S) X(FCLASS_D) X(FSGNJ_S) X(FSGNJN_S) X(FSGNJX_S)         \
	X(FSGNJ_D) X(FSGNJN_D) X(FSGNJX_D)                                 \
	X(FCVT_W_S) X(FCVT_WU_S) X(FCVT_L_S) X(FCVT_LU_S) X(FCVT_W_D)      \
	X(FCVT_WU_D) X(FCVT_L_D) X(FCVT_LU_D)                              \
	X(FCVT_S_W) X(FCVT_S_WU) X(FCVT_S_L) X(FCVT_S_LU) X(FCVT_D_W)      \
	X(FCVT_D_WU) X(FCVT_D_L) X(FCVT_D_LU)                              \
	X(FCVT_S_D) X(FCVT_D_S)
/* clang-format on */

#define AS_ENUM(name) name,
enum op { FP_OP_LIST(AS_ENUM) OP_COUNT };

#define AS_NAME(name) #name,
static const char *const op_names[OP_COUNT] = {FP_OP_LIST(AS_NAME)};

/* What an operation takes, so that the random test can feed it. */
enum kind {
	K_FLOAT_S, /* single operands */
	K_FLOAT_D, /* double operands */
	K_INT,	   /* one integer operand */
};

static enum kind op_kind(enum op op)
{
	if (op >= FCVT_S_W && op <= FCVT_D_LU)
		return K_INT;
	if (op == FCVT_S_D)
		return K_FLOAT_D;
	if (op == FCVT_D_S)
		return K_FLOAT_S;
	return op_names[op][strlen(op_names[op]) - 1] == 'S' ? K_FLOAT_S
							     : K_FLOAT_D;
}

static uint64_t sext32(uint32_t v)
{
	return (uint64_t)(int64_t)(int32_t)v;
}

/* Runs one operation; the result is a float's bit pattern or a register
 * value as described at the top. */
static uint64_t apply(enum op op, unsigned rm, uint64_t a, uint64_t b,
		      uint64_t c, uint32_t *fl)
{
	uint32_t as = (uint32_t)a, bs = (uint32_t)b, cs = (uint32_t)c;

	switch (op) {
	case FADD_S: return fp_add_s(as, bs, rm, fl);
	case FSUB_S: return fp_sub_s(as, bs, rm, fl);
	case FMUL_S: return fp_mul_s(as, bs, rm, fl);
	case FDIV_S: return fp_div_s(as, bs, rm, fl);
	case FSQRT_S: return fp_sqrt_s(as, rm, fl);
	case FMADD_S: return fp_madd_s(as, bs, cs, rm, fl);
	case FMSUB_S: return fp_msub_s(as, bs, cs, rm, fl);
	case FNMSUB_S: return fp_nmsub_s(as, bs, cs, rm, fl);
	case FNMADD_S: return fp_nmadd_s(as, bs, cs, rm, fl);
	case FADD_D: return fp_add_d(a, b, rm, fl);
	case FSUB_D: return fp_sub_d(a, b, rm, fl);
	case FMUL_D: return fp_mul_d(a, b, rm, fl);
	case FDIV_D: return fp_div_d(a, b, rm, fl);
	case FSQRT_D: return fp_sqrt_d(a, rm, fl);
	case FMADD_D: return fp_madd_d(a, b, c, rm, fl);
	case FMSUB_D: return fp_msub_d(a, b, c, rm, fl);
	case FNMSUB_D: return fp_nmsub_d(a, b, c, rm, fl);
	case FNMADD_D: return fp_nmadd_d(a, b, c, rm, fl);
	case FMIN_S: return fp_min_s(as, bs, fl);
	case FMAX_S: return fp_max_s(as, bs, fl);
	case FMIN_D: return fp_min_d(a, b, fl);
	case FMAX_D: return fp_max_d(a, b, fl);
	case FEQ_S: return fp_eq_s(as, bs, fl);
	case FLT_S: return fp_lt_s(as, bs, fl);
	case FLE_S: return fp_le_s(as, bs, fl);
	case FEQ_D: return fp_eq_d(a, b, fl);
	case FLT_D: return fp_lt_d(a, b, fl);
	case FLE_D: return fp_le_d(a, b, fl);
	case FCLASS_S: return fp_class_s(as);
	case FCLASS_D: return fp_class_d(a);
	case FSGNJ_S: return fp_sgnj_s(as, bs);
	case FSGNJN_S: return fp_sgnjn_s(as, bs);
	case FSGNJX_S: return fp_sgnjx_s(as, bs);
	case FSGNJ_D: return fp_sgnj_d(a, b);
	case FSGNJN_D: return fp_sgnjn_d(a, b);
	case FSGNJX_D: return fp_sgnjx_d(a, b);
	case FCVT_W_S: return sext32((uint32_t)fp_cvt_w_s(as, rm, fl));
	case FCVT_WU_S: return sext32(fp_cvt_wu_s(as, rm, fl));
	case FCVT_L_S: return (uint64_t)fp_cvt_l_s(as, rm, fl);
	case FCVT_LU_S: return fp_cvt_lu_s(as, rm, fl);
	case FCVT_W_D: return sext32((uint32_t)fp_cvt_w_d(a, rm, fl));
	case FCVT_WU_D: return sext32(fp_cvt_wu_d(a, rm, fl));
	case FCVT_L_D: return (uint64_t)fp_cvt_l_d(a, rm, fl);
	case FCVT_LU_D: return fp_cvt_lu_d(a, rm, fl);
	case FCVT_S_W: return fp_cvt_s_w((int32_t)as, rm, fl);
	case FCVT_S_WU: return fp_cvt_s_wu(as, rm, fl);
	case FCVT_S_L: return fp_cvt_s_l((int64_t)a, rm, fl);
	case FCVT_S_LU: return fp_cvt_s_lu(a, rm, fl);
	case FCVT_D_W: return fp_cvt_d_w((int32_t)as, rm, fl);
	case FCVT_D_WU: return fp_cvt_d_wu(as, rm, fl);
	case FCVT_D_L: return fp_cvt_d_l((int64_t)a, rm, fl);
	case FCVT_D_LU: return fp_cvt_d_lu(a, rm, fl);
	case FCVT_S_D: return fp_cvt_s_d(a, rm, fl);
	case FCVT_D_S: return fp_cvt_d_s(as, rm, fl);
	default: break;
	}
	ck_abort_msg("unknown op %d", (int)op);
	return 0;
}

/* ---- Hand-checked tables ------------------------------------------------ */

#define RNE FP_RNE
#define RTZ FP_RTZ
#define RDN FP_RDN
#define RUP FP_RUP
#define RMM FP_RMM

#define NX FPF_NX
#define UF FPF_UF
#define OF FPF_OF
#define DZ FPF_DZ
#define NV FPF_NV

/* single */
#define S_P0	   0x00000000u
#define S_N0	   0x80000000u
#define S_ONE	   0x3f800000u
#define S_NONE	   0xbf800000u
#define S_TWO	   0x40000000u
#define S_THREE	   0x40400000u
#define S_HALF	   0x3f000000u
#define S_NHALF	   0xbf000000u
#define S_MAX	   0x7f7fffffu
#define S_NMAX	   0xff7fffffu
#define S_MINN	   0x00800000u /* smallest normal, 2^-126 */
#define S_MINS	   0x00000001u /* smallest subnormal, 2^-149 */
#define S_NMINS	   0x80000001u
#define S_MAXS	   0x007fffffu /* largest subnormal */
#define S_INF	   0x7f800000u
#define S_NINF	   0xff800000u
#define S_QNAN	   0x7fc00000u
#define S_NQNAN	   0xffc00000u
#define S_QNAN_PL  0x7fc12345u /* quiet, with a payload */
#define S_SNAN	   0x7f800001u
#define S_NSNAN	   0xff800001u
#define S_SNAN_MAX 0x7fbfffffu /* signaling, every payload bit set */
#define S_EPS_2	   0x33800000u /* 2^-24, half an ulp of 1 */

/* double */
#define D_P0	  0x0000000000000000ull
#define D_N0	  0x8000000000000000ull
#define D_ONE	  0x3ff0000000000000ull
#define D_NONE	  0xbff0000000000000ull
#define D_TWO	  0x4000000000000000ull
#define D_THREE	  0x4008000000000000ull
#define D_HALF	  0x3fe0000000000000ull
#define D_NHALF	  0xbfe0000000000000ull
#define D_MAX	  0x7fefffffffffffffull
#define D_NMAX	  0xffefffffffffffffull
#define D_MINN	  0x0010000000000000ull /* 2^-1022 */
#define D_MINS	  0x0000000000000001ull /* 2^-1074 */
#define D_NMINS	  0x8000000000000001ull
#define D_MAXS	  0x000fffffffffffffull
#define D_INF	  0x7ff0000000000000ull
#define D_NINF	  0xfff0000000000000ull
#define D_QNAN	  0x7ff8000000000000ull
#define D_NQNAN	  0xfff8000000000000ull
#define D_QNAN_PL 0x7ff8000000012345ull
#define D_SNAN	  0x7ff0000000000001ull
#define D_NSNAN	  0xfff0000000000001ull
#define D_SNAN_HI 0x7ff4000000000000ull /* signaling, top payload bit only */
#define D_EPS_2	  0x3ca0000000000000ull /* 2^-53 */

struct vec {
	uint8_t op, rm;
	uint64_t a, b, c, want;
	uint32_t flags;
};

#define V1(op, rm, a, want, fl)                                                \
	{                                                                      \
		op, rm, a, 0, 0, want, fl                                      \
	}
#define V2(op, rm, a, b, want, fl)                                             \
	{                                                                      \
		op, rm, a, b, 0, want, fl                                      \
	}
#define V3(op, rm, a, b, c, want, fl)                                          \
	{                                                                      \
		op, rm, a, b, c, want, fl                                      \
	}

static const struct vec add_vecs[] = {
	/* exact */
	V2(FADD_S, RNE, S_ONE, S_TWO, S_THREE, 0),
	V2(FADD_S, RNE, S_MINS, S_MINS, 0x00000002, 0),
	/* subnormal sums are exact, so never underflow */
	V2(FADD_S, RNE, S_MAXS, S_MINS, S_MINN, 0),
	V2(FADD_S, RNE, S_MINN, S_NMINS, S_MAXS, 0),
	/* 1 + 2^-24 is a tie with an even neighbour below */
	V2(FADD_S, RNE, S_ONE, S_EPS_2, S_ONE, NX),
	V2(FADD_S, RTZ, S_ONE, S_EPS_2, S_ONE, NX),
	V2(FADD_S, RDN, S_ONE, S_EPS_2, S_ONE, NX),
	V2(FADD_S, RUP, S_ONE, S_EPS_2, 0x3f800001, NX),
	V2(FADD_S, RMM, S_ONE, S_EPS_2, 0x3f800001, NX),
	/* (1 + 2^-23) + 2^-24 is a tie with an odd neighbour below */
	V2(FADD_S, RNE, 0x3f800001, S_EPS_2, 0x3f800002, NX),
	V2(FADD_S, RTZ, 0x3f800001, S_EPS_2, 0x3f800001, NX),
	V2(FADD_S, RDN, 0x3f800001, S_EPS_2, 0x3f800001, NX),
	V2(FADD_S, RUP, 0x3f800001, S_EPS_2, 0x3f800002, NX),
	V2(FADD_S, RMM, 0x3f800001, S_EPS_2, 0x3f800002, NX),
	/* negative tie */
	V2(FADD_S, RNE, S_NONE, 0xb3800000, S_NONE, NX),
	V2(FADD_S, RTZ, S_NONE, 0xb3800000, S_NONE, NX),
	V2(FADD_S, RDN, S_NONE, 0xb3800000, 0xbf800001, NX),
	V2(FADD_S, RUP, S_NONE, 0xb3800000, S_NONE, NX),
	V2(FADD_S, RMM, S_NONE, 0xb3800000, 0xbf800001, NX),
	/* -1 + 2^-149: sticky bits only */
	V2(FADD_S, RNE, S_NONE, S_MINS, S_NONE, NX),
	V2(FADD_S, RTZ, S_NONE, S_MINS, 0xbf7fffff, NX),
	V2(FADD_S, RDN, S_NONE, S_MINS, S_NONE, NX),
	V2(FADD_S, RUP, S_NONE, S_MINS, 0xbf7fffff, NX),
	V2(FADD_S, RMM, S_NONE, S_MINS, S_NONE, NX),
	/* exact cancellation: +0, or -0 when rounding down */
	V2(FADD_S, RNE, S_ONE, S_NONE, S_P0, 0),
	V2(FADD_S, RTZ, S_ONE, S_NONE, S_P0, 0),
	V2(FADD_S, RDN, S_ONE, S_NONE, S_N0, 0),
	V2(FADD_S, RUP, S_ONE, S_NONE, S_P0, 0),
	V2(FADD_S, RMM, S_ONE, S_NONE, S_P0, 0),
	V2(FADD_S, RDN, S_MAX, S_NMAX, S_N0, 0),
	/* signed zeros */
	V2(FADD_S, RNE, S_P0, S_N0, S_P0, 0),
	V2(FADD_S, RDN, S_P0, S_N0, S_N0, 0),
	V2(FADD_S, RNE, S_N0, S_N0, S_N0, 0),
	V2(FADD_S, RUP, S_N0, S_N0, S_N0, 0),
	V2(FADD_S, RDN, S_P0, S_P0, S_P0, 0),
	V2(FADD_S, RNE, S_THREE, S_N0, S_THREE, 0),
	/* overflow: infinity or the largest finite value by direction */
	V2(FADD_S, RNE, S_MAX, S_MAX, S_INF, OF | NX),
	V2(FADD_S, RTZ, S_MAX, S_MAX, S_MAX, OF | NX),
	V2(FADD_S, RDN, S_MAX, S_MAX, S_MAX, OF | NX),
	V2(FADD_S, RUP, S_MAX, S_MAX, S_INF, OF | NX),
	V2(FADD_S, RMM, S_MAX, S_MAX, S_INF, OF | NX),
	V2(FADD_S, RNE, S_NMAX, S_NMAX, S_NINF, OF | NX),
	V2(FADD_S, RTZ, S_NMAX, S_NMAX, S_NMAX, OF | NX),
	V2(FADD_S, RDN, S_NMAX, S_NMAX, S_NINF, OF | NX),
	V2(FADD_S, RUP, S_NMAX, S_NMAX, S_NMAX, OF | NX),
	V2(FADD_S, RMM, S_NMAX, S_NMAX, S_NINF, OF | NX),
	/* max + 1: only rounding up leaves the finite range */
	V2(FADD_S, RNE, S_MAX, S_ONE, S_MAX, NX),
	V2(FADD_S, RUP, S_MAX, S_ONE, S_INF, OF | NX),
	/* max + half an ulp (2^103): a tie at the overflow threshold */
	V2(FADD_S, RNE, S_MAX, 0x73000000, S_INF, OF | NX),
	V2(FADD_S, RTZ, S_MAX, 0x73000000, S_MAX, NX),
	V2(FADD_S, RDN, S_MAX, 0x73000000, S_MAX, NX),
	V2(FADD_S, RUP, S_MAX, 0x73000000, S_INF, OF | NX),
	V2(FADD_S, RMM, S_MAX, 0x73000000, S_INF, OF | NX),
	/* infinities */
	V2(FADD_S, RNE, S_INF, S_NINF, S_QNAN, NV),
	V2(FADD_S, RNE, S_INF, S_INF, S_INF, 0),
	V2(FADD_S, RNE, S_NINF, S_MAX, S_NINF, 0),
	/* NaNs: always canonical, NV only for a signaling one */
	V2(FADD_S, RNE, S_QNAN, S_ONE, S_QNAN, 0),
	V2(FADD_S, RNE, S_QNAN_PL, S_ONE, S_QNAN, 0),
	V2(FADD_S, RNE, S_NQNAN, S_ONE, S_QNAN, 0),
	V2(FADD_S, RNE, S_ONE, S_NQNAN, S_QNAN, 0),
	V2(FADD_S, RNE, S_QNAN, S_INF, S_QNAN, 0),
	V2(FADD_S, RNE, S_SNAN, S_ONE, S_QNAN, NV),
	V2(FADD_S, RNE, S_ONE, S_NSNAN, S_QNAN, NV),
	V2(FADD_S, RNE, S_QNAN, S_SNAN_MAX, S_QNAN, NV),

	/* subtraction */
	V2(FSUB_S, RNE, S_ONE, S_ONE, S_P0, 0),
	V2(FSUB_S, RDN, S_ONE, S_ONE, S_N0, 0),
	V2(FSUB_S, RNE, S_N0, S_P0, S_N0, 0),
	V2(FSUB_S, RNE, S_P0, S_P0, S_P0, 0),
	V2(FSUB_S, RDN, S_P0, S_P0, S_N0, 0),
	V2(FSUB_S, RNE, S_INF, S_INF, S_QNAN, NV),
	V2(FSUB_S, RNE, S_NINF, S_NINF, S_QNAN, NV),
	V2(FSUB_S, RNE, S_INF, S_NINF, S_INF, 0),
	V2(FSUB_S, RNE, S_SNAN, S_QNAN, S_QNAN, NV),
	/* 1 - 2^-25 is a tie between 1 - 2^-24 (odd) and 1 */
	V2(FSUB_S, RNE, S_ONE, 0x33000000, S_ONE, NX),
	V2(FSUB_S, RTZ, S_ONE, 0x33000000, 0x3f7fffff, NX),
	V2(FSUB_S, RDN, S_ONE, 0x33000000, 0x3f7fffff, NX),
	V2(FSUB_S, RUP, S_ONE, 0x33000000, S_ONE, NX),
	V2(FSUB_S, RMM, S_ONE, 0x33000000, S_ONE, NX),

	/* double */
	V2(FADD_D, RNE, D_ONE, D_TWO, D_THREE, 0),
	V2(FADD_D, RNE, D_MAXS, D_MINS, D_MINN, 0),
	V2(FADD_D, RNE, D_MINN, D_NMINS, D_MAXS, 0),
	V2(FADD_D, RNE, D_ONE, D_EPS_2, D_ONE, NX),
	V2(FADD_D, RTZ, D_ONE, D_EPS_2, D_ONE, NX),
	V2(FADD_D, RDN, D_ONE, D_EPS_2, D_ONE, NX),
	V2(FADD_D, RUP, D_ONE, D_EPS_2, 0x3ff0000000000001, NX),
	V2(FADD_D, RMM, D_ONE, D_EPS_2, 0x3ff0000000000001, NX),
	V2(FADD_D, RNE, 0x3ff0000000000001, D_EPS_2, 0x3ff0000000000002, NX),
	V2(FADD_D, RTZ, 0x3ff0000000000001, D_EPS_2, 0x3ff0000000000001, NX),
	V2(FADD_D, RMM, 0x3ff0000000000001, D_EPS_2, 0x3ff0000000000002, NX),
	V2(FADD_D, RDN, D_NONE, 0xbca0000000000000, 0xbff0000000000001, NX),
	V2(FADD_D, RUP, D_NONE, 0xbca0000000000000, D_NONE, NX),
	V2(FADD_D, RTZ, D_NONE, D_MINS, 0xbfefffffffffffff, NX),
	V2(FADD_D, RUP, D_NONE, D_MINS, 0xbfefffffffffffff, NX),
	V2(FADD_D, RNE, D_NONE, D_MINS, D_NONE, NX),
	V2(FADD_D, RNE, D_ONE, D_NONE, D_P0, 0),
	V2(FADD_D, RDN, D_ONE, D_NONE, D_N0, 0),
	V2(FADD_D, RMM, D_ONE, D_NONE, D_P0, 0),
	V2(FADD_D, RNE, D_P0, D_N0, D_P0, 0),
	V2(FADD_D, RDN, D_P0, D_N0, D_N0, 0),
	V2(FADD_D, RNE, D_N0, D_N0, D_N0, 0),
	V2(FADD_D, RNE, D_MAX, D_MAX, D_INF, OF | NX),
	V2(FADD_D, RTZ, D_MAX, D_MAX, D_MAX, OF | NX),
	V2(FADD_D, RDN, D_MAX, D_MAX, D_MAX, OF | NX),
	V2(FADD_D, RUP, D_MAX, D_MAX, D_INF, OF | NX),
	V2(FADD_D, RMM, D_MAX, D_MAX, D_INF, OF | NX),
	V2(FADD_D, RDN, D_NMAX, D_NMAX, D_NINF, OF | NX),
	V2(FADD_D, RUP, D_NMAX, D_NMAX, D_NMAX, OF | NX),
	/* max + 2^970, half an ulp */
	V2(FADD_D, RNE, D_MAX, 0x7c90000000000000, D_INF, OF | NX),
	V2(FADD_D, RTZ, D_MAX, 0x7c90000000000000, D_MAX, NX),
	V2(FADD_D, RNE, D_INF, D_NINF, D_QNAN, NV),
	V2(FADD_D, RNE, D_QNAN_PL, D_ONE, D_QNAN, 0),
	V2(FADD_D, RNE, D_NQNAN, D_ONE, D_QNAN, 0),
	V2(FADD_D, RNE, D_ONE, D_SNAN, D_QNAN, NV),
	V2(FADD_D, RNE, D_SNAN_HI, D_QNAN, D_QNAN, NV),
	V2(FSUB_D, RNE, D_ONE, D_ONE, D_P0, 0),
	V2(FSUB_D, RDN, D_ONE, D_ONE, D_N0, 0),
	V2(FSUB_D, RNE, D_N0, D_P0, D_N0, 0),
	V2(FSUB_D, RNE, D_INF, D_INF, D_QNAN, NV),
	V2(FSUB_D, RNE, D_NINF, D_INF, D_NINF, 0),
	V2(FSUB_D, RNE, D_NSNAN, D_ONE, D_QNAN, NV),
};

/* Operands for the tininess cases. Single: 18631 * 2^-75 times 1801 * 2^-76
 * is (2^25 - 1) * 2^-151 = 2^-126 - 2^-151, and 4095 * 2^-75 times
 * 4097 * 2^-75 is 2^-126 - 2^-150. Double: 262143 * 2^-538 times
 * 68719738881 * 2^-538 is (2^54 - 1) * 2^-1076 = 2^-1022 - 2^-1076, and
 * 441650591 * 2^-538 times 20394401 * 2^-537 is 2^-1022 - 2^-1075. */
#define S_TINY_A1 0x21118e00u
#define S_TINY_B1 0x1ee12000u
#define S_TINY_A2 0x1ffff000u
#define S_TINY_B2 0x20000800u
#define D_TINY_A1 0x1f6ffff800000000ull
#define D_TINY_B1 0x2090000400010000ull
#define D_TINY_A2 0x201a530d9f000000ull
#define D_TINY_B2 0x1fe3731a10000000ull

static const struct vec mul_vecs[] = {
	V2(FMUL_S, RNE, S_TWO, S_THREE, 0x40c00000, 0),
	V2(FMUL_S, RNE, S_N0, 0x40a00000, S_N0, 0),
	V2(FMUL_S, RNE, S_N0, S_N0, S_P0, 0),
	V2(FMUL_S, RDN, S_P0, S_NONE, S_N0, 0),
	V2(FMUL_S, RNE, S_P0, S_NINF, S_QNAN, NV),
	V2(FMUL_S, RNE, S_NINF, S_P0, S_QNAN, NV),
	V2(FMUL_S, RNE, S_INF, 0xc0000000, S_NINF, 0),
	V2(FMUL_S, RNE, S_QNAN, S_P0, S_QNAN, 0),
	V2(FMUL_S, RNE, S_QNAN, S_INF, S_QNAN, 0),
	V2(FMUL_S, RNE, S_SNAN, S_ONE, S_QNAN, NV),
	/* overflow */
	V2(FMUL_S, RNE, S_MAX, S_TWO, S_INF, OF | NX),
	V2(FMUL_S, RTZ, S_MAX, S_TWO, S_MAX, OF | NX),
	V2(FMUL_S, RDN, S_MAX, S_TWO, S_MAX, OF | NX),
	V2(FMUL_S, RUP, S_MAX, S_TWO, S_INF, OF | NX),
	V2(FMUL_S, RMM, S_MAX, S_TWO, S_INF, OF | NX),
	V2(FMUL_S, RDN, S_NMAX, S_TWO, S_NINF, OF | NX),
	V2(FMUL_S, RUP, S_NMAX, S_TWO, S_NMAX, OF | NX),
	/* exact subnormal results do not underflow */
	V2(FMUL_S, RNE, S_MINN, S_HALF, 0x00400000, 0),
	V2(FMUL_S, RNE, S_MAXS, S_ONE, S_MAXS, 0),
	/* 2^-149 * 1/2 = 2^-150: a tie between 0 and the smallest
	 * subnormal; both are tiny and inexact */
	V2(FMUL_S, RNE, S_MINS, S_HALF, S_P0, UF | NX),
	V2(FMUL_S, RTZ, S_MINS, S_HALF, S_P0, UF | NX),
	V2(FMUL_S, RDN, S_MINS, S_HALF, S_P0, UF | NX),
	V2(FMUL_S, RUP, S_MINS, S_HALF, S_MINS, UF | NX),
	V2(FMUL_S, RMM, S_MINS, S_HALF, S_MINS, UF | NX),
	V2(FMUL_S, RNE, S_NMINS, S_HALF, S_N0, UF | NX),
	V2(FMUL_S, RDN, S_NMINS, S_HALF, S_NMINS, UF | NX),
	V2(FMUL_S, RUP, S_NMINS, S_HALF, S_N0, UF | NX),
	/* 2^-126 - 2^-151: with an unbounded exponent it rounds to 2^-126 in
	 * RNE, RUP and RMM, so it is not tiny after rounding: NX only */
	V2(FMUL_S, RNE, S_TINY_A1, S_TINY_B1, S_MINN, NX),
	V2(FMUL_S, RTZ, S_TINY_A1, S_TINY_B1, S_MAXS, UF | NX),
	V2(FMUL_S, RDN, S_TINY_A1, S_TINY_B1, S_MAXS, UF | NX),
	V2(FMUL_S, RUP, S_TINY_A1, S_TINY_B1, S_MINN, NX),
	V2(FMUL_S, RMM, S_TINY_A1, S_TINY_B1, S_MINN, NX),
	/* 2^-126 - 2^-150 is exact at 24 bits, so tiny, but inexact in the
	 * subnormal range: underflow whichever way it rounds */
	V2(FMUL_S, RNE, S_TINY_A2, S_TINY_B2, S_MINN, UF | NX),
	V2(FMUL_S, RTZ, S_TINY_A2, S_TINY_B2, S_MAXS, UF | NX),
	V2(FMUL_S, RDN, S_TINY_A2, S_TINY_B2, S_MAXS, UF | NX),
	V2(FMUL_S, RUP, S_TINY_A2, S_TINY_B2, S_MINN, UF | NX),
	V2(FMUL_S, RMM, S_TINY_A2, S_TINY_B2, S_MINN, UF | NX),

	V2(FMUL_D, RNE, D_TWO, D_THREE, 0x4018000000000000, 0),
	V2(FMUL_D, RNE, D_N0, D_THREE, D_N0, 0),
	V2(FMUL_D, RNE, D_INF, D_P0, D_QNAN, NV),
	V2(FMUL_D, RNE, D_NQNAN, D_P0, D_QNAN, 0),
	V2(FMUL_D, RNE, D_ONE, D_NSNAN, D_QNAN, NV),
	V2(FMUL_D, RNE, D_MAX, D_TWO, D_INF, OF | NX),
	V2(FMUL_D, RTZ, D_MAX, D_TWO, D_MAX, OF | NX),
	V2(FMUL_D, RDN, D_NMAX, D_TWO, D_NINF, OF | NX),
	V2(FMUL_D, RUP, D_NMAX, D_TWO, D_NMAX, OF | NX),
	V2(FMUL_D, RNE, D_MINN, D_HALF, 0x0008000000000000, 0),
	V2(FMUL_D, RNE, D_MINS, D_HALF, D_P0, UF | NX),
	V2(FMUL_D, RUP, D_MINS, D_HALF, D_MINS, UF | NX),
	V2(FMUL_D, RMM, D_MINS, D_HALF, D_MINS, UF | NX),
	V2(FMUL_D, RDN, D_NMINS, D_HALF, D_NMINS, UF | NX),
	V2(FMUL_D, RNE, D_TINY_A1, D_TINY_B1, D_MINN, NX),
	V2(FMUL_D, RTZ, D_TINY_A1, D_TINY_B1, D_MAXS, UF | NX),
	V2(FMUL_D, RDN, D_TINY_A1, D_TINY_B1, D_MAXS, UF | NX),
	V2(FMUL_D, RUP, D_TINY_A1, D_TINY_B1, D_MINN, NX),
	V2(FMUL_D, RMM, D_TINY_A1, D_TINY_B1, D_MINN, NX),
	V2(FMUL_D, RNE, D_TINY_A2, D_TINY_B2, D_MINN, UF | NX),
	V2(FMUL_D, RTZ, D_TINY_A2, D_TINY_B2, D_MAXS, UF | NX),
	V2(FMUL_D, RDN, D_TINY_A2, D_TINY_B2, D_MAXS, UF | NX),
	V2(FMUL_D, RUP, D_TINY_A2, D_TINY_B2, D_MINN, UF | NX),
	V2(FMUL_D, RMM, D_TINY_A2, D_TINY_B2, D_MINN, UF | NX),
};

static const struct vec div_sqrt_vecs[] = {
	V2(FDIV_S, RNE, 0x40c00000, S_THREE, S_TWO, 0),
	/* 1/3 = 0x1.555555...p-2: the remainder is above half an ulp */
	V2(FDIV_S, RNE, S_ONE, S_THREE, 0x3eaaaaab, NX),
	V2(FDIV_S, RTZ, S_ONE, S_THREE, 0x3eaaaaaa, NX),
	V2(FDIV_S, RDN, S_ONE, S_THREE, 0x3eaaaaaa, NX),
	V2(FDIV_S, RUP, S_ONE, S_THREE, 0x3eaaaaab, NX),
	V2(FDIV_S, RMM, S_ONE, S_THREE, 0x3eaaaaab, NX),
	V2(FDIV_S, RNE, S_NONE, S_THREE, 0xbeaaaaab, NX),
	V2(FDIV_S, RDN, S_NONE, S_THREE, 0xbeaaaaab, NX),
	V2(FDIV_S, RUP, S_NONE, S_THREE, 0xbeaaaaaa, NX),
	/* division by zero, invalid quotients */
	V2(FDIV_S, RNE, S_ONE, S_P0, S_INF, DZ),
	V2(FDIV_S, RNE, S_NONE, S_P0, S_NINF, DZ),
	V2(FDIV_S, RNE, S_ONE, S_N0, S_NINF, DZ),
	V2(FDIV_S, RNE, S_P0, S_P0, S_QNAN, NV),
	V2(FDIV_S, RNE, S_INF, S_NINF, S_QNAN, NV),
	V2(FDIV_S, RNE, S_INF, S_P0, S_INF, 0),
	V2(FDIV_S, RNE, S_P0, S_INF, S_P0, 0),
	V2(FDIV_S, RNE, 0xc0000000, S_INF, S_N0, 0),
	V2(FDIV_S, RNE, S_QNAN, S_P0, S_QNAN, 0),
	V2(FDIV_S, RNE, S_SNAN, S_P0, S_QNAN, NV),
	V2(FDIV_S, RNE, S_MAX, S_HALF, S_INF, OF | NX),
	V2(FDIV_S, RTZ, S_MAX, S_HALF, S_MAX, OF | NX),
	V2(FDIV_S, RNE, S_MINS, S_TWO, S_P0, UF | NX),
	V2(FDIV_S, RUP, S_MINS, S_TWO, S_MINS, UF | NX),
	V2(FDIV_S, RNE, S_MINN, S_TWO, 0x00400000, 0),

	V2(FDIV_D, RNE, D_ONE, D_THREE, 0x3fd5555555555555, NX),
	V2(FDIV_D, RTZ, D_ONE, D_THREE, 0x3fd5555555555555, NX),
	V2(FDIV_D, RDN, D_ONE, D_THREE, 0x3fd5555555555555, NX),
	V2(FDIV_D, RUP, D_ONE, D_THREE, 0x3fd5555555555556, NX),
	V2(FDIV_D, RMM, D_ONE, D_THREE, 0x3fd5555555555555, NX),
	V2(FDIV_D, RNE, D_TWO, D_THREE, 0x3fe5555555555555, NX),
	V2(FDIV_D, RUP, D_TWO, D_THREE, 0x3fe5555555555556, NX),
	V2(FDIV_D, RNE, D_NONE, D_N0, D_INF, DZ),
	V2(FDIV_D, RNE, D_N0, D_P0, D_QNAN, NV),
	V2(FDIV_D, RNE, D_NINF, D_INF, D_QNAN, NV),
	V2(FDIV_D, RNE, D_INF, D_N0, D_NINF, 0),
	V2(FDIV_D, RNE, D_QNAN, D_P0, D_QNAN, 0),
	V2(FDIV_D, RNE, D_MAX, D_HALF, D_INF, OF | NX),
	V2(FDIV_D, RDN, D_MAX, D_HALF, D_MAX, OF | NX),
	V2(FDIV_D, RNE, D_MINS, D_TWO, D_P0, UF | NX),
	V2(FDIV_D, RMM, D_MINS, D_TWO, D_MINS, UF | NX),

	/* sqrt(2) = 1.41421356...; 0x3fb504f3 is below it and nearer */
	V1(FSQRT_S, RNE, S_TWO, 0x3fb504f3, NX),
	V1(FSQRT_S, RTZ, S_TWO, 0x3fb504f3, NX),
	V1(FSQRT_S, RDN, S_TWO, 0x3fb504f3, NX),
	V1(FSQRT_S, RUP, S_TWO, 0x3fb504f4, NX),
	V1(FSQRT_S, RMM, S_TWO, 0x3fb504f3, NX),
	V1(FSQRT_S, RNE, 0x40800000, S_TWO, 0),
	V1(FSQRT_S, RNE, S_N0, S_N0, 0),
	V1(FSQRT_S, RNE, S_P0, S_P0, 0),
	V1(FSQRT_S, RNE, S_NONE, S_QNAN, NV),
	V1(FSQRT_S, RNE, S_NMINS, S_QNAN, NV),
	V1(FSQRT_S, RNE, S_NINF, S_QNAN, NV),
	V1(FSQRT_S, RNE, S_INF, S_INF, 0),
	V1(FSQRT_S, RNE, S_QNAN_PL, S_QNAN, 0),
	V1(FSQRT_S, RNE, S_NQNAN, S_QNAN, 0),
	V1(FSQRT_S, RNE, S_SNAN, S_QNAN, NV),
	/* sqrt(2^-148) = 2^-74 exactly; sqrt(2^-149) is irrational */
	V1(FSQRT_S, RNE, 0x00000002, 0x1a800000, 0),
	V1(FSQRT_S, RNE, S_MINS, 0x1a3504f3, NX),
	/* sqrt(2) = 0x1.6a09e667f3bcc908...p0 */
	V1(FSQRT_D, RNE, D_TWO, 0x3ff6a09e667f3bcd, NX),
	V1(FSQRT_D, RTZ, D_TWO, 0x3ff6a09e667f3bcc, NX),
	V1(FSQRT_D, RDN, D_TWO, 0x3ff6a09e667f3bcc, NX),
	V1(FSQRT_D, RUP, D_TWO, 0x3ff6a09e667f3bcd, NX),
	V1(FSQRT_D, RMM, D_TWO, 0x3ff6a09e667f3bcd, NX),
	V1(FSQRT_D, RNE, 0x4010000000000000, D_TWO, 0),
	V1(FSQRT_D, RNE, D_N0, D_N0, 0),
	V1(FSQRT_D, RNE, D_NONE, D_QNAN, NV),
	V1(FSQRT_D, RNE, D_INF, D_INF, 0),
	V1(FSQRT_D, RNE, D_SNAN, D_QNAN, NV),
	V1(FSQRT_D, RNE, D_QNAN_PL, D_QNAN, 0),
	/* sqrt(2^-1074) = 2^-537 exactly */
	V1(FSQRT_D, RNE, D_MINS, 0x1e60000000000000, 0),
};

static const struct vec fma_vecs[] = {
	V3(FMADD_S, RNE, S_TWO, S_THREE, S_ONE, 0x40e00000, 0),
	/* one rounding: (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly, whereas
	 * rounding the product first would give 2^-11 */
	V3(FMADD_S, RNE, 0x3f800800, 0x3f800800, S_NONE, 0x3a000400, 0),
	V3(FMSUB_S, RNE, 0x3f800800, 0x3f800800, S_ONE, 0x3a000400, 0),
	V3(FNMSUB_S, RNE, 0x3f800800, 0x3f800800, S_ONE, 0xba000400, 0),
	V3(FNMADD_S, RNE, 0x3f800800, 0x3f800800, S_NONE, 0xba000400, 0),
	/* 1 * 1 + 2^-24 is a tie; a sticky bit beyond breaks it */
	V3(FMADD_S, RNE, S_ONE, S_ONE, S_EPS_2, S_ONE, NX),
	V3(FMADD_S, RMM, S_ONE, S_ONE, S_EPS_2, 0x3f800001, NX),
	V3(FMADD_S, RNE, S_ONE, S_ONE, 0x33800001, 0x3f800001, NX),
	/* exact zero results: +0, or -0 when rounding down */
	V3(FMADD_S, RNE, S_TWO, S_THREE, 0xc0c00000, S_P0, 0),
	V3(FMADD_S, RTZ, S_TWO, S_THREE, 0xc0c00000, S_P0, 0),
	V3(FMADD_S, RDN, S_TWO, S_THREE, 0xc0c00000, S_N0, 0),
	V3(FMADD_S, RUP, S_TWO, S_THREE, 0xc0c00000, S_P0, 0),
	V3(FMADD_S, RMM, S_TWO, S_THREE, 0xc0c00000, S_P0, 0),
	V3(FMADD_S, RNE, S_NONE, S_ONE, S_ONE, S_P0, 0),
	V3(FMADD_S, RDN, S_NONE, S_ONE, S_ONE, S_N0, 0),
	V3(FMSUB_S, RNE, S_ONE, S_ONE, S_ONE, S_P0, 0),
	V3(FMSUB_S, RDN, S_ONE, S_ONE, S_ONE, S_N0, 0),
	V3(FNMSUB_S, RNE, S_ONE, S_ONE, S_ONE, S_P0, 0),
	V3(FNMSUB_S, RDN, S_ONE, S_ONE, S_ONE, S_N0, 0),
	V3(FNMADD_S, RNE, S_ONE, S_ONE, S_NONE, S_P0, 0),
	V3(FNMADD_S, RDN, S_ONE, S_ONE, S_NONE, S_N0, 0),
	/* zero product plus zero addend: the sign rules of addition */
	V3(FMADD_S, RNE, S_P0, 0x40a00000, S_N0, S_P0, 0),
	V3(FMADD_S, RDN, S_P0, 0x40a00000, S_N0, S_N0, 0),
	V3(FMADD_S, RNE, S_N0, 0x40a00000, S_N0, S_N0, 0),
	V3(FMADD_S, RUP, S_N0, 0x40a00000, S_N0, S_N0, 0),
	V3(FMADD_S, RDN, S_P0, 0x40a00000, S_P0, S_P0, 0),
	V3(FMSUB_S, RNE, S_P0, 0x40a00000, S_P0, S_P0, 0),
	V3(FMSUB_S, RDN, S_P0, 0x40a00000, S_P0, S_N0, 0),
	V3(FNMADD_S, RNE, S_P0, 0x40a00000, S_P0, S_N0, 0),
	V3(FNMSUB_S, RNE, S_P0, 0x40a00000, S_P0, S_P0, 0),
	V3(FNMSUB_S, RDN, S_P0, 0x40a00000, S_P0, S_N0, 0),
	V3(FMADD_S, RNE, S_P0, 0x40a00000, S_THREE, S_THREE, 0),
	V3(FMADD_S, RNE, S_MINS, S_MINS, S_N0, S_P0, UF | NX),
	V3(FMADD_S, RUP, S_MINS, S_MINS, S_N0, S_MINS, UF | NX),
	/* invalid: inf * 0, even with a quiet NaN addend */
	V3(FMADD_S, RNE, S_INF, S_P0, S_QNAN, S_QNAN, NV),
	V3(FMADD_S, RNE, S_P0, S_NINF, S_ONE, S_QNAN, NV),
	V3(FMADD_S, RNE, S_INF, S_ONE, S_NINF, S_QNAN, NV),
	V3(FMSUB_S, RNE, S_INF, S_ONE, S_INF, S_QNAN, NV),
	V3(FMADD_S, RNE, S_INF, S_ONE, S_INF, S_INF, 0),
	V3(FNMADD_S, RNE, S_INF, S_ONE, S_INF, S_NINF, 0),
	V3(FMADD_S, RNE, S_ONE, S_ONE, S_NINF, S_NINF, 0),
	V3(FMADD_S, RNE, S_QNAN, S_P0, S_ONE, S_QNAN, 0),
	V3(FMADD_S, RNE, S_ONE, S_ONE, S_SNAN, S_QNAN, NV),
	V3(FMADD_S, RNE, S_SNAN, S_ONE, S_QNAN, S_QNAN, NV),
	V3(FNMADD_S, RNE, S_QNAN_PL, S_ONE, S_ONE, S_QNAN, 0),
	V3(FNMSUB_S, RNE, S_ONE, S_NQNAN, S_ONE, S_QNAN, 0),
	/* overflow only on the final result */
	V3(FMADD_S, RNE, S_MAX, S_TWO, S_P0, S_INF, OF | NX),
	V3(FMADD_S, RTZ, S_MAX, S_TWO, S_P0, S_MAX, OF | NX),
	V3(FMADD_S, RNE, S_MAX, S_TWO, S_NMAX, S_MAX, 0),
	V3(FNMADD_S, RNE, S_MAX, S_TWO, S_P0, S_NINF, OF | NX),
	V3(FNMADD_S, RUP, S_MAX, S_TWO, S_P0, S_NMAX, OF | NX),

	V3(FMADD_D, RNE, D_TWO, D_THREE, D_ONE, 0x401c000000000000, 0),
	/* (1 + 2^-27)^2 - 1 = 2^-26 + 2^-54 exactly */
	V3(FMADD_D, RNE, 0x3ff0000002000000, 0x3ff0000002000000, D_NONE,
	   0x3e50000001000000, 0),
	V3(FMSUB_D, RNE, 0x3ff0000002000000, 0x3ff0000002000000, D_ONE,
	   0x3e50000001000000, 0),
	V3(FNMSUB_D, RNE, 0x3ff0000002000000, 0x3ff0000002000000, D_ONE,
	   0xbe50000001000000, 0),
	V3(FNMADD_D, RNE, 0x3ff0000002000000, 0x3ff0000002000000, D_NONE,
	   0xbe50000001000000, 0),
	V3(FMADD_D, RNE, D_ONE, D_ONE, D_EPS_2, D_ONE, NX),
	V3(FMADD_D, RUP, D_ONE, D_ONE, D_EPS_2, 0x3ff0000000000001, NX),
	V3(FMADD_D, RNE, D_TWO, D_THREE, 0xc018000000000000, D_P0, 0),
	V3(FMADD_D, RDN, D_TWO, D_THREE, 0xc018000000000000, D_N0, 0),
	V3(FMSUB_D, RDN, D_ONE, D_ONE, D_ONE, D_N0, 0),
	V3(FNMSUB_D, RNE, D_ONE, D_ONE, D_ONE, D_P0, 0),
	V3(FNMADD_D, RDN, D_ONE, D_ONE, D_NONE, D_N0, 0),
	V3(FMADD_D, RNE, D_P0, D_THREE, D_N0, D_P0, 0),
	V3(FMADD_D, RDN, D_P0, D_THREE, D_N0, D_N0, 0),
	V3(FMADD_D, RNE, D_N0, D_THREE, D_N0, D_N0, 0),
	V3(FNMADD_D, RNE, D_P0, D_THREE, D_P0, D_N0, 0),
	V3(FNMSUB_D, RNE, D_P0, D_THREE, D_P0, D_P0, 0),
	V3(FNMSUB_D, RDN, D_P0, D_THREE, D_P0, D_N0, 0),
	V3(FMADD_D, RNE, D_INF, D_P0, D_QNAN, D_QNAN, NV),
	V3(FMADD_D, RNE, D_N0, D_INF, D_ONE, D_QNAN, NV),
	V3(FMADD_D, RNE, D_NINF, D_ONE, D_INF, D_QNAN, NV),
	V3(FMADD_D, RNE, D_QNAN, D_P0, D_ONE, D_QNAN, 0),
	V3(FMADD_D, RNE, D_ONE, D_ONE, D_SNAN, D_QNAN, NV),
	V3(FNMADD_D, RNE, D_NQNAN, D_ONE, D_ONE, D_QNAN, 0),
	V3(FMADD_D, RNE, D_MAX, D_TWO, D_P0, D_INF, OF | NX),
	V3(FMADD_D, RDN, D_MAX, D_TWO, D_P0, D_MAX, OF | NX),
	V3(FMADD_D, RNE, D_MAX, D_TWO, D_NMAX, D_MAX, 0),
	V3(FMADD_D, RNE, D_MINS, D_HALF, D_P0, D_P0, UF | NX),
	V3(FMADD_D, RUP, D_MINS, D_HALF, D_P0, D_MINS, UF | NX),
	V3(FMADD_D, RNE, D_MINN, D_HALF, D_P0, 0x0008000000000000, 0),
	V3(FMADD_D, RNE, D_TINY_A1, D_TINY_B1, D_N0, D_MINN, NX),
	V3(FMADD_D, RTZ, D_TINY_A1, D_TINY_B1, D_N0, D_MAXS, UF | NX),
	V3(FMADD_D, RUP, D_TINY_A1, D_TINY_B1, D_N0, D_MINN, NX),
	V3(FMADD_D, RNE, D_TINY_A2, D_TINY_B2, D_N0, D_MINN, UF | NX),
	V3(FMADD_S, RNE, S_TINY_A1, S_TINY_B1, S_N0, S_MINN, NX),
	V3(FMADD_S, RDN, S_TINY_A1, S_TINY_B1, S_N0, S_MAXS, UF | NX),
	V3(FMADD_S, RNE, S_TINY_A2, S_TINY_B2, S_N0, S_MINN, UF | NX),
};

static const struct vec minmax_cmp_vecs[] = {
	/* -0 is less than +0 */
	V2(FMIN_S, RNE, S_N0, S_P0, S_N0, 0),
	V2(FMIN_S, RNE, S_P0, S_N0, S_N0, 0),
	V2(FMAX_S, RNE, S_N0, S_P0, S_P0, 0),
	V2(FMAX_S, RNE, S_P0, S_N0, S_P0, 0),
	V2(FMIN_S, RNE, S_ONE, S_TWO, S_ONE, 0),
	V2(FMAX_S, RNE, S_ONE, S_TWO, S_TWO, 0),
	V2(FMIN_S, RNE, S_NONE, 0xc0000000, 0xc0000000, 0),
	V2(FMIN_S, RNE, S_NINF, S_MAX, S_NINF, 0),
	V2(FMAX_S, RNE, S_INF, S_MAX, S_INF, 0),
	V2(FMAX_S, RNE, S_MINS, S_NMINS, S_MINS, 0),
	/* one NaN: the other operand; NV only if that NaN signals */
	V2(FMIN_S, RNE, S_QNAN, S_ONE, S_ONE, 0),
	V2(FMIN_S, RNE, S_ONE, S_QNAN, S_ONE, 0),
	V2(FMAX_S, RNE, S_NQNAN, S_NONE, S_NONE, 0),
	V2(FMAX_S, RNE, S_QNAN_PL, S_N0, S_N0, 0),
	V2(FMIN_S, RNE, S_SNAN, S_ONE, S_ONE, NV),
	V2(FMAX_S, RNE, S_ONE, S_NSNAN, S_ONE, NV),
	/* two NaNs: canonical */
	V2(FMIN_S, RNE, S_QNAN_PL, S_NQNAN, S_QNAN, 0),
	V2(FMAX_S, RNE, S_QNAN, S_QNAN, S_QNAN, 0),
	V2(FMIN_S, RNE, S_SNAN, S_QNAN, S_QNAN, NV),
	V2(FMAX_S, RNE, S_QNAN, S_SNAN_MAX, S_QNAN, NV),
	V2(FMIN_D, RNE, D_N0, D_P0, D_N0, 0),
	V2(FMIN_D, RNE, D_P0, D_N0, D_N0, 0),
	V2(FMAX_D, RNE, D_N0, D_P0, D_P0, 0),
	V2(FMAX_D, RNE, D_P0, D_N0, D_P0, 0),
	V2(FMIN_D, RNE, D_ONE, D_NONE, D_NONE, 0),
	V2(FMAX_D, RNE, D_NINF, D_NMAX, D_NMAX, 0),
	V2(FMIN_D, RNE, D_QNAN, D_ONE, D_ONE, 0),
	V2(FMAX_D, RNE, D_TWO, D_NQNAN, D_TWO, 0),
	V2(FMIN_D, RNE, D_SNAN, D_ONE, D_ONE, NV),
	V2(FMAX_D, RNE, D_ONE, D_SNAN_HI, D_ONE, NV),
	V2(FMIN_D, RNE, D_QNAN_PL, D_QNAN_PL, D_QNAN, 0),
	V2(FMAX_D, RNE, D_NSNAN, D_QNAN, D_QNAN, NV),

	/* feq is quiet, flt and fle signal on any NaN */
	V2(FEQ_S, RNE, S_ONE, S_ONE, 1, 0),
	V2(FEQ_S, RNE, S_N0, S_P0, 1, 0),
	V2(FEQ_S, RNE, S_ONE, S_TWO, 0, 0),
	V2(FEQ_S, RNE, S_QNAN, S_QNAN, 0, 0),
	V2(FEQ_S, RNE, S_ONE, S_NQNAN, 0, 0),
	V2(FEQ_S, RNE, S_SNAN, S_ONE, 0, NV),
	V2(FEQ_S, RNE, S_QNAN, S_SNAN, 0, NV),
	V2(FLT_S, RNE, S_N0, S_P0, 0, 0),
	V2(FLT_S, RNE, S_ONE, S_TWO, 1, 0),
	V2(FLT_S, RNE, S_TWO, S_ONE, 0, 0),
	V2(FLT_S, RNE, S_NONE, S_NHALF, 1, 0),
	V2(FLT_S, RNE, S_NMINS, S_P0, 1, 0),
	V2(FLT_S, RNE, S_MINS, S_MINN, 1, 0),
	V2(FLT_S, RNE, S_NINF, S_INF, 1, 0),
	V2(FLT_S, RNE, S_INF, S_INF, 0, 0),
	V2(FLT_S, RNE, S_QNAN, S_ONE, 0, NV),
	V2(FLT_S, RNE, S_ONE, S_SNAN, 0, NV),
	V2(FLE_S, RNE, S_N0, S_P0, 1, 0),
	V2(FLE_S, RNE, S_P0, S_N0, 1, 0),
	V2(FLE_S, RNE, S_INF, S_INF, 1, 0),
	V2(FLE_S, RNE, S_TWO, S_ONE, 0, 0),
	V2(FLE_S, RNE, S_ONE, S_QNAN, 0, NV),
	V2(FLE_S, RNE, S_NQNAN, S_NQNAN, 0, NV),
	V2(FEQ_D, RNE, D_P0, D_N0, 1, 0),
	V2(FEQ_D, RNE, D_QNAN, D_ONE, 0, 0),
	V2(FEQ_D, RNE, D_ONE, D_SNAN, 0, NV),
	V2(FLT_D, RNE, D_N0, D_P0, 0, 0),
	V2(FLT_D, RNE, D_NMAX, D_NONE, 1, 0),
	V2(FLT_D, RNE, D_MINS, D_P0, 0, 0),
	V2(FLT_D, RNE, D_QNAN, D_QNAN, 0, NV),
	V2(FLE_D, RNE, D_P0, D_N0, 1, 0),
	V2(FLE_D, RNE, D_ONE, D_NONE, 0, 0),
	V2(FLE_D, RNE, D_NQNAN, D_ONE, 0, NV),

	/* fclass: one bit for each of the ten classes */
	V1(FCLASS_S, RNE, S_NINF, FP_CLASS_NEG_INF, 0),
	V1(FCLASS_S, RNE, S_NONE, FP_CLASS_NEG_NORMAL, 0),
	V1(FCLASS_S, RNE, S_NMAX, FP_CLASS_NEG_NORMAL, 0),
	V1(FCLASS_S, RNE, S_NMINS, FP_CLASS_NEG_SUBNORMAL, 0),
	V1(FCLASS_S, RNE, 0x807fffff, FP_CLASS_NEG_SUBNORMAL, 0),
	V1(FCLASS_S, RNE, S_N0, FP_CLASS_NEG_ZERO, 0),
	V1(FCLASS_S, RNE, S_P0, FP_CLASS_POS_ZERO, 0),
	V1(FCLASS_S, RNE, S_MINS, FP_CLASS_POS_SUBNORMAL, 0),
	V1(FCLASS_S, RNE, S_MAXS, FP_CLASS_POS_SUBNORMAL, 0),
	V1(FCLASS_S, RNE, S_MINN, FP_CLASS_POS_NORMAL, 0),
	V1(FCLASS_S, RNE, S_MAX, FP_CLASS_POS_NORMAL, 0),
	V1(FCLASS_S, RNE, S_INF, FP_CLASS_POS_INF, 0),
	V1(FCLASS_S, RNE, S_SNAN, FP_CLASS_SNAN, 0),
	V1(FCLASS_S, RNE, S_NSNAN, FP_CLASS_SNAN, 0),
	V1(FCLASS_S, RNE, S_SNAN_MAX, FP_CLASS_SNAN, 0),
	V1(FCLASS_S, RNE, S_QNAN, FP_CLASS_QNAN, 0),
	V1(FCLASS_S, RNE, S_NQNAN, FP_CLASS_QNAN, 0),
	V1(FCLASS_S, RNE, 0x7fffffff, FP_CLASS_QNAN, 0),
	V1(FCLASS_D, RNE, D_NINF, FP_CLASS_NEG_INF, 0),
	V1(FCLASS_D, RNE, D_NONE, FP_CLASS_NEG_NORMAL, 0),
	V1(FCLASS_D, RNE, D_NMINS, FP_CLASS_NEG_SUBNORMAL, 0),
	V1(FCLASS_D, RNE, D_N0, FP_CLASS_NEG_ZERO, 0),
	V1(FCLASS_D, RNE, D_P0, FP_CLASS_POS_ZERO, 0),
	V1(FCLASS_D, RNE, D_MAXS, FP_CLASS_POS_SUBNORMAL, 0),
	V1(FCLASS_D, RNE, D_MINN, FP_CLASS_POS_NORMAL, 0),
	V1(FCLASS_D, RNE, D_INF, FP_CLASS_POS_INF, 0),
	V1(FCLASS_D, RNE, D_SNAN, FP_CLASS_SNAN, 0),
	V1(FCLASS_D, RNE, D_SNAN_HI, FP_CLASS_SNAN, 0),
	V1(FCLASS_D, RNE, D_QNAN, FP_CLASS_QNAN, 0),
	V1(FCLASS_D, RNE, D_NQNAN, FP_CLASS_QNAN, 0),

	/* sign injection copies NaNs untouched and raises nothing */
	V2(FSGNJ_S, RNE, S_QNAN_PL, S_NONE, 0xffc12345, 0),
	V2(FSGNJ_S, RNE, S_NSNAN, S_ONE, S_SNAN, 0),
	V2(FSGNJN_S, RNE, S_ONE, S_ONE, S_NONE, 0),
	V2(FSGNJN_S, RNE, S_SNAN, S_SNAN, S_NSNAN, 0),
	V2(FSGNJX_S, RNE, S_NONE, S_NONE, S_ONE, 0),
	V2(FSGNJX_S, RNE, S_N0, S_ONE, S_N0, 0),
	V2(FSGNJX_S, RNE, S_N0, S_NQNAN, S_P0, 0),
	V2(FSGNJ_D, RNE, D_QNAN_PL, D_N0, 0xfff8000000012345, 0),
	V2(FSGNJN_D, RNE, D_NSNAN, D_NONE, D_SNAN, 0),
	V2(FSGNJX_D, RNE, D_NINF, D_NONE, D_INF, 0),
};

#define W_MIN  0xffffffff80000000ull /* INT32_MIN in a register */
#define W_MAX  0x000000007fffffffull
#define L_MIN  0x8000000000000000ull
#define L_MAX  0x7fffffffffffffffull
#define U_ALL  0xffffffffffffffffull /* UINT32_MAX sign-extended, UINT64_MAX */
#define S_2P5  0x40200000u
#define S_N2P5 0xc0200000u
#define D_2P5  0x4004000000000000ull
#define D_N2P5 0xc004000000000000ull

static const struct vec to_int_vecs[] = {
	/* 2.5 and -2.5 in every mode */
	V1(FCVT_W_S, RNE, S_2P5, 2, NX),
	V1(FCVT_W_S, RTZ, S_2P5, 2, NX),
	V1(FCVT_W_S, RDN, S_2P5, 2, NX),
	V1(FCVT_W_S, RUP, S_2P5, 3, NX),
	V1(FCVT_W_S, RMM, S_2P5, 3, NX),
	V1(FCVT_W_S, RNE, S_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_S, RTZ, S_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_S, RDN, S_N2P5, (uint64_t)-3, NX),
	V1(FCVT_W_S, RUP, S_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_S, RMM, S_N2P5, (uint64_t)-3, NX),
	V1(FCVT_W_S, RNE, 0x3fc00000, 2, NX), /* 1.5 */
	V1(FCVT_W_S, RTZ, 0x3fc00000, 1, NX),
	V1(FCVT_W_S, RNE, S_HALF, 0, NX),
	V1(FCVT_W_S, RMM, S_HALF, 1, NX),
	V1(FCVT_W_S, RUP, S_HALF, 1, NX),
	V1(FCVT_W_S, RNE, S_NHALF, 0, NX),
	V1(FCVT_W_S, RMM, S_NHALF, (uint64_t)-1, NX),
	V1(FCVT_W_S, RDN, S_NHALF, (uint64_t)-1, NX),
	V1(FCVT_W_S, RUP, S_NHALF, 0, NX),
	V1(FCVT_W_S, RNE, S_N0, 0, 0),
	V1(FCVT_W_S, RUP, S_MINS, 1, NX),
	V1(FCVT_W_S, RDN, S_MINS, 0, NX),
	V1(FCVT_W_S, RDN, S_NMINS, (uint64_t)-1, NX),
	/* saturation: NaN of either sign gives the maximum */
	V1(FCVT_W_S, RNE, S_QNAN, W_MAX, NV),
	V1(FCVT_W_S, RNE, S_NQNAN, W_MAX, NV),
	V1(FCVT_W_S, RNE, S_SNAN, W_MAX, NV),
	V1(FCVT_W_S, RNE, S_INF, W_MAX, NV),
	V1(FCVT_W_S, RNE, S_NINF, W_MIN, NV),
	V1(FCVT_W_S, RNE, 0x4f000000, W_MAX, NV),     /* 2^31 */
	V1(FCVT_W_S, RNE, 0x4effffff, 0x7fffff80, 0), /* 2^31 - 128 */
	V1(FCVT_W_S, RNE, 0xcf000000, W_MIN, 0),      /* -2^31 */
	V1(FCVT_W_S, RNE, 0xcf000001, W_MIN, NV),     /* -2^31 - 256 */

	V1(FCVT_WU_S, RNE, S_2P5, 2, NX),
	V1(FCVT_WU_S, RMM, S_2P5, 3, NX),
	/* -0.5 rounds to 0 (in range, NX) or to -1 (out of range, NV) */
	V1(FCVT_WU_S, RTZ, S_NHALF, 0, NX),
	V1(FCVT_WU_S, RNE, S_NHALF, 0, NX),
	V1(FCVT_WU_S, RUP, S_NHALF, 0, NX),
	V1(FCVT_WU_S, RDN, S_NHALF, 0, NV),
	V1(FCVT_WU_S, RMM, S_NHALF, 0, NV),
	V1(FCVT_WU_S, RTZ, S_NONE, 0, NV),
	V1(FCVT_WU_S, RNE, S_N0, 0, 0),
	V1(FCVT_WU_S, RNE, S_NINF, 0, NV),
	V1(FCVT_WU_S, RNE, S_INF, U_ALL, NV),
	V1(FCVT_WU_S, RNE, S_QNAN, U_ALL, NV),
	V1(FCVT_WU_S, RNE, S_NSNAN, U_ALL, NV),
	V1(FCVT_WU_S, RNE, 0x4f800000, U_ALL, NV), /* 2^32 */
	V1(FCVT_WU_S, RNE, 0x4f7fffff, 0xffffffffffffff00, 0),
	V1(FCVT_WU_S, RNE, 0x4f32d05e, 0xffffffffb2d05e00, 0), /* 3e9 */

	V1(FCVT_L_S, RNE, S_N2P5, (uint64_t)-2, NX),
	V1(FCVT_L_S, RMM, S_N2P5, (uint64_t)-3, NX),
	V1(FCVT_L_S, RUP, S_N2P5, (uint64_t)-2, NX),
	V1(FCVT_L_S, RNE, 0x5f000000, L_MAX, NV), /* 2^63 */
	V1(FCVT_L_S, RNE, 0x5effffff, 0x7fffff8000000000, 0),
	V1(FCVT_L_S, RNE, 0xdf000000, L_MIN, 0),
	V1(FCVT_L_S, RNE, 0xdf000001, L_MIN, NV),
	V1(FCVT_L_S, RNE, S_NQNAN, L_MAX, NV),
	V1(FCVT_L_S, RNE, S_INF, L_MAX, NV),
	V1(FCVT_L_S, RNE, S_NINF, L_MIN, NV),
	V1(FCVT_LU_S, RNE, 0x5f800000, U_ALL, NV), /* 2^64 */
	V1(FCVT_LU_S, RNE, 0x5f7fffff, 0xffffff0000000000, 0),
	V1(FCVT_LU_S, RTZ, S_NONE, 0, NV),
	V1(FCVT_LU_S, RTZ, S_NHALF, 0, NX),
	V1(FCVT_LU_S, RDN, S_NHALF, 0, NV),
	V1(FCVT_LU_S, RNE, S_QNAN, U_ALL, NV),
	V1(FCVT_LU_S, RNE, S_NINF, 0, NV),
	V1(FCVT_LU_S, RNE, S_INF, U_ALL, NV),
	V1(FCVT_LU_S, RMM, S_2P5, 3, NX),

	V1(FCVT_W_D, RNE, D_2P5, 2, NX),
	V1(FCVT_W_D, RTZ, D_2P5, 2, NX),
	V1(FCVT_W_D, RDN, D_2P5, 2, NX),
	V1(FCVT_W_D, RUP, D_2P5, 3, NX),
	V1(FCVT_W_D, RMM, D_2P5, 3, NX),
	V1(FCVT_W_D, RNE, D_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_D, RTZ, D_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_D, RDN, D_N2P5, (uint64_t)-3, NX),
	V1(FCVT_W_D, RUP, D_N2P5, (uint64_t)-2, NX),
	V1(FCVT_W_D, RMM, D_N2P5, (uint64_t)-3, NX),
	/* 2147483647.5: in range only when rounded down */
	V1(FCVT_W_D, RNE, 0x41dfffffffe00000, W_MAX, NV),
	V1(FCVT_W_D, RTZ, 0x41dfffffffe00000, W_MAX, NX),
	V1(FCVT_W_D, RDN, 0x41dfffffffe00000, W_MAX, NX),
	V1(FCVT_W_D, RUP, 0x41dfffffffe00000, W_MAX, NV),
	V1(FCVT_W_D, RMM, 0x41dfffffffe00000, W_MAX, NV),
	V1(FCVT_W_D, RNE, 0x41dfffffffc00000, W_MAX, 0),  /* 2^31 - 1 */
	V1(FCVT_W_D, RNE, 0x41e0000000000000, W_MAX, NV), /* 2^31 */
	/* -2147483648.5 */
	V1(FCVT_W_D, RNE, 0xc1e0000000100000, W_MIN, NX),
	V1(FCVT_W_D, RTZ, 0xc1e0000000100000, W_MIN, NX),
	V1(FCVT_W_D, RDN, 0xc1e0000000100000, W_MIN, NV),
	V1(FCVT_W_D, RUP, 0xc1e0000000100000, W_MIN, NX),
	V1(FCVT_W_D, RMM, 0xc1e0000000100000, W_MIN, NV),
	V1(FCVT_W_D, RNE, 0xc1e0000000200000, W_MIN, NV), /* -2^31 - 1 */
	V1(FCVT_W_D, RNE, D_QNAN, W_MAX, NV),
	V1(FCVT_W_D, RNE, D_NSNAN, W_MAX, NV),
	V1(FCVT_W_D, RNE, D_NINF, W_MIN, NV),
	V1(FCVT_W_D, RNE, D_INF, W_MAX, NV),
	V1(FCVT_W_D, RUP, D_MINS, 1, NX),
	V1(FCVT_W_D, RNE, D_MINS, 0, NX),
	V1(FCVT_W_D, RNE, D_N0, 0, 0),
	/* 4294967295.5 */
	V1(FCVT_WU_D, RTZ, 0x41effffffff00000, U_ALL, NX),
	V1(FCVT_WU_D, RDN, 0x41effffffff00000, U_ALL, NX),
	V1(FCVT_WU_D, RNE, 0x41effffffff00000, U_ALL, NV),
	V1(FCVT_WU_D, RUP, 0x41effffffff00000, U_ALL, NV),
	V1(FCVT_WU_D, RNE, 0x41f0000000000000, U_ALL, NV), /* 2^32 */
	V1(FCVT_WU_D, RNE, 0x41e0000000000000, W_MIN, 0),  /* 2^31 */
	V1(FCVT_WU_D, RTZ, D_NHALF, 0, NX),
	V1(FCVT_WU_D, RDN, D_NHALF, 0, NV),
	V1(FCVT_WU_D, RTZ, D_NONE, 0, NV),
	V1(FCVT_WU_D, RUP, 0xbfeccccccccccccd, 0, NX), /* -0.9 */
	V1(FCVT_WU_D, RNE, D_NINF, 0, NV),
	V1(FCVT_WU_D, RNE, D_QNAN, U_ALL, NV),
	V1(FCVT_L_D, RNE, 0x43e0000000000000, L_MAX, NV), /* 2^63 */
	V1(FCVT_L_D, RNE, 0x43dfffffffffffff, 0x7ffffffffffffc00, 0),
	V1(FCVT_L_D, RNE, 0xc3e0000000000000, L_MIN, 0),
	V1(FCVT_L_D, RNE, 0xc3e0000000000001, L_MIN, NV),
	V1(FCVT_L_D, RNE, D_QNAN_PL, L_MAX, NV),
	V1(FCVT_L_D, RNE, D_NINF, L_MIN, NV),
	V1(FCVT_L_D, RNE, D_INF, L_MAX, NV),
	V1(FCVT_L_D, RMM, D_N2P5, (uint64_t)-3, NX),
	V1(FCVT_L_D, RDN, D_N2P5, (uint64_t)-3, NX),
	V1(FCVT_L_D, RUP, D_N2P5, (uint64_t)-2, NX),
	V1(FCVT_LU_D, RNE, 0x43f0000000000000, U_ALL, NV), /* 2^64 */
	V1(FCVT_LU_D, RNE, 0x43efffffffffffff, 0xfffffffffffff800, 0),
	V1(FCVT_LU_D, RTZ, D_NONE, 0, NV),
	V1(FCVT_LU_D, RTZ, D_NHALF, 0, NX),
	V1(FCVT_LU_D, RDN, D_NHALF, 0, NV),
	V1(FCVT_LU_D, RNE, D_SNAN, U_ALL, NV),
	V1(FCVT_LU_D, RNE, D_NINF, 0, NV),
	V1(FCVT_LU_D, RNE, D_INF, U_ALL, NV),
	V1(FCVT_LU_D, RMM, D_2P5, 3, NX),
	V1(FCVT_LU_D, RNE, D_2P5, 2, NX),
};

static const struct vec from_int_vecs[] = {
	/* 2^24 + 1 is a tie between 2^24 (even) and 2^24 + 2 */
	V1(FCVT_S_W, RNE, 0x1000001, 0x4b800000, NX),
	V1(FCVT_S_W, RTZ, 0x1000001, 0x4b800000, NX),
	V1(FCVT_S_W, RDN, 0x1000001, 0x4b800000, NX),
	V1(FCVT_S_W, RUP, 0x1000001, 0x4b800001, NX),
	V1(FCVT_S_W, RMM, 0x1000001, 0x4b800001, NX),
	/* 2^24 + 3: a tie between 2^24 + 2 (odd) and 2^24 + 4 */
	V1(FCVT_S_W, RNE, 0x1000003, 0x4b800002, NX),
	V1(FCVT_S_W, RTZ, 0x1000003, 0x4b800001, NX),
	V1(FCVT_S_W, RNE, 0xfffffffffeffffff, 0xcb800000, NX),
	V1(FCVT_S_W, RDN, 0xfffffffffeffffff, 0xcb800001, NX),
	V1(FCVT_S_W, RUP, 0xfffffffffeffffff, 0xcb800000, NX),
	V1(FCVT_S_W, RMM, 0xfffffffffeffffff, 0xcb800001, NX),
	V1(FCVT_S_W, RNE, W_MIN, 0xcf000000, 0),
	V1(FCVT_S_W, RNE, W_MAX, 0x4f000000, NX),
	V1(FCVT_S_W, RTZ, W_MAX, 0x4effffff, NX),
	V1(FCVT_S_W, RDN, 0, S_P0, 0),
	V1(FCVT_S_W, RNE, U_ALL, S_NONE, 0),
	V1(FCVT_S_WU, RNE, 0xffffffff, 0x4f800000, NX),
	V1(FCVT_S_WU, RTZ, 0xffffffff, 0x4f7fffff, NX),
	V1(FCVT_S_WU, RNE, 0x80000000, 0x4f000000, 0),
	V1(FCVT_S_L, RNE, L_MIN, 0xdf000000, 0),
	V1(FCVT_S_L, RNE, L_MAX, 0x5f000000, NX),
	V1(FCVT_S_L, RTZ, L_MAX, 0x5effffff, NX),
	/* 2^55 + 2^31 + 1: a tie plus a sticky bit */
	V1(FCVT_S_L, RNE, 0x0080000080000001, 0x5b000001, NX),
	V1(FCVT_S_L, RTZ, 0x0080000080000001, 0x5b000000, NX),
	V1(FCVT_S_L, RNE, 0x0080000080000000, 0x5b000000, NX),
	V1(FCVT_S_LU, RNE, U_ALL, 0x5f800000, NX),
	V1(FCVT_S_LU, RTZ, U_ALL, 0x5f7fffff, NX),
	V1(FCVT_S_LU, RDN, U_ALL, 0x5f7fffff, NX),
	V1(FCVT_S_LU, RUP, U_ALL, 0x5f800000, NX),
	V1(FCVT_S_LU, RMM, U_ALL, 0x5f800000, NX),
	V1(FCVT_D_W, RNE, W_MIN, 0xc1e0000000000000, 0),
	V1(FCVT_D_W, RNE, U_ALL, D_NONE, 0),
	V1(FCVT_D_W, RDN, 0, D_P0, 0),
	V1(FCVT_D_WU, RNE, 0xffffffff, 0x41efffffffe00000, 0),
	/* 2^53 + 1 is a tie */
	V1(FCVT_D_L, RNE, 0x0020000000000001, 0x4340000000000000, NX),
	V1(FCVT_D_L, RTZ, 0x0020000000000001, 0x4340000000000000, NX),
	V1(FCVT_D_L, RDN, 0x0020000000000001, 0x4340000000000000, NX),
	V1(FCVT_D_L, RUP, 0x0020000000000001, 0x4340000000000001, NX),
	V1(FCVT_D_L, RMM, 0x0020000000000001, 0x4340000000000001, NX),
	V1(FCVT_D_L, RDN, 0xffdfffffffffffff, 0xc340000000000001, NX),
	V1(FCVT_D_L, RUP, 0xffdfffffffffffff, 0xc340000000000000, NX),
	V1(FCVT_D_L, RNE, L_MIN, 0xc3e0000000000000, 0),
	V1(FCVT_D_L, RNE, L_MAX, 0x43e0000000000000, NX),
	V1(FCVT_D_L, RTZ, L_MAX, 0x43dfffffffffffff, NX),
	V1(FCVT_D_LU, RNE, U_ALL, 0x43f0000000000000, NX),
	V1(FCVT_D_LU, RTZ, U_ALL, 0x43efffffffffffff, NX),
	V1(FCVT_D_LU, RNE, 0, D_P0, 0),
};

static const struct vec ff_vecs[] = {
	/* 1 + 2^-24 is a tie */
	V1(FCVT_S_D, RNE, 0x3ff0000010000000, S_ONE, NX),
	V1(FCVT_S_D, RTZ, 0x3ff0000010000000, S_ONE, NX),
	V1(FCVT_S_D, RDN, 0x3ff0000010000000, S_ONE, NX),
	V1(FCVT_S_D, RUP, 0x3ff0000010000000, 0x3f800001, NX),
	V1(FCVT_S_D, RMM, 0x3ff0000010000000, 0x3f800001, NX),
	V1(FCVT_S_D, RNE, 0x3ff0000010000001, 0x3f800001, NX),
	/* -(1 + 3 * 2^-24): a tie with an odd neighbour toward zero */
	V1(FCVT_S_D, RNE, 0xbff0000030000000, 0xbf800002, NX),
	V1(FCVT_S_D, RTZ, 0xbff0000030000000, 0xbf800001, NX),
	V1(FCVT_S_D, RDN, 0xbff0000030000000, 0xbf800002, NX),
	V1(FCVT_S_D, RUP, 0xbff0000030000000, 0xbf800001, NX),
	V1(FCVT_S_D, RMM, 0xbff0000030000000, 0xbf800002, NX),
	V1(FCVT_S_D, RNE, 0x3fd5555555555555, 0x3eaaaaab, NX), /* 1/3 */
	V1(FCVT_S_D, RTZ, 0x3fd5555555555555, 0x3eaaaaaa, NX),
	/* overflow */
	V1(FCVT_S_D, RNE, D_MAX, S_INF, OF | NX),
	V1(FCVT_S_D, RTZ, D_MAX, S_MAX, OF | NX),
	V1(FCVT_S_D, RDN, D_MAX, S_MAX, OF | NX),
	V1(FCVT_S_D, RUP, D_MAX, S_INF, OF | NX),
	V1(FCVT_S_D, RMM, D_MAX, S_INF, OF | NX),
	V1(FCVT_S_D, RDN, D_NMAX, S_NINF, OF | NX),
	V1(FCVT_S_D, RUP, D_NMAX, S_NMAX, OF | NX),
	V1(FCVT_S_D, RNE, 0x47efffffe0000000, S_MAX, 0),
	/* the largest single plus half an ulp: a tie at the threshold */
	V1(FCVT_S_D, RNE, 0x47effffff0000000, S_INF, OF | NX),
	V1(FCVT_S_D, RTZ, 0x47effffff0000000, S_MAX, NX),
	V1(FCVT_S_D, RDN, 0x47effffff0000000, S_MAX, NX),
	V1(FCVT_S_D, RUP, 0x47effffff0000000, S_INF, OF | NX),
	V1(FCVT_S_D, RMM, 0x47effffff0000000, S_INF, OF | NX),
	V1(FCVT_S_D, RNE, 0x47efffffefffffff, S_MAX, NX),
	V1(FCVT_S_D, RUP, 0x47efffffefffffff, S_INF, OF | NX),
	/* underflow */
	V1(FCVT_S_D, RNE, 0x36a0000000000000, S_MINS, 0),     /* 2^-149 */
	V1(FCVT_S_D, RNE, 0x3690000000000000, S_P0, UF | NX), /* 2^-150 */
	V1(FCVT_S_D, RTZ, 0x3690000000000000, S_P0, UF | NX),
	V1(FCVT_S_D, RDN, 0x3690000000000000, S_P0, UF | NX),
	V1(FCVT_S_D, RUP, 0x3690000000000000, S_MINS, UF | NX),
	V1(FCVT_S_D, RMM, 0x3690000000000000, S_MINS, UF | NX),
	V1(FCVT_S_D, RNE, 0x3690000000000004, S_MINS, UF | NX),
	V1(FCVT_S_D, RNE, D_MINS, S_P0, UF | NX),
	V1(FCVT_S_D, RUP, D_MINS, S_MINS, UF | NX),
	V1(FCVT_S_D, RNE, D_NMINS, S_N0, UF | NX),
	V1(FCVT_S_D, RDN, D_NMINS, S_NMINS, UF | NX),
	/* 2^-126 - 2^-151: not tiny after rounding in RNE, RUP, RMM */
	V1(FCVT_S_D, RNE, 0x380ffffff0000000, S_MINN, NX),
	V1(FCVT_S_D, RTZ, 0x380ffffff0000000, S_MAXS, UF | NX),
	V1(FCVT_S_D, RDN, 0x380ffffff0000000, S_MAXS, UF | NX),
	V1(FCVT_S_D, RUP, 0x380ffffff0000000, S_MINN, NX),
	V1(FCVT_S_D, RMM, 0x380ffffff0000000, S_MINN, NX),
	/* 2^-126 - 2^-150: tiny in every mode */
	V1(FCVT_S_D, RNE, 0x380fffffe0000000, S_MINN, UF | NX),
	V1(FCVT_S_D, RTZ, 0x380fffffe0000000, S_MAXS, UF | NX),
	V1(FCVT_S_D, RUP, 0x380fffffe0000000, S_MINN, UF | NX),
	V1(FCVT_S_D, RMM, 0x380fffffe0000000, S_MINN, UF | NX),
	V1(FCVT_S_D, RNE, 0x380fffffc0000000, S_MAXS, 0),
	/* specials */
	V1(FCVT_S_D, RNE, D_N0, S_N0, 0),
	V1(FCVT_S_D, RNE, D_INF, S_INF, 0),
	V1(FCVT_S_D, RNE, D_NINF, S_NINF, 0),
	V1(FCVT_S_D, RNE, D_QNAN_PL, S_QNAN, 0),
	V1(FCVT_S_D, RNE, D_NQNAN, S_QNAN, 0),
	V1(FCVT_S_D, RNE, D_SNAN, S_QNAN, NV),
	V1(FCVT_S_D, RNE, D_NSNAN, S_QNAN, NV),
	V1(FCVT_S_D, RNE, D_SNAN_HI, S_QNAN, NV),

	/* widening is exact; a signaling NaN is still invalid */
	V1(FCVT_D_S, RNE, S_SNAN, D_QNAN, NV),
	V1(FCVT_D_S, RNE, S_NSNAN, D_QNAN, NV),
	V1(FCVT_D_S, RNE, S_SNAN_MAX, D_QNAN, NV),
	V1(FCVT_D_S, RNE, S_QNAN_PL, D_QNAN, 0),
	V1(FCVT_D_S, RNE, S_NQNAN, D_QNAN, 0),
	V1(FCVT_D_S, RNE, S_ONE, D_ONE, 0),
	V1(FCVT_D_S, RDN, S_MINS, 0x36a0000000000000, 0),
	V1(FCVT_D_S, RNE, S_MAXS, 0x380fffffc0000000, 0),
	V1(FCVT_D_S, RNE, S_MAX, 0x47efffffe0000000, 0),
	V1(FCVT_D_S, RNE, S_N0, D_N0, 0),
	V1(FCVT_D_S, RNE, S_NINF, D_NINF, 0),
};

static const char *rm_name(unsigned rm)
{
	static const char *const names[] = {"rne", "rtz", "rdn", "rup", "rmm"};
	return rm < 5 ? names[rm] : "?";
}

static const char *path_name(int soft)
{
	return soft ? "soft" : "host";
}

static void check_vec(const struct vec *v, int soft)
{
	uint32_t fl = 0;
	uint64_t got = apply((enum op)v->op, v->rm, v->a, v->b, v->c, &fl);

	ck_assert_msg(got == v->want && fl == v->flags,
		      "%s %s (%s path) a=%#" PRIx64 " b=%#" PRIx64
		      " c=%#" PRIx64 ": got %#" PRIx64
		      " flags %#x, want %#" PRIx64 " flags %#x",
		      op_names[v->op], rm_name(v->rm), path_name(soft), v->a,
		      v->b, v->c, got, fl, v->want, v->flags);
	/* flags accrue: ones already set stay set, and nothing else moves */
	fl = FPF_NX | FPF_DZ;
	got = apply((enum op)v->op, v->rm, v->a, v->b, v->c, &fl);
	ck_assert_msg(got == v->want && fl == (v->flags | FPF_NX | FPF_DZ),
		      "%s %s (%s path) a=%#" PRIx64 " with flags set: got %#x",
		      op_names[v->op], rm_name(v->rm), path_name(soft), v->a,
		      fl);
}

/* Each table test runs with _i = 0 on the host path, 1 on the soft path. */
static void check_table(const struct vec *vecs, size_t n, int soft)
{
	fp_force_soft(soft != 0);
	for (size_t i = 0; i < n; i++)
		check_vec(&vecs[i], soft);
	fp_force_soft(false);
}

#define TABLE_TEST(name, table)                                                \
	START_TEST(name)                                                       \
	{                                                                      \
		check_table(table, sizeof(table) / sizeof(table[0]), _i);      \
	}                                                                      \
	END_TEST

TABLE_TEST(test_add_sub, add_vecs)
TABLE_TEST(test_mul, mul_vecs)
TABLE_TEST(test_div_sqrt, div_sqrt_vecs)
TABLE_TEST(test_fma, fma_vecs)
TABLE_TEST(test_minmax_cmp_class_sgnj, minmax_cmp_vecs)
TABLE_TEST(test_to_int, to_int_vecs)
TABLE_TEST(test_from_int, from_int_vecs)
TABLE_TEST(test_float_float, ff_vecs)

/* NaN-boxing and the raw moves (header functions). */
START_TEST(test_boxing)
{
	ck_assert_uint_eq(fp_unbox_s(0xffffffff3f800000ull), S_ONE);
	ck_assert_uint_eq(fp_unbox_s(0xffffffff7f800001ull), S_SNAN);
	ck_assert_uint_eq(fp_unbox_s(0x000000003f800000ull), S_QNAN);
	ck_assert_uint_eq(fp_unbox_s(0xfffffffe3f800000ull), S_QNAN);
	ck_assert_uint_eq(fp_unbox_s(0x7fffffff3f800000ull), S_QNAN);
	ck_assert_uint_eq(fp_box_s(S_NONE), 0xffffffffbf800000ull);
	ck_assert_uint_eq(fp_mv_x_w(0x12345678bf800000ull),
			  0xffffffffbf800000ull);
	ck_assert_uint_eq(fp_mv_x_w(0xffffffff7fc00000ull), 0x7fc00000ull);
	ck_assert_uint_eq(fp_mv_w_x(0x123456789abcdef0ull),
			  0xffffffff9abcdef0ull);
}
END_TEST

/* The host FPU's own state must not leak into results or flags: another
 * rounding mode, flush-to-zero and denormals-are-zero, and stale exception
 * flags left by unrelated host code. */
#if defined(__x86_64__)
static void host_mxcsr_set(uint32_t v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory");
}
#endif

START_TEST(test_host_state_ignored)
{
	static const struct vec probes[] = {
		V2(FADD_S, RNE, S_ONE, S_EPS_2, S_ONE, NX),
		V2(FADD_S, RNE, S_MAXS, S_MINS, S_MINN, 0),
		V2(FMUL_S, RNE, S_MINN, S_HALF, 0x00400000, 0),
		V2(FMUL_D, RNE, D_MINS, D_ONE, D_MINS, 0),
		V2(FMUL_D, RNE, D_TWO, D_THREE, 0x4018000000000000, 0),
		V2(FDIV_D, RNE, D_ONE, D_THREE, 0x3fd5555555555555, NX),
		V2(FSUB_D, RNE, D_ONE, D_ONE, D_P0, 0),
		V1(FSQRT_S, RNE, 0x40800000, S_TWO, 0),
		V3(FMADD_D, RNE, D_TWO, D_THREE, D_ONE, 0x401c000000000000, 0),
		V3(FMADD_S, RNE, S_MINS, S_ONE, S_P0, S_MINS, 0),
		V3(FMADD_D, RNE, D_ONE, D_ONE, D_EPS_2, D_ONE, NX),
	};
	static const int host_modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD,
					 FE_TOWARDZERO};

	fp_force_soft(false);
	for (size_t m = 0; m < sizeof(host_modes) / sizeof(host_modes[0]);
	     m++) {
		for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]);
		     i++) {
			fesetround(host_modes[m]);
			feraiseexcept(FE_ALL_EXCEPT);
			check_vec(&probes[i], 0);
#if defined(__x86_64__)
			/* every exception flag, FTZ and DAZ */
			host_mxcsr_set(0x1f80 | 0x8000 | 0x0040 | 0x3f |
				       (uint32_t)m << 13);
			check_vec(&probes[i], 0);
#endif
		}
	}
	fesetround(FE_TONEAREST);
	feclearexcept(FE_ALL_EXCEPT);
#if defined(__x86_64__)
	host_mxcsr_set(0x1f80);
#endif
}
END_TEST

/* ---- Host path against soft path ---------------------------------------- */

static uint64_t rng_state;

static uint64_t rng(void)
{
	/* xorshift64*: fixed seed, so any failure reproduces */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static unsigned rng_below(unsigned n)
{
	return (unsigned)(rng() % n);
}

struct fmt {
	unsigned mbits, ebits;
};

static const struct fmt F_S = {23, 8};
static const struct fmt F_D = {52, 11};

static uint64_t fmt_pack(const struct fmt *f, bool sign, uint64_t exp,
			 uint64_t mant)
{
	uint64_t emask = (1ull << f->ebits) - 1;
	uint64_t mmask = (1ull << f->mbits) - 1;
	return (uint64_t)sign << (f->mbits + f->ebits) |
	       (exp & emask) << f->mbits | (mant & mmask);
}

/* A significand that tends to produce ties, exact results and carries:
 * random, or with only a few high bits, or all ones, or near a power of
 * two. */
static uint64_t rand_mant(const struct fmt *f)
{
	uint64_t mmask = (1ull << f->mbits) - 1;
	switch (rng_below(6)) {
	case 0: return rng() & (mmask << rng_below(f->mbits + 1));
	case 1: return mmask;
	case 2: return rng_below(4);
	case 3: return mmask - rng_below(4);
	case 4: return (rng() & mmask) | 1;
	default: return rng() & mmask;
	}
}

static uint64_t special_value(const struct fmt *f)
{
	uint64_t emax = (1ull << f->ebits) - 1;
	uint64_t mmask = (1ull << f->mbits) - 1;
	uint64_t quiet = 1ull << (f->mbits - 1);
	bool sign = rng() & 1;

	switch (rng_below(12)) {
	case 0: return fmt_pack(f, sign, 0, 0);		   /* zero */
	case 1: return fmt_pack(f, sign, emax, 0);	   /* infinity */
	case 2: return fmt_pack(f, sign, emax, quiet);	   /* canonical NaN */
	case 3: return fmt_pack(f, sign, emax, 1);	   /* sNaN */
	case 4: return fmt_pack(f, sign, emax, rng() | 1); /* some NaN */
	case 5: return fmt_pack(f, sign, 0, 1);		   /* min subnormal */
	case 6: return fmt_pack(f, sign, 0, mmask);	   /* max subnormal */
	case 7: return fmt_pack(f, sign, 1, 0);		   /* min normal */
	case 8: return fmt_pack(f, sign, emax - 1, mmask); /* max finite */
	case 9: return fmt_pack(f, sign, emax >> 1, 0);	   /* one */
	case 10: return fmt_pack(f, sign, emax >> 1, rng_below(3));
	default: return fmt_pack(f, sign, (emax >> 1) + 1, 0); /* two */
	}
}

/* A random operand: special values, every binade, and the binades next to
 * the underflow and overflow thresholds and to one. */
static uint64_t rand_float(const struct fmt *f)
{
	uint64_t emax = (1ull << f->ebits) - 1;
	bool sign = rng() & 1;

	switch (rng_below(8)) {
	case 0: return special_value(f);
	case 1: return rng() >> (63 - f->mbits - f->ebits);
	case 2: return fmt_pack(f, sign, rng_below(4), rand_mant(f));
	case 3: return fmt_pack(f, sign, emax - 1 - rng_below(3), rand_mant(f));
	case 4:
		return fmt_pack(f, sign, (emax >> 1) - 4 + rng_below(9),
				rand_mant(f));
	default:
		return fmt_pack(f, sign, rng_below((unsigned)emax),
				rand_mant(f));
	}
}

/* A second operand related to the first: the same binade or a few
 * binades away (ties, cancellation, sticky bits), its negation, or a
 * neighbour. */
static uint64_t related_float(const struct fmt *f, uint64_t a)
{
	uint64_t emax = (1ull << f->ebits) - 1;
	uint64_t sign = 1ull << (f->mbits + f->ebits);
	int64_t ea = (int64_t)(a >> f->mbits & emax);
	int64_t e;

	switch (rng_below(6)) {
	case 0: return a ^ sign;
	case 1: return a + 1;
	case 2: return (a ^ sign) + 1 - (rng() & 2);
	case 3:
		e = ea - (int64_t)rng_below(f->mbits + 4);
		return fmt_pack(f, rng() & 1, e < 0 ? 0 : (uint64_t)e,
				rand_mant(f));
	case 4:
		e = ea + 1 - (int64_t)rng_below(3);
		return fmt_pack(f, rng() & 1, e < 0 ? 0 : (uint64_t)e,
				rand_mant(f));
	default: return rand_float(f);
	}
}

/* Integers near powers of two, at the limits and at ties. */
static uint64_t rand_int(void)
{
	uint64_t p = 1ull << rng_below(64);
	switch (rng_below(7)) {
	case 0: return p;
	case 1: return p + 1 + rng_below(4);
	case 2: return p - 1 - rng_below(4);
	case 3: return 0 - p - rng_below(3);
	case 4: return (uint64_t)(int64_t)(int32_t)rng();
	case 5: return rng() >> rng_below(64);
	default: return rng();
	}
}

/* A float operand for a conversion to integer: around the integer limits
 * and at halves, plus the general mix. */
static uint64_t rand_to_int_operand(const struct fmt *f)
{
	uint64_t bias = (1ull << (f->ebits - 1)) - 1;
	if (rng_below(2))
		return rand_float(f);
	/* exponents from 2^-2 to 2^65 */
	uint64_t e = bias - 2 + rng_below(68);
	return fmt_pack(f, rng() & 1, e, rand_mant(f));
}

static const struct fmt *op_fmt(enum op op)
{
	return op_kind(op) == K_FLOAT_S ? &F_S : &F_D;
}

static void rand_operands(enum op op, uint64_t *a, uint64_t *b, uint64_t *c)
{
	const struct fmt *f = op_fmt(op);

	if (op_kind(op) == K_INT) {
		*a = rand_int();
		*b = *c = 0;
		return;
	}
	if (op >= FCVT_W_S && op <= FCVT_LU_D) {
		*a = rand_to_int_operand(f);
		*b = *c = 0;
		return;
	}
	*a = rand_float(f);
	*b = related_float(f, *a);
	/* the addend: unrelated, or close to -(a*b) to cancel */
	*c = rng_below(2) ? rand_float(f) : related_float(f, *a ^ *b);
	if (rng_below(4) == 0) {
		uint64_t t = *a;
		*a = *b;
		*b = t;
	}
}

/* Starting flags: none, NX already accrued (the usual state of a running
 * program), or any other set. */
static uint32_t rand_start_flags(void)
{
	switch (rng_below(4)) {
	case 0: return 0;
	case 1: return FPF_NX;
	case 2: return (uint32_t)rng() & 0x1f;
	default: return 0;
	}
}

#define DIFF_SAMPLES 100000

START_TEST(test_host_matches_soft)
{
	enum op op = (enum op)_i;
	rng_state = 0x9e3779b97f4a7c15ull ^ ((uint64_t)_i << 32);

	for (unsigned rm = FP_RNE; rm <= FP_RMM; rm++) {
		for (unsigned n = 0; n < DIFF_SAMPLES; n++) {
			uint64_t a, b, c;
			rand_operands(op, &a, &b, &c);
			uint32_t start = rand_start_flags();
			uint32_t fh = start, fs = start;

			fp_force_soft(false);
			uint64_t rh = apply(op, rm, a, b, c, &fh);
			fp_force_soft(true);
			uint64_t rs = apply(op, rm, a, b, c, &fs);
			fp_force_soft(false);
			/* ck_assert records every passing check: too slow
			 * for millions */
			if (rh != rs || fh != fs)
				ck_abort_msg("%s %s a=%#" PRIx64 " b=%#" PRIx64
					     " c=%#" PRIx64
					     " flags %#x: host %#" PRIx64
					     "/%#x, soft %#" PRIx64 "/%#x",
					     op_names[op], rm_name(rm), a, b, c,
					     start, rh, fh, rs, fs);
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fp");
	TCase *tc = tcase_create("tables");
	/* _i: 0 host path, 1 soft path */
	tcase_add_loop_test(tc, test_add_sub, 0, 2);
	tcase_add_loop_test(tc, test_mul, 0, 2);
	tcase_add_loop_test(tc, test_div_sqrt, 0, 2);
	tcase_add_loop_test(tc, test_fma, 0, 2);
	tcase_add_loop_test(tc, test_minmax_cmp_class_sgnj, 0, 2);
	tcase_add_loop_test(tc, test_to_int, 0, 2);
	tcase_add_loop_test(tc, test_from_int, 0, 2);
	tcase_add_loop_test(tc, test_float_float, 0, 2);
	tcase_add_test(tc, test_boxing);
	tcase_add_test(tc, test_host_state_ignored);
	suite_add_tcase(s, tc);

	TCase *diff = tcase_create("host_vs_soft");
	tcase_set_timeout(diff, 120);
	tcase_add_loop_test(diff, test_host_matches_soft, 0, OP_COUNT);
	suite_add_tcase(s, diff);

	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
