/* sb: store the low 1 byte of rs2 (little-endian), leaving neighbours
 * intact. */
#include "test_macros.h"

TEST_START
	/* each slot, read back sign- and zero-extended; upper rs2 bits are ignored */
	TEST_ST(2, lb, sb, 0xffffffffffffffaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(3, lbu, sb, 0x00000000000000aa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(4, lb, sb, 0x0000000000000000, 0x0000000000000000, 1, tdat)
	TEST_ST(5, lbu, sb, 0x0000000000000000, 0x0000000000000000, 1, tdat)
	TEST_ST(6, lb, sb, 0x000000000000000a, 0xa00aa00aa00aa00a, 2, tdat)
	TEST_ST(7, lbu, sb, 0x000000000000000a, 0xa00aa00aa00aa00a, 2, tdat)
	TEST_ST(8, lb, sb, 0xffffffffffffffa0, 0x0aa00aa00aa00aa0, 3, tdat)
	TEST_ST(9, lbu, sb, 0x00000000000000a0, 0x0aa00aa00aa00aa0, 3, tdat)
	TEST_ST(10, lb, sb, 0xffffffffffffffef, 0x1234567890abcdef, 4, tdat)
	TEST_ST(11, lbu, sb, 0x00000000000000ef, 0x1234567890abcdef, 4, tdat)
	TEST_ST(12, lb, sb, 0x0000000000000021, 0xfedcba0987654321, 5, tdat)
	TEST_ST(13, lbu, sb, 0x0000000000000021, 0xfedcba0987654321, 5, tdat)
	TEST_ST(14, lb, sb, 0x000000000000007f, 0x7f7f7f7f7f7f7f7f, 6, tdat)
	TEST_ST(15, lbu, sb, 0x000000000000007f, 0x7f7f7f7f7f7f7f7f, 6, tdat)
	TEST_ST(16, lb, sb, 0xffffffffffffff80, 0x8080808080808080, 7, tdat)
	TEST_ST(17, lbu, sb, 0x0000000000000080, 0x8080808080808080, 7, tdat)
	/* negative offsets */
	TEST_ST(18, lb, sb, 0xffffffffffffffff, 0xffffffffffffffff, -1, tdat_end)
	TEST_ST(19, lb, sb, 0x0000000000000055, 0x5555555555555555, -2, tdat_end)
	TEST_ST(20, lb, sb, 0x000000000000005f, 0xf55ff55ff55ff55f, -3, tdat_end)
	TEST_ST(21, lb, sb, 0xfffffffffffffff5, 0x5ff55ff55ff55ff5, -4, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_ST(22, lb, sb, 0x000000000000003c, 0x3c3c3c3c3c3c3c3c, 2047, tdat + 2 - 2047)
	TEST_ST(23, lb, sb, 0xffffffffffffffc3, 0xc3c3c3c3c3c3c3c3, -2048, tdat + 3 + 2048)
	/* only the addressed bytes change */
	li gp, 24; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5e5e5e5e5e5e5e5e; sb a2, 4(a1)
	ld a0, 0(a1); li t6, 0x0123455e89abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 25; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5f5f5f5f5f5f5f5f; sb a2, 5(a1)
	ld a0, 0(a1); li t6, 0x01235f6789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 26; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5c5c5c5c5c5c5c5c; sb a2, 6(a1)
	ld a0, 0(a1); li t6, 0x015c456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 27; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5d5d5d5d5d5d5d5d; sb a2, 7(a1)
	ld a0, 0(a1); li t6, 0x5d23456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 28; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5252525252525252; sb a2, 8(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543252; bne a0, t6, fail
	li gp, 29; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5353535353535353; sb a2, 9(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876545310; bne a0, t6, fail
	li gp, 30; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5050505050505050; sb a2, 10(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876503210; bne a0, t6, fail
	li gp, 31; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5151515151515151; sb a2, 11(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9851543210; bne a0, t6, fail
	/* little-endian: build a doubleword from narrower stores */
	li gp, 32; la a1, tdat
	li a2, 0x1; sb a2, 0(a1)
	li a2, 0x2; sb a2, 1(a1)
	li a2, 0x3; sb a2, 2(a1)
	li a2, 0x4; sb a2, 3(a1)
	li a2, 0x5; sb a2, 4(a1)
	li a2, 0x6; sb a2, 5(a1)
	li a2, 0x7; sb a2, 6(a1)
	li a2, 0x8; sb a2, 7(a1)
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
	li gp, 33; la a1, tdat; sb a1, 0(a1); lbu a0, 0(a1); slli t0, a1, 56; srli t0, t0, 56; bne a0, t0, fail
	/* rs2 == x0 stores zero */
	li gp, 34; la a1, tdat; li t0, -1; sd t0, 0(a1); sb x0, 0(a1); ld a0, 0(a1); li t6, 0xffffffffffffff00; bne a0, t6, fail
TEST_END

	.data
	.align 3
tdat:
	.fill 8, 8, 0xdeadbeefdeadbeef
tdat_end:
	.dword 0
