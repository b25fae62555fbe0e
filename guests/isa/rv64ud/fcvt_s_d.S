/* fcvt.s.d: round a double to single precision (result NaN-boxed). */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_S_D(  2, rne, 0, 0x3f800000, 0x3ff0000000000000)  /* 1.0 */
	TEST_FCVT_S_D(  3, rne, 0, 0xbfc00000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_S_D(  4, rne, 0, 0x7f7fffff, 0x47efffffe0000000)  /* 3.4028234663852886e+38 */
	TEST_FCVT_S_D(  5, rne, 0, 0xff7fffff, 0xc7efffffe0000000)  /* -3.4028234663852886e+38 */
	TEST_FCVT_S_D(  6, rne, 0, 0x00800000, 0x3810000000000000)  /* 2^-126 */
	TEST_FCVT_S_D(  7, rne, 0, 0x00000001, 0x36a0000000000000)  /* 2^-149 */
	TEST_FCVT_S_D(  8, rne, 0, 0x80000001, 0xb6a0000000000000)  /* -2^-149 */
	TEST_FCVT_S_D(  9, rne, 0, 0x00000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_S_D( 10, rne, 0, 0x80000000, 0x8000000000000000)  /* -0 */
	TEST_FCVT_S_D( 11, rne, 0, 0x7f800000, 0x7ff0000000000000)  /* inf */
	TEST_FCVT_S_D( 12, rne, 0, 0xff800000, 0xfff0000000000000)  /* -inf */
	/* 0.1 in every mode */
	TEST_FCVT_S_D( 13, rne, FF_NX, 0x3dcccccd, 0x3fb999999999999a)  /* 0.1 */
	TEST_FCVT_S_D( 14, rtz, FF_NX, 0x3dcccccc, 0x3fb999999999999a)  /* 0.1 */
	TEST_FCVT_S_D( 15, rdn, FF_NX, 0x3dcccccc, 0x3fb999999999999a)  /* 0.1 */
	TEST_FCVT_S_D( 16, rup, FF_NX, 0x3dcccccd, 0x3fb999999999999a)  /* 0.1 */
	TEST_FCVT_S_D( 17, rmm, FF_NX, 0x3dcccccd, 0x3fb999999999999a)  /* 0.1 */
	/* halfway between two singles: 1 + 2^-24 */
	TEST_FCVT_S_D( 18, rne, FF_NX, 0x3f800000, 0x3ff0000010000000)  /* 1+2^-24 */
	TEST_FCVT_S_D( 19, rtz, FF_NX, 0x3f800000, 0x3ff0000010000000)  /* 1+2^-24 */
	TEST_FCVT_S_D( 20, rdn, FF_NX, 0x3f800000, 0x3ff0000010000000)  /* 1+2^-24 */
	TEST_FCVT_S_D( 21, rup, FF_NX, 0x3f800001, 0x3ff0000010000000)  /* 1+2^-24 */
	TEST_FCVT_S_D( 22, rmm, FF_NX, 0x3f800001, 0x3ff0000010000000)  /* 1+2^-24 */
	/* negative halfway case */
	TEST_FCVT_S_D( 23, rne, FF_NX, 0xbf800000, 0xbff0000010000000)  /* -(1+2^-24) */
	TEST_FCVT_S_D( 24, rtz, FF_NX, 0xbf800000, 0xbff0000010000000)  /* -(1+2^-24) */
	TEST_FCVT_S_D( 25, rdn, FF_NX, 0xbf800001, 0xbff0000010000000)  /* -(1+2^-24) */
	TEST_FCVT_S_D( 26, rup, FF_NX, 0xbf800000, 0xbff0000010000000)  /* -(1+2^-24) */
	TEST_FCVT_S_D( 27, rmm, FF_NX, 0xbf800001, 0xbff0000010000000)  /* -(1+2^-24) */
	/* just above halfway */
	TEST_FCVT_S_D( 28, rne, FF_NX, 0x3f800001, 0x3ff0000010001000)  /* 1.0000000596055543 */
	TEST_FCVT_S_D( 29, rtz, FF_NX, 0x3f800000, 0x3ff0000010001000)  /* 1.0000000596055543 */
	/* largest single + half ulp: ties to even = overflow */
	TEST_FCVT_S_D( 30, rne, FF_OF|FF_NX, 0x7f800000, 0x47effffff0000000)  /* 3.4028235677973366e+38 */
	TEST_FCVT_S_D( 31, rtz, FF_NX, 0x7f7fffff, 0x47effffff0000000)  /* 3.4028235677973366e+38 */
	TEST_FCVT_S_D( 32, rdn, FF_NX, 0x7f7fffff, 0x47effffff0000000)  /* 3.4028235677973366e+38 */
	TEST_FCVT_S_D( 33, rup, FF_OF|FF_NX, 0x7f800000, 0x47effffff0000000)  /* 3.4028235677973366e+38 */
	TEST_FCVT_S_D( 34, rmm, FF_OF|FF_NX, 0x7f800000, 0x47effffff0000000)  /* 3.4028235677973366e+38 */
	/* largest single + quarter ulp */
	TEST_FCVT_S_D( 35, rne, FF_NX, 0x7f7fffff, 0x47efffffe8000000)  /* 3.4028235170913126e+38 */
	TEST_FCVT_S_D( 36, rup, FF_OF|FF_NX, 0x7f800000, 0x47efffffe8000000)  /* 3.4028235170913126e+38 */
	/* double max overflows */
	TEST_FCVT_S_D( 37, rne, FF_OF|FF_NX, 0x7f800000, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_S_D( 38, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_S_D( 39, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_S_D( 40, rup, FF_OF|FF_NX, 0x7f800000, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_S_D( 41, rmm, FF_OF|FF_NX, 0x7f800000, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_S_D( 42, rdn, FF_OF|FF_NX, 0xff800000, 0xffefffffffffffff)  /* -max */
	TEST_FCVT_S_D( 43, rup, FF_OF|FF_NX, 0xff7fffff, 0xffefffffffffffff)  /* -max */
	/* half the smallest subnormal: tie */
	TEST_FCVT_S_D( 44, rne, FF_UF|FF_NX, 0x00000000, 0x3690000000000000)  /* 2^-150 */
	TEST_FCVT_S_D( 45, rtz, FF_UF|FF_NX, 0x00000000, 0x3690000000000000)  /* 2^-150 */
	TEST_FCVT_S_D( 46, rdn, FF_UF|FF_NX, 0x00000000, 0x3690000000000000)  /* 2^-150 */
	TEST_FCVT_S_D( 47, rup, FF_UF|FF_NX, 0x00000001, 0x3690000000000000)  /* 2^-150 */
	TEST_FCVT_S_D( 48, rmm, FF_UF|FF_NX, 0x00000001, 0x3690000000000000)  /* 2^-150 */
	/* 1.5 times the smallest subnormal */
	TEST_FCVT_S_D( 49, rne, FF_UF|FF_NX, 0x00000001, 0x3698000000000000)  /* 1.0509738482436128e-45 */
	TEST_FCVT_S_D( 50, rtz, FF_UF|FF_NX, 0x00000000, 0x3698000000000000)  /* 1.0509738482436128e-45 */
	/* far below the subnormal range */
	TEST_FCVT_S_D( 51, rne, FF_UF|FF_NX, 0x00000000, 0x0010000000000000)  /* min */
	TEST_FCVT_S_D( 52, rtz, FF_UF|FF_NX, 0x00000000, 0x0010000000000000)  /* min */
	TEST_FCVT_S_D( 53, rdn, FF_UF|FF_NX, 0x00000000, 0x0010000000000000)  /* min */
	TEST_FCVT_S_D( 54, rup, FF_UF|FF_NX, 0x00000001, 0x0010000000000000)  /* min */
	TEST_FCVT_S_D( 55, rmm, FF_UF|FF_NX, 0x00000000, 0x0010000000000000)  /* min */
	TEST_FCVT_S_D( 56, rdn, FF_UF|FF_NX, 0x80000001, 0x8000000000000001)  /* -minsub */
	TEST_FCVT_S_D( 57, rne, FF_UF|FF_NX, 0x80000000, 0x8000000000000001)  /* -minsub */
	/* tininess after rounding: min*(1 - 2^-25) rounds to min when rounding up/nearest */
	TEST_FCVT_S_D( 58, rne, FF_NX, 0x00800000, 0x380ffffff0000000)  /* 1.1754943157898259e-38 */
	TEST_FCVT_S_D( 59, rtz, FF_UF|FF_NX, 0x007fffff, 0x380ffffff0000000)  /* 1.1754943157898259e-38 */
	TEST_FCVT_S_D( 60, rdn, FF_UF|FF_NX, 0x007fffff, 0x380ffffff0000000)  /* 1.1754943157898259e-38 */
	TEST_FCVT_S_D( 61, rup, FF_NX, 0x00800000, 0x380ffffff0000000)  /* 1.1754943157898259e-38 */
	TEST_FCVT_S_D( 62, rmm, FF_NX, 0x00800000, 0x380ffffff0000000)  /* 1.1754943157898259e-38 */
	/* subnormal single result, inexact */
	TEST_FCVT_S_D( 63, rne, FF_UF|FF_NX, 0x00000200, 0x3730000100000000)  /* 7.174654979620721e-43 */
	TEST_FCVT_S_D( 64, rup, FF_UF|FF_NX, 0x00000201, 0x3730000100000000)  /* 7.174654979620721e-43 */
	/* NaNs give the canonical single NaN; sNaN sets NV */
	TEST_FCVT_S_D( 65, rne, 0, 0x7fc00000, 0x7ff8000000000000)  /* qNaN */
	TEST_FCVT_S_D( 66, rne, 0, 0x7fc00000, 0xfff8000000000000)  /* NaN(0xfff8000000000000) */
	TEST_FCVT_S_D( 67, rne, 0, 0x7fc00000, 0x7ff8000000012345)  /* NaN(0x7ff8000000012345) */
	TEST_FCVT_S_D( 68, rne, FF_NV, 0x7fc00000, 0x7ff0000000000001)  /* sNaN */
	TEST_FCVT_S_D( 69, rne, FF_NV, 0x7fc00000, 0xfff4000000012345)  /* sNaN(0xfff4000000012345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_S_D( 70, dyn, FF_NX, 0x3dcccccc, 0x3fb999999999999a)  /* 0.1 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_S_D( 71, dyn, FF_NX, 0x3f800001, 0x3ff0000010000000)  /* 1+2^-24 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_S_D( 72, dyn, FF_NX, 0x3f800001, 0x3ff0000010000000)  /* 1+2^-24 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_S_D( 73, dyn, FF_NX, 0xbf800001, 0xbff0000010000000)  /* -(1+2^-24) */
	fsrmi 0
TEST_END
