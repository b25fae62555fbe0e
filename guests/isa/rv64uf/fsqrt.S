/* fsqrt.s: correctly rounded square root. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP1_S_RM(  2, fsqrt.s, rne, 0, 0x40000000, 0x40800000)  /* sqrt(4) */
	TEST_FP_OP1_S_RM(  3, fsqrt.s, rne, 0, 0x3f000000, 0x3e800000)  /* sqrt(0.25) */
	TEST_FP_OP1_S_RM(  4, fsqrt.s, rne, 0, 0x3f800000, 0x3f800000)  /* sqrt(1) */
	TEST_FP_OP1_S_RM(  5, fsqrt.s, rne, 0, 0x3a800000, 0x35800000)  /* sqrt(2^-20) */
	/* sqrt(2) in every mode */
	TEST_FP_OP1_S_RM(  6, fsqrt.s, rne, FF_NX, 0x3fb504f3, 0x40000000)  /* sqrt(2) */
	TEST_FP_OP1_S_RM(  7, fsqrt.s, rtz, FF_NX, 0x3fb504f3, 0x40000000)  /* sqrt(2) */
	TEST_FP_OP1_S_RM(  8, fsqrt.s, rdn, FF_NX, 0x3fb504f3, 0x40000000)  /* sqrt(2) */
	TEST_FP_OP1_S_RM(  9, fsqrt.s, rup, FF_NX, 0x3fb504f4, 0x40000000)  /* sqrt(2) */
	TEST_FP_OP1_S_RM( 10, fsqrt.s, rmm, FF_NX, 0x3fb504f3, 0x40000000)  /* sqrt(2) */
	/* sqrt(3) in every mode */
	TEST_FP_OP1_S_RM( 11, fsqrt.s, rne, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	TEST_FP_OP1_S_RM( 12, fsqrt.s, rtz, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	TEST_FP_OP1_S_RM( 13, fsqrt.s, rdn, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	TEST_FP_OP1_S_RM( 14, fsqrt.s, rup, FF_NX, 0x3fddb3d8, 0x40400000)  /* sqrt(3) */
	TEST_FP_OP1_S_RM( 15, fsqrt.s, rmm, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	/* extremes */
	TEST_FP_OP1_S_RM( 16, fsqrt.s, rne, FF_NX, 0x5f7fffff, 0x7f7fffff)  /* sqrt(max) */
	TEST_FP_OP1_S_RM( 17, fsqrt.s, rup, FF_NX, 0x5f800000, 0x7f7fffff)  /* sqrt(max) */
	TEST_FP_OP1_S_RM( 18, fsqrt.s, rne, FF_NX, 0x1a3504f3, 0x00000001)  /* sqrt(minsub) */
	TEST_FP_OP1_S_RM( 19, fsqrt.s, rne, 0, 0x20000000, 0x00800000)  /* sqrt(min) */
	TEST_FP_OP1_S_RM( 20, fsqrt.s, rne, FF_NX, 0x1fffffff, 0x007fffff)  /* sqrt(maxsub) */
	/* zeros and infinities */
	TEST_FP_OP1_S_RM( 21, fsqrt.s, rne, 0, 0x00000000, 0x00000000)  /* sqrt(0) */
	TEST_FP_OP1_S_RM( 22, fsqrt.s, rne, 0, 0x80000000, 0x80000000)  /* sqrt(-0): sqrt(-0) = -0 */
	TEST_FP_OP1_S_RM( 23, fsqrt.s, rdn, 0, 0x00000000, 0x00000000)  /* sqrt(0) */
	TEST_FP_OP1_S_RM( 24, fsqrt.s, rne, 0, 0x7f800000, 0x7f800000)  /* sqrt(inf) */
	TEST_FP_OP1_S_RM( 25, fsqrt.s, rne, FF_NV, 0x7fc00000, 0xff800000)  /* sqrt(-inf): invalid */
	/* negative operands are invalid */
	TEST_FP_OP1_S_RM( 26, fsqrt.s, rne, FF_NV, 0x7fc00000, 0xbf800000)  /* sqrt(-1) */
	TEST_FP_OP1_S_RM( 27, fsqrt.s, rne, FF_NV, 0x7fc00000, 0x80000001)  /* sqrt(-minsub) */
	TEST_FP_OP1_S_RM( 28, fsqrt.s, rne, FF_NV, 0x7fc00000, 0xff7fffff)  /* sqrt(-max) */
	/* NaNs */
	TEST_FP_OP1_S_RM( 29, fsqrt.s, rne, 0, 0x7fc00000, 0x7fc00000)  /* sqrt(qNaN) */
	TEST_FP_OP1_S_RM( 30, fsqrt.s, rne, FF_NV, 0x7fc00000, 0x7f800001)  /* sqrt(sNaN) */
	TEST_FP_OP1_S_RM( 31, fsqrt.s, rne, 0, 0x7fc00000, 0xffc12345)  /* sqrt(NaN(0xffc12345)) */
	/* dynamic rounding mode */
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP1_S_RM( 32, fsqrt.s, dyn, FF_NX, 0x3fb504f4, 0x40000000)  /* sqrt(2) */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP1_S_RM( 33, fsqrt.s, dyn, FF_NX, 0x3fb504f3, 0x40000000)  /* sqrt(2) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP1_S_RM( 34, fsqrt.s, dyn, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP1_S_RM( 35, fsqrt.s, dyn, FF_NX, 0x3fddb3d7, 0x40400000)  /* sqrt(3) */
	fsrmi 0
TEST_END
