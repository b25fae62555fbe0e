/* lwu: load 4 bytes, zero-extended to 64 bits. */
#include "test_macros.h"

TEST_START
	/* every element, positive offsets */
	TEST_LD(2, lwu, 0x0000000000ff00ff, 0, tdat)
	TEST_LD(3, lwu, 0x00000000ff00ff00, 4, tdat)
	TEST_LD(4, lwu, 0x000000000ff00ff0, 8, tdat)
	TEST_LD(5, lwu, 0x00000000f00ff00f, 12, tdat)
	TEST_LD(6, lwu, 0x000000007fffffff, 16, tdat)
	TEST_LD(7, lwu, 0x0000000080000000, 20, tdat)
	TEST_LD(8, lwu, 0x0000000000000001, 24, tdat)
	TEST_LD(9, lwu, 0x00000000fffffffe, 28, tdat)
	/* negative offsets from the end of the table */
	TEST_LD(10, lwu, 0x0000000000ff00ff, -32, tdat_end)
	TEST_LD(11, lwu, 0x00000000ff00ff00, -28, tdat_end)
	TEST_LD(12, lwu, 0x000000000ff00ff0, -24, tdat_end)
	TEST_LD(13, lwu, 0x00000000f00ff00f, -20, tdat_end)
	TEST_LD(14, lwu, 0x000000007fffffff, -16, tdat_end)
	TEST_LD(15, lwu, 0x0000000080000000, -12, tdat_end)
	TEST_LD(16, lwu, 0x0000000000000001, -8, tdat_end)
	TEST_LD(17, lwu, 0x00000000fffffffe, -4, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_LD(18, lwu, 0x0000000080000000, 2047, tdat + 20 - 2047)
	TEST_LD(19, lwu, 0x000000007fffffff, -2048, tdat + 16 + 2048)
	/* rd == rs1 */
	TEST_CASE(20, a1, 0x0000000080000000, la a1, tdat; lwu a1, 20(a1))
	/* rd == x0: the loaded value is discarded */
	TEST_CASE(21, x0, 0, la a1, tdat; lwu x0, 20(a1))
	/* the base register is not modified */
	li gp, 22; la a1, tdat_end; lwu a0, -4(a1); la t0, tdat_end; bne a1, t0, fail
TEST_END

	.data
	.align 3
tdat:
	.word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f, 0x7fffffff, 0x80000000, 0x00000001, 0xfffffffe
tdat_end:
