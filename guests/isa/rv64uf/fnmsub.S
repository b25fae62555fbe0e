/* fnmsub.s: -(rs1*rs2) + rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_S_RM(  2, fnmsub.s, rne, 0, 0x3f800000, 0x3f800000, 0x40000000, 0x40400000)  /* nmsub(1, 2, 3) */
	TEST_FP_OP3_S_RM(  3, fnmsub.s, rne, 0, 0x40a00000, 0xbf800000, 0x40000000, 0x40400000)  /* nmsub(-1, 2, 3) */
	TEST_FP_OP3_S_RM(  4, fnmsub.s, rne, 0, 0x41300000, 0x40200000, 0xc0800000, 0x3f800000)  /* nmsub(2.5, -4, 1) */
	TEST_FP_OP3_S_RM(  5, fnmsub.s, rne, 0, 0xc0000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmsub(1, 1, -1) */
	TEST_FP_OP3_S_RM(  6, fnmsub.s, rne, 0, 0x00000000, 0x3f000000, 0x3f000000, 0x3e800000)  /* nmsub(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_S_RM(  7, fnmsub.s, rne, 0, 0x28800000, 0x3f800001, 0x3f7ffffe, 0x3f800000)  /* nmsub(1+2^-23, 1-2^-23, 1) */
	TEST_FP_OP3_S_RM(  8, fnmsub.s, rne, FF_NX, 0xc0000000, 0x3f800001, 0x3f7ffffe, 0xbf800000)  /* nmsub(1+2^-23, 1-2^-23, -1) */
	TEST_FP_OP3_S_RM(  9, fnmsub.s, rne, FF_NX, 0xc0000001, 0x3f800001, 0x3f800001, 0xbf800000)  /* nmsub(1+2^-23, 1+2^-23, -1) */
	TEST_FP_OP3_S_RM( 10, fnmsub.s, rne, FF_NX, 0xb4800000, 0x3f800001, 0x3f800001, 0x3f800000)  /* nmsub(1+2^-23, 1+2^-23, 1) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_S_RM( 11, fnmsub.s, rne, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 12, fnmsub.s, rtz, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 13, fnmsub.s, rdn, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 14, fnmsub.s, rup, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 15, fnmsub.s, rmm, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 16, fnmsub.s, rne, FF_NX, 0x3f800003, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 17, fnmsub.s, rtz, FF_NX, 0x3f800003, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 18, fnmsub.s, rdn, FF_NX, 0x3f800003, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 19, fnmsub.s, rup, FF_NX, 0x3f800004, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 20, fnmsub.s, rmm, FF_NX, 0x3f800003, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_S_RM( 21, fnmsub.s, rne, 0, 0xc0000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmsub(1, 1, -1) */
	TEST_FP_OP3_S_RM( 22, fnmsub.s, rdn, 0, 0xc0000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmsub(1, 1, -1) */
	TEST_FP_OP3_S_RM( 23, fnmsub.s, rne, 0, 0x40000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* nmsub(1, -1, 1) */
	TEST_FP_OP3_S_RM( 24, fnmsub.s, rdn, 0, 0x40000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* nmsub(1, -1, 1) */
	TEST_FP_OP3_S_RM( 25, fnmsub.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x00000000)  /* nmsub(0, 5, 0) */
	TEST_FP_OP3_S_RM( 26, fnmsub.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x00000000)  /* nmsub(0, 5, 0) */
	TEST_FP_OP3_S_RM( 27, fnmsub.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x00000000)  /* nmsub(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 28, fnmsub.s, rdn, 0, 0x00000000, 0x80000000, 0x40a00000, 0x00000000)  /* nmsub(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 29, fnmsub.s, rne, 0, 0x80000000, 0x00000000, 0x40a00000, 0x80000000)  /* nmsub(0, 5, -0) */
	TEST_FP_OP3_S_RM( 30, fnmsub.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x80000000)  /* nmsub(0, 5, -0) */
	TEST_FP_OP3_S_RM( 31, fnmsub.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* nmsub(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 32, fnmsub.s, rup, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* nmsub(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 33, fnmsub.s, rne, 0, 0x00000000, 0x80000000, 0x80000000, 0x00000000)  /* nmsub(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_S_RM( 34, fnmsub.s, rne, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* nmsub(max, 2, -max) */
	TEST_FP_OP3_S_RM( 35, fnmsub.s, rne, 0, 0xff7fffff, 0x7f7fffff, 0x40000000, 0x7f7fffff)  /* nmsub(max, 2, max) */
	TEST_FP_OP3_S_RM( 36, fnmsub.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* nmsub(max, 2, -max) */
	TEST_FP_OP3_S_RM( 37, fnmsub.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0xc0000000, 0x7f7fffff)  /* nmsub(max, -2, max) */
	/* overflow */
	TEST_FP_OP3_S_RM( 38, fnmsub.s, rne, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmsub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 39, fnmsub.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmsub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 40, fnmsub.s, rdn, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmsub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 41, fnmsub.s, rup, FF_OF|FF_NX, 0xff7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmsub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 42, fnmsub.s, rmm, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* nmsub(max, 2, 0) */
	/* underflow */
	TEST_FP_OP3_S_RM( 43, fnmsub.s, rne, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmsub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 44, fnmsub.s, rtz, FF_UF|FF_NX, 0x807fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmsub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 45, fnmsub.s, rdn, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmsub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 46, fnmsub.s, rup, FF_UF|FF_NX, 0x807fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmsub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 47, fnmsub.s, rmm, FF_UF|FF_NX, 0x80800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* nmsub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 48, fnmsub.s, rne, 0, 0x80400000, 0x00800000, 0x3f000000, 0x80000000)  /* nmsub(min, 0.5, -0) */
	TEST_FP_OP3_S_RM( 49, fnmsub.s, rne, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x3f000000, 0x00000001)  /* nmsub(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_S_RM( 50, fnmsub.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0x3f800000)  /* nmsub(inf, 1, 1) */
	TEST_FP_OP3_S_RM( 51, fnmsub.s, rne, 0, 0x7f800000, 0x3f800000, 0x3f800000, 0x7f800000)  /* nmsub(1, 1, inf) */
	TEST_FP_OP3_S_RM( 52, fnmsub.s, rne, 0, 0xff800000, 0x3f800000, 0x3f800000, 0xff800000)  /* nmsub(1, 1, -inf) */
	TEST_FP_OP3_S_RM( 53, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0x7f800000)  /* nmsub(inf, 1, inf) */
	TEST_FP_OP3_S_RM( 54, fnmsub.s, rne, 0, 0xff800000, 0x7f800000, 0x3f800000, 0xff800000)  /* nmsub(inf, 1, -inf) */
	TEST_FP_OP3_S_RM( 55, fnmsub.s, rne, 0, 0x7f800000, 0xff800000, 0x3f800000, 0x7f800000)  /* nmsub(-inf, 1, inf) */
	TEST_FP_OP3_S_RM( 56, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0xff800000, 0xff800000)  /* nmsub(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_S_RM( 57, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x3f800000)  /* nmsub(inf, 0, 1) */
	TEST_FP_OP3_S_RM( 58, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x00000000, 0xff800000, 0x3f800000)  /* nmsub(0, -inf, 1) */
	TEST_FP_OP3_S_RM( 59, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)  /* nmsub(inf, 0, qNaN) */
	TEST_FP_OP3_S_RM( 60, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x7f800000, 0x7fc00000)  /* nmsub(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_S_RM( 61, fnmsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000, 0x3f800000)  /* nmsub(qNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 62, fnmsub.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000, 0x3f800000)  /* nmsub(1, qNaN, 1) */
	TEST_FP_OP3_S_RM( 63, fnmsub.s, rne, 0, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7fc00000)  /* nmsub(1, 1, qNaN) */
	TEST_FP_OP3_S_RM( 64, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, 0x3f800000)  /* nmsub(sNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 65, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001, 0x3f800000)  /* nmsub(1, sNaN, 1) */
	TEST_FP_OP3_S_RM( 66, fnmsub.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7f800001)  /* nmsub(1, 1, sNaN) */
	TEST_FP_OP3_S_RM( 67, fnmsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000, 0x7f800000)  /* nmsub(qNaN, 0, inf) */
	TEST_FP_OP3_S_RM( 68, fnmsub.s, rne, 0, 0x7fc00000, 0xffc12345, 0x3f800000, 0x3f800000)  /* nmsub(NaN(0xffc12345), 1, 1): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_S_RM( 69, fnmsub.s, dyn, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_S_RM( 70, fnmsub.s, dyn, 0, 0xb4000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* nmsub(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_S_RM( 71, fnmsub.s, dyn, 0, 0xc0000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* nmsub(1, 1, -1) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_S_RM( 72, fnmsub.s, dyn, FF_NX, 0x3f800003, 0x3f800001, 0xbf800001, 0x34000000)  /* nmsub(1+2^-23, -(1+2^-23), 2^-23) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); LOAD_S(f4, 0x3f000000); fnmsub.s f4, f1, f2, f4; CHECK_S(f4, 0x40940000)
	li gp, 74; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); LOAD_S(f30, 0x3f000000); fnmsub.s f0, f31, f0, f30; CHECK_S(f0, 0x40940000)
	li gp, 75; LOAD_S(f9, 0x3fc00000); fnmsub.s f9, f9, f9, f9; CHECK_S(f9, 0xbf400000)
TEST_END
