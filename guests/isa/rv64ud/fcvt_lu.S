/* fcvt.lu.d: convert to an unsigned 64-bit integer; out of range and NaN
 * saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_D(  2, fcvt.lu.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_X_D(  3, fcvt.lu.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  /* -0 */
	TEST_FCVT_X_D(  4, fcvt.lu.d, rne, 0, 0x0000000000000001, 0x3ff0000000000000)  /* 1.0 */
	TEST_FCVT_X_D(  5, fcvt.lu.d, rne, 0, 0x000000000000002a, 0x4045000000000000)  /* 42.0 */
	TEST_FCVT_X_D(  6, fcvt.lu.d, rne, 0, 0x0000000000100000, 0x4130000000000000)  /* 2^20 */
	TEST_FCVT_X_D(  7, fcvt.lu.d, rne, 0, 0x00000000c0000000, 0x41e8000000000000)  /* 3221225472.0 */
	/* rounding of halfway cases */
	TEST_FCVT_X_D(  8, fcvt.lu.d, rne, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D(  9, fcvt.lu.d, rtz, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 10, fcvt.lu.d, rdn, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 11, fcvt.lu.d, rup, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 12, fcvt.lu.d, rmm, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 13, fcvt.lu.d, rne, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 14, fcvt.lu.d, rtz, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 15, fcvt.lu.d, rdn, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 16, fcvt.lu.d, rup, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 17, fcvt.lu.d, rmm, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 18, fcvt.lu.d, rne, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 19, fcvt.lu.d, rtz, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 20, fcvt.lu.d, rdn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 21, fcvt.lu.d, rup, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 22, fcvt.lu.d, rmm, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 23, fcvt.lu.d, rne, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 24, fcvt.lu.d, rtz, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 25, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 26, fcvt.lu.d, rup, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 27, fcvt.lu.d, rmm, FF_NV, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 28, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 29, fcvt.lu.d, rtz, FF_NV, 0x0000000000000000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 30, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 31, fcvt.lu.d, rup, FF_NV, 0x0000000000000000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 32, fcvt.lu.d, rmm, FF_NV, 0x0000000000000000, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 33, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 34, fcvt.lu.d, rtz, FF_NV, 0x0000000000000000, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 35, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 36, fcvt.lu.d, rup, FF_NV, 0x0000000000000000, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 37, fcvt.lu.d, rmm, FF_NV, 0x0000000000000000, 0xc004000000000000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_D( 38, fcvt.lu.d, rne, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 39, fcvt.lu.d, rtz, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 40, fcvt.lu.d, rdn, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 41, fcvt.lu.d, rup, FF_NX, 0x0000000000000002, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 42, fcvt.lu.d, rmm, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 43, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 44, fcvt.lu.d, rtz, FF_NV, 0x0000000000000000, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 45, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 46, fcvt.lu.d, rup, FF_NV, 0x0000000000000000, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 47, fcvt.lu.d, rmm, FF_NV, 0x0000000000000000, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 48, fcvt.lu.d, rne, FF_NX, 0x0000000000000001, 0x3fe8000000000000)  /* 0.75 */
	TEST_FCVT_X_D( 49, fcvt.lu.d, rtz, FF_NX, 0x0000000000000000, 0x3fefffffffffffff)  /* 1-2^-53 */
	TEST_FCVT_X_D( 50, fcvt.lu.d, rup, FF_NX, 0x0000000000000001, 0x0000000000000001)  /* minsub */
	TEST_FCVT_X_D( 51, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0x8000000000000001)  /* -minsub */
	TEST_FCVT_X_D( 52, fcvt.lu.d, rne, FF_NX, 0x0000000000000000, 0x8000000000000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_D( 53, fcvt.lu.d, rne, 0, 0xfffffffffffff800, 0x43efffffffffffff)  /* 1.844674407370955e+19 */
	TEST_FCVT_X_D( 54, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x43f0000000000000)  /* 2^64 */
	TEST_FCVT_X_D( 55, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x4400000000000000)  /* 2^65 */
	TEST_FCVT_X_D( 56, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xbff0000000000000)  /* -1.0 */
	TEST_FCVT_X_D( 57, fcvt.lu.d, rtz, FF_NX, 0x0000000000000000, 0xbfe8000000000000)  /* -0.75: rounds to 0: only inexact */
	TEST_FCVT_X_D( 58, fcvt.lu.d, rdn, FF_NV, 0x0000000000000000, 0xbfd0000000000000)  /* -0.25: rounds to -1: invalid */
	TEST_FCVT_X_D( 59, fcvt.lu.d, rne, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5: rounds to -0: only inexact */
	TEST_FCVT_X_D( 60, fcvt.lu.d, rmm, FF_NV, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 61, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xffefffffffffffff)  /* -max */
	TEST_FCVT_X_D( 62, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_X_D( 63, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xffefffffffffffff)  /* -max */
	TEST_FCVT_X_D( 64, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x7ff0000000000000)  /* inf */
	TEST_FCVT_X_D( 65, fcvt.lu.d, rne, FF_NV, 0x0000000000000000, 0xfff0000000000000)  /* -inf */
	TEST_FCVT_X_D( 66, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x7ff8000000000000)  /* qNaN */
	TEST_FCVT_X_D( 67, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0xfff8000000000000)  /* NaN(0xfff8000000000000): NaN of either sign gives the maximum */
	TEST_FCVT_X_D( 68, fcvt.lu.d, rne, FF_NV, 0xffffffffffffffff, 0x7ff0000000000001)  /* sNaN */
	TEST_FCVT_X_D( 69, fcvt.lu.d, rtz, FF_NV, 0xffffffffffffffff, 0xfff4000000012345)  /* sNaN(0xfff4000000012345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_D( 70, fcvt.lu.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_D( 71, fcvt.lu.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_D( 72, fcvt.lu.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_D( 73, fcvt.lu.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_D( 74, fcvt.lu.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 75; LOAD_D(f1, 0x3ff8000000000000); csrwi fflags, 0; fcvt.lu.d x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
