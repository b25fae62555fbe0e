/* lhu: load 2 bytes, zero-extended to 64 bits. */
#include "test_macros.h"

TEST_START
	/* every element, positive offsets */
	TEST_LD(2, lhu, 0x00000000000000ff, 0, tdat)
	TEST_LD(3, lhu, 0x000000000000ff00, 2, tdat)
	TEST_LD(4, lhu, 0x0000000000000ff0, 4, tdat)
	TEST_LD(5, lhu, 0x000000000000f00f, 6, tdat)
	TEST_LD(6, lhu, 0x0000000000007fff, 8, tdat)
	TEST_LD(7, lhu, 0x0000000000008000, 10, tdat)
	TEST_LD(8, lhu, 0x0000000000000001, 12, tdat)
	TEST_LD(9, lhu, 0x000000000000fffe, 14, tdat)
	/* negative offsets from the end of the table */
	TEST_LD(10, lhu, 0x00000000000000ff, -16, tdat_end)
	TEST_LD(11, lhu, 0x000000000000ff00, -14, tdat_end)
	TEST_LD(12, lhu, 0x0000000000000ff0, -12, tdat_end)
	TEST_LD(13, lhu, 0x000000000000f00f, -10, tdat_end)
	TEST_LD(14, lhu, 0x0000000000007fff, -8, tdat_end)
	TEST_LD(15, lhu, 0x0000000000008000, -6, tdat_end)
	TEST_LD(16, lhu, 0x0000000000000001, -4, tdat_end)
	TEST_LD(17, lhu, 0x000000000000fffe, -2, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_LD(18, lhu, 0x0000000000008000, 2047, tdat + 10 - 2047)
	TEST_LD(19, lhu, 0x0000000000007fff, -2048, tdat + 8 + 2048)
	/* rd == rs1 */
	TEST_CASE(20, a1, 0x0000000000008000, la a1, tdat; lhu a1, 10(a1))
	/* rd == x0: the loaded value is discarded */
	TEST_CASE(21, x0, 0, la a1, tdat; lhu x0, 10(a1))
	/* the base register is not modified */
	li gp, 22; la a1, tdat_end; lhu a0, -2(a1); la t0, tdat_end; bne a1, t0, fail
TEST_END

	.data
	.align 3
tdat:
	.half 0x00ff, 0xff00, 0x0ff0, 0xf00f, 0x7fff, 0x8000, 0x0001, 0xfffe
tdat_end:
