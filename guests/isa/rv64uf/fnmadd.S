/* fnmadd.s: -(rs1*rs2) - rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_S_RM(  2, fnmadd.s, rne, 0, 0xc0a00000, 0x3f800000, 0x40000000, 0x40400000)  /* nmadd(1, 2, 3) */
	TEST_FP_OP3_S_RM(  3, fnmadd.s, rne, 0, 0xbf800000, 0xbf800000, 0x40000000, 0x40400000)  /* nmadd(-1, 2, 3) */
	TEST_FP_OP3_S_RM(  4, fnmadd.s, rne, 0, 0x41100000, 0x40200000, 0xc0800000, 0x3f800000)  /* nmadd(2.5, -4, 1) */
	TEST_FP_OP3_S_RM(  5, fnmadd.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmadd(1, 1, -1) */
	TEST_FP_OP3_S_RM(  6, fnmadd.s, rne, 0, 0xbf000000, 0x3f000000, 0x3f000000, 0x3e800000)  /* nmadd(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_S_RM(  7, fnmadd.s, rne, FF_NX, 0xc0000000, 0x3f800001, 0x3f7ffffe, 0x3f800000)  /* nmadd(1+2^-23, 1-2^-23, 1) */
	TEST_FP_OP3_S_RM(  8, fnmadd.s, rne, 0, 0x28800000, 0x3f800001, 0x3f7ffffe, 0xbf800000)  /* nmadd(1+2^-23, 1-2^-23, -1) */
	TEST_FP_OP3_S_RM(  9, fnmadd.s, rne, FF_NX, 0xb4800000, 0x3f800001, 0x3f800001, 0xbf800000)  /* nmadd(1+2^-23, 1+2^-23, -1) */
	TEST_FP_OP3_S_RM( 10, fnmadd.s, rne, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0x3f800000)  /* nmadd(1+2^-23, 1+2^-23, 1) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_S_RM( 11, fnmadd.s, rne, FF_NX, 0xc0000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 12, fnmadd.s, rtz, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 13, fnmadd.s, rdn, FF_NX, 0xc0000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 14, fnmadd.s, rup, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 15, fnmadd.s, rmm, FF_NX, 0xc0000002, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 16, fnmadd.s, rne, FF_NX, 0x3f800001, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 17, fnmadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 18, fnmadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 19, fnmadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 20, fnmadd.s, rmm, FF_NX, 0x3f800001, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_S_RM( 21, fnmadd.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmadd(1, 1, -1) */
	TEST_FP_OP3_S_RM( 22, fnmadd.s, rdn, 0, 0x80000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmadd(1, 1, -1) */
	TEST_FP_OP3_S_RM( 23, fnmadd.s, rne, 0, 0x00000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* nmadd(1, -1, 1) */
	TEST_FP_OP3_S_RM( 24, fnmadd.s, rdn, 0, 0x80000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* nmadd(1, -1, 1) */
	TEST_FP_OP3_S_RM( 25, fnmadd.s, rne, 0, 0x80000000, 0x00000000, 0x40a00000, 0x00000000)  /* nmadd(0, 5, 0) */
	TEST_FP_OP3_S_RM( 26, fnmadd.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x00000000)  /* nmadd(0, 5, 0) */
	TEST_FP_OP3_S_RM( 27, fnmadd.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x00000000)  /* nmadd(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 28, fnmadd.s, rdn, 0, 0x80000000, 0x80000000, 0x40a00000, 0x00000000)  /* nmadd(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 29, fnmadd.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x80000000)  /* nmadd(0, 5, -0) */
	TEST_FP_OP3_S_RM( 30, fnmadd.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x80000000)  /* nmadd(0, 5, -0) */
	TEST_FP_OP3_S_RM( 31, fnmadd.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* nmadd(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 32, fnmadd.s, rup, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* nmadd(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 33, fnmadd.s, rne, 0, 0x80000000, 0x80000000, 0x80000000, 0x00000000)  /* nmadd(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_S_RM( 34, fnmadd.s, rne, 0, 0xff7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* nmadd(max, 2, -max) */
	TEST_FP_OP3_S_RM( 35, fnmadd.s, rne, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x7f7fffff)  /* nmadd(max, 2, max) */
	TEST_FP_OP3_S_RM( 36, fnmadd.s, rtz, 0, 0xff7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* nmadd(max, 2, -max) */
	TEST_FP_OP3_S_RM( 37, fnmadd.s, rdn, 0, 0x7f7fffff, 0x7f7fffff, 0xc0000000, 0x7f7fffff)  /* nmadd(max, -2, max) */
	/* overflow */
	TEST_FP_OP3_S_RM( 38, fnmadd.s, rne, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmadd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 39, fnmadd.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmadd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 40, fnmadd.s, rdn, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmadd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 41, fnmadd.s, rup, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmadd(max, 2, 0) */
	TEST_FP_OP3_S_RM( 42, fnmadd.s, rmm, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmadd(max, 2, 0) */
	/* underflow */
	TEST_FP_OP3_S_RM( 43, fnmadd.s, rne, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmadd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 44, fnmadd.s, rtz, FF_UF|FF_NX, 0x807fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmadd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 45, fnmadd.s, rdn, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmadd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 46, fnmadd.s, rup, FF_UF|FF_NX, 0x807fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmadd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 47, fnmadd.s, rmm, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmadd(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 48, fnmadd.s, rne, 0, 0x80400000, 0x00800000, 0x3f000000, 0x80000000)  /* nmadd(min, 0.5, -0) */
	TEST_FP_OP3_S_RM( 49, fnmadd.s, rne, FF_UF|FF_NX, 0x80000002, 0x00000001, 0x3f000000, 0x00000001)  /* nmadd(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_S_RM( 50, fnmadd.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0x3f800000)  /* nmadd(inf, 1, 1) */
	TEST_FP_OP3_S_RM( 51, fnmadd.s, rne, 0, 0xff800000, 0x3f800000, 0x3f800000, 0x7f800000)  /* nmadd(1, 1, inf) */
	TEST_FP_OP3_S_RM( 52, fnmadd.s, rne, 0, 0x7f800000, 0x3f800000, 0x3f800000, 0xff800000)  /* nmadd(1, 1, -inf) */
	TEST_FP_OP3_S_RM( 53, fnmadd.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0x7f800000)  /* nmadd(inf, 1, inf) */
	TEST_FP_OP3_S_RM( 54, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0xff800000)  /* nmadd(inf, 1, -inf) */
	TEST_FP_OP3_S_RM( 55, fnmadd.s, rne, FF_NV, 0x7fc00000, 0xff800000, 0x3f800000, 0x7f800000)  /* nmadd(-inf, 1, inf) */
	TEST_FP_OP3_S_RM( 56, fnmadd.s, rne, 0, 0x7f800000, 0x7f800000, 0xff800000, 0xff800000)  /* nmadd(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_S_RM( 57, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x3f800000)  /* nmadd(inf, 0, 1) */
	TEST_FP_OP3_S_RM( 58, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x00000000, 0xff800000, 0x3f800000)  /* nmadd(0, -inf, 1) */
	TEST_FP_OP3_S_RM( 59, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)  /* nmadd(inf, 0, qNaN) */
	TEST_FP_OP3_S_RM( 60, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x7f800000, 0x7fc00000)  /* nmadd(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_S_RM( 61, fnmadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000, 0x3f800000)  /* nmadd(qNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 62, fnmadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000, 0x3f800000)  /* nmadd(1, qNaN, 1) */
	TEST_FP_OP3_S_RM( 63, fnmadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7fc00000)  /* nmadd(1, 1, qNaN) */
	TEST_FP_OP3_S_RM( 64, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, 0x3f800000)  /* nmadd(sNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 65, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001, 0x3f800000)  /* nmadd(1, sNaN, 1) */
	TEST_FP_OP3_S_RM( 66, fnmadd.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7f800001)  /* nmadd(1, 1, sNaN) */
	TEST_FP_OP3_S_RM( 67, fnmadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000, 0x7f800000)  /* nmadd(qNaN, 0, inf) */
	TEST_FP_OP3_S_RM( 68, fnmadd.s, rne, 0, 0x7fc00000, 0xffc12345, 0x3f800000, 0x3f800000)  /* nmadd(NaN(0xffc12345), 1, 1): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_S_RM( 69, fnmadd.s, dyn, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_S_RM( 70, fnmadd.s, dyn, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmadd(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_S_RM( 71, fnmadd.s, dyn, 0, 0x80000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmadd(1, 1, -1) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_S_RM( 72, fnmadd.s, dyn, FF_NX, 0x3f800001, 0x3f800001, 0xbf800001, 0x34000000)  /* nmadd(1+2^-23, -(1+2^-23), 2^-23) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); LOAD_S(f4, 0x3f000000); fnmadd.s f4, f1, f2, f4; CHECK_S(f4, 0x40680000)
	li gp, 74; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); LOAD_S(f30, 0x3f000000); fnmadd.s f0, f31, f0, f30; CHECK_S(f0, 0x40680000)
	li gp, 75; LOAD_S(f9, 0x3fc00000); fnmadd.s f9, f9, f9, f9; CHECK_S(f9, 0xc0700000)
TEST_END
