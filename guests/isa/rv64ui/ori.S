/* ori: OR with sign-extended immediate. */
#include "test_macros.h"

TEST_START
	/*  */
	TEST_IMM(  2, ori, 0xffffffffffffff0f, 0xffffffffff00ff00, -241)
	TEST_IMM(  3, ori, 0x000000000ff00ff0, 0x000000000ff00ff0, 240)
	TEST_IMM(  4, ori, 0x0000000000ff07ff, 0x0000000000ff00ff, 1807)
	TEST_IMM(  5, ori, 0xfffffffff00ff0ff, 0xfffffffff00ff00f, 240)
	TEST_IMM(  6, ori, 0x0000000000000000, 0x0000000000000000, 0)
	TEST_IMM(  7, ori, 0xfffffffffffff800, 0x0000000000000000, -2048)
	TEST_IMM(  8, ori, 0x00000000000007ff, 0x0000000000000000, 2047)
	TEST_IMM(  9, ori, 0xffffffffffffffff, 0x0123456789abcdef, -1)
	TEST_IMM( 10, ori, 0x8000000000000001, 0x8000000000000000, 1)
	TEST_IMM( 11, ori, 0xffffffffffffffff, 0x0000000000000000, -1)
	/* register aliasing and x0 operands */
	TEST_IMM_SRC1_EQ_DEST( 12, ori, 0xff00ff00ff00fff0, 0xff00ff00ff00ff00, 240)
	TEST_IMM_ZERO1( 13, ori, 0x00000000000000f0, 240)
	TEST_IMM_ZERODEST( 14, ori, 0xff00ff00ff00ff00, 240)
TEST_END
