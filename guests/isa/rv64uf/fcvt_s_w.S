/* fcvt.s.w: convert from a signed 32-bit integer (the upper 32 bits of rs1
 * are ignored). */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact and rounded values */
	TEST_FCVT_S_X(  2, fcvt.s.w, rne, 0, 0x00000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_S_X(  3, fcvt.s.w, rne, 0, 0x3f800000, 0x0000000000000001)  /* 1 */
	TEST_FCVT_S_X(  4, fcvt.s.w, rne, 0, 0xbf800000, 0xffffffffffffffff)  /* -1 */
	TEST_FCVT_S_X(  5, fcvt.s.w, rne, 0, 0x40000000, 0x0000000000000002)  /* 2 */
	TEST_FCVT_S_X(  6, fcvt.s.w, rne, 0, 0xc0000000, 0xfffffffffffffffe)  /* -2 */
	TEST_FCVT_S_X(  7, fcvt.s.w, rne, 0, 0x447a0000, 0x00000000000003e8)  /* 1000 */
	TEST_FCVT_S_X(  8, fcvt.s.w, rne, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X(  9, fcvt.s.w, rtz, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 10, fcvt.s.w, rdn, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 11, fcvt.s.w, rup, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 12, fcvt.s.w, rmm, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 13, fcvt.s.w, rne, 0, 0xcf000000, 0xffffffff80000000)  /* -2147483648 */
	TEST_FCVT_S_X( 14, fcvt.s.w, rne, 0, 0xbf800000, 0x00000000ffffffff)  /* -1 */
	TEST_FCVT_S_X( 15, fcvt.s.w, rne, 0, 0xcf000000, 0x0000000080000000)  /* -2147483648 */
	TEST_FCVT_S_X( 16, fcvt.s.w, rne, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 17, fcvt.s.w, rtz, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 18, fcvt.s.w, rdn, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 19, fcvt.s.w, rup, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 20, fcvt.s.w, rmm, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 21, fcvt.s.w, rne, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 22, fcvt.s.w, rtz, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 23, fcvt.s.w, rdn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 24, fcvt.s.w, rup, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 25, fcvt.s.w, rmm, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 26, fcvt.s.w, rne, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 27, fcvt.s.w, rtz, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 28, fcvt.s.w, rdn, FF_NX, 0xcb800001, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 29, fcvt.s.w, rup, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 30, fcvt.s.w, rmm, FF_NX, 0xcb800001, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 31, fcvt.s.w, rne, FF_NX, 0x4b800002, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_S_X( 32, fcvt.s.w, rtz, FF_NX, 0x4b800001, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_S_X( 33, fcvt.s.w, rdn, FF_NX, 0x4b800001, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_S_X( 34, fcvt.s.w, rup, FF_NX, 0x4b800002, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_S_X( 35, fcvt.s.w, rmm, FF_NX, 0x4b800002, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_S_X( 36, fcvt.s.w, rne, FF_NX, 0xceca8642, 0x123456789abcdef0)  /* -1698898192 */
	TEST_FCVT_S_X( 37, fcvt.s.w, rtz, FF_NX, 0xceca8642, 0x123456789abcdef0)  /* -1698898192 */
	TEST_FCVT_S_X( 38, fcvt.s.w, rdn, FF_NX, 0xceca8643, 0x123456789abcdef0)  /* -1698898192 */
	TEST_FCVT_S_X( 39, fcvt.s.w, rup, FF_NX, 0xceca8642, 0x123456789abcdef0)  /* -1698898192 */
	TEST_FCVT_S_X( 40, fcvt.s.w, rmm, FF_NX, 0xceca8642, 0x123456789abcdef0)  /* -1698898192 */
	/* upper 32 bits of rs1 are ignored */
	TEST_FCVT_S_X( 41, fcvt.s.w, rne, 0, 0x3f800000, 0xffffffff00000001)  /* 1 */
	TEST_FCVT_S_X( 42, fcvt.s.w, rne, 0, 0xbf800000, 0x00000000ffffffff)  /* -1 */
	TEST_FCVT_S_X( 43, fcvt.s.w, rne, 0, 0xcf000000, 0x1234567880000000)  /* -2147483648 */
	TEST_FCVT_S_X( 44, fcvt.s.w, rne, FF_NX, 0x4f000000, 0x800000007fffffff)  /* 2147483647 */
	/* dynamic rounding mode */
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_S_X( 45, fcvt.s.w, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_S_X( 46, fcvt.s.w, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_S_X( 47, fcvt.s.w, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_S_X( 48, fcvt.s.w, dyn, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_S_X( 49, fcvt.s.w, dyn, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	fsrmi 0
TEST_END
