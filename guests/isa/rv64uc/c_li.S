/* c.li: rd = sign-extended 6-bit immediate. */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, s10, 0x0000000000000000, li s10, -77; c.li s10, 0)
	TEST_CASE(  3, ra, 0x0000000000000001, li ra, -77; c.li ra, 1)
	TEST_CASE(  4, a0, 0x000000000000001f, li a0, -77; c.li a0, 31)
	TEST_CASE(  5, t1, 0xffffffffffffffff, li t1, -77; c.li t1, -1)
	TEST_CASE(  6, s10, 0xffffffffffffffe0, li s10, -77; c.li s10, -32)
	TEST_CASE(  7, ra, 0xfffffffffffffff0, li ra, -77; c.li ra, -16)
TEST_END
