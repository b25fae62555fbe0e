/* c.xor: rd' ^= rs2'. */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, a0, 0x0000000000000000, li a0, 0x0000000000000000; li a1, 0x0000000000000000; c.xor a0, a1)
	TEST_CASE(  3, s0, 0x0000000000000000, li s0, 0x0000000000000001; li a5, 0x0000000000000001; c.xor s0, a5)
	TEST_CASE(  4, s1, 0x0000000000000004, li s1, 0x0000000000000003; li a2, 0x0000000000000007; c.xor s1, a2)
	TEST_CASE(  5, a4, 0xfffffffffffffffe, li a4, 0xffffffffffffffff; li s0, 0x0000000000000001; c.xor a4, s0)
	TEST_CASE(  6, a0, 0x7ffffffffffffffe, li a0, 0x7fffffffffffffff; li a1, 0x0000000000000001; c.xor a0, a1)
	TEST_CASE(  7, s0, 0x7fffffffffffffff, li s0, 0x8000000000000000; li a5, 0xffffffffffffffff; c.xor s0, a5)
	TEST_CASE(  8, s1, 0x0f0f0f0f0f0f0f0f, li s1, 0x00ff00ff00ff00ff; li a2, 0x0ff00ff00ff00ff0; c.xor s1, a2)
	TEST_CASE(  9, a4, 0x0f0f0f0f0f0f0f0f, li a4, 0xf00ff00ff00ff00f; li s0, 0xff00ff00ff00ff00; c.xor a4, s0)
	TEST_CASE( 10, a0, 0x000000007ffffffe, li a0, 0x000000007fffffff; li a1, 0x0000000000000001; c.xor a0, a1)
	TEST_CASE( 11, s0, 0x000000007fffffff, li s0, 0x0000000080000000; li a5, 0x00000000ffffffff; c.xor s0, a5)
	TEST_CASE( 12, s1, 0x955115590000000e, li s1, 0x123456780000000f; li a2, 0x8765432100000001; c.xor s1, a2)
	/* rd == rs2 */
	TEST_CASE( 13, a3, 0x0000000000000000, li a3, 0x0123456789abcdef; c.xor a3, a3)
	/* rs2 is not modified */
	TEST_CASE( 14, a2, 0x0000000000000055, li a1, 3; li a2, 0x55; c.xor a1, a2)
TEST_END
