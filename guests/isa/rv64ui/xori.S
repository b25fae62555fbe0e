/* xori: XOR with sign-extended immediate (xori rd, rs, -1 = not). */
#include "test_macros.h"

TEST_START
	/*  */
	TEST_IMM(  2, xori, 0x00ff00ff00ff000f, 0x00ff00ff00ff00ff, 240)
	TEST_IMM(  3, xori, 0xff00ff00ff00ff0f, 0x00ff00ff00ff00ff, -16)
	TEST_IMM(  4, xori, 0x0ff00ff00ff008ff, 0x0ff00ff00ff00ff0, 1807)
	TEST_IMM(  5, xori, 0xf00ff00ff00ff0ff, 0xf00ff00ff00ff00f, 240)
	TEST_IMM(  6, xori, 0x0000000000000000, 0x0000000000000000, 0)
	TEST_IMM(  7, xori, 0xfffffffffffff800, 0x0000000000000000, -2048)
	TEST_IMM(  8, xori, 0x00000000000007ff, 0x0000000000000000, 2047)
	/* not */
	TEST_IMM(  9, xori, 0xffffffffffffffff, 0x0000000000000000, -1)
	TEST_IMM( 10, xori, 0x0000000000000000, 0xffffffffffffffff, -1)
	TEST_IMM( 11, xori, 0xfedcba9876543210, 0x0123456789abcdef, -1)
	/* register aliasing and x0 operands */
	TEST_IMM_SRC1_EQ_DEST( 12, xori, 0xff00ff00ff00f80f, 0xff00ff00ff00ff00, 1807)
	TEST_IMM_ZERO1( 13, xori, 0x000000000000070f, 1807)
	TEST_IMM_ZERODEST( 14, xori, 0xff00ff00ff00ff00, 1807)
TEST_END
