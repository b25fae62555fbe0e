/* fnmadd.d: -(rs1*rs2) - rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_D_RM(  2, fnmadd.d, rne, 0, 0xc014000000000000, 0x3ff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* nmadd(1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  3, fnmadd.d, rne, 0, 0xbff0000000000000, 0xbff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* nmadd(-1.0, 2.0, 3.0) */
	TEST_FP_OP3_D_RM(  4, fnmadd.d, rne, 0, 0x4022000000000000, 0x4004000000000000, 0xc010000000000000, 0x3ff0000000000000)  /* nmadd(2.5, -4.0, 1.0) */
	TEST_FP_OP3_D_RM(  5, fnmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* nmadd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM(  6, fnmadd.d, rne, 0, 0xbfe0000000000000, 0x3fe0000000000000, 0x3fe0000000000000, 0x3fd0000000000000)  /* nmadd(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_D_RM(  7, fnmadd.d, rne, FF_NX, 0xc000000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000)  /* nmadd(1+2^-52, 1-2^-52, 1.0) */
	TEST_FP_OP3_D_RM(  8, fnmadd.d, rne, 0, 0x3970000000000000, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000)  /* nmadd(1+2^-52, 1-2^-52, -1.0) */
	TEST_FP_OP3_D_RM(  9, fnmadd.d, rne, FF_NX, 0xbcc0000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000)  /* nmadd(1+2^-52, 1+2^-52, -1.0) */
	TEST_FP_OP3_D_RM( 10, fnmadd.d, rne, FF_NX, 0xc000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000)  /* nmadd(1+2^-52, 1+2^-52, 1.0) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_D_RM( 11, fnmadd.d, rne, FF_NX, 0xc000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 12, fnmadd.d, rtz, FF_NX, 0xc000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 13, fnmadd.d, rdn, FF_NX, 0xc000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 14, fnmadd.d, rup, FF_NX, 0xc000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 15, fnmadd.d, rmm, FF_NX, 0xc000000000000002, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	TEST_FP_OP3_D_RM( 16, fnmadd.d, rne, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 17, fnmadd.d, rtz, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 18, fnmadd.d, rdn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 19, fnmadd.d, rup, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	TEST_FP_OP3_D_RM( 20, fnmadd.d, rmm, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_D_RM( 21, fnmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* nmadd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 22, fnmadd.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* nmadd(1.0, 1.0, -1.0) */
	TEST_FP_OP3_D_RM( 23, fnmadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* nmadd(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 24, fnmadd.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff0000000000000)  /* nmadd(1.0, -1.0, 1.0) */
	TEST_FP_OP3_D_RM( 25, fnmadd.d, rne, 0, 0x8000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* nmadd(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 26, fnmadd.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x4014000000000000, 0x0000000000000000)  /* nmadd(0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 27, fnmadd.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* nmadd(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 28, fnmadd.d, rdn, 0, 0x8000000000000000, 0x8000000000000000, 0x4014000000000000, 0x0000000000000000)  /* nmadd(-0, 5.0, 0) */
	TEST_FP_OP3_D_RM( 29, fnmadd.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* nmadd(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 30, fnmadd.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x4014000000000000, 0x8000000000000000)  /* nmadd(0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 31, fnmadd.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* nmadd(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 32, fnmadd.d, rup, 0, 0x0000000000000000, 0x8000000000000000, 0x4014000000000000, 0x8000000000000000)  /* nmadd(-0, 5.0, -0) */
	TEST_FP_OP3_D_RM( 33, fnmadd.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)  /* nmadd(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_D_RM( 34, fnmadd.d, rne, 0, 0xffefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* nmadd(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 35, fnmadd.d, rne, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff)  /* nmadd(max, 2.0, max) */
	TEST_FP_OP3_D_RM( 36, fnmadd.d, rtz, 0, 0xffefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff)  /* nmadd(max, 2.0, -max) */
	TEST_FP_OP3_D_RM( 37, fnmadd.d, rdn, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xc000000000000000, 0x7fefffffffffffff)  /* nmadd(max, -2.0, max) */
	/* overflow */
	TEST_FP_OP3_D_RM( 38, fnmadd.d, rne, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* nmadd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 39, fnmadd.d, rtz, FF_OF|FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* nmadd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 40, fnmadd.d, rdn, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* nmadd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 41, fnmadd.d, rup, FF_OF|FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* nmadd(max, 2.0, 0) */
	TEST_FP_OP3_D_RM( 42, fnmadd.d, rmm, FF_OF|FF_NX, 0xfff0000000000000, 0x7fefffffffffffff, 0x4000000000000000, 0x0000000000000000)  /* nmadd(max, 2.0, 0) */
	/* underflow */
	TEST_FP_OP3_D_RM( 43, fnmadd.d, rne, FF_UF|FF_NX, 0x8010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* nmadd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 44, fnmadd.d, rtz, FF_UF|FF_NX, 0x800fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* nmadd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 45, fnmadd.d, rdn, FF_UF|FF_NX, 0x8010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* nmadd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 46, fnmadd.d, rup, FF_UF|FF_NX, 0x800fffffffffffff, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* nmadd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 47, fnmadd.d, rmm, FF_UF|FF_NX, 0x8010000000000000, 0x0010000000000000, 0x3fefffffffffffff, 0x0000000000000000)  /* nmadd(min, 1-2^-53, 0) */
	TEST_FP_OP3_D_RM( 48, fnmadd.d, rne, 0, 0x8008000000000000, 0x0010000000000000, 0x3fe0000000000000, 0x8000000000000000)  /* nmadd(min, 0.5, -0) */
	TEST_FP_OP3_D_RM( 49, fnmadd.d, rne, FF_UF|FF_NX, 0x8000000000000002, 0x0000000000000001, 0x3fe0000000000000, 0x0000000000000001)  /* nmadd(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_D_RM( 50, fnmadd.d, rne, 0, 0xfff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* nmadd(inf, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 51, fnmadd.d, rne, 0, 0xfff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* nmadd(1.0, 1.0, inf) */
	TEST_FP_OP3_D_RM( 52, fnmadd.d, rne, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* nmadd(1.0, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 53, fnmadd.d, rne, 0, 0xfff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* nmadd(inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 54, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000)  /* nmadd(inf, 1.0, -inf) */
	TEST_FP_OP3_D_RM( 55, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0xfff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* nmadd(-inf, 1.0, inf) */
	TEST_FP_OP3_D_RM( 56, fnmadd.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0xfff0000000000000)  /* nmadd(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_D_RM( 57, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x3ff0000000000000)  /* nmadd(inf, 0, 1.0) */
	TEST_FP_OP3_D_RM( 58, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x0000000000000000, 0xfff0000000000000, 0x3ff0000000000000)  /* nmadd(0, -inf, 1.0) */
	TEST_FP_OP3_D_RM( 59, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x0000000000000000, 0x7ff8000000000000)  /* nmadd(inf, 0, qNaN) */
	TEST_FP_OP3_D_RM( 60, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x8000000000000000, 0x7ff0000000000000, 0x7ff8000000000000)  /* nmadd(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_D_RM( 61, fnmadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* nmadd(qNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 62, fnmadd.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* nmadd(1.0, qNaN, 1.0) */
	TEST_FP_OP3_D_RM( 63, fnmadd.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff8000000000000)  /* nmadd(1.0, 1.0, qNaN) */
	TEST_FP_OP3_D_RM( 64, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000)  /* nmadd(sNaN, 1.0, 1.0) */
	TEST_FP_OP3_D_RM( 65, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* nmadd(1.0, sNaN, 1.0) */
	TEST_FP_OP3_D_RM( 66, fnmadd.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000001)  /* nmadd(1.0, 1.0, sNaN) */
	TEST_FP_OP3_D_RM( 67, fnmadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0000000000000000, 0x7ff0000000000000)  /* nmadd(qNaN, 0, inf) */
	TEST_FP_OP3_D_RM( 68, fnmadd.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0x3ff0000000000000, 0x3ff0000000000000)  /* nmadd(NaN(0xfff8000000012345), 1.0, 1.0): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_D_RM( 69, fnmadd.d, dyn, FF_NX, 0xc000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_D_RM( 70, fnmadd.d, dyn, FF_NX, 0xc000000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000001)  /* nmadd(1+2^-52, 1+2^-52, 1+2^-52) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_D_RM( 71, fnmadd.d, dyn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* nmadd(1.0, 1.0, -1.0) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_D_RM( 72, fnmadd.d, dyn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000001, 0x3cb0000000000000)  /* nmadd(1+2^-52, -(1+2^-52), 2^-52) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); LOAD_D(f4, 0x3fe0000000000000); fnmadd.d f4, f1, f2, f4; CHECK_D(f4, 0x400d000000000000)
	li gp, 74; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); LOAD_D(f30, 0x3fe0000000000000); fnmadd.d f0, f31, f0, f30; CHECK_D(f0, 0x400d000000000000)
	li gp, 75; LOAD_D(f9, 0x3ff8000000000000); fnmadd.d f9, f9, f9, f9; CHECK_D(f9, 0xc00e000000000000)
TEST_END
