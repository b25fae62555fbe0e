/* fcvt.l.d: convert to a signed 64-bit integer; out of range and NaN
 * saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_D(  2, fcvt.l.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_X_D(  3, fcvt.l.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  /* -0 */
	TEST_FCVT_X_D(  4, fcvt.l.d, rne, 0, 0x0000000000000001, 0x3ff0000000000000)  /* 1.0 */
	TEST_FCVT_X_D(  5, fcvt.l.d, rne, 0, 0xffffffffffffffff, 0xbff0000000000000)  /* -1.0 */
	TEST_FCVT_X_D(  6, fcvt.l.d, rne, 0, 0x000000000000002a, 0x4045000000000000)  /* 42.0 */
	TEST_FCVT_X_D(  7, fcvt.l.d, rne, 0, 0xffffffffffffffd6, 0xc045000000000000)  /* -42.0 */
	TEST_FCVT_X_D(  8, fcvt.l.d, rne, 0, 0x0000000000100000, 0x4130000000000000)  /* 2^20 */
	/* rounding of halfway cases */
	TEST_FCVT_X_D(  9, fcvt.l.d, rne, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 10, fcvt.l.d, rtz, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 11, fcvt.l.d, rdn, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 12, fcvt.l.d, rup, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 13, fcvt.l.d, rmm, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 14, fcvt.l.d, rne, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 15, fcvt.l.d, rtz, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 16, fcvt.l.d, rdn, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 17, fcvt.l.d, rup, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 18, fcvt.l.d, rmm, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 19, fcvt.l.d, rne, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 20, fcvt.l.d, rtz, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 21, fcvt.l.d, rdn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 22, fcvt.l.d, rup, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 23, fcvt.l.d, rmm, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 24, fcvt.l.d, rne, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 25, fcvt.l.d, rtz, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 26, fcvt.l.d, rdn, FF_NX, 0xffffffffffffffff, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 27, fcvt.l.d, rup, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 28, fcvt.l.d, rmm, FF_NX, 0xffffffffffffffff, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 29, fcvt.l.d, rne, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 30, fcvt.l.d, rtz, FF_NX, 0xffffffffffffffff, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 31, fcvt.l.d, rdn, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 32, fcvt.l.d, rup, FF_NX, 0xffffffffffffffff, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 33, fcvt.l.d, rmm, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 34, fcvt.l.d, rne, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 35, fcvt.l.d, rtz, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 36, fcvt.l.d, rdn, FF_NX, 0xfffffffffffffffd, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 37, fcvt.l.d, rup, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 38, fcvt.l.d, rmm, FF_NX, 0xfffffffffffffffd, 0xc004000000000000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_D( 39, fcvt.l.d, rne, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 40, fcvt.l.d, rtz, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 41, fcvt.l.d, rdn, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 42, fcvt.l.d, rup, FF_NX, 0x0000000000000002, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 43, fcvt.l.d, rmm, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 44, fcvt.l.d, rne, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 45, fcvt.l.d, rtz, FF_NX, 0xffffffffffffffff, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 46, fcvt.l.d, rdn, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 47, fcvt.l.d, rup, FF_NX, 0xffffffffffffffff, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 48, fcvt.l.d, rmm, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 49, fcvt.l.d, rne, FF_NX, 0x0000000000000001, 0x3fe8000000000000)  /* 0.75 */
	TEST_FCVT_X_D( 50, fcvt.l.d, rtz, FF_NX, 0x0000000000000000, 0x3fefffffffffffff)  /* 1-2^-53 */
	TEST_FCVT_X_D( 51, fcvt.l.d, rup, FF_NX, 0x0000000000000001, 0x0000000000000001)  /* minsub */
	TEST_FCVT_X_D( 52, fcvt.l.d, rdn, FF_NX, 0xffffffffffffffff, 0x8000000000000001)  /* -minsub */
	TEST_FCVT_X_D( 53, fcvt.l.d, rne, FF_NX, 0x0000000000000000, 0x8000000000000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_D( 54, fcvt.l.d, rne, 0, 0x7ffffffffffffc00, 0x43dfffffffffffff)  /* 9.223372036854775e+18 */
	TEST_FCVT_X_D( 55, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x43e0000000000000)  /* 2^63 */
	TEST_FCVT_X_D( 56, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x43f0000000000000)  /* 2^64 */
	TEST_FCVT_X_D( 57, fcvt.l.d, rne, 0, 0x8000000000000000, 0xc3e0000000000000)  /* -2^63 */
	TEST_FCVT_X_D( 58, fcvt.l.d, rne, FF_NV, 0x8000000000000000, 0xc3e0000000000001)  /* -9.223372036854778e+18 */
	TEST_FCVT_X_D( 59, fcvt.l.d, rtz, 0, 0x8000000000000000, 0xc3e0000000000000)  /* -2^63 */
	TEST_FCVT_X_D( 60, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_X_D( 61, fcvt.l.d, rne, FF_NV, 0x8000000000000000, 0xffefffffffffffff)  /* -max */
	TEST_FCVT_X_D( 62, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x7ff0000000000000)  /* inf */
	TEST_FCVT_X_D( 63, fcvt.l.d, rne, FF_NV, 0x8000000000000000, 0xfff0000000000000)  /* -inf */
	TEST_FCVT_X_D( 64, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x7ff8000000000000)  /* qNaN */
	TEST_FCVT_X_D( 65, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0xfff8000000000000)  /* NaN(0xfff8000000000000): NaN of either sign gives the maximum */
	TEST_FCVT_X_D( 66, fcvt.l.d, rne, FF_NV, 0x7fffffffffffffff, 0x7ff0000000000001)  /* sNaN */
	TEST_FCVT_X_D( 67, fcvt.l.d, rtz, FF_NV, 0x7fffffffffffffff, 0xfff4000000012345)  /* sNaN(0xfff4000000012345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_D( 68, fcvt.l.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_D( 69, fcvt.l.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_D( 70, fcvt.l.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_D( 71, fcvt.l.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_D( 72, fcvt.l.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 73; LOAD_D(f1, 0x3ff8000000000000); csrwi fflags, 0; fcvt.l.d x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
