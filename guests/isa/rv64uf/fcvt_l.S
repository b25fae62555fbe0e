/* fcvt.l.s: convert to a signed 64-bit integer; out of range and NaN
 * saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_S(  2, fcvt.l.s, rne, 0, 0x0000000000000000, 0x00000000)  /* 0 */
	TEST_FCVT_X_S(  3, fcvt.l.s, rne, 0, 0x0000000000000000, 0x80000000)  /* -0 */
	TEST_FCVT_X_S(  4, fcvt.l.s, rne, 0, 0x0000000000000001, 0x3f800000)  /* 1 */
	TEST_FCVT_X_S(  5, fcvt.l.s, rne, 0, 0xffffffffffffffff, 0xbf800000)  /* -1 */
	TEST_FCVT_X_S(  6, fcvt.l.s, rne, 0, 0x000000000000002a, 0x42280000)  /* 42 */
	TEST_FCVT_X_S(  7, fcvt.l.s, rne, 0, 0xffffffffffffffd6, 0xc2280000)  /* -42 */
	TEST_FCVT_X_S(  8, fcvt.l.s, rne, 0, 0x0000000000100000, 0x49800000)  /* 2^20 */
	/* rounding of halfway cases */
	TEST_FCVT_X_S(  9, fcvt.l.s, rne, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 10, fcvt.l.s, rtz, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 11, fcvt.l.s, rdn, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 12, fcvt.l.s, rup, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 13, fcvt.l.s, rmm, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 14, fcvt.l.s, rne, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 15, fcvt.l.s, rtz, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 16, fcvt.l.s, rdn, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 17, fcvt.l.s, rup, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 18, fcvt.l.s, rmm, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 19, fcvt.l.s, rne, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 20, fcvt.l.s, rtz, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 21, fcvt.l.s, rdn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 22, fcvt.l.s, rup, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 23, fcvt.l.s, rmm, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 24, fcvt.l.s, rne, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 25, fcvt.l.s, rtz, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 26, fcvt.l.s, rdn, FF_NX, 0xffffffffffffffff, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 27, fcvt.l.s, rup, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 28, fcvt.l.s, rmm, FF_NX, 0xffffffffffffffff, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 29, fcvt.l.s, rne, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 30, fcvt.l.s, rtz, FF_NX, 0xffffffffffffffff, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 31, fcvt.l.s, rdn, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 32, fcvt.l.s, rup, FF_NX, 0xffffffffffffffff, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 33, fcvt.l.s, rmm, FF_NX, 0xfffffffffffffffe, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 34, fcvt.l.s, rne, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 35, fcvt.l.s, rtz, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 36, fcvt.l.s, rdn, FF_NX, 0xfffffffffffffffd, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 37, fcvt.l.s, rup, FF_NX, 0xfffffffffffffffe, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 38, fcvt.l.s, rmm, FF_NX, 0xfffffffffffffffd, 0xc0200000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_S( 39, fcvt.l.s, rne, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 40, fcvt.l.s, rtz, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 41, fcvt.l.s, rdn, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 42, fcvt.l.s, rup, FF_NX, 0x0000000000000002, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 43, fcvt.l.s, rmm, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 44, fcvt.l.s, rne, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 45, fcvt.l.s, rtz, FF_NX, 0xffffffffffffffff, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 46, fcvt.l.s, rdn, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 47, fcvt.l.s, rup, FF_NX, 0xffffffffffffffff, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 48, fcvt.l.s, rmm, FF_NX, 0xfffffffffffffffe, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 49, fcvt.l.s, rne, FF_NX, 0x0000000000000001, 0x3f400000)  /* 0.75 */
	TEST_FCVT_X_S( 50, fcvt.l.s, rtz, FF_NX, 0x0000000000000000, 0x3f7fffff)  /* 1-2^-24 */
	TEST_FCVT_X_S( 51, fcvt.l.s, rup, FF_NX, 0x0000000000000001, 0x00000001)  /* minsub */
	TEST_FCVT_X_S( 52, fcvt.l.s, rdn, FF_NX, 0xffffffffffffffff, 0x80000001)  /* -minsub */
	TEST_FCVT_X_S( 53, fcvt.l.s, rne, FF_NX, 0x0000000000000000, 0x80000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_S( 54, fcvt.l.s, rne, 0, 0x7fffff8000000000, 0x5effffff)  /* 9.2233715e+18 */
	TEST_FCVT_X_S( 55, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x5f000000)  /* 2^63 */
	TEST_FCVT_X_S( 56, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x5f800000)  /* 2^64 */
	TEST_FCVT_X_S( 57, fcvt.l.s, rne, 0, 0x8000000000000000, 0xdf000000)  /* -2^63 */
	TEST_FCVT_X_S( 58, fcvt.l.s, rne, FF_NV, 0x8000000000000000, 0xdf000001)  /* -9.223373e+18 */
	TEST_FCVT_X_S( 59, fcvt.l.s, rtz, 0, 0x8000000000000000, 0xdf000000)  /* -2^63 */
	TEST_FCVT_X_S( 60, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x7f7fffff)  /* max */
	TEST_FCVT_X_S( 61, fcvt.l.s, rne, FF_NV, 0x8000000000000000, 0xff7fffff)  /* -max */
	TEST_FCVT_X_S( 62, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x7f800000)  /* inf */
	TEST_FCVT_X_S( 63, fcvt.l.s, rne, FF_NV, 0x8000000000000000, 0xff800000)  /* -inf */
	TEST_FCVT_X_S( 64, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x7fc00000)  /* qNaN */
	TEST_FCVT_X_S( 65, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0xffc00000)  /* NaN(0xffc00000): NaN of either sign gives the maximum */
	TEST_FCVT_X_S( 66, fcvt.l.s, rne, FF_NV, 0x7fffffffffffffff, 0x7f800001)  /* sNaN */
	TEST_FCVT_X_S( 67, fcvt.l.s, rtz, FF_NV, 0x7fffffffffffffff, 0xffa12345)  /* sNaN(0xffa12345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_S( 68, fcvt.l.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_S( 69, fcvt.l.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_S( 70, fcvt.l.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_S( 71, fcvt.l.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_S( 72, fcvt.l.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 73; LOAD_S(f1, 0x3fc00000); csrwi fflags, 0; fcvt.l.s x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
