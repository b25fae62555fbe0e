/* ld: load 8 bytes, sign-extended to 64 bits. */
#include "test_macros.h"

TEST_START
	/* every element, positive offsets */
	TEST_LD(2, ld, 0x00ff00ff00ff00ff, 0, tdat)
	TEST_LD(3, ld, 0xff00ff00ff00ff00, 8, tdat)
	TEST_LD(4, ld, 0x0ff00ff00ff00ff0, 16, tdat)
	TEST_LD(5, ld, 0xf00ff00ff00ff00f, 24, tdat)
	TEST_LD(6, ld, 0x7fffffffffffffff, 32, tdat)
	TEST_LD(7, ld, 0x8000000000000000, 40, tdat)
	TEST_LD(8, ld, 0x0000000000000001, 48, tdat)
	TEST_LD(9, ld, 0xfffffffffffffffe, 56, tdat)
	/* negative offsets from the end of the table */
	TEST_LD(10, ld, 0x00ff00ff00ff00ff, -64, tdat_end)
	TEST_LD(11, ld, 0xff00ff00ff00ff00, -56, tdat_end)
	TEST_LD(12, ld, 0x0ff00ff00ff00ff0, -48, tdat_end)
	TEST_LD(13, ld, 0xf00ff00ff00ff00f, -40, tdat_end)
	TEST_LD(14, ld, 0x7fffffffffffffff, -32, tdat_end)
	TEST_LD(15, ld, 0x8000000000000000, -24, tdat_end)
	TEST_LD(16, ld, 0x0000000000000001, -16, tdat_end)
	TEST_LD(17, ld, 0xfffffffffffffffe, -8, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_LD(18, ld, 0x8000000000000000, 2047, tdat + 40 - 2047)
	TEST_LD(19, ld, 0x7fffffffffffffff, -2048, tdat + 32 + 2048)
	/* rd == rs1 */
	TEST_CASE(20, a1, 0x8000000000000000, la a1, tdat; ld a1, 40(a1))
	/* rd == x0: the loaded value is discarded */
	TEST_CASE(21, x0, 0, la a1, tdat; ld x0, 40(a1))
	/* the base register is not modified */
	li gp, 22; la a1, tdat_end; ld a0, -8(a1); la t0, tdat_end; bne a1, t0, fail
TEST_END

	.data
	.align 3
tdat:
	.dword 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf00ff00ff00ff00f, 0x7fffffffffffffff, 0x8000000000000000, 0x0000000000000001, 0xfffffffffffffffe
tdat_end:
