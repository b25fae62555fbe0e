/* fsub.d: subtraction, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP2_D_RM(  2, fsub.d, rne, 0, 0x3ff0000000000000, 0x4008000000000000, 0x4000000000000000)  /* 3.0 - 2.0 */
	TEST_FP_OP2_D_RM(  3, fsub.d, rne, 0, 0xbff0000000000000, 0x4000000000000000, 0x4008000000000000)  /* 2.0 - 3.0 */
	TEST_FP_OP2_D_RM(  4, fsub.d, rne, 0, 0xc00e000000000000, 0xbff8000000000000, 0x4002000000000000)  /* -1.5 - 2.25 */
	TEST_FP_OP2_D_RM(  5, fsub.d, rne, 0, 0x000fffffffffffff, 0x0010000000000000, 0x0000000000000001)  /* min - minsub: exact subnormal: no UF */
	TEST_FP_OP2_D_RM(  6, fsub.d, rne, 0, 0x0000000000000002, 0x0000000000000001, 0x8000000000000001)  /* minsub - -minsub */
	/* x - x is +0, or -0 when rounding down */
	TEST_FP_OP2_D_RM(  7, fsub.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	TEST_FP_OP2_D_RM(  8, fsub.d, rtz, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	TEST_FP_OP2_D_RM(  9, fsub.d, rup, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	TEST_FP_OP2_D_RM( 10, fsub.d, rmm, 0, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	TEST_FP_OP2_D_RM( 11, fsub.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	TEST_FP_OP2_D_RM( 12, fsub.d, rdn, 0, 0x8000000000000000, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max - -max */
	/* signed zeros */
	TEST_FP_OP2_D_RM( 13, fsub.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)  /* 0 - 0 */
	TEST_FP_OP2_D_RM( 14, fsub.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000)  /* 0 - 0 */
	TEST_FP_OP2_D_RM( 15, fsub.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)  /* -0 - 0 */
	TEST_FP_OP2_D_RM( 16, fsub.d, rup, 0, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)  /* -0 - 0 */
	TEST_FP_OP2_D_RM( 17, fsub.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x8000000000000000)  /* 0 - -0 */
	TEST_FP_OP2_D_RM( 18, fsub.d, rdn, 0, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000)  /* -0 - -0 */
	TEST_FP_OP2_D_RM( 19, fsub.d, rne, 0, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000)  /* -0 - -0 */
	/* 1 - quarter ulp of 1 (half an ulp below 1) in every mode */
	TEST_FP_OP2_D_RM( 20, fsub.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	TEST_FP_OP2_D_RM( 21, fsub.d, rtz, FF_NX, 0x3fefffffffffffff, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	TEST_FP_OP2_D_RM( 22, fsub.d, rdn, FF_NX, 0x3fefffffffffffff, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	TEST_FP_OP2_D_RM( 23, fsub.d, rup, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	TEST_FP_OP2_D_RM( 24, fsub.d, rmm, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	/* negative */
	TEST_FP_OP2_D_RM( 25, fsub.d, rne, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	TEST_FP_OP2_D_RM( 26, fsub.d, rtz, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	TEST_FP_OP2_D_RM( 27, fsub.d, rdn, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	TEST_FP_OP2_D_RM( 28, fsub.d, rup, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	TEST_FP_OP2_D_RM( 29, fsub.d, rmm, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	/* sticky bits far below */
	TEST_FP_OP2_D_RM( 30, fsub.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 - minsub */
	TEST_FP_OP2_D_RM( 31, fsub.d, rtz, FF_NX, 0x3fefffffffffffff, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 - minsub */
	TEST_FP_OP2_D_RM( 32, fsub.d, rdn, FF_NX, 0x3fefffffffffffff, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 - minsub */
	TEST_FP_OP2_D_RM( 33, fsub.d, rup, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 - minsub */
	TEST_FP_OP2_D_RM( 34, fsub.d, rmm, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 - minsub */
	/* overflow */
	TEST_FP_OP2_D_RM( 35, fsub.d, rne, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  /* -max - max */
	TEST_FP_OP2_D_RM( 36, fsub.d, rtz, FF_OF|FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x7fefffffffffffff)  /* -max - max */
	TEST_FP_OP2_D_RM( 37, fsub.d, rdn, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  /* -max - max */
	TEST_FP_OP2_D_RM( 38, fsub.d, rup, FF_OF|FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x7fefffffffffffff)  /* -max - max */
	TEST_FP_OP2_D_RM( 39, fsub.d, rmm, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0x7fefffffffffffff)  /* -max - max */
	/* infinities */
	TEST_FP_OP2_D_RM( 40, fsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0x7ff0000000000000)  /* inf - inf: invalid */
	TEST_FP_OP2_D_RM( 41, fsub.d, rne, FF_NV, 0x7ff8000000000000, 0xfff0000000000000, 0xfff0000000000000)  /* -inf - -inf: invalid */
	TEST_FP_OP2_D_RM( 42, fsub.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0xfff0000000000000)  /* inf - -inf */
	TEST_FP_OP2_D_RM( 43, fsub.d, rne, 0, 0xfff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000)  /* 1.0 - inf */
	TEST_FP_OP2_D_RM( 44, fsub.d, rne, 0, 0xfff0000000000000, 0xfff0000000000000, 0x7fefffffffffffff)  /* -inf - max */
	/* NaNs */
	TEST_FP_OP2_D_RM( 45, fsub.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* qNaN - 1.0 */
	TEST_FP_OP2_D_RM( 46, fsub.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff8000000000000)  /* 1.0 - qNaN */
	TEST_FP_OP2_D_RM( 47, fsub.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* sNaN - 1.0 */
	TEST_FP_OP2_D_RM( 48, fsub.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0xfff0000000000001)  /* 1.0 - sNaN(0xfff0000000000001) */
	TEST_FP_OP2_D_RM( 49, fsub.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0xfff8000000012345)  /* NaN(0xfff8000000012345) - NaN(0xfff8000000012345): sign of NaN is not flipped */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_D_RM( 50, fsub.d, dyn, FF_NX, 0x3fefffffffffffff, 0x3ff0000000000000, 0x3c90000000000000)  /* 1.0 - 2^-54 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_D_RM( 51, fsub.d, dyn, 0, 0x8000000000000000, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 - 1.0 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_D_RM( 52, fsub.d, dyn, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0x3ca0000000000000)  /* -1.0 - 2^-53 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_D_RM( 53, fsub.d, dyn, FF_NX, 0x3ff0000000000002, 0x3ff0000000000002, 0x3ca0000000000000)  /* 1+2^-51 - 2^-53 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FP_OP2_D_RM( 54, fsub.d, dyn, FF_NX, 0x3ff0000000000002, 0x3ff0000000000002, 0x3ca0000000000000)  /* 1+2^-51 - 2^-53 */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 55; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fsub.d f1, f1, f2; CHECK_D(f1, 0x4011000000000000)
	li gp, 56; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fsub.d f2, f1, f2; CHECK_D(f2, 0x4011000000000000)
	li gp, 57; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); fsub.d f31, f31, f0; CHECK_D(f31, 0x4011000000000000)
	li gp, 58; LOAD_D(f7, 0x3ff8000000000000); fsub.d f7, f7, f7; CHECK_D(f7, 0x0000000000000000)
	li gp, 59; LOAD_D(f15, 0x3ff8000000000000); fsub.d f16, f15, f15; CHECK_D(f16, 0x0000000000000000); CHECK_D(f15, 0x3ff8000000000000)
TEST_END
