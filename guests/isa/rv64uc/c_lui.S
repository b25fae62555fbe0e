/* c.lui: rd = sign-extended (nzimm[17:12] << 12), rd != x0, x2; negative
 * immediates written as 0xfffe0..0xfffff. */
#include "test_macros.h"
.option rvc

TEST_START
	/* positive and negative immediates (sign-extended, so bit 31 set) */
	TEST_CASE(  2, s1, 0x0000000000001000, li s1, -1; c.lui s1, 0x1)
	TEST_CASE(  3, ra, 0x000000000001f000, li ra, -1; c.lui ra, 0x1f)
	TEST_CASE(  4, s11, 0xfffffffffffff000, li s11, -1; c.lui s11, 0xfffff)
	TEST_CASE(  5, a5, 0xfffffffffffe0000, li a5, -1; c.lui a5, 0xfffe0)
	TEST_CASE(  6, a0, 0xffffffffffff0000, li a0, -1; c.lui a0, 0xffff0)
	TEST_CASE(  7, t0, 0x0000000000007000, li t0, -1; c.lui t0, 0x7)
	/* c.lui then c.addi builds a 64-bit sign-extended constant */
	TEST_CASE(  8, a0, 0xffffffffffffefff, c.lui a0, 0xfffff; c.addi a0, -1)
TEST_END
