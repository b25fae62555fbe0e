/* lbu: load 1 byte, zero-extended to 64 bits. */
#include "test_macros.h"

TEST_START
	/* every element, positive offsets */
	TEST_LD(2, lbu, 0x00000000000000ff, 0, tdat)
	TEST_LD(3, lbu, 0x0000000000000000, 1, tdat)
	TEST_LD(4, lbu, 0x00000000000000f0, 2, tdat)
	TEST_LD(5, lbu, 0x000000000000000f, 3, tdat)
	TEST_LD(6, lbu, 0x000000000000007f, 4, tdat)
	TEST_LD(7, lbu, 0x0000000000000080, 5, tdat)
	TEST_LD(8, lbu, 0x0000000000000001, 6, tdat)
	TEST_LD(9, lbu, 0x00000000000000fe, 7, tdat)
	/* negative offsets from the end of the table */
	TEST_LD(10, lbu, 0x00000000000000ff, -8, tdat_end)
	TEST_LD(11, lbu, 0x0000000000000000, -7, tdat_end)
	TEST_LD(12, lbu, 0x00000000000000f0, -6, tdat_end)
	TEST_LD(13, lbu, 0x000000000000000f, -5, tdat_end)
	TEST_LD(14, lbu, 0x000000000000007f, -4, tdat_end)
	TEST_LD(15, lbu, 0x0000000000000080, -3, tdat_end)
	TEST_LD(16, lbu, 0x0000000000000001, -2, tdat_end)
	TEST_LD(17, lbu, 0x00000000000000fe, -1, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_LD(18, lbu, 0x0000000000000080, 2047, tdat + 5 - 2047)
	TEST_LD(19, lbu, 0x000000000000007f, -2048, tdat + 4 + 2048)
	/* rd == rs1 */
	TEST_CASE(20, a1, 0x0000000000000080, la a1, tdat; lbu a1, 5(a1))
	/* rd == x0: the loaded value is discarded */
	TEST_CASE(21, x0, 0, la a1, tdat; lbu x0, 5(a1))
	/* the base register is not modified */
	li gp, 22; la a1, tdat_end; lbu a0, -1(a1); la t0, tdat_end; bne a1, t0, fail
TEST_END

	.data
	.align 3
tdat:
	.byte 0xff, 0x00, 0xf0, 0x0f, 0x7f, 0x80, 0x01, 0xfe
tdat_end:
