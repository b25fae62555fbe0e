/* fsqrt.d: correctly rounded square root. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP1_D_RM(  2, fsqrt.d, rne, 0, 0x4000000000000000, 0x4010000000000000)  /* sqrt(4.0) */
	TEST_FP_OP1_D_RM(  3, fsqrt.d, rne, 0, 0x3fe0000000000000, 0x3fd0000000000000)  /* sqrt(0.25) */
	TEST_FP_OP1_D_RM(  4, fsqrt.d, rne, 0, 0x3ff0000000000000, 0x3ff0000000000000)  /* sqrt(1.0) */
	TEST_FP_OP1_D_RM(  5, fsqrt.d, rne, 0, 0x3f50000000000000, 0x3eb0000000000000)  /* sqrt(2^-20) */
	/* sqrt(2) in every mode */
	TEST_FP_OP1_D_RM(  6, fsqrt.d, rne, FF_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  /* sqrt(2.0) */
	TEST_FP_OP1_D_RM(  7, fsqrt.d, rtz, FF_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  /* sqrt(2.0) */
	TEST_FP_OP1_D_RM(  8, fsqrt.d, rdn, FF_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  /* sqrt(2.0) */
	TEST_FP_OP1_D_RM(  9, fsqrt.d, rup, FF_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  /* sqrt(2.0) */
	TEST_FP_OP1_D_RM( 10, fsqrt.d, rmm, FF_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  /* sqrt(2.0) */
	/* sqrt(3) in every mode */
	TEST_FP_OP1_D_RM( 11, fsqrt.d, rne, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	TEST_FP_OP1_D_RM( 12, fsqrt.d, rtz, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	TEST_FP_OP1_D_RM( 13, fsqrt.d, rdn, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	TEST_FP_OP1_D_RM( 14, fsqrt.d, rup, FF_NX, 0x3ffbb67ae8584cab, 0x4008000000000000)  /* sqrt(3.0) */
	TEST_FP_OP1_D_RM( 15, fsqrt.d, rmm, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	/* extremes */
	TEST_FP_OP1_D_RM( 16, fsqrt.d, rne, FF_NX, 0x5fefffffffffffff, 0x7fefffffffffffff)  /* sqrt(max) */
	TEST_FP_OP1_D_RM( 17, fsqrt.d, rup, FF_NX, 0x5ff0000000000000, 0x7fefffffffffffff)  /* sqrt(max) */
	TEST_FP_OP1_D_RM( 18, fsqrt.d, rne, 0, 0x1e60000000000000, 0x0000000000000001)  /* sqrt(minsub) */
	TEST_FP_OP1_D_RM( 19, fsqrt.d, rne, 0, 0x2000000000000000, 0x0010000000000000)  /* sqrt(min) */
	TEST_FP_OP1_D_RM( 20, fsqrt.d, rne, FF_NX, 0x1fffffffffffffff, 0x000fffffffffffff)  /* sqrt(maxsub) */
	/* zeros and infinities */
	TEST_FP_OP1_D_RM( 21, fsqrt.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  /* sqrt(0) */
	TEST_FP_OP1_D_RM( 22, fsqrt.d, rne, 0, 0x8000000000000000, 0x8000000000000000)  /* sqrt(-0): sqrt(-0) = -0 */
	TEST_FP_OP1_D_RM( 23, fsqrt.d, rdn, 0, 0x0000000000000000, 0x0000000000000000)  /* sqrt(0) */
	TEST_FP_OP1_D_RM( 24, fsqrt.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000)  /* sqrt(inf) */
	TEST_FP_OP1_D_RM( 25, fsqrt.d, rne, FF_NV, 0x7ff8000000000000, 0xfff0000000000000)  /* sqrt(-inf): invalid */
	/* negative operands are invalid */
	TEST_FP_OP1_D_RM( 26, fsqrt.d, rne, FF_NV, 0x7ff8000000000000, 0xbff0000000000000)  /* sqrt(-1.0) */
	TEST_FP_OP1_D_RM( 27, fsqrt.d, rne, FF_NV, 0x7ff8000000000000, 0x8000000000000001)  /* sqrt(-minsub) */
	TEST_FP_OP1_D_RM( 28, fsqrt.d, rne, FF_NV, 0x7ff8000000000000, 0xffefffffffffffff)  /* sqrt(-max) */
	/* NaNs */
	TEST_FP_OP1_D_RM( 29, fsqrt.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000)  /* sqrt(qNaN) */
	TEST_FP_OP1_D_RM( 30, fsqrt.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001)  /* sqrt(sNaN) */
	TEST_FP_OP1_D_RM( 31, fsqrt.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345)  /* sqrt(NaN(0xfff8000000012345)) */
	/* dynamic rounding mode */
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP1_D_RM( 32, fsqrt.d, dyn, FF_NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)  /* sqrt(2.0) */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP1_D_RM( 33, fsqrt.d, dyn, FF_NX, 0x3ff6a09e667f3bcc, 0x4000000000000000)  /* sqrt(2.0) */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP1_D_RM( 34, fsqrt.d, dyn, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP1_D_RM( 35, fsqrt.d, dyn, FF_NX, 0x3ffbb67ae8584caa, 0x4008000000000000)  /* sqrt(3.0) */
	fsrmi 0
TEST_END
