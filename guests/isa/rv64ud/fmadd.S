/* fmadd.d: rs1*rs2 + rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_D_RM(  2, fmadd.d, rne, 0, 0x4014000000000000, 0x3ff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* madd(1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  3, fmadd.d, rne, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* madd(-1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  4, fmadd.d, rne, 0, 0xc022000000000000, 0x4004000000000000, 0xc010000000000000, 0x3ff0000000000000)  /* madd(2.5, -4.0, 1.0) */
	TEST_FP_OP3_D_RM(  5, fmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* madd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM(  6, fmadd.d, rne, 0, 0x3fe0000000000000, 0x3fe0000000000000, 0x3fe0000000000000, 0x3fd0000000000000)  /* madd(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_D_RM(  7, fmadd.d, rne, FF_NX, 0x4000000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000)  /* madd(1+2^-52, 1-2^-52, 1.0) */
	TEST_FP_OP3_D_RM(  8, fmadd.d, rne, 0, 0xb970000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000)  /* madd(1+2^-52, 1-2^-52, -1.0) */
	TEST_FP_OP3_D_RM(  9, fmadd.d, rne, FF_NX, 0x3cc0000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000)  /* madd(1+2^-52, 1+2^-52, -1.0) */
	TEST_FP_OP3_D_RM( 10, fmadd.d, rne, FF_NX, 0x4000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000)  /* madd(1+2^-52, 1+2^-52, 1.0) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_D_RM( 11, fmadd.d, rne, FF_NX, 0x4000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 12, fmadd.d, rtz, FF_NX, 0x4000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 13, fmadd.d, rdn, FF_NX, 0x4000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 14, fmadd.d, rup, FF_NX, 0x4000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 15, fmadd.d, rmm, FF_NX, 0x4000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 16, fmadd.d, rne, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 17, fmadd.d, rtz, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 18, fmadd.d, rdn, FF_NX, 0xbff0000000000002, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 19, fmadd.d, rup, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 20, fmadd.d, rmm, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_D_RM( 21, fmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* madd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 22, fmadd.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* madd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 23, fmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* madd(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 24, fmadd.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* madd(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 25, fmadd.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* madd(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 26, fmadd.d, rdn, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* madd(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 27, fmadd.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* madd(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 28, fmadd.d, rdn, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* madd(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 29, fmadd.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* madd(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 30, fmadd.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* madd(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 31, fmadd.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* madd(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 32, fmadd.d, rup, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* madd(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 33, fmadd.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)  /* madd(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_D_RM( 34, fmadd.d, rne, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* madd(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 35, fmadd.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff)  /* madd(max, 2.0, max) */
	TEST_FP_OP3_D_RM( 36, fmadd.d, rtz, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* madd(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 37, fmadd.d, rdn, 0, 0xffefffffffffffff, 0x7fefffffffffffff, 0xc000000000000000, 0x7fefffffffffffff)  /* madd(max, -2.0, max) */
	/* overflow */
	TEST_FP_OP3_D_RM( 38, fmadd.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* madd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 39, fmadd.d, rtz, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* madd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 40, fmadd.d, rdn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* madd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 41, fmadd.d, rup, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* madd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 42, fmadd.d, rmm, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* madd(max, 2.0, 0) */
	/* underflow */
	TEST_FP_OP3_D_RM( 43, fmadd.d, rne, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* madd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 44, fmadd.d, rtz, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* madd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 45, fmadd.d, rdn, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* madd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 46, fmadd.d, rup, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* madd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 47, fmadd.d, rmm, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* madd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 48, fmadd.d, rne, 0, 0x0008000000000000, 0x0010000000000000, 0x3fe0000000000000, 0x8000000000000000)  /* madd(min, 0.5, -0) */
	TEST_FP_OP3_D_RM( 49, fmadd.d, rne, FF_UF|FF_NX, 0x0000000000000002, 0x0000000000000001, 0x3fe0000000000000, 0x0000000000000001)  /* madd(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_D_RM( 50, fmadd.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* madd(inf, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 51, fmadd.d, rne, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* madd(1.0, 1.0, inf) */
	TEST_FP_OP3_D_RM( 52, fmadd.d, rne, 0, 0xfff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* madd(1.0, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 53, fmadd.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* madd(inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 54, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* madd(inf, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 55, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0xfff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* madd(-inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 56, fmadd.d, rne, 0, 0xfff0000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0xfff0000000000000)  /* madd(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_D_RM( 57, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x3ff0000000000000)  /* madd(inf, 0, 1.0) */
	TEST_FP_OP3_D_RM( 58, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x0000000000000000, 0xfff0000000000000, 0x3ff0000000000000)  /* madd(0, -inf, 1.0) */
	TEST_FP_OP3_D_RM( 59, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x7ff8000000000000)  /* madd(inf, 0, qNaN) */
	TEST_FP_OP3_D_RM( 60, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x8000000000000000, 0x7ff0000000000000, 0x7ff8000000000000)  /* madd(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_D_RM( 61, fmadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* madd(qNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 62, fmadd.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* madd(1.0, qNaN, 1.0) */
	TEST_FP_OP3_D_RM( 63, fmadd.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff8000000000000)  /* madd(1.0, 1.0, qNaN) */
	TEST_FP_OP3_D_RM( 64, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000)  /* madd(sNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 65, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* madd(1.0, sNaN, 1.0) */
	TEST_FP_OP3_D_RM( 66, fmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000001)  /* madd(1.0, 1.0, sNaN) */
	TEST_FP_OP3_D_RM( 67, fmadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0000000000000000, 0x7ff0000000000000)  /* madd(qNaN, 0, inf) */
	TEST_FP_OP3_D_RM( 68, fmadd.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0x3ff0000000000000, 0x3ff0000000000000)  /* madd(NaN(0xfff8000000012345), 1.0, 1.0): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_D_RM( 69, fmadd.d, dyn, FF_NX, 0x4000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_D_RM( 70, fmadd.d, dyn, FF_NX, 0x4000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* madd(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_D_RM( 71, fmadd.d, dyn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* madd(1.0, 1.0, -1.0) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_D_RM( 72, fmadd.d, dyn, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* madd(1+2^-52, -(1+2^-52), 2^-52) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); LOAD_D(f4, 0x3fe0000000000000); fmadd.d f4, f1, f2, f4; CHECK_D(f4, 0xc00d000000000000)
	li gp, 74; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); LOAD_D(f30, 0x3fe0000000000000); fmadd.d f0, f31, f0, f30; CHECK_D(f0, 0xc00d000000000000)
	li gp, 75; LOAD_D(f9, 0x3ff8000000000000); fmadd.d f9, f9, f9, f9; CHECK_D(f9, 0x400e000000000000)
TEST_END
