/* fmul.s: multiplication, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results and signs */
	TEST_FP_OP2_S_RM(  2, fmul.s, rne, 0, 0x40c00000, 0x40000000, 0x40400000)  /* 2 * 3 */
	TEST_FP_OP2_S_RM(  3, fmul.s, rne, 0, 0xc0c00000, 0xc0000000, 0x40400000)  /* -2 * 3 */
	TEST_FP_OP2_S_RM(  4, fmul.s, rne, 0, 0x40c00000, 0xc0000000, 0xc0400000)  /* -2 * -3 */
	TEST_FP_OP2_S_RM(  5, fmul.s, rne, 0, 0x7effffff, 0x3f000000, 0x7f7fffff)  /* 0.5 * max */
	TEST_FP_OP2_S_RM(  6, fmul.s, rne, 0, 0x00400000, 0x00800000, 0x3f000000)  /* min * 0.5: exact subnormal: no UF */
	TEST_FP_OP2_S_RM(  7, fmul.s, rne, 0, 0x00800000, 0x00000001, 0x4b000000)  /* minsub * 2^23: min subnormal * 2^m = min normal */
	/* signed zeros */
	TEST_FP_OP2_S_RM(  8, fmul.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000)  /* 0 * 5 */
	TEST_FP_OP2_S_RM(  9, fmul.s, rne, 0, 0x80000000, 0x80000000, 0x40a00000)  /* -0 * 5 */
	TEST_FP_OP2_S_RM( 10, fmul.s, rne, 0, 0x80000000, 0x00000000, 0xc0a00000)  /* 0 * -5 */
	TEST_FP_OP2_S_RM( 11, fmul.s, rne, 0, 0x00000000, 0x80000000, 0x80000000)  /* -0 * -0 */
	TEST_FP_OP2_S_RM( 12, fmul.s, rdn, 0, 0x00000000, 0x00000000, 0x40a00000)  /* 0 * 5 */
	/* rounding of a 2p-bit product: (1+ulp)(1+ulp) */
	TEST_FP_OP2_S_RM( 13, fmul.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	TEST_FP_OP2_S_RM( 14, fmul.s, rtz, FF_NX, 0x3f800002, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	TEST_FP_OP2_S_RM( 15, fmul.s, rdn, FF_NX, 0x3f800002, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	TEST_FP_OP2_S_RM( 16, fmul.s, rup, FF_NX, 0x3f800003, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	TEST_FP_OP2_S_RM( 17, fmul.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	/* (1+ulp)(1-ulp/2) = 1 - ulp^2/2 */
	TEST_FP_OP2_S_RM( 18, fmul.s, rne, FF_NX, 0x3f800000, 0x3f800001, 0x3f7fffff)  /* 1+2^-23 * 1-2^-24 */
	TEST_FP_OP2_S_RM( 19, fmul.s, rtz, FF_NX, 0x3f800000, 0x3f800001, 0x3f7fffff)  /* 1+2^-23 * 1-2^-24 */
	TEST_FP_OP2_S_RM( 20, fmul.s, rdn, FF_NX, 0x3f800000, 0x3f800001, 0x3f7fffff)  /* 1+2^-23 * 1-2^-24 */
	TEST_FP_OP2_S_RM( 21, fmul.s, rup, FF_NX, 0x3f800001, 0x3f800001, 0x3f7fffff)  /* 1+2^-23 * 1-2^-24 */
	TEST_FP_OP2_S_RM( 22, fmul.s, rmm, FF_NX, 0x3f800000, 0x3f800001, 0x3f7fffff)  /* 1+2^-23 * 1-2^-24 */
	/* negative */
	TEST_FP_OP2_S_RM( 23, fmul.s, rne, FF_NX, 0xbf800002, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	TEST_FP_OP2_S_RM( 24, fmul.s, rtz, FF_NX, 0xbf800002, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	TEST_FP_OP2_S_RM( 25, fmul.s, rdn, FF_NX, 0xbf800003, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	TEST_FP_OP2_S_RM( 26, fmul.s, rup, FF_NX, 0xbf800002, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	TEST_FP_OP2_S_RM( 27, fmul.s, rmm, FF_NX, 0xbf800002, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	/* overflow */
	TEST_FP_OP2_S_RM( 28, fmul.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  /* max * 2 */
	TEST_FP_OP2_S_RM( 29, fmul.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000)  /* max * 2 */
	TEST_FP_OP2_S_RM( 30, fmul.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000)  /* max * 2 */
	TEST_FP_OP2_S_RM( 31, fmul.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  /* max * 2 */
	TEST_FP_OP2_S_RM( 32, fmul.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  /* max * 2 */
	/* negative overflow */
	TEST_FP_OP2_S_RM( 33, fmul.s, rne, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0xc0000000)  /* max * -2 */
	TEST_FP_OP2_S_RM( 34, fmul.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0xc0000000)  /* max * -2 */
	TEST_FP_OP2_S_RM( 35, fmul.s, rdn, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0xc0000000)  /* max * -2 */
	TEST_FP_OP2_S_RM( 36, fmul.s, rup, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0xc0000000)  /* max * -2 */
	TEST_FP_OP2_S_RM( 37, fmul.s, rmm, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0xc0000000)  /* max * -2 */
	/* underflow to a subnormal, inexact */
	TEST_FP_OP2_S_RM( 38, fmul.s, rne, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff)  /* min * 1-2^-24 */
	TEST_FP_OP2_S_RM( 39, fmul.s, rtz, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff)  /* min * 1-2^-24 */
	TEST_FP_OP2_S_RM( 40, fmul.s, rdn, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff)  /* min * 1-2^-24 */
	TEST_FP_OP2_S_RM( 41, fmul.s, rup, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff)  /* min * 1-2^-24 */
	TEST_FP_OP2_S_RM( 42, fmul.s, rmm, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff)  /* min * 1-2^-24 */
	/* tininess is detected after rounding: (1+ulp) * maxsub = min*(1-ulp^2) */
	TEST_FP_OP2_S_RM( 43, fmul.s, rne, FF_NX, 0x00800000, 0x3f800001, 0x007fffff)  /* 1+2^-23 * maxsub */
	TEST_FP_OP2_S_RM( 44, fmul.s, rtz, FF_UF|FF_NX, 0x007fffff, 0x3f800001, 0x007fffff)  /* 1+2^-23 * maxsub */
	TEST_FP_OP2_S_RM( 45, fmul.s, rdn, FF_UF|FF_NX, 0x007fffff, 0x3f800001, 0x007fffff)  /* 1+2^-23 * maxsub */
	TEST_FP_OP2_S_RM( 46, fmul.s, rup, FF_NX, 0x00800000, 0x3f800001, 0x007fffff)  /* 1+2^-23 * maxsub */
	TEST_FP_OP2_S_RM( 47, fmul.s, rmm, FF_NX, 0x00800000, 0x3f800001, 0x007fffff)  /* 1+2^-23 * maxsub */
	/* total underflow */
	TEST_FP_OP2_S_RM( 48, fmul.s, rne, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x3f000000)  /* minsub * 0.5 */
	TEST_FP_OP2_S_RM( 49, fmul.s, rtz, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x3f000000)  /* minsub * 0.5 */
	TEST_FP_OP2_S_RM( 50, fmul.s, rdn, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x3f000000)  /* minsub * 0.5 */
	TEST_FP_OP2_S_RM( 51, fmul.s, rup, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x3f000000)  /* minsub * 0.5 */
	TEST_FP_OP2_S_RM( 52, fmul.s, rmm, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x3f000000)  /* minsub * 0.5 */
	/* negative total underflow */
	TEST_FP_OP2_S_RM( 53, fmul.s, rne, FF_UF|FF_NX, 0x80000000, 0x80000001, 0x3e800000)  /* -minsub * 0.25 */
	TEST_FP_OP2_S_RM( 54, fmul.s, rtz, FF_UF|FF_NX, 0x80000000, 0x80000001, 0x3e800000)  /* -minsub * 0.25 */
	TEST_FP_OP2_S_RM( 55, fmul.s, rdn, FF_UF|FF_NX, 0x80000001, 0x80000001, 0x3e800000)  /* -minsub * 0.25 */
	TEST_FP_OP2_S_RM( 56, fmul.s, rup, FF_UF|FF_NX, 0x80000000, 0x80000001, 0x3e800000)  /* -minsub * 0.25 */
	TEST_FP_OP2_S_RM( 57, fmul.s, rmm, FF_UF|FF_NX, 0x80000000, 0x80000001, 0x3e800000)  /* -minsub * 0.25 */
	/* infinities */
	TEST_FP_OP2_S_RM( 58, fmul.s, rne, 0, 0x7f800000, 0x7f800000, 0x40000000)  /* inf * 2 */
	TEST_FP_OP2_S_RM( 59, fmul.s, rne, 0, 0xff800000, 0xff800000, 0x40000000)  /* -inf * 2 */
	TEST_FP_OP2_S_RM( 60, fmul.s, rne, 0, 0xff800000, 0x7f800000, 0xff800000)  /* inf * -inf */
	TEST_FP_OP2_S_RM( 61, fmul.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000)  /* inf * 0: invalid */
	TEST_FP_OP2_S_RM( 62, fmul.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x7f800000)  /* -0 * inf: invalid */
	/* NaNs */
	TEST_FP_OP2_S_RM( 63, fmul.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  /* qNaN * 1 */
	TEST_FP_OP2_S_RM( 64, fmul.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  /* sNaN * 1 */
	TEST_FP_OP2_S_RM( 65, fmul.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000)  /* qNaN * 0 */
	TEST_FP_OP2_S_RM( 66, fmul.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x7f800000)  /* sNaN * inf */
	TEST_FP_OP2_S_RM( 67, fmul.s, rne, 0, 0x7fc00000, 0xffc12345, 0xbf800000)  /* NaN(0xffc12345) * -1 */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 68, fmul.s, dyn, FF_NX, 0x3f800002, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_S_RM( 69, fmul.s, dyn, FF_NX, 0x3f800003, 0x3f800001, 0x3f800001)  /* 1+2^-23 * 1+2^-23 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_S_RM( 70, fmul.s, dyn, FF_NX, 0xbf800003, 0xbf800001, 0x3f800001)  /* -(1+2^-23) * 1+2^-23 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_S_RM( 71, fmul.s, dyn, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000)  /* max * 2 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 72, fmul.s, dyn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000)  /* max * 2 */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fmul.s f1, f1, f2; CHECK_S(f1, 0xc0840000)
	li gp, 74; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fmul.s f2, f1, f2; CHECK_S(f2, 0xc0840000)
	li gp, 75; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); fmul.s f31, f31, f0; CHECK_S(f31, 0xc0840000)
	li gp, 76; LOAD_S(f7, 0x3fc00000); fmul.s f7, f7, f7; CHECK_S(f7, 0x40100000)
	li gp, 77; LOAD_S(f15, 0x3fc00000); fmul.s f16, f15, f15; CHECK_S(f16, 0x40100000); CHECK_S(f15, 0x3fc00000)
TEST_END
