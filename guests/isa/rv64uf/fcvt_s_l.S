/* fcvt.s.l: convert from a signed 64-bit integer. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact and rounded values */
	TEST_FCVT_S_X(  2, fcvt.s.l, rne, 0, 0x00000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_S_X(  3, fcvt.s.l, rne, 0, 0x3f800000, 0x0000000000000001)  /* 1 */
	TEST_FCVT_S_X(  4, fcvt.s.l, rne, 0, 0xbf800000, 0xffffffffffffffff)  /* -1 */
	TEST_FCVT_S_X(  5, fcvt.s.l, rne, 0, 0x40000000, 0x0000000000000002)  /* 2 */
	TEST_FCVT_S_X(  6, fcvt.s.l, rne, 0, 0xc0000000, 0xfffffffffffffffe)  /* -2 */
	TEST_FCVT_S_X(  7, fcvt.s.l, rne, 0, 0x447a0000, 0x00000000000003e8)  /* 1000 */
	TEST_FCVT_S_X(  8, fcvt.s.l, rne, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X(  9, fcvt.s.l, rtz, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 10, fcvt.s.l, rdn, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 11, fcvt.s.l, rup, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 12, fcvt.s.l, rmm, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 13, fcvt.s.l, rne, 0, 0xcf000000, 0xffffffff80000000)  /* -2147483648 */
	TEST_FCVT_S_X( 14, fcvt.s.l, rne, FF_NX, 0x4f800000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_S_X( 15, fcvt.s.l, rtz, FF_NX, 0x4f7fffff, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_S_X( 16, fcvt.s.l, rdn, FF_NX, 0x4f7fffff, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_S_X( 17, fcvt.s.l, rup, FF_NX, 0x4f800000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_S_X( 18, fcvt.s.l, rmm, FF_NX, 0x4f800000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_S_X( 19, fcvt.s.l, rne, 0, 0x4f000000, 0x0000000080000000)  /* 2147483648 */
	TEST_FCVT_S_X( 20, fcvt.s.l, rne, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 21, fcvt.s.l, rtz, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 22, fcvt.s.l, rdn, FF_NX, 0x4effffff, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 23, fcvt.s.l, rup, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 24, fcvt.s.l, rmm, FF_NX, 0x4f000000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_S_X( 25, fcvt.s.l, rne, FF_NX, 0x5f000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_S_X( 26, fcvt.s.l, rtz, FF_NX, 0x5effffff, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_S_X( 27, fcvt.s.l, rdn, FF_NX, 0x5effffff, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_S_X( 28, fcvt.s.l, rup, FF_NX, 0x5f000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_S_X( 29, fcvt.s.l, rmm, FF_NX, 0x5f000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_S_X( 30, fcvt.s.l, rne, 0, 0xdf000000, 0x8000000000000000)  /* -9223372036854775808 */
	TEST_FCVT_S_X( 31, fcvt.s.l, rne, 0, 0xbf800000, 0xffffffffffffffff)  /* -1 */
	TEST_FCVT_S_X( 32, fcvt.s.l, rne, 0, 0xdf000000, 0x8000000000000000)  /* -9223372036854775808 */
	TEST_FCVT_S_X( 33, fcvt.s.l, rne, FF_NX, 0x5a000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_S_X( 34, fcvt.s.l, rtz, FF_NX, 0x5a000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_S_X( 35, fcvt.s.l, rdn, FF_NX, 0x5a000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_S_X( 36, fcvt.s.l, rup, FF_NX, 0x5a000001, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_S_X( 37, fcvt.s.l, rmm, FF_NX, 0x5a000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_S_X( 38, fcvt.s.l, rne, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 39, fcvt.s.l, rtz, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 40, fcvt.s.l, rdn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 41, fcvt.s.l, rup, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 42, fcvt.s.l, rmm, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_S_X( 43, fcvt.s.l, rne, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 44, fcvt.s.l, rtz, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 45, fcvt.s.l, rdn, FF_NX, 0xcb800001, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 46, fcvt.s.l, rup, FF_NX, 0xcb800000, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 47, fcvt.s.l, rmm, FF_NX, 0xcb800001, 0xfffffffffeffffff)  /* -16777217 */
	TEST_FCVT_S_X( 48, fcvt.s.l, rne, FF_NX, 0x5e800000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_S_X( 49, fcvt.s.l, rtz, FF_NX, 0x5e800000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_S_X( 50, fcvt.s.l, rdn, FF_NX, 0x5e800000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_S_X( 51, fcvt.s.l, rup, FF_NX, 0x5e800001, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_S_X( 52, fcvt.s.l, rmm, FF_NX, 0x5e800000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_S_X( 53, fcvt.s.l, rne, FF_NX, 0x5d91a2b4, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_S_X( 54, fcvt.s.l, rtz, FF_NX, 0x5d91a2b3, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_S_X( 55, fcvt.s.l, rdn, FF_NX, 0x5d91a2b3, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_S_X( 56, fcvt.s.l, rup, FF_NX, 0x5d91a2b4, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_S_X( 57, fcvt.s.l, rmm, FF_NX, 0x5d91a2b4, 0x123456789abcdef0)  /* 1311768467463790320 */
	/* dynamic rounding mode */
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_S_X( 58, fcvt.s.l, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_S_X( 59, fcvt.s.l, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_S_X( 60, fcvt.s.l, dyn, FF_NX, 0x4b800000, 0x0000000001000001)  /* 16777217 */
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_S_X( 61, fcvt.s.l, dyn, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_S_X( 62, fcvt.s.l, dyn, FF_NX, 0x4b800001, 0x0000000001000001)  /* 16777217 */
	fsrmi 0
TEST_END
