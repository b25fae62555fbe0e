/* c.andi: rd' &= sign-extended 6-bit immediate. */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, a0, 0x000000000000001f, li a0, 0xffffffffffffffff; c.andi a0, 31)
	/* the immediate is sign-extended */
	TEST_CASE(  3, s0, 0xffffffffffffffe0, li s0, 0xffffffffffffffff; c.andi s0, -32)
	TEST_CASE(  4, a5, 0xffffffffffffffff, li a5, 0xffffffffffffffff; c.andi a5, -1)
	TEST_CASE(  5, s1, 0x0000000000000000, li s1, 0x0123456789abcdef; c.andi s1, 0)
	TEST_CASE(  6, a0, 0x0123456789abcde0, li a0, 0x0123456789abcdef; c.andi a0, -16)
	TEST_CASE(  7, s0, 0x000000000000000f, li s0, 0xff00ff00ff00ff0f; c.andi s0, 15)
	TEST_CASE(  8, a5, 0xff00ff00ff00ff0e, li a5, 0xff00ff00ff00ff0f; c.andi a5, -2)
TEST_END
