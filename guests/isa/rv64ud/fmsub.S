/* fmsub.d: rs1*rs2 - rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_D_RM(  2, fmsub.d, rne, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* msub(1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  3, fmsub.d, rne, 0, 0xc014000000000000, 0xbff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* msub(-1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  4, fmsub.d, rne, 0, 0xc026000000000000, 0x4004000000000000, 0xc010000000000000, 0x3ff0000000000000)  /* msub(2.5, -4.0, 1.0) */
	TEST_FP_OP3_D_RM(  5, fmsub.d, rne, 0, 0x4000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* msub(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM(  6, fmsub.d, rne, 0, 0x0000000000000000, 0x3fe0000000000000, 0x3fe0000000000000, 0x3fd0000000000000)  /* msub(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_D_RM(  7, fmsub.d, rne, 0, 0xb970000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000)  /* msub(1+2^-52, 1-2^-52, 1.0) */
	TEST_FP_OP3_D_RM(  8, fmsub.d, rne, FF_NX, 0x4000000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000)  /* msub(1+2^-52, 1-2^-52, -1.0) */
	TEST_FP_OP3_D_RM(  9, fmsub.d, rne, FF_NX, 0x4000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000)  /* msub(1+2^-52, 1+2^-52, -1.0) */
	TEST_FP_OP3_D_RM( 10, fmsub.d, rne, FF_NX, 0x3cc0000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000)  /* msub(1+2^-52, 1+2^-52, 1.0) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_D_RM( 11, fmsub.d, rne, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 12, fmsub.d, rtz, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 13, fmsub.d, rdn, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 14, fmsub.d, rup, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 15, fmsub.d, rmm, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 16, fmsub.d, rne, FF_NX, 0xbff0000000000003, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 17, fmsub.d, rtz, FF_NX, 0xbff0000000000003, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 18, fmsub.d, rdn, FF_NX, 0xbff0000000000004, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 19, fmsub.d, rup, FF_NX, 0xbff0000000000003, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 20, fmsub.d, rmm, FF_NX, 0xbff0000000000003, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_D_RM( 21, fmsub.d, rne, 0, 0x4000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* msub(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 22, fmsub.d, rdn, 0, 0x4000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* msub(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 23, fmsub.d, rne, 0, 0xc000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* msub(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 24, fmsub.d, rdn, 0, 0xc000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* msub(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 25, fmsub.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* msub(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 26, fmsub.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* msub(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 27, fmsub.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* msub(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 28, fmsub.d, rdn, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* msub(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 29, fmsub.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* msub(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 30, fmsub.d, rdn, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* msub(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 31, fmsub.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* msub(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 32, fmsub.d, rup, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* msub(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 33, fmsub.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)  /* msub(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_D_RM( 34, fmsub.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* msub(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 35, fmsub.d, rne, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff)  /* msub(max, 2.0, max) */
	TEST_FP_OP3_D_RM( 36, fmsub.d, rtz, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* msub(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 37, fmsub.d, rdn, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0xc000000000000000, 0x7fefffffffffffff)  /* msub(max, -2.0, max) */
	/* overflow */
	TEST_FP_OP3_D_RM( 38, fmsub.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* msub(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 39, fmsub.d, rtz, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* msub(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 40, fmsub.d, rdn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* msub(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 41, fmsub.d, rup, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* msub(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 42, fmsub.d, rmm, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* msub(max, 2.0, 0) */
	/* underflow */
	TEST_FP_OP3_D_RM( 43, fmsub.d, rne, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* msub(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 44, fmsub.d, rtz, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* msub(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 45, fmsub.d, rdn, FF_UF|FF_NX, 0x000fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* msub(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 46, fmsub.d, rup, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* msub(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 47, fmsub.d, rmm, FF_UF|FF_NX, 0x0010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* msub(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 48, fmsub.d, rne, 0, 0x0008000000000000, 0x0010000000000000, 0x3fe0000000000000, 0x8000000000000000)  /* msub(min, 0.5, -0) */
	TEST_FP_OP3_D_RM( 49, fmsub.d, rne, FF_UF|FF_NX, 0x8000000000000000, 0x0000000000000001, 0x3fe0000000000000, 0x0000000000000001)  /* msub(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_D_RM( 50, fmsub.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* msub(inf, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 51, fmsub.d, rne, 0, 0xfff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* msub(1.0, 1.0, inf) */
	TEST_FP_OP3_D_RM( 52, fmsub.d, rne, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* msub(1.0, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 53, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* msub(inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 54, fmsub.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* msub(inf, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 55, fmsub.d, rne, 0, 0xfff0000000000000, 0xfff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* msub(-inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 56, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0xfff0000000000000)  /* msub(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_D_RM( 57, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x3ff0000000000000)  /* msub(inf, 0, 1.0) */
	TEST_FP_OP3_D_RM( 58, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x0000000000000000, 0xfff0000000000000, 0x3ff0000000000000)  /* msub(0, -inf, 1.0) */
	TEST_FP_OP3_D_RM( 59, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x7ff8000000000000)  /* msub(inf, 0, qNaN) */
	TEST_FP_OP3_D_RM( 60, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x8000000000000000, 0x7ff0000000000000, 0x7ff8000000000000)  /* msub(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_D_RM( 61, fmsub.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* msub(qNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 62, fmsub.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* msub(1.0, qNaN, 1.0) */
	TEST_FP_OP3_D_RM( 63, fmsub.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff8000000000000)  /* msub(1.0, 1.0, qNaN) */
	TEST_FP_OP3_D_RM( 64, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000)  /* msub(sNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 65, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* msub(1.0, sNaN, 1.0) */
	TEST_FP_OP3_D_RM( 66, fmsub.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000001)  /* msub(1.0, 1.0, sNaN) */
	TEST_FP_OP3_D_RM( 67, fmsub.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0000000000000000, 0x7ff0000000000000)  /* msub(qNaN, 0, inf) */
	TEST_FP_OP3_D_RM( 68, fmsub.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0x3ff0000000000000, 0x3ff0000000000000)  /* msub(NaN(0xfff8000000012345), 1.0, 1.0): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_D_RM( 69, fmsub.d, dyn, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_D_RM( 70, fmsub.d, dyn, 0, 0x3cb0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* msub(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_D_RM( 71, fmsub.d, dyn, 0, 0x4000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* msub(1.0, 1.0, -1.0) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_D_RM( 72, fmsub.d, dyn, FF_NX, 0xbff0000000000003, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* msub(1+2^-52, -(1+2^-52), 2^-52) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); LOAD_D(f4, 0x3fe0000000000000); fmsub.d f4, f1, f2, f4; CHECK_D(f4, 0xc012800000000000)
	li gp, 74; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); LOAD_D(f30, 0x3fe0000000000000); fmsub.d f0, f31, f0, f30; CHECK_D(f0, 0xc012800000000000)
	li gp, 75; LOAD_D(f9, 0x3ff8000000000000); fmsub.d f9, f9, f9, f9; CHECK_D(f9, 0x3fe8000000000000)
TEST_END
