/* sw: store the low 4 bytes of rs2 (little-endian), leaving neighbours
 * intact. */
#include "test_macros.h"

TEST_START
	/* each slot, read back sign- and zero-extended; upper rs2 bits are ignored */
	TEST_ST(2, lw, sw, 0xffffffffaaaaaaaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(3, lwu, sw, 0x00000000aaaaaaaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(4, lw, sw, 0x0000000000000000, 0x0000000000000000, 4, tdat)
	TEST_ST(5, lwu, sw, 0x0000000000000000, 0x0000000000000000, 4, tdat)
	TEST_ST(6, lw, sw, 0xffffffffa00aa00a, 0xa00aa00aa00aa00a, 8, tdat)
	TEST_ST(7, lwu, sw, 0x00000000a00aa00a, 0xa00aa00aa00aa00a, 8, tdat)
	TEST_ST(8, lw, sw, 0x000000000aa00aa0, 0x0aa00aa00aa00aa0, 12, tdat)
	TEST_ST(9, lwu, sw, 0x000000000aa00aa0, 0x0aa00aa00aa00aa0, 12, tdat)
	TEST_ST(10, lw, sw, 0xffffffff90abcdef, 0x1234567890abcdef, 16, tdat)
	TEST_ST(11, lwu, sw, 0x0000000090abcdef, 0x1234567890abcdef, 16, tdat)
	TEST_ST(12, lw, sw, 0xffffffff87654321, 0xfedcba0987654321, 20, tdat)
	TEST_ST(13, lwu, sw, 0x0000000087654321, 0xfedcba0987654321, 20, tdat)
	TEST_ST(14, lw, sw, 0x000000007f7f7f7f, 0x7f7f7f7f7f7f7f7f, 24, tdat)
	TEST_ST(15, lwu, sw, 0x000000007f7f7f7f, 0x7f7f7f7f7f7f7f7f, 24, tdat)
	TEST_ST(16, lw, sw, 0xffffffff80808080, 0x8080808080808080, 28, tdat)
	TEST_ST(17, lwu, sw, 0x0000000080808080, 0x8080808080808080, 28, tdat)
	/* negative offsets */
	TEST_ST(18, lw, sw, 0xffffffffffffffff, 0xffffffffffffffff, -4, tdat_end)
	TEST_ST(19, lw, sw, 0x0000000055555555, 0x5555555555555555, -8, tdat_end)
	TEST_ST(20, lw, sw, 0xfffffffff55ff55f, 0xf55ff55ff55ff55f, -12, tdat_end)
	TEST_ST(21, lw, sw, 0x000000005ff55ff5, 0x5ff55ff55ff55ff5, -16, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_ST(22, lw, sw, 0x000000003c3c3c3c, 0x3c3c3c3c3c3c3c3c, 2047, tdat + 8 - 2047)
	TEST_ST(23, lw, sw, 0xffffffffc3c3c3c3, 0xc3c3c3c3c3c3c3c3, -2048, tdat + 12 + 2048)
	/* only the addressed bytes change */
	li gp, 24; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5e5e5e5e5e5e5e5e; sw a2, 4(a1)
	ld a0, 0(a1); li t6, 0x5e5e5e5e89abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 25; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5252525252525252; sw a2, 8(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9852525252; bne a0, t6, fail
	/* little-endian: build a doubleword from narrower stores */
	li gp, 26; la a1, tdat
	li a2, 0x4030201; sw a2, 0(a1)
	li a2, 0x8070605; sw a2, 4(a1)
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
	li gp, 27; la a1, tdat; sw a1, 0(a1); lwu a0, 0(a1); slli t0, a1, 32; srli t0, t0, 32; bne a0, t0, fail
	/* rs2 == x0 stores zero */
	li gp, 28; la a1, tdat; li t0, -1; sd t0, 0(a1); sw x0, 0(a1); ld a0, 0(a1); li t6, 0xffffffff00000000; bne a0, t6, fail
TEST_END

	.data
	.align 3
tdat:
	.fill 8, 8, 0xdeadbeefdeadbeef
tdat_end:
	.dword 0
