/* fmul.d: multiplication, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results and signs */
	TEST_FP_OP2_D_RM(  2, fmul.d, rne, 0, 0x4018000000000000, 0x4000000000000000, 0x4008000000000000)  /* 2.0 * 3.0 */
	TEST_FP_OP2_D_RM(  3, fmul.d, rne, 0, 0xc018000000000000, 0xc000000000000000, 0x4008000000000000)  /* -2.0 * 3.0 */
	TEST_FP_OP2_D_RM(  4, fmul.d, rne, 0, 0x4018000000000000, 0xc000000000000000, 0xc008000000000000)  /* -2.0 * -3.0 */
	TEST_FP_OP2_D_RM(  5, fmul.d, rne, 0, 0x7fdfffffffffffff, 0x3fe0000000000000, 0x7fefffffffffffff)  /* 0.5 * max */
	TEST_FP_OP2_D_RM(  6, fmul.d, rne, 0, 0x0008000000000000, 0x0010000000000000, 0x3fe0000000000000)  /* min * 0.5: exact subnormal: no UF */
	TEST_FP_OP2_D_RM(  7, fmul.d, rne, 0, 0x0010000000000000, 0x0000000000000001, 0x4330000000000000)  /* minsub * 2^52: min subnormal * 2^m = min normal */
	/* signed zeros */
	TEST_FP_OP2_D_RM(  8, fmul.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000)  /* 0 * 5.0 */
	TEST_FP_OP2_D_RM(  9, fmul.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000)  /* -0 * 5.0 */
	TEST_FP_OP2_D_RM( 10, fmul.d, rne, 0, 0x8000000000000000, 0x0000000000000000, 0xc014000000000000)  /* 0 * -5.0 */
	TEST_FP_OP2_D_RM( 11, fmul.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000)  /* -0 * -0 */
	TEST_FP_OP2_D_RM( 12, fmul.d, rdn, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000)  /* 0 * 5.0 */
	/* rounding of a 2p-bit product: (1+ulp)(1+ulp) */
	TEST_FP_OP2_D_RM( 13, fmul.d, rne, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	TEST_FP_OP2_D_RM( 14, fmul.d, rtz, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	TEST_FP_OP2_D_RM( 15, fmul.d, rdn, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	TEST_FP_OP2_D_RM( 16, fmul.d, rup, FF_NX, 0x3ff0000000000003, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	TEST_FP_OP2_D_RM( 17, fmul.d, rmm, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	/* (1+ulp)(1-ulp/2) = 1 - ulp^2/2 */
	TEST_FP_OP2_D_RM( 18, fmul.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000001, 0x3fefffffffffffff)  /* 1+2^-52 * 1-2^-53 */
	TEST_FP_OP2_D_RM( 19, fmul.d, rtz, FF_NX, 0x3ff0000000000000, 0x3ff0000000000001, 0x3fefffffffffffff)  /* 1+2^-52 * 1-2^-53 */
	TEST_FP_OP2_D_RM( 20, fmul.d, rdn, FF_NX, 0x3ff0000000000000, 0x3ff0000000000001, 0x3fefffffffffffff)  /* 1+2^-52 * 1-2^-53 */
	TEST_FP_OP2_D_RM( 21, fmul.d, rup, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3fefffffffffffff)  /* 1+2^-52 * 1-2^-53 */
	TEST_FP_OP2_D_RM( 22, fmul.d, rmm, FF_NX, 0x3ff0000000000000, 0x3ff0000000000001, 0x3fefffffffffffff)  /* 1+2^-52 * 1-2^-53 */
	/* negative */
	TEST_FP_OP2_D_RM( 23, fmul.d, rne, FF_NX, 0xbff0000000000002, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	TEST_FP_OP2_D_RM( 24, fmul.d, rtz, FF_NX, 0xbff0000000000002, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	TEST_FP_OP2_D_RM( 25, fmul.d, rdn, FF_NX, 0xbff0000000000003, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	TEST_FP_OP2_D_RM( 26, fmul.d, rup, FF_NX, 0xbff0000000000002, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	TEST_FP_OP2_D_RM( 27, fmul.d, rmm, FF_NX, 0xbff0000000000002, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	/* overflow */
	TEST_FP_OP2_D_RM( 28, fmul.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	TEST_FP_OP2_D_RM( 29, fmul.d, rtz, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	TEST_FP_OP2_D_RM( 30, fmul.d, rdn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	TEST_FP_OP2_D_RM( 31, fmul.d, rup, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	TEST_FP_OP2_D_RM( 32, fmul.d, rmm, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	/* negative overflow */
	TEST_FP_OP2_D_RM( 33, fmul.d, rne, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0xc000000000000000)  /* max * -2.0 */
	TEST_FP_OP2_D_RM( 34, fmul.d, rtz, FF_OF|FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0xc000000000000000)  /* max * -2.0 */
	TEST_FP_OP2_D_RM( 35, fmul.d, rdn, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0xc000000000000000)  /* max * -2.0 */
	TEST_FP_OP2_D_RM( 36, fmul.d, rup, FF_OF|FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0xc000000000000000)  /* max * -2.0 */
	TEST_FP_OP2_D_RM( 37, fmul.d, rmm, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0xc000000000000000)  /* max * -2.0 */
	/* underflow to a subnormal, inexact */
	TEST_FP_OP2_D_RM( 38, fmul.d, rne, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff)  /* min * 1-2^-53 */
	TEST_FP_OP2_D_RM( 39, fmul.d, rtz, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff)  /* min * 1-2^-53 */
	TEST_FP_OP2_D_RM( 40, fmul.d, rdn, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff)  /* min * 1-2^-53 */
	TEST_FP_OP2_D_RM( 41, fmul.d, rup, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff)  /* min * 1-2^-53 */
	TEST_FP_OP2_D_RM( 42, fmul.d, rmm, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff)  /* min * 1-2^-53 */
	/* tininess is detected after rounding: (1+ulp) * maxsub = min*(1-ulp^2) */
	TEST_FP_OP2_D_RM( 43, fmul.d, rne, FF_NX, 0x0010000000000000, 0x3ff0000000000001, 0x000fffffffffffff)  /* 1+2^-52 * maxsub */
	TEST_FP_OP2_D_RM( 44, fmul.d, rtz, FF_UF|FF_NX, 0x000fffffffffffff, 0x3ff0000000000001, 0x000fffffffffffff)  /* 1+2^-52 * maxsub */
	TEST_FP_OP2_D_RM( 45, fmul.d, rdn, FF_UF|FF_NX, 0x000fffffffffffff, 0x3ff0000000000001, 0x000fffffffffffff)  /* 1+2^-52 * maxsub */
	TEST_FP_OP2_D_RM( 46, fmul.d, rup, FF_NX, 0x0010000000000000, 0x3ff0000000000001, 0x000fffffffffffff)  /* 1+2^-52 * maxsub */
	TEST_FP_OP2_D_RM( 47, fmul.d, rmm, FF_NX, 0x0010000000000000, 0x3ff0000000000001, 0x000fffffffffffff)  /* 1+2^-52 * maxsub */
	/* total underflow */
	TEST_FP_OP2_D_RM( 48, fmul.d, rne, FF_UF|FF_NX, 0x0000000000000000, 0x0000000000000001, 0x3fe0000000000000)  /* minsub * 0.5 */
	TEST_FP_OP2_D_RM( 49, fmul.d, rtz, FF_UF|FF_NX, 0x0000000000000000, 0x0000000000000001, 0x3fe0000000000000)  /* minsub * 0.5 */
	TEST_FP_OP2_D_RM( 50, fmul.d, rdn, FF_UF|FF_NX, 0x0000000000000000, 0x0000000000000001, 0x3fe0000000000000)  /* minsub * 0.5 */
	TEST_FP_OP2_D_RM( 51, fmul.d, rup, FF_UF|FF_NX, 0x0000000000000001, 0x0000000000000001, 0x3fe0000000000000)  /* minsub * 0.5 */
	TEST_FP_OP2_D_RM( 52, fmul.d, rmm, FF_UF|FF_NX, 0x0000000000000001, 0x0000000000000001, 0x3fe0000000000000)  /* minsub * 0.5 */
	/* negative total underflow */
	TEST_FP_OP2_D_RM( 53, fmul.d, rne, FF_UF|FF_NX, 0x8000000000000000, 0x8000000000000001, 0x3fd0000000000000)  /* -minsub * 0.25 */
	TEST_FP_OP2_D_RM( 54, fmul.d, rtz, FF_UF|FF_NX, 0x8000000000000000, 0x8000000000000001, 0x3fd0000000000000)  /* -minsub * 0.25 */
	TEST_FP_OP2_D_RM( 55, fmul.d, rdn, FF_UF|FF_NX, 0x8000000000000001, 0x8000000000000001, 0x3fd0000000000000)  /* -minsub * 0.25 */
	TEST_FP_OP2_D_RM( 56, fmul.d, rup, FF_UF|FF_NX, 0x8000000000000000, 0x8000000000000001, 0x3fd0000000000000)  /* -minsub * 0.25 */
	TEST_FP_OP2_D_RM( 57, fmul.d, rmm, FF_UF|FF_NX, 0x8000000000000000, 0x8000000000000001, 0x3fd0000000000000)  /* -minsub * 0.25 */
	/* infinities */
	TEST_FP_OP2_D_RM( 58, fmul.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x4000000000000000)  /* inf * 2.0 */
	TEST_FP_OP2_D_RM( 59, fmul.d, rne, 0, 0xfff0000000000000, 0xfff0000000000000, 0x4000000000000000)  /* -inf * 2.0 */
	TEST_FP_OP2_D_RM( 60, fmul.d, rne, 0, 0xfff0000000000000, 0x7ff0000000000000, 0xfff0000000000000)  /* inf * -inf */
	TEST_FP_OP2_D_RM( 61, fmul.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000)  /* inf * 0: invalid */
	TEST_FP_OP2_D_RM( 62, fmul.d, rne, FF_NV, 0x7ff8000000000000, 0x8000000000000000, 0x7ff0000000000000)  /* -0 * inf: invalid */
	/* NaNs */
	TEST_FP_OP2_D_RM( 63, fmul.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* qNaN * 1.0 */
	TEST_FP_OP2_D_RM( 64, fmul.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* sNaN * 1.0 */
	TEST_FP_OP2_D_RM( 65, fmul.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0000000000000000)  /* qNaN * 0 */
	TEST_FP_OP2_D_RM( 66, fmul.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x7ff0000000000000)  /* sNaN * inf */
	TEST_FP_OP2_D_RM( 67, fmul.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0xbff0000000000000)  /* NaN(0xfff8000000012345) * -1.0 */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_D_RM( 68, fmul.d, dyn, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_D_RM( 69, fmul.d, dyn, FF_NX, 0x3ff0000000000003, 0x3ff0000000000001, 0x3ff0000000000001)  /* 1+2^-52 * 1+2^-52 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_D_RM( 70, fmul.d, dyn, FF_NX, 0xbff0000000000003, 0xbff0000000000001, 0x3ff0000000000001)  /* -(1+2^-52) * 1+2^-52 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_D_RM( 71, fmul.d, dyn, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_D_RM( 72, fmul.d, dyn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000)  /* max * 2.0 */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fmul.d f1, f1, f2; CHECK_D(f1, 0xc010800000000000)
	li gp, 74; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fmul.d f2, f1, f2; CHECK_D(f2, 0xc010800000000000)
	li gp, 75; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); fmul.d f31, f31, f0; CHECK_D(f31, 0xc010800000000000)
	li gp, 76; LOAD_D(f7, 0x3ff8000000000000); fmul.d f7, f7, f7; CHECK_D(f7, 0x4002000000000000)
	li gp, 77; LOAD_D(f15, 0x3ff8000000000000); fmul.d f16, f15, f15; CHECK_D(f16, 0x4002000000000000); CHECK_D(f15, 0x3ff8000000000000)
TEST_END
