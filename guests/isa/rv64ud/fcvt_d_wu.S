/* fcvt.d.wu: convert from an unsigned 32-bit integer (the upper 32 bits of
 * rs1 are ignored). */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* every 32-bit value is exact in double precision */
	TEST_FCVT_D_X(  2, fcvt.d.wu, 0, 0x0000000000000000, 0x0000000000000000)  /* 0 */
	TEST_FCVT_D_X(  3, fcvt.d.wu, 0, 0x3ff0000000000000, 0x0000000000000001)  /* 1 */
	TEST_FCVT_D_X(  4, fcvt.d.wu, 0, 0x41efffffffe00000, 0xffffffffffffffff)  /* 4294967295 */
	TEST_FCVT_D_X(  5, fcvt.d.wu, 0, 0x4000000000000000, 0x0000000000000002)  /* 2 */
	TEST_FCVT_D_X(  6, fcvt.d.wu, 0, 0x41efffffffc00000, 0xfffffffffffffffe)  /* 4294967294 */
	TEST_FCVT_D_X(  7, fcvt.d.wu, 0, 0x408f400000000000, 0x00000000000003e8)  /* 1000 */
	TEST_FCVT_D_X(  8, fcvt.d.wu, 0, 0x41dfffffffc00000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_D_X(  9, fcvt.d.wu, 0, 0x41e0000000000000, 0xffffffff80000000)  /* 2147483648 */
	TEST_FCVT_D_X( 10, fcvt.d.wu, 0, 0x41efffffffe00000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_D_X( 11, fcvt.d.wu, 0, 0x41e0000000000000, 0x0000000080000000)  /* 2147483648 */
	TEST_FCVT_D_X( 12, fcvt.d.wu, 0, 0x41dfffffffc00000, 0x000000007fffffff)  /* 2147483647 */
	TEST_FCVT_D_X( 13, fcvt.d.wu, 0, 0x4170000010000000, 0x0000000001000001)  /* 16777217 */
	TEST_FCVT_D_X( 14, fcvt.d.wu, 0, 0x41efdfffffe00000, 0xfffffffffeffffff)  /* 4278190079 */
	TEST_FCVT_D_X( 15, fcvt.d.wu, 0, 0x4170000030000000, 0x0000000001000003)  /* 16777219 */
	TEST_FCVT_D_X( 16, fcvt.d.wu, 0, 0x41e3579bde000000, 0x123456789abcdef0)  /* 2596069104 */
	/* upper 32 bits of rs1 are ignored */
	TEST_FCVT_D_X( 17, fcvt.d.wu, 0, 0x3ff0000000000000, 0xffffffff00000001)  /* 1 */
	TEST_FCVT_D_X( 18, fcvt.d.wu, 0, 0x41efffffffe00000, 0x00000000ffffffff)  /* 4294967295 */
	TEST_FCVT_D_X( 19, fcvt.d.wu, 0, 0x41e0000000000000, 0x1234567880000000)  /* 2147483648 */
	TEST_FCVT_D_X( 20, fcvt.d.wu, 0, 0x41dfffffffc00000, 0x800000007fffffff)  /* 2147483647 */
TEST_END
