/* fcvt.d.lu: convert from an unsigned 64-bit integer. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact and rounded values */
	TEST_FCVT_D_X_RM(  2, fcvt.d.lu, rne, 0, 0x0000000000000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_D_X_RM(  3, fcvt.d.lu, rne, 0, 0x3ff0000000000000, 0x0000000000000001)  /* 1 */
	TEST_FCVT_D_X_RM(  4, fcvt.d.lu, rne, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM(  5, fcvt.d.lu, rtz, FF_NX, 0x43efffffffffffff, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM(  6, fcvt.d.lu, rdn, FF_NX, 0x43efffffffffffff, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM(  7, fcvt.d.lu, rup, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM(  8, fcvt.d.lu, rmm, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM(  9, fcvt.d.lu, rne, 0, 0x4000000000000000, 0x0000000000000002)  /* 2 */
	TEST_FCVT_D_X_RM( 10, fcvt.d.lu, rne, FF_NX, 0x43f0000000000000, 0xfffffffffffffffe)  /* 18446744073709551614 */
	TEST_FCVT_D_X_RM( 11, fcvt.d.lu, rtz, FF_NX, 0x43efffffffffffff, 0xfffffffffffffffe)  /* 18446744073709551614 */
	TEST_FCVT_D_X_RM( 12, fcvt.d.lu, rdn, FF_NX, 0x43efffffffffffff, 0xfffffffffffffffe)  /* 18446744073709551614 */
	TEST_FCVT_D_X_RM( 13, fcvt.d.lu, rup, FF_NX, 0x43f0000000000000, 0xfffffffffffffffe)  /* 18446744073709551614 */
	TEST_FCVT_D_X_RM( 14, fcvt.d.lu, rmm, FF_NX, 0x43f0000000000000, 0xfffffffffffffffe)  /* 18446744073709551614 */
	TEST_FCVT_D_X_RM( 15, fcvt.d.lu, rne, 0, 0x408f400000000000, 0x00000000000003e8)  /* 1000 */
	TEST_FCVT_D_X_RM( 16, fcvt.d.lu, rne, 0, 0x41dfffffffc00000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_D_X_RM( 17, fcvt.d.lu, rne, 0, 0x43effffffff00000, 0xffffffff80000000)  /* 18446744071562067968 */
	TEST_FCVT_D_X_RM( 18, fcvt.d.lu, rne, 0, 0x41efffffffe00000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_D_X_RM( 19, fcvt.d.lu, rne, 0, 0x41e0000000000000, 0x0000000080000000)  /* 2147483648 */
	TEST_FCVT_D_X_RM( 20, fcvt.d.lu, rne, 0, 0x41dfffffffc00000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_D_X_RM( 21, fcvt.d.lu, rne, FF_NX, 0x43e0000000000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_D_X_RM( 22, fcvt.d.lu, rtz, FF_NX, 0x43dfffffffffffff, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_D_X_RM( 23, fcvt.d.lu, rdn, FF_NX, 0x43dfffffffffffff, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_D_X_RM( 24, fcvt.d.lu, rup, FF_NX, 0x43e0000000000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_D_X_RM( 25, fcvt.d.lu, rmm, FF_NX, 0x43e0000000000000, 0x7fffffffffffffff)  /* 9223372036854775807 */
	TEST_FCVT_D_X_RM( 26, fcvt.d.lu, rne, 0, 0x43e0000000000000, 0x8000000000000000)  /* 9223372036854775808 */
	TEST_FCVT_D_X_RM( 27, fcvt.d.lu, rne, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM( 28, fcvt.d.lu, rtz, FF_NX, 0x43efffffffffffff, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM( 29, fcvt.d.lu, rdn, FF_NX, 0x43efffffffffffff, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM( 30, fcvt.d.lu, rup, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM( 31, fcvt.d.lu, rmm, FF_NX, 0x43f0000000000000, 0xffffffffffffffff)  /* 18446744073709551615 */
	TEST_FCVT_D_X_RM( 32, fcvt.d.lu, rne, 0, 0x43e0000000000000, 0x8000000000000000)  /* 9223372036854775808 */
	TEST_FCVT_D_X_RM( 33, fcvt.d.lu, rne, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_D_X_RM( 34, fcvt.d.lu, rtz, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_D_X_RM( 35, fcvt.d.lu, rdn, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_D_X_RM( 36, fcvt.d.lu, rup, FF_NX, 0x4340000000000001, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_D_X_RM( 37, fcvt.d.lu, rmm, FF_NX, 0x4340000000000001, 0x0020000000000001)  /* 9007199254740993 */
	TEST_FCVT_D_X_RM( 38, fcvt.d.lu, rne, 0, 0x4170000010000000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_D_X_RM( 39, fcvt.d.lu, rne, FF_NX, 0x43efffffffffe000, 0xfffffffffeffffff)  /* 18446744073692774399 */
	TEST_FCVT_D_X_RM( 40, fcvt.d.lu, rtz, FF_NX, 0x43efffffffffdfff, 0xfffffffffeffffff)  /* 18446744073692774399 */
	TEST_FCVT_D_X_RM( 41, fcvt.d.lu, rdn, FF_NX, 0x43efffffffffdfff, 0xfffffffffeffffff)  /* 18446744073692774399 */
	TEST_FCVT_D_X_RM( 42, fcvt.d.lu, rup, FF_NX, 0x43efffffffffe000, 0xfffffffffeffffff)  /* 18446744073692774399 */
	TEST_FCVT_D_X_RM( 43, fcvt.d.lu, rmm, FF_NX, 0x43efffffffffe000, 0xfffffffffeffffff)  /* 18446744073692774399 */
	TEST_FCVT_D_X_RM( 44, fcvt.d.lu, rne, FF_NX, 0x43d0000000000000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_D_X_RM( 45, fcvt.d.lu, rtz, FF_NX, 0x43d0000000000000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_D_X_RM( 46, fcvt.d.lu, rdn, FF_NX, 0x43d0000000000000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_D_X_RM( 47, fcvt.d.lu, rup, FF_NX, 0x43d0000000000001, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_D_X_RM( 48, fcvt.d.lu, rmm, FF_NX, 0x43d0000000000000, 0x4000000000000001)  /* 4611686018427387905 */
	TEST_FCVT_D_X_RM( 49, fcvt.d.lu, rne, FF_NX, 0x43b23456789abcdf, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_D_X_RM( 50, fcvt.d.lu, rtz, FF_NX, 0x43b23456789abcde, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_D_X_RM( 51, fcvt.d.lu, rdn, FF_NX, 0x43b23456789abcde, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_D_X_RM( 52, fcvt.d.lu, rup, FF_NX, 0x43b23456789abcdf, 0x123456789abcdef0)  /* 1311768467463790320 */
	TEST_FCVT_D_X_RM( 53, fcvt.d.lu, rmm, FF_NX, 0x43b23456789abcdf, 0x123456789abcdef0)  /* 1311768467463790320 */
	/* dynamic rounding mode */
	fsrmi 0                    /* frm = rne */
	TEST_FCVT_D_X_RM( 54, fcvt.d.lu, dyn, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	fsrmi 1                    /* frm = rtz */
	TEST_FCVT_D_X_RM( 55, fcvt.d.lu, dyn, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	fsrmi 2                    /* frm = rdn */
	TEST_FCVT_D_X_RM( 56, fcvt.d.lu, dyn, FF_NX, 0x4340000000000000, 0x0020000000000001)  /* 9007199254740993 */
	fsrmi 3                    /* frm = rup */
	TEST_FCVT_D_X_RM( 57, fcvt.d.lu, dyn, FF_NX, 0x4340000000000001, 0x0020000000000001)  /* 9007199254740993 */
	fsrmi 4                    /* frm = rmm */
	TEST_FCVT_D_X_RM( 58, fcvt.d.lu, dyn, FF_NX, 0x4340000000000001, 0x0020000000000001)  /* 9007199254740993 */
	fsrmi 0
TEST_END
