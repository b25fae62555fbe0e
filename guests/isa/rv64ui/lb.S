/* lb: load 1 byte, sign-extended to 64 bits. */
#include "test_macros.h"

TEST_START
	/* every element, positive offsets */
	TEST_LD(2, lb, 0xffffffffffffffff, 0, tdat)
	TEST_LD(3, lb, 0x0000000000000000, 1, tdat)
	TEST_LD(4, lb, 0xfffffffffffffff0, 2, tdat)
	TEST_LD(5, lb, 0x000000000000000f, 3, tdat)
	TEST_LD(6, lb, 0x000000000000007f, 4, tdat)
	TEST_LD(7, lb, 0xffffffffffffff80, 5, tdat)
	TEST_LD(8, lb, 0x0000000000000001, 6, tdat)
	TEST_LD(9, lb, 0xfffffffffffffffe, 7, tdat)
	/* negative offsets from the end of the table */
	TEST_LD(10, lb, 0xffffffffffffffff, -8, tdat_end)
	TEST_LD(11, lb, 0x0000000000000000, -7, tdat_end)
	TEST_LD(12, lb, 0xfffffffffffffff0, -6, tdat_end)
	TEST_LD(13, lb, 0x000000000000000f, -5, tdat_end)
	TEST_LD(14, lb, 0x000000000000007f, -4, tdat_end)
	TEST_LD(15, lb, 0xffffffffffffff80, -3, tdat_end)
	TEST_LD(16, lb, 0x0000000000000001, -2, tdat_end)
	TEST_LD(17, lb, 0xfffffffffffffffe, -1, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_LD(18, lb, 0xffffffffffffff80, 2047, tdat + 5 - 2047)
	TEST_LD(19, lb, 0x000000000000007f, -2048, tdat + 4 + 2048)
	/* rd == rs1 */
	TEST_CASE(20, a1, 0xffffffffffffff80, la a1, tdat; lb a1, 5(a1))
	/* rd == x0: the loaded value is discarded */
	TEST_CASE(21, x0, 0, la a1, tdat; lb x0, 5(a1))
	/* the base register is not modified */
	li gp, 22; la a1, tdat_end; lb a0, -1(a1); la t0, tdat_end; bne a1, t0, fail
TEST_END

	.data
	.align 3
tdat:
	.byte 0xff, 0x00, 0xf0, 0x0f, 0x7f, 0x80, 0x01, 0xfe
tdat_end:
