/* c.addiw: 32-bit add of a sign-extended 6-bit immediate, result sign-
 * extended; c.addiw rd, 0 is sext.w. */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, a0, 0x0000000000000001, li a0, 0x0000000000000000; c.addiw a0, 1)
	TEST_CASE(  3, t0, 0xffffffffffffffe5, li t0, 0x0000000000000005; c.addiw t0, -32)
	TEST_CASE(  4, s11, 0x0000000000000024, li s11, 0x0000000000000005; c.addiw s11, 31)
	/* 32-bit overflow, sign-extended */
	TEST_CASE(  5, ra, 0xffffffff80000000, li ra, 0x000000007fffffff; c.addiw ra, 1)
	TEST_CASE(  6, a0, 0x000000007fffffff, li a0, 0x0000000080000000; c.addiw a0, -1)
	/* upper half ignored */
	TEST_CASE(  7, t0, 0x0000000000000000, li t0, 0x12345678ffffffff; c.addiw t0, 1)
	/* sext.w */
	TEST_CASE(  8, s11, 0xffffffff80000000, li s11, 0x1234567880000000; c.addiw s11, 0)
	TEST_CASE(  9, ra, 0x000000007fffffff, li ra, 0xffffffff7fffffff; c.addiw ra, 0)
TEST_END
