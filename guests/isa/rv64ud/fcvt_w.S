/* fcvt.w.d: convert to a signed 32-bit integer (result sign-extended to 64
 * bits); out of range and NaN saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_D(  2, fcvt.w.d, rne, 0, 0x0000000000000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_X_D(  3, fcvt.w.d, rne, 0, 0x0000000000000000, 0x8000000000000000)  /* -0 */
	TEST_FCVT_X_D(  4, fcvt.w.d, rne, 0, 0x0000000000000001, 0x3ff0000000000000)  /* 1.0 */
	TEST_FCVT_X_D(  5, fcvt.w.d, rne, 0, 0xffffffffffffffff, 0xbff0000000000000)  /* -1.0 */
	TEST_FCVT_X_D(  6, fcvt.w.d, rne, 0, 0x000000000000002a, 0x4045000000000000)  /* 42.0 */
	TEST_FCVT_X_D(  7, fcvt.w.d, rne, 0, 0xffffffffffffffd6, 0xc045000000000000)  /* -42.0 */
	TEST_FCVT_X_D(  8, fcvt.w.d, rne, 0, 0x0000000000100000, 0x4130000000000000)  /* 2^20 */
	/* rounding of halfway cases */
	TEST_FCVT_X_D(  9, fcvt.w.d, rne, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 10, fcvt.w.d, rtz, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 11, fcvt.w.d, rdn, FF_NX, 0x0000000000000000, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 12, fcvt.w.d, rup, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 13, fcvt.w.d, rmm, FF_NX, 0x0000000000000001, 0x3fe0000000000000)  /* 0.5 */
	TEST_FCVT_X_D( 14, fcvt.w.d, rne, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 15, fcvt.w.d, rtz, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 16, fcvt.w.d, rdn, FF_NX, 0x0000000000000001, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 17, fcvt.w.d, rup, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 18, fcvt.w.d, rmm, FF_NX, 0x0000000000000002, 0x3ff8000000000000)  /* 1.5 */
	TEST_FCVT_X_D( 19, fcvt.w.d, rne, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 20, fcvt.w.d, rtz, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 21, fcvt.w.d, rdn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 22, fcvt.w.d, rup, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 23, fcvt.w.d, rmm, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	TEST_FCVT_X_D( 24, fcvt.w.d, rne, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 25, fcvt.w.d, rtz, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 26, fcvt.w.d, rdn, FF_NX, 0xffffffffffffffff, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 27, fcvt.w.d, rup, FF_NX, 0x0000000000000000, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 28, fcvt.w.d, rmm, FF_NX, 0xffffffffffffffff, 0xbfe0000000000000)  /* -0.5 */
	TEST_FCVT_X_D( 29, fcvt.w.d, rne, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 30, fcvt.w.d, rtz, FF_NX, 0xffffffffffffffff, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 31, fcvt.w.d, rdn, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 32, fcvt.w.d, rup, FF_NX, 0xffffffffffffffff, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 33, fcvt.w.d, rmm, FF_NX, 0xfffffffffffffffe, 0xbff8000000000000)  /* -1.5 */
	TEST_FCVT_X_D( 34, fcvt.w.d, rne, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 35, fcvt.w.d, rtz, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 36, fcvt.w.d, rdn, FF_NX, 0xfffffffffffffffd, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 37, fcvt.w.d, rup, FF_NX, 0xfffffffffffffffe, 0xc004000000000000)  /* -2.5 */
	TEST_FCVT_X_D( 38, fcvt.w.d, rmm, FF_NX, 0xfffffffffffffffd, 0xc004000000000000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_D( 39, fcvt.w.d, rne, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 40, fcvt.w.d, rtz, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 41, fcvt.w.d, rdn, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 42, fcvt.w.d, rup, FF_NX, 0x0000000000000002, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 43, fcvt.w.d, rmm, FF_NX, 0x0000000000000001, 0x3ff4000000000000)  /* 1.25 */
	TEST_FCVT_X_D( 44, fcvt.w.d, rne, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 45, fcvt.w.d, rtz, FF_NX, 0xffffffffffffffff, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 46, fcvt.w.d, rdn, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 47, fcvt.w.d, rup, FF_NX, 0xffffffffffffffff, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 48, fcvt.w.d, rmm, FF_NX, 0xfffffffffffffffe, 0xbffc000000000000)  /* -1.75 */
	TEST_FCVT_X_D( 49, fcvt.w.d, rne, FF_NX, 0x0000000000000001, 0x3fe8000000000000)  /* 0.75 */
	TEST_FCVT_X_D( 50, fcvt.w.d, rtz, FF_NX, 0x0000000000000000, 0x3fefffffffffffff)  /* 1-2^-53 */
	TEST_FCVT_X_D( 51, fcvt.w.d, rup, FF_NX, 0x0000000000000001, 0x0000000000000001)  /* minsub */
	TEST_FCVT_X_D( 52, fcvt.w.d, rdn, FF_NX, 0xffffffffffffffff, 0x8000000000000001)  /* -minsub */
	TEST_FCVT_X_D( 53, fcvt.w.d, rne, FF_NX, 0x0000000000000000, 0x8000000000000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_D( 54, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x41dfffffffffffff)  /* 2147483647.9999998 */
	TEST_FCVT_X_D( 55, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x41e0000000000000)  /* 2^31 */
	TEST_FCVT_X_D( 56, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x41f0000000000000)  /* 2^32 */
	TEST_FCVT_X_D( 57, fcvt.w.d, rne, 0, 0xffffffff80000000, 0xc1e0000000000000)  /* -2^31 */
	TEST_FCVT_X_D( 58, fcvt.w.d, rne, FF_NX, 0xffffffff80000000, 0xc1e0000000000001)  /* -2147483648.0000005 */
	TEST_FCVT_X_D( 59, fcvt.w.d, rtz, FF_NX, 0xffffffff80000000, 0xc1e0000000100000)  /* -2147483648.5 */
	TEST_FCVT_X_D( 60, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x41dfffffffe00000)  /* 2147483647.5: rounds up out of range */
	TEST_FCVT_X_D( 61, fcvt.w.d, rtz, FF_NX, 0x000000007fffffff, 0x41dfffffffe00000)  /* 2147483647.5 */
	TEST_FCVT_X_D( 62, fcvt.w.d, rne, FF_NX, 0xffffffff80000000, 0xc1e0000000100000)  /* -2147483648.5: rounds to even: in range */
	TEST_FCVT_X_D( 63, fcvt.w.d, rdn, FF_NV, 0xffffffff80000000, 0xc1e0000000100000)  /* -2147483648.5 */
	TEST_FCVT_X_D( 64, fcvt.w.d, rmm, FF_NV, 0xffffffff80000000, 0xc1e0000000100000)  /* -2147483648.5 */
	TEST_FCVT_X_D( 65, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x7fefffffffffffff)  /* max */
	TEST_FCVT_X_D( 66, fcvt.w.d, rne, FF_NV, 0xffffffff80000000, 0xffefffffffffffff)  /* -max */
	TEST_FCVT_X_D( 67, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x7ff0000000000000)  /* inf */
	TEST_FCVT_X_D( 68, fcvt.w.d, rne, FF_NV, 0xffffffff80000000, 0xfff0000000000000)  /* -inf */
	TEST_FCVT_X_D( 69, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x7ff8000000000000)  /* qNaN */
	TEST_FCVT_X_D( 70, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0xfff8000000000000)  /* NaN(0xfff8000000000000): NaN of either sign gives the maximum */
	TEST_FCVT_X_D( 71, fcvt.w.d, rne, FF_NV, 0x000000007fffffff, 0x7ff0000000000001)  /* sNaN */
	TEST_FCVT_X_D( 72, fcvt.w.d, rtz, FF_NV, 0x000000007fffffff, 0xfff4000000012345)  /* sNaN(0xfff4000000012345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_D( 73, fcvt.w.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_D( 74, fcvt.w.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_D( 75, fcvt.w.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_D( 76, fcvt.w.d, dyn, FF_NX, 0x0000000000000003, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_D( 77, fcvt.w.d, dyn, FF_NX, 0x0000000000000002, 0x4004000000000000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 78; LOAD_D(f1, 0x3ff8000000000000); csrwi fflags, 0; fcvt.w.d x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
