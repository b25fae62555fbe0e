/* lui: rd = imm20 << 12, sign-extended from bit 31 to 64 bits. */
#include "test_macros.h"

TEST_START
	TEST_CASE( 2, a0, 0x0000000000000000, lui a0, 0x00000)
	TEST_CASE( 3, a0, 0x0000000000001000, lui a0, 0x00001)
	TEST_CASE( 4, a0, 0x000000007ffff000, lui a0, 0x7ffff)
	/* bit 31 set: the result is sign-extended */
	TEST_CASE( 5, a0, 0xffffffff80000000, lui a0, 0x80000)
	TEST_CASE( 6, a0, 0xfffffffffffff000, lui a0, 0xfffff)
	TEST_CASE( 7, a0, 0xffffffffa5a5a000, lui a0, 0xa5a5a)
	TEST_CASE( 8, a0, 0x0000000012345000, lui a0, 0x12345)
	/* the low 12 bits are cleared, whatever rd held before */
	TEST_CASE( 9, a0, 0x0000000000002000, li a0, -1; lui a0, 0x00002)
	/* arithmetic shift exposes the sign extension */
	TEST_CASE(10, a0, 0xfffffffffff80000, lui a0, 0x80000; srai a0, a0, 12)
	TEST_CASE(11, a0, 0x0000000000080000, lui a0, 0x80000; slli a0, a0, 32; srli a0, a0, 44)
	/* lui into x0 is discarded */
	TEST_CASE(12, x0, 0, lui x0, 0x80000)
	/* rd other than a0 */
	TEST_CASE(13, t2, 0xffffffff87654000, lui t2, 0x87654)
TEST_END
