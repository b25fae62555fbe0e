/* fmsub.s: rs1*rs2 - rs3 with a single rounding. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* simple exact cases */
	TEST_FP_OP3_S_RM(  2, fmsub.s, rne, 0, 0xbf800000, 0x3f800000, 0x40000000, 0x40400000)  /* msub(1, 2, 3) */
	TEST_FP_OP3_S_RM(  3, fmsub.s, rne, 0, 0xc0a00000, 0xbf800000, 0x40000000, 0x40400000)  /* msub(-1, 2, 3) */
	TEST_FP_OP3_S_RM(  4, fmsub.s, rne, 0, 0xc1300000, 0x40200000, 0xc0800000, 0x3f800000)  /* msub(2.5, -4, 1) */
	TEST_FP_OP3_S_RM(  5, fmsub.s, rne, 0, 0x40000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* msub(1, 1, -1) */
	TEST_FP_OP3_S_RM(  6, fmsub.s, rne, 0, 0x00000000, 0x3f000000, 0x3f000000, 0x3e800000)  /* msub(0.5, 0.5, 0.25) */
	/* single rounding: (1+ulp)(1-ulp) = 1 - ulp^2 is not rounded before the addition */
	TEST_FP_OP3_S_RM(  7, fmsub.s, rne, 0, 0xa8800000, 0x3f800001, 0x3f7ffffe, 0x3f800000)  /* msub(1+2^-23, 1-2^-23, 1) */
	TEST_FP_OP3_S_RM(  8, fmsub.s, rne, FF_NX, 0x40000000, 0x3f800001, 0x3f7ffffe, 0xbf800000)  /* msub(1+2^-23, 1-2^-23, -1) */
	TEST_FP_OP3_S_RM(  9, fmsub.s, rne, FF_NX, 0x40000001, 0x3f800001, 0x3f800001, 0xbf800000)  /* msub(1+2^-23, 1+2^-23, -1) */
	TEST_FP_OP3_S_RM( 10, fmsub.s, rne, FF_NX, 0x34800000, 0x3f800001, 0x3f800001, 0x3f800000)  /* msub(1+2^-23, 1+2^-23, 1) */
	/* rounding modes on an inexact result */
	TEST_FP_OP3_S_RM( 11, fmsub.s, rne, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 12, fmsub.s, rtz, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 13, fmsub.s, rdn, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 14, fmsub.s, rup, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 15, fmsub.s, rmm, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	TEST_FP_OP3_S_RM( 16, fmsub.s, rne, FF_NX, 0xbf800003, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 17, fmsub.s, rtz, FF_NX, 0xbf800003, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 18, fmsub.s, rdn, FF_NX, 0xbf800004, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 19, fmsub.s, rup, FF_NX, 0xbf800003, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	TEST_FP_OP3_S_RM( 20, fmsub.s, rmm, FF_NX, 0xbf800003, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	/* sign of exact zero results (rdn gives -0) */
	TEST_FP_OP3_S_RM( 21, fmsub.s, rne, 0, 0x40000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* msub(1, 1, -1) */
	TEST_FP_OP3_S_RM( 22, fmsub.s, rdn, 0, 0x40000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* msub(1, 1, -1) */
	TEST_FP_OP3_S_RM( 23, fmsub.s, rne, 0, 0xc0000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* msub(1, -1, 1) */
	TEST_FP_OP3_S_RM( 24, fmsub.s, rdn, 0, 0xc0000000, 0x3f800000, 0xbf800000, 0x3f800000)  /* msub(1, -1, 1) */
	TEST_FP_OP3_S_RM( 25, fmsub.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x00000000)  /* msub(0, 5, 0) */
	TEST_FP_OP3_S_RM( 26, fmsub.s, rdn, 0, 0x80000000, 0x00000000, 0x40a00000, 0x00000000)  /* msub(0, 5, 0) */
	TEST_FP_OP3_S_RM( 27, fmsub.s, rne, 0, 0x80000000, 0x80000000, 0x40a00000, 0x00000000)  /* msub(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 28, fmsub.s, rdn, 0, 0x80000000, 0x80000000, 0x40a00000, 0x00000000)  /* msub(-0, 5, 0) */
	TEST_FP_OP3_S_RM( 29, fmsub.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000, 0x80000000)  /* msub(0, 5, -0) */
	TEST_FP_OP3_S_RM( 30, fmsub.s, rdn, 0, 0x00000000, 0x00000000, 0x40a00000, 0x80000000)  /* msub(0, 5, -0) */
	TEST_FP_OP3_S_RM( 31, fmsub.s, rne, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* msub(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 32, fmsub.s, rup, 0, 0x00000000, 0x80000000, 0x40a00000, 0x80000000)  /* msub(-0, 5, -0) */
	TEST_FP_OP3_S_RM( 33, fmsub.s, rne, 0, 0x00000000, 0x80000000, 0x80000000, 0x00000000)  /* msub(-0, -0, 0) */
	/* no intermediate overflow: max*2 - max */
	TEST_FP_OP3_S_RM( 34, fmsub.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* msub(max, 2, -max) */
	TEST_FP_OP3_S_RM( 35, fmsub.s, rne, 0, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x7f7fffff)  /* msub(max, 2, max) */
	TEST_FP_OP3_S_RM( 36, fmsub.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0xff7fffff)  /* msub(max, 2, -max) */
	TEST_FP_OP3_S_RM( 37, fmsub.s, rdn, FF_OF|FF_NX, 0xff800000, 0x7f7fffff, 0xc0000000, 0x7f7fffff)  /* msub(max, -2, max) */
	/* overflow */
	TEST_FP_OP3_S_RM( 38, fmsub.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* msub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 39, fmsub.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* msub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 40, fmsub.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x40000000, 0x00000000)  /* msub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 41, fmsub.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* msub(max, 2, 0) */
	TEST_FP_OP3_S_RM( 42, fmsub.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x40000000, 0x00000000)  /* msub(max, 2, 0) */
	/* underflow */
	TEST_FP_OP3_S_RM( 43, fmsub.s, rne, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* msub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 44, fmsub.s, rtz, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* msub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 45, fmsub.s, rdn, FF_UF|FF_NX, 0x007fffff, 0x00800000, 0x3f7fffff, 0x00000000)  /* msub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 46, fmsub.s, rup, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* msub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 47, fmsub.s, rmm, FF_UF|FF_NX, 0x00800000, 0x00800000, 0x3f7fffff, 0x00000000)  /* msub(min, 1-2^-24, 0) */
	TEST_FP_OP3_S_RM( 48, fmsub.s, rne, 0, 0x00400000, 0x00800000, 0x3f000000, 0x80000000)  /* msub(min, 0.5, -0) */
	TEST_FP_OP3_S_RM( 49, fmsub.s, rne, FF_UF|FF_NX, 0x80000000, 0x00000001, 0x3f000000, 0x00000001)  /* msub(minsub, 0.5, minsub) */
	/* infinities */
	TEST_FP_OP3_S_RM( 50, fmsub.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000, 0x3f800000)  /* msub(inf, 1, 1) */
	TEST_FP_OP3_S_RM( 51, fmsub.s, rne, 0, 0xff800000, 0x3f800000, 0x3f800000, 0x7f800000)  /* msub(1, 1, inf) */
	TEST_FP_OP3_S_RM( 52, fmsub.s, rne, 0, 0x7f800000, 0x3f800000, 0x3f800000, 0xff800000)  /* msub(1, 1, -inf) */
	TEST_FP_OP3_S_RM( 53, fmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x3f800000, 0x7f800000)  /* msub(inf, 1, inf) */
	TEST_FP_OP3_S_RM( 54, fmsub.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000, 0xff800000)  /* msub(inf, 1, -inf) */
	TEST_FP_OP3_S_RM( 55, fmsub.s, rne, 0, 0xff800000, 0xff800000, 0x3f800000, 0x7f800000)  /* msub(-inf, 1, inf) */
	TEST_FP_OP3_S_RM( 56, fmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0xff800000, 0xff800000)  /* msub(inf, -inf, -inf) */
	/* inf * 0 is invalid, even with a quiet NaN addend */
	TEST_FP_OP3_S_RM( 57, fmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x3f800000)  /* msub(inf, 0, 1) */
	TEST_FP_OP3_S_RM( 58, fmsub.s, rne, FF_NV, 0x7fc00000, 0x00000000, 0xff800000, 0x3f800000)  /* msub(0, -inf, 1) */
	TEST_FP_OP3_S_RM( 59, fmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)  /* msub(inf, 0, qNaN) */
	TEST_FP_OP3_S_RM( 60, fmsub.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x7f800000, 0x7fc00000)  /* msub(-0, inf, qNaN) */
	/* NaNs */
	TEST_FP_OP3_S_RM( 61, fmsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000, 0x3f800000)  /* msub(qNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 62, fmsub.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000, 0x3f800000)  /* msub(1, qNaN, 1) */
	TEST_FP_OP3_S_RM( 63, fmsub.s, rne, 0, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7fc00000)  /* msub(1, 1, qNaN) */
	TEST_FP_OP3_S_RM( 64, fmsub.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, 0x3f800000)  /* msub(sNaN, 1, 1) */
	TEST_FP_OP3_S_RM( 65, fmsub.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001, 0x3f800000)  /* msub(1, sNaN, 1) */
	TEST_FP_OP3_S_RM( 66, fmsub.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x3f800000, 0x7f800001)  /* msub(1, 1, sNaN) */
	TEST_FP_OP3_S_RM( 67, fmsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000, 0x7f800000)  /* msub(qNaN, 0, inf) */
	TEST_FP_OP3_S_RM( 68, fmsub.s, rne, 0, 0x7fc00000, 0xffc12345, 0x3f800000, 0x3f800000)  /* msub(NaN(0xffc12345), 1, 1): result is the positive canonical NaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP3_S_RM( 69, fmsub.s, dyn, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP3_S_RM( 70, fmsub.s, dyn, 0, 0x34000001, 0x3f800001, 0x3f800001, 0x3f800001)  /* msub(1+2^-23, 1+2^-23, 1+2^-23) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP3_S_RM( 71, fmsub.s, dyn, 0, 0x40000000, 0x3f800000, 0x3f800000, 0xbf800000)  /* msub(1, 1, -1) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP3_S_RM( 72, fmsub.s, dyn, FF_NX, 0xbf800003, 0x3f800001, 0xbf800001, 0x34000000)  /* msub(1+2^-23, -(1+2^-23), 2^-23) */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 73; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); LOAD_S(f4, 0x3f000000); fmsub.s f4, f1, f2, f4; CHECK_S(f4, 0xc0940000)
	li gp, 74; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); LOAD_S(f30, 0x3f000000); fmsub.s f0, f31, f0, f30; CHECK_S(f0, 0xc0940000)
	li gp, 75; LOAD_S(f9, 0x3fc00000); fmsub.s f9, f9, f9, f9; CHECK_S(f9, 0x3f400000)
TEST_END
