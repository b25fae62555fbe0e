/* fcvt.w.s: convert to a signed 32-bit integer (result sign-extended to 64
 * bits); out of range and NaN saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_S(  2, fcvt.w.s, rne, 0, 0x0000000000000000, 0x00000000)  /* 0 */
	TEST_FCVT_X_S(  3, fcvt.w.s, rne, 0, 0x0000000000000000, 0x80000000)  /* -0 */
	TEST_FCVT_X_S(  4, fcvt.w.s, rne, 0, 0x0000000000000001, 0x3f800000)  /* 1 */
	TEST_FCVT_X_S(  5, fcvt.w.s, rne, 0, 0xffffffffffffffff, 0xbf800000)  /* -1 */
	TEST_FCVT_X_S(  6, fcvt.w.s, rne, 0, 0x000000000000002a, 0x42280000)  /* 42 */
	TEST_FCVT_X_S(  7, fcvt.w.s, rne, 0, 0xffffffffffffffd6, 0xc2280000)  /* -42 */
	TEST_FCVT_X_S(  8, fcvt.w.s, rne, 0, 0x0000000000100000, 0x49800000)  /* 2^20 */
	/* rounding of halfway cases */
	TEST_FCVT_X_S(  9, fcvt.w.s, rne, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 10, fcvt.w.s, rtz, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 11, fcvt.w.s, rdn, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 12, fcvt.w.s, rup, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 13, fcvt.w.s, rmm, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 14, fcvt.w.s, rne, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 15, fcvt.w.s, rtz, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 16, fcvt.w.s, rdn, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 17, fcvt.w.s, rup, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 18, fcvt.w.s, rmm, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 19, fcvt.w.s, rne, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 20, fcvt.w.s, rtz, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 21, fcvt.w.s, rdn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 22, fcvt.w.s, rup, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 23, fcvt.w.s, rmm, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 24, fcvt.w.s, rne, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 25, fcvt.w.s, rtz, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 26, fcvt.w.s, rdn, FF_NX, 0xffffffffffffffff, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 27, fcvt.w.s, rup, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 28, fcvt.w.s, rmm, FF_NX, 0xffffffffffffffff, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 29, fcvt.w.s, rne, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 30, fcvt.w.s, rtz, FF_NX, 0xffffffffffffffff, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 31, fcvt.w.s, rdn, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 32, fcvt.w.s, rup, FF_NX, 0xffffffffffffffff, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 33, fcvt.w.s, rmm, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 34, fcvt.w.s, rne, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 35, fcvt.w.s, rtz, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 36, fcvt.w.s, rdn, FF_NX, 0xfffffffffffffffd, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 37, fcvt.w.s, rup, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 38, fcvt.w.s, rmm, FF_NX, 0xfffffffffffffffd, 0xc0200000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_S( 39, fcvt.w.s, rne, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 40, fcvt.w.s, rtz, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 41, fcvt.w.s, rdn, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 42, fcvt.w.s, rup, FF_NX, 0x0000000000000002, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 43, fcvt.w.s, rmm, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 44, fcvt.w.s, rne, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 45, fcvt.w.s, rtz, FF_NX, 0xffffffffffffffff, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 46, fcvt.w.s, rdn, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 47, fcvt.w.s, rup, FF_NX, 0xffffffffffffffff, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 48, fcvt.w.s, rmm, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 49, fcvt.w.s, rne, FF_NX, 0x0000000000000001, 0x3f400000)  /* 0.75 */
	TEST_FCVT_X_S( 50, fcvt.w.s, rtz, FF_NX, 0x0000000000000000, 0x3f7fffff)  /* 1-2^-24 */
	TEST_FCVT_X_S( 51, fcvt.w.s, rup, FF_NX, 0x0000000000000001, 0x00000001)  /* minsub */
	TEST_FCVT_X_S( 52, fcvt.w.s, rdn, FF_NX, 0xffffffffffffffff, 0x80000001)  /* -minsub */
	TEST_FCVT_X_S( 53, fcvt.w.s, rne, FF_NX, 0x0000000000000000, 0x80000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_S( 54, fcvt.w.s, rne, 0, 0x000000007fffff80, 0x4effffff)  /* 2.1474835e+09 */
	TEST_FCVT_X_S( 55, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x4f000000)  /* 2^31 */
	TEST_FCVT_X_S( 56, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x4f800000)  /* 2^32 */
	TEST_FCVT_X_S( 57, fcvt.w.s, rne, 0, 0xffffffff80000000, 0xcf000000)  /* -2^31 */
	TEST_FCVT_X_S( 58, fcvt.w.s, rne, FF_NV, 0xffffffff80000000, 0xcf000001)  /* -2.147484e+09 */
	TEST_FCVT_X_S( 59, fcvt.w.s, rtz, 0, 0xffffffff80000000, 0xcf000000)  /* -2^31 */
	TEST_FCVT_X_S( 60, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x7f7fffff)  /* max */
	TEST_FCVT_X_S( 61, fcvt.w.s, rne, FF_NV, 0xffffffff80000000, 0xff7fffff)  /* -max */
	TEST_FCVT_X_S( 62, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x7f800000)  /* inf */
	TEST_FCVT_X_S( 63, fcvt.w.s, rne, FF_NV, 0xffffffff80000000, 0xff800000)  /* -inf */
	TEST_FCVT_X_S( 64, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x7fc00000)  /* qNaN */
	TEST_FCVT_X_S( 65, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0xffc00000)  /* NaN(0xffc00000): NaN of either sign gives the maximum */
	TEST_FCVT_X_S( 66, fcvt.w.s, rne, FF_NV, 0x000000007fffffff, 0x7f800001)  /* sNaN */
	TEST_FCVT_X_S( 67, fcvt.w.s, rtz, FF_NV, 0x000000007fffffff, 0xffa12345)  /* sNaN(0xffa12345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_S( 68, fcvt.w.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_S( 69, fcvt.w.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_S( 70, fcvt.w.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_S( 71, fcvt.w.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_S( 72, fcvt.w.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 73; LOAD_S(f1, 0x3fc00000); csrwi fflags, 0; fcvt.w.s x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
