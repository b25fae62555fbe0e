/* andi: AND with sign-extended immediate. */
#include "test_macros.h"

TEST_START
	/*  */
	TEST_IMM(  2, andi, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, -241)
	TEST_IMM(  3, andi, 0x00000000000000f0, 0x0ff00ff00ff00ff0, 240)
	TEST_IMM(  4, andi, 0x000000000000000f, 0x00ff00ff00ff00ff, 1807)
	TEST_IMM(  5, andi, 0x0000000000000000, 0xf00ff00ff00ff00f, 240)
	TEST_IMM(  6, andi, 0x0000000000000000, 0xffffffffffffffff, 0)
	TEST_IMM(  7, andi, 0xfffffffffffff800, 0xffffffffffffffff, -2048)
	TEST_IMM(  8, andi, 0x00000000000007ff, 0xffffffffffffffff, 2047)
	TEST_IMM(  9, andi, 0x0123456789abcdef, 0x0123456789abcdef, -1)
	TEST_IMM( 10, andi, 0x8000000000000000, 0x8000000000000000, -2048)
	TEST_IMM( 11, andi, 0xffffffffffffffff, 0xffffffffffffffff, -1)
	/* register aliasing and x0 operands */
	TEST_IMM_SRC1_EQ_DEST( 12, andi, 0x0000000000000700, 0xff00ff00ff00ff00, 1807)
	TEST_IMM_ZERO1( 13, andi, 0x0000000000000000, 1807)
	TEST_IMM_ZERODEST( 14, andi, 0xff00ff00ff00ff00, 1807)
TEST_END
