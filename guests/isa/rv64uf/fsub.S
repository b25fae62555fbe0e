/* fsub.s: subtraction, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP2_S_RM(  2, fsub.s, rne, 0, 0x3f800000, 0x40400000, 0x40000000)  /* 3 - 2 */
	TEST_FP_OP2_S_RM(  3, fsub.s, rne, 0, 0xbf800000, 0x40000000, 0x40400000)  /* 2 - 3 */
	TEST_FP_OP2_S_RM(  4, fsub.s, rne, 0, 0xc0700000, 0xbfc00000, 0x40100000)  /* -1.5 - 2.25 */
	TEST_FP_OP2_S_RM(  5, fsub.s, rne, 0, 0x007fffff, 0x00800000, 0x00000001)  /* min - minsub: exact subnormal: no UF */
	TEST_FP_OP2_S_RM(  6, fsub.s, rne, 0, 0x00000002, 0x00000001, 0x80000001)  /* minsub - -minsub */
	/* x - x is +0, or -0 when rounding down */
	TEST_FP_OP2_S_RM(  7, fsub.s, rne, 0, 0x00000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	TEST_FP_OP2_S_RM(  8, fsub.s, rtz, 0, 0x00000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	TEST_FP_OP2_S_RM(  9, fsub.s, rup, 0, 0x00000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	TEST_FP_OP2_S_RM( 10, fsub.s, rmm, 0, 0x00000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	TEST_FP_OP2_S_RM( 11, fsub.s, rdn, 0, 0x80000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	TEST_FP_OP2_S_RM( 12, fsub.s, rdn, 0, 0x80000000, 0xff7fffff, 0xff7fffff)  /* -max - -max */
	/* signed zeros */
	TEST_FP_OP2_S_RM( 13, fsub.s, rne, 0, 0x00000000, 0x00000000, 0x00000000)  /* 0 - 0 */
	TEST_FP_OP2_S_RM( 14, fsub.s, rdn, 0, 0x80000000, 0x00000000, 0x00000000)  /* 0 - 0 */
	TEST_FP_OP2_S_RM( 15, fsub.s, rne, 0, 0x80000000, 0x80000000, 0x00000000)  /* -0 - 0 */
	TEST_FP_OP2_S_RM( 16, fsub.s, rup, 0, 0x80000000, 0x80000000, 0x00000000)  /* -0 - 0 */
	TEST_FP_OP2_S_RM( 17, fsub.s, rne, 0, 0x00000000, 0x00000000, 0x80000000)  /* 0 - -0 */
	TEST_FP_OP2_S_RM( 18, fsub.s, rdn, 0, 0x80000000, 0x80000000, 0x80000000)  /* -0 - -0 */
	TEST_FP_OP2_S_RM( 19, fsub.s, rne, 0, 0x00000000, 0x80000000, 0x80000000)  /* -0 - -0 */
	/* 1 - quarter ulp of 1 (half an ulp below 1) in every mode */
	TEST_FP_OP2_S_RM( 20, fsub.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	TEST_FP_OP2_S_RM( 21, fsub.s, rtz, FF_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	TEST_FP_OP2_S_RM( 22, fsub.s, rdn, FF_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	TEST_FP_OP2_S_RM( 23, fsub.s, rup, FF_NX, 0x3f800000, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	TEST_FP_OP2_S_RM( 24, fsub.s, rmm, FF_NX, 0x3f800000, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	/* negative */
	TEST_FP_OP2_S_RM( 25, fsub.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	TEST_FP_OP2_S_RM( 26, fsub.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	TEST_FP_OP2_S_RM( 27, fsub.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	TEST_FP_OP2_S_RM( 28, fsub.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	TEST_FP_OP2_S_RM( 29, fsub.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	/* sticky bits far below */
	TEST_FP_OP2_S_RM( 30, fsub.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 - minsub */
	TEST_FP_OP2_S_RM( 31, fsub.s, rtz, FF_NX, 0x3f7fffff, 0x3f800000, 0x00000001)  /* 1 - minsub */
	TEST_FP_OP2_S_RM( 32, fsub.s, rdn, FF_NX, 0x3f7fffff, 0x3f800000, 0x00000001)  /* 1 - minsub */
	TEST_FP_OP2_S_RM( 33, fsub.s, rup, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 - minsub */
	TEST_FP_OP2_S_RM( 34, fsub.s, rmm, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 - minsub */
	/* overflow */
	TEST_FP_OP2_S_RM( 35, fsub.s, rne, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  /* -max - max */
	TEST_FP_OP2_S_RM( 36, fsub.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0xff7fffff, 0x7f7fffff)  /* -max - max */
	TEST_FP_OP2_S_RM( 37, fsub.s, rdn, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  /* -max - max */
	TEST_FP_OP2_S_RM( 38, fsub.s, rup, FF_OF|FF_NX, 0xff7fffff, 0xff7fffff, 0x7f7fffff)  /* -max - max */
	TEST_FP_OP2_S_RM( 39, fsub.s, rmm, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0x7f7fffff)  /* -max - max */
	/* infinities */
	TEST_FP_OP2_S_RM( 40, fsub.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x7f800000)  /* inf - inf: invalid */
	TEST_FP_OP2_S_RM( 41, fsub.s, rne, FF_NV, 0x7fc00000, 0xff800000, 0xff800000)  /* -inf - -inf: invalid */
	TEST_FP_OP2_S_RM( 42, fsub.s, rne, 0, 0x7f800000, 0x7f800000, 0xff800000)  /* inf - -inf */
	TEST_FP_OP2_S_RM( 43, fsub.s, rne, 0, 0xff800000, 0x3f800000, 0x7f800000)  /* 1 - inf */
	TEST_FP_OP2_S_RM( 44, fsub.s, rne, 0, 0xff800000, 0xff800000, 0x7f7fffff)  /* -inf - max */
	/* NaNs */
	TEST_FP_OP2_S_RM( 45, fsub.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  /* qNaN - 1 */
	TEST_FP_OP2_S_RM( 46, fsub.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000)  /* 1 - qNaN */
	TEST_FP_OP2_S_RM( 47, fsub.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  /* sNaN - 1 */
	TEST_FP_OP2_S_RM( 48, fsub.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0xff800001)  /* 1 - sNaN(0xff800001) */
	TEST_FP_OP2_S_RM( 49, fsub.s, rne, 0, 0x7fc00000, 0xffc12345, 0xffc12345)  /* NaN(0xffc12345) - NaN(0xffc12345): sign of NaN is not flipped */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 50, fsub.s, dyn, FF_NX, 0x3f7fffff, 0x3f800000, 0x33000000)  /* 1 - 2^-25 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_S_RM( 51, fsub.s, dyn, 0, 0x80000000, 0x3f800000, 0x3f800000)  /* 1 - 1 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_S_RM( 52, fsub.s, dyn, FF_NX, 0xbf800000, 0xbf800000, 0x33800000)  /* -1 - 2^-24 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_S_RM( 53, fsub.s, dyn, FF_NX, 0x3f800002, 0x3f800002, 0x33800000)  /* 1+2^-22 - 2^-24 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FP_OP2_S_RM( 54, fsub.s, dyn, FF_NX, 0x3f800002, 0x3f800002, 0x33800000)  /* 1+2^-22 - 2^-24 */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 55; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fsub.s f1, f1, f2; CHECK_S(f1, 0x40880000)
	li gp, 56; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fsub.s f2, f1, f2; CHECK_S(f2, 0x40880000)
	li gp, 57; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); fsub.s f31, f31, f0; CHECK_S(f31, 0x40880000)
	li gp, 58; LOAD_S(f7, 0x3fc00000); fsub.s f7, f7, f7; CHECK_S(f7, 0x00000000)
	li gp, 59; LOAD_S(f15, 0x3fc00000); fsub.s f16, f15, f15; CHECK_S(f16, 0x00000000); CHECK_S(f15, 0x3fc00000)
TEST_END
