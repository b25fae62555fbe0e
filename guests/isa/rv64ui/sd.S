/* sd: store the low 8 bytes of rs2 (little-endian), leaving neighbours
 * intact. */
#include "test_macros.h"

TEST_START
	/* each slot, read back sign- and zero-extended; upper rs2 bits are ignored */
	TEST_ST(2, ld, sd, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(3, ld, sd, 0x0000000000000000, 0x0000000000000000, 8, tdat)
	TEST_ST(4, ld, sd, 0xa00aa00aa00aa00a, 0xa00aa00aa00aa00a, 16, tdat)
	TEST_ST(5, ld, sd, 0x0aa00aa00aa00aa0, 0x0aa00aa00aa00aa0, 24, tdat)
	TEST_ST(6, ld, sd, 0x1234567890abcdef, 0x1234567890abcdef, 32, tdat)
	TEST_ST(7, ld, sd, 0xfedcba0987654321, 0xfedcba0987654321, 40, tdat)
	TEST_ST(8, ld, sd, 0x7f7f7f7f7f7f7f7f, 0x7f7f7f7f7f7f7f7f, 48, tdat)
	TEST_ST(9, ld, sd, 0x8080808080808080, 0x8080808080808080, 56, tdat)
	/* negative offsets */
	TEST_ST(10, ld, sd, 0xffffffffffffffff, 0xffffffffffffffff, -8, tdat_end)
	TEST_ST(11, ld, sd, 0x5555555555555555, 0x5555555555555555, -16, tdat_end)
	TEST_ST(12, ld, sd, 0xf55ff55ff55ff55f, 0xf55ff55ff55ff55f, -24, tdat_end)
	TEST_ST(13, ld, sd, 0x5ff55ff55ff55ff5, 0x5ff55ff55ff55ff5, -32, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_ST(14, ld, sd, 0x3c3c3c3c3c3c3c3c, 0x3c3c3c3c3c3c3c3c, 2047, tdat + 16 - 2047)
	TEST_ST(15, ld, sd, 0xc3c3c3c3c3c3c3c3, 0xc3c3c3c3c3c3c3c3, -2048, tdat + 24 + 2048)
	/* only the addressed bytes change */
	li gp, 16; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5252525252525252; sd a2, 8(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0x5252525252525252; bne a0, t6, fail
	/* overlapping stores of every width */
	li gp, 17; la a1, tdat; li a2, -1; sd a2, 0(a1)
	li a2, 0x11223344; sw a2, 4(a1); li a2, 0x5566; sh a2, 2(a1); li a2, 0x77; sb a2, 1(a1)
	ld a0, 0(a1); li t6, 0x11223344556677ff; bne a0, t6, fail
	li a2, 0x0123456789abcdef; sd a2, 0(a1); sb x0, 7(a1)
	ld a0, 0(a1); li t6, 0x0023456789abcdef; bne a0, t6, fail
	/* little-endian: build a doubleword from narrower stores */
	li gp, 18; la a1, tdat
	li a2, 0x807060504030201; sd a2, 0(a1)
	ld a0, 0(a1); li t6, 0x0807060504030201; bne a0, t6, fail
	/* ...and the bytes appear in little-endian order */
	lbu a0, 0(a1); li t6, 1; bne a0, t6, fail
	lbu a0, 1(a1); li t6, 2; bne a0, t6, fail
	lbu a0, 2(a1); li t6, 3; bne a0, t6, fail
	lbu a0, 3(a1); li t6, 4; bne a0, t6, fail
	lbu a0, 4(a1); li t6, 5; bne a0, t6, fail
	lbu a0, 5(a1); li t6, 6; bne a0, t6, fail
	lbu a0, 6(a1); li t6, 7; bne a0, t6, fail
	lbu a0, 7(a1); li t6, 8; bne a0, t6, fail
	/* rs2 == rs1: the address itself is stored */
	li gp, 19; la a1, tdat; sd a1, 0(a1); ld a0, 0(a1); bne a0, a1, fail
	/* rs2 == x0 stores zero */
	li gp, 20; la a1, tdat; li t0, -1; sd t0, 0(a1); sd x0, 0(a1); ld a0, 0(a1); li t6, 0x0000000000000000; bne a0, t6, fail
TEST_END

	.data
	.align 3
tdat:
	.fill 8, 8, 0xdeadbeefdeadbeef
tdat_end:
	.dword 0
