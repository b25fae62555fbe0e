/* fmadd.s: rs1*rs2 + rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_S_RM(  2, fmadd.s, rne, 0, 0x40a00000, 0x3f800000, 0x40000000, 0x40400000)  /* madd(1, 2, 3) */
	TEST_FP_OP3_S_RM(  3, fmadd.s, rne, 0, 0x3f800000, 0xbf800000, 0x40000000, 0x40400000)  /* madd(-1, 2, 3) */
	TEST_FP_OP3_S_RM(  4, fmadd.s, rne, 0, 0xc1100000, 0x40200000, 0xc0800000, 0x3f800000)  /* madd(2.5, -4, 1) */
	TEST_FP_OP3_S_RM(  5, fmadd.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* madd(1, 1, -1) */
	TEST_FP_OP3_S_RM(  6, fmadd.s, rne, 0, 0x3f000000, 0x3f000000, 0x3f000000, 0x3e800000)  /* madd(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_S_RM(  7, fmadd.s, rne, FF_NX, 0x40000000, 0x3f800001, 0x3f7ffffe, 0x3f800000)  /* madd(1+2^-23, 1-2^-23, 1) */
	TEST_FP_OP3_S_RM(  8, fmadd.s, rne, 0, 0xa8800000, 0x3f800001, 0x3f7ffffe, 0xbf800000)  /* madd(1+2^-23, 1-2^-23, -1) */
	TEST_FP_OP3_S_RM(  9, fmadd.s, rne, FF_NX, 0x34800000, 0x3f800001, 0x3f800001, 0xbf800000)  /* madd(1+2^-23, 1+2^-23, -1) */
	TEST_FP_OP3_S_RM( 10, fmadd.s, rne, FF_NX, 0x40000001, 0x3f800001, 0x3f800001, 0x3f800000)  /* madd(1+2^-23, 1+2^-23, 1) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_S_RM( 11, fmadd.s, rne, FF_NX, 0x40000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 12, fmadd.s, rtz, FF_NX, 0x40000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 13, fmadd.s, rdn, FF_NX, 0x40000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 14, fmadd.s, rup, FF_NX, 0x40000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 15, fmadd.s, rmm, FF_NX, 0x40000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 16, fmadd.s, rne, FF_NX, 0xbf800001, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 17, fmadd.s, rtz, FF_NX, 0xbf800001, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 18, fmadd.s, rdn, FF_NX, 0xbf800002, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 19, fmadd.s, rup, FF_NX, 0xbf800001, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 20, fmadd.s, rmm, FF_NX, 0xbf800001, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_S_RM( 21, fmadd.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* madd(1, 1, -1) */
	TEST_FP_OP3_S_RM( 22, fmadd.s, rdn, 0, 0x80000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* madd(1, 1, -1) */
	TEST_FP_OP3_S_RM( 23, fmadd.s, rne, 0, 0x00000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* madd(1, -1, 1) */
	TEST_FP_OP3_S_RM( 24, fmadd.s, rdn, 0, 0x80000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* madd(1, -1, 1) */
	TEST_FP_OP3_S_RM( 25, fmadd.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x00000000)  /* madd(0, 5, 0) */
	TEST_FP_OP3_S_RM( 26, fmadd.s, rdn, 0, 0x00000000, 0x00000000, 0x40a00000, 0x00000000)  /* madd(0, 5, 0) */
	TEST_FP_OP3_S_RM( 27, fmadd.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x00000000)  /* madd(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 28, fmadd.s, rdn, 0, 0x80000000, 0x80000000, 0x40a00000, 0x00000000)  /* madd(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 29, fmadd.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x80000000)  /* madd(0, 5, -0) */
	TEST_FP_OP3_S_RM( 30, fmadd.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x80000000)  /* madd(0, 5, -0) */
	TEST_FP_OP3_S_RM( 31, fmadd.s, rne, 0, 0x80000000, 0x80000000, 0x40a00000, 0x80000000)  /* madd(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 32, fmadd.s, rup, 0, 0x80000000, 0x80000000, 0x40a00000, 0x80000000)  /* madd(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 33, fmadd.s, rne, 0, 0x00000000, 0x80000000, 0x80000000, 0x00000000)  /* madd(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_S_RM( 34, fmadd.s, rne, 0, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* madd(max, 2, -max) */
	TEST_FP_OP3_S_RM( 35, fmadd.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x7f7fffff)  /* madd(max, 2, max) */
	TEST_FP_OP3_S_RM( 36, fmadd.s, rtz, 0, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* madd(max, 2, -max) */
	TEST_FP_OP3_S_RM( 37, fmadd.s, rdn, 0, 0xff7fffff, 0x7f7fffff, 0xc0000000, 0x7f7fffff)  /* madd(max, -2, max) */
	/* overflow */
	TEST_FP_OP3_S_RM( 38, fmadd.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* madd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 39, fmadd.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* madd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 40, fmadd.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* madd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 41, fmadd.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* madd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 42, fmadd.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* madd(max, 2, 0) */
	/* underflow */
	TEST_FP_OP3_S_RM( 43, fmadd.s, rne, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* madd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 44, fmadd.s, rtz, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* madd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 45, fmadd.s, rdn, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* madd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 46, fmadd.s, rup, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* madd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 47, fmadd.s, rmm, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* madd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 48, fmadd.s, rne, 0, 0x00400000, 0x00800000, 0x3f000000, 0x80000000)  /* madd(min, 0.5, -0) */
	TEST_FP_OP3_S_RM( 49, fmadd.s, rne, FF_UF|FF_NX, 0x00000002, 0x00000001, 0x3f000000, 0x00000001)  /* madd(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_S_RM( 50, fmadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000, 0x3f800000)  /* madd(inf, 1, 1) */
	TEST_FP_OP3_S_RM( 51, fmadd.s, rne, 0, 0x7f800000, 0x3f800000, 0x3f800000, 0x7f800000)  /* madd(1, 1, inf) */
	TEST_FP_OP3_S_RM( 52, fmadd.s, rne, 0, 0xff800000, 0x3f800000, 0x3f800000, 0xff800000)  /* madd(1, 1, -inf) */
	TEST_FP_OP3_S_RM( 53, fmadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000, 0x7f800000)  /* madd(inf, 1, inf) */
	TEST_FP_OP3_S_RM( 54, fmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0xff800000)  /* madd(inf, 1, -inf) */
	TEST_FP_OP3_S_RM( 55, fmadd.s, rne, FF_NV, 0x7fc00000, 0xff800000, 0x3f800000, 0x7f800000)  /* madd(-inf, 1, inf) */
	TEST_FP_OP3_S_RM( 56, fmadd.s, rne, 0, 0xff800000, 0x7f800000, 0xff800000, 0xff800000)  /* madd(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_S_RM( 57, fmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x3f800000)  /* madd(inf, 0, 1) */
	TEST_FP_OP3_S_RM( 58, fmadd.s, rne, FF_NV, 0x7fc00000, 0x00000000, 0xff800000, 0x3f800000)  /* madd(0, -inf, 1) */
	TEST_FP_OP3_S_RM( 59, fmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)  /* madd(inf, 0, qNaN) */
	TEST_FP_OP3_S_RM( 60, fmadd.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x7f800000, 0x7fc00000)  /* madd(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_S_RM( 61, fmadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000, 0x3f800000)  /* madd(qNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 62, fmadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000, 0x3f800000)  /* madd(1, qNaN, 1) */
	TEST_FP_OP3_S_RM( 63, fmadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7fc00000)  /* madd(1, 1, qNaN) */
	TEST_FP_OP3_S_RM( 64, fmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, 0x3f800000)  /* madd(sNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 65, fmadd.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001, 0x3f800000)  /* madd(1, sNaN, 1) */
	TEST_FP_OP3_S_RM( 66, fmadd.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7f800001)  /* madd(1, 1, sNaN) */
	TEST_FP_OP3_S_RM( 67, fmadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000, 0x7f800000)  /* madd(qNaN, 0, inf) */
	TEST_FP_OP3_S_RM( 68, fmadd.s, rne, 0, 0x7fc00000, 0xffc12345, 0x3f800000, 0x3f800000)  /* madd(NaN(0xffc12345), 1, 1): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_S_RM( 69, fmadd.s, dyn, FF_NX, 0x40000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_S_RM( 70, fmadd.s, dyn, FF_NX, 0x40000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* madd(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_S_RM( 71, fmadd.s, dyn, 0, 0x80000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* madd(1, 1, -1) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_S_RM( 72, fmadd.s, dyn, FF_NX, 0xbf800001, 0x3f800001, 0xbf800001, 0x34000000)  /* madd(1+2^-23, -(1+2^-23), 2^-23) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); LOAD_S(f4, 0x3f000000); fmadd.s f4, f1, f2, f4; CHECK_S(f4, 0xc0680000)
	li gp, 74; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); LOAD_S(f30, 0x3f000000); fmadd.s f0, f31, f0, f30; CHECK_S(f0, 0xc0680000)
	li gp, 75; LOAD_S(f9, 0x3fc00000); fmadd.s f9, f9, f9, f9; CHECK_S(f9, 0x40700000)
TEST_END
