/* addiw: 32-bit add of a sign-extended immediate, result sign-extended
 * (sext.w = addiw rd, rs, 0). */
#include "test_macros.h"

TEST_START
	/* small values */
	TEST_IMM(  2, addiw, 0x0000000000000000, 0x0000000000000000, 0)
	TEST_IMM(  3, addiw, 0x0000000000000002, 0x0000000000000001, 1)
	TEST_IMM(  4, addiw, 0x000000000000000a, 0x0000000000000003, 7)
	TEST_IMM(  5, addiw, 0xfffffffffffff800, 0x0000000000000000, -2048)
	TEST_IMM(  6, addiw, 0x00000000000007ff, 0x0000000000000000, 2047)
	TEST_IMM(  7, addiw, 0xffffffffffffffff, 0x0000000000000000, -1)
	/* 32-bit overflow wraps and is sign-extended */
	TEST_IMM(  8, addiw, 0xffffffff80000000, 0x000000007fffffff, 1)
	TEST_IMM(  9, addiw, 0x000000007fffffff, 0x0000000080000000, -1)
	TEST_IMM( 10, addiw, 0xffffffff800007fe, 0x000000007fffffff, 2047)
	TEST_IMM( 11, addiw, 0x000000007ffff800, 0x0000000080000000, -2048)
	TEST_IMM( 12, addiw, 0x0000000000000000, 0x00000000ffffffff, 1)
	/* sext.w ignores the upper half */
	TEST_IMM( 13, addiw, 0x000000007fffffff, 0x123456787fffffff, 0)
	TEST_IMM( 14, addiw, 0xffffffff80000000, 0x1234567880000000, 0)
	TEST_IMM( 15, addiw, 0x0000000000000000, 0xffffffff00000000, 0)
	TEST_IMM( 16, addiw, 0xffffffffffffffff, 0x00000000ffffffff, 0)
	TEST_IMM( 17, addiw, 0xffffffffffffffff, 0x8000000000000000, -1)
	/* register aliasing and x0 operands */
	TEST_IMM_SRC1_EQ_DEST( 18, addiw, 0x0000000000000018, 0x000000000000000d, 11)
	TEST_IMM_ZERO1( 19, addiw, 0x000000000000000b, 11)
	TEST_IMM_ZERODEST( 20, addiw, 0x000000000000000d, 11)
TEST_END
