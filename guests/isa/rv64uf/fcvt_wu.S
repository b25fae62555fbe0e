/* fcvt.wu.s: convert to an unsigned 32-bit integer (result sign-extended to
 * 64 bits); out of range and NaN saturate with NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact values */
	TEST_FCVT_X_S(  2, fcvt.wu.s, rne, 0, 0x0000000000000000, 0x00000000)  /* 0 */
	TEST_FCVT_X_S(  3, fcvt.wu.s, rne, 0, 0x0000000000000000, 0x80000000)  /* -0 */
	TEST_FCVT_X_S(  4, fcvt.wu.s, rne, 0, 0x0000000000000001, 0x3f800000)  /* 1 */
	TEST_FCVT_X_S(  5, fcvt.wu.s, rne, 0, 0x000000000000002a, 0x42280000)  /* 42 */
	TEST_FCVT_X_S(  6, fcvt.wu.s, rne, 0, 0x0000000000100000, 0x49800000)  /* 2^20 */
	TEST_FCVT_X_S(  7, fcvt.wu.s, rne, 0, 0xffffffffc0000000, 0x4f400000)  /* 3.2212255e+09 */
	/* rounding of halfway cases */
	TEST_FCVT_X_S(  8, fcvt.wu.s, rne, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S(  9, fcvt.wu.s, rtz, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 10, fcvt.wu.s, rdn, FF_NX, 0x0000000000000000, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 11, fcvt.wu.s, rup, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 12, fcvt.wu.s, rmm, FF_NX, 0x0000000000000001, 0x3f000000)  /* 0.5 */
	TEST_FCVT_X_S( 13, fcvt.wu.s, rne, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 14, fcvt.wu.s, rtz, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 15, fcvt.wu.s, rdn, FF_NX, 0x0000000000000001, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 16, fcvt.wu.s, rup, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 17, fcvt.wu.s, rmm, FF_NX, 0x0000000000000002, 0x3fc00000)  /* 1.5 */
	TEST_FCVT_X_S( 18, fcvt.wu.s, rne, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 19, fcvt.wu.s, rtz, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 20, fcvt.wu.s, rdn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 21, fcvt.wu.s, rup, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 22, fcvt.wu.s, rmm, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	TEST_FCVT_X_S( 23, fcvt.wu.s, rne, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 24, fcvt.wu.s, rtz, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 25, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 26, fcvt.wu.s, rup, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 27, fcvt.wu.s, rmm, FF_NV, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 28, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 29, fcvt.wu.s, rtz, FF_NV, 0x0000000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 30, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 31, fcvt.wu.s, rup, FF_NV, 0x0000000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 32, fcvt.wu.s, rmm, FF_NV, 0x0000000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_X_S( 33, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 34, fcvt.wu.s, rtz, FF_NV, 0x0000000000000000, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 35, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 36, fcvt.wu.s, rup, FF_NV, 0x0000000000000000, 0xc0200000)  /* -2.5 */
	TEST_FCVT_X_S( 37, fcvt.wu.s, rmm, FF_NV, 0x0000000000000000, 0xc0200000)  /* -2.5 */
	/* rounding of non-halfway cases */
	TEST_FCVT_X_S( 38, fcvt.wu.s, rne, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 39, fcvt.wu.s, rtz, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 40, fcvt.wu.s, rdn, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 41, fcvt.wu.s, rup, FF_NX, 0x0000000000000002, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 42, fcvt.wu.s, rmm, FF_NX, 0x0000000000000001, 0x3fa00000)  /* 1.25 */
	TEST_FCVT_X_S( 43, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 44, fcvt.wu.s, rtz, FF_NV, 0x0000000000000000, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 45, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 46, fcvt.wu.s, rup, FF_NV, 0x0000000000000000, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 47, fcvt.wu.s, rmm, FF_NV, 0x0000000000000000, 0xbfe00000)  /* -1.75 */
	TEST_FCVT_X_S( 48, fcvt.wu.s, rne, FF_NX, 0x0000000000000001, 0x3f400000)  /* 0.75 */
	TEST_FCVT_X_S( 49, fcvt.wu.s, rtz, FF_NX, 0x0000000000000000, 0x3f7fffff)  /* 1-2^-24 */
	TEST_FCVT_X_S( 50, fcvt.wu.s, rup, FF_NX, 0x0000000000000001, 0x00000001)  /* minsub */
	TEST_FCVT_X_S( 51, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0x80000001)  /* -minsub */
	TEST_FCVT_X_S( 52, fcvt.wu.s, rne, FF_NX, 0x0000000000000000, 0x80000001)  /* -minsub */
	/* range limits, infinities and NaNs */
	TEST_FCVT_X_S( 53, fcvt.wu.s, rne, 0, 0xffffffffffffff00, 0x4f7fffff)  /* 4.294967e+09 */
	TEST_FCVT_X_S( 54, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x4f800000)  /* 2^32 */
	TEST_FCVT_X_S( 55, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x50000000)  /* 2^33 */
	TEST_FCVT_X_S( 56, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xbf800000)  /* -1 */
	TEST_FCVT_X_S( 57, fcvt.wu.s, rtz, FF_NX, 0x0000000000000000, 0xbf400000)  /* -0.75: rounds to 0: only inexact */
	TEST_FCVT_X_S( 58, fcvt.wu.s, rdn, FF_NV, 0x0000000000000000, 0xbe800000)  /* -0.25: rounds to -1: invalid */
	TEST_FCVT_X_S( 59, fcvt.wu.s, rne, FF_NX, 0x0000000000000000, 0xbf000000)  /* -0.5: rounds to -0: only inexact */
	TEST_FCVT_X_S( 60, fcvt.wu.s, rmm, FF_NV, 0x0000000000000000, 0xbf000000)  /* -0.5 */
	TEST_FCVT_X_S( 61, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xff7fffff)  /* -max */
	TEST_FCVT_X_S( 62, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x7f7fffff)  /* max */
	TEST_FCVT_X_S( 63, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xff7fffff)  /* -max */
	TEST_FCVT_X_S( 64, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x7f800000)  /* inf */
	TEST_FCVT_X_S( 65, fcvt.wu.s, rne, FF_NV, 0x0000000000000000, 0xff800000)  /* -inf */
	TEST_FCVT_X_S( 66, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x7fc00000)  /* qNaN */
	TEST_FCVT_X_S( 67, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0xffc00000)  /* NaN(0xffc00000): NaN of either sign gives the maximum */
	TEST_FCVT_X_S( 68, fcvt.wu.s, rne, FF_NV, 0xffffffffffffffff, 0x7f800001)  /* sNaN */
	TEST_FCVT_X_S( 69, fcvt.wu.s, rtz, FF_NV, 0xffffffffffffffff, 0xffa12345)  /* sNaN(0xffa12345) */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_X_S( 70, fcvt.wu.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_X_S( 71, fcvt.wu.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_X_S( 72, fcvt.wu.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_X_S( 73, fcvt.wu.s, dyn, FF_NX, 0x0000000000000003, 0x40200000)  /* 2.5 */
	fsrmi 0
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_X_S( 74, fcvt.wu.s, dyn, FF_NX, 0x0000000000000002, 0x40200000)  /* 2.5 */
	fsrmi 0
	/* rd = x0 still sets the flags */
	li gp, 75; LOAD_S(f1, 0x3fc00000); csrwi fflags, 0; fcvt.wu.s x0, f1, rtz; CHECK_FLAGS(FF_NX)
TEST_END
