/* c.mv: rd = rs2 (any registers, rs2 != x0). */
#include "test_macros.h"
.option rvc

TEST_START
	TEST_CASE(  2, a0, 0x0000000000000000, li a0, 0x0000000000000000; li a1, 0x0000000000000000; c.mv a0, a1)
	TEST_CASE(  3, t0, 0x0000000000000001, li t0, 0x0000000000000001; li s11, 0x0000000000000001; c.mv t0, s11)
	TEST_CASE(  4, ra, 0x0000000000000007, li ra, 0x0000000000000003; li t6, 0x0000000000000007; c.mv ra, t6)
	TEST_CASE(  5, s9, 0x0000000000000001, li s9, 0xffffffffffffffff; li a2, 0x0000000000000001; c.mv s9, a2)
	TEST_CASE(  6, a0, 0x0000000000000001, li a0, 0x7fffffffffffffff; li a1, 0x0000000000000001; c.mv a0, a1)
	TEST_CASE(  7, t0, 0xffffffffffffffff, li t0, 0x8000000000000000; li s11, 0xffffffffffffffff; c.mv t0, s11)
	TEST_CASE(  8, ra, 0x0ff00ff00ff00ff0, li ra, 0x00ff00ff00ff00ff; li t6, 0x0ff00ff00ff00ff0; c.mv ra, t6)
	TEST_CASE(  9, s9, 0xff00ff00ff00ff00, li s9, 0xf00ff00ff00ff00f; li a2, 0xff00ff00ff00ff00; c.mv s9, a2)
	TEST_CASE( 10, a0, 0x0000000000000001, li a0, 0x000000007fffffff; li a1, 0x0000000000000001; c.mv a0, a1)
	TEST_CASE( 11, t0, 0x00000000ffffffff, li t0, 0x0000000080000000; li s11, 0x00000000ffffffff; c.mv t0, s11)
	TEST_CASE( 12, ra, 0x8765432100000001, li ra, 0x123456780000000f; li t6, 0x8765432100000001; c.mv ra, t6)
	/* rd == rs2 */
	TEST_CASE( 13, a3, 0x0123456789abcdef, li a3, 0x0123456789abcdef; c.mv a3, a3)
	/* rs2 is not modified */
	TEST_CASE( 14, a2, 0x0000000000000055, li a1, 3; li a2, 0x55; c.mv a1, a2)
TEST_END
