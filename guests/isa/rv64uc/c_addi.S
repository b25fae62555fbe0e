/* c.addi: rd += sign-extended 6-bit immediate (-32..31); c.nop. */
#include "test_macros.h"
.option rvc

TEST_START
	/* positive and negative immediates */
	TEST_CASE(  2, a0, 0x0000000000000001, li a0, 0x0000000000000000; c.addi a0, 1)
	TEST_CASE(  3, t0, 0x0000000000000004, li t0, 0x0000000000000005; c.addi t0, -1)
	TEST_CASE(  4, s11, 0x0000000000000024, li s11, 0x0000000000000005; c.addi s11, 31)
	TEST_CASE(  5, ra, 0xffffffffffffffe5, li ra, 0x0000000000000005; c.addi ra, -32)
	/* wraps like addi */
	TEST_CASE(  6, a0, 0x0000000000000000, li a0, 0xffffffffffffffff; c.addi a0, 1)
	TEST_CASE(  7, t0, 0x8000000000000000, li t0, 0x7fffffffffffffff; c.addi t0, 1)
	/* no 32-bit truncation */
	TEST_CASE(  8, s11, 0x0000000100000000, li s11, 0x00000000ffffffff; c.addi s11, 1)
	TEST_CASE(  9, ra, 0x000000007fffffe0, li ra, 0x0000000080000000; c.addi ra, -32)
	/* c.nop changes nothing */
	li gp, 11; li a0, 7; c.nop; CHECK_X(a0, 7)
TEST_END
