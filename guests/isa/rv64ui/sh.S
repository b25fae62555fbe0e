/* sh: store the low 2 bytes of rs2 (little-endian), leaving neighbours
 * intact. */
#include "test_macros.h"

TEST_START
	/* each slot, read back sign- and zero-extended; upper rs2 bits are ignored */
	TEST_ST(2, lh, sh, 0xffffffffffffaaaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(3, lhu, sh, 0x000000000000aaaa, 0xaaaaaaaaaaaaaaaa, 0, tdat)
	TEST_ST(4, lh, sh, 0x0000000000000000, 0x0000000000000000, 2, tdat)
	TEST_ST(5, lhu, sh, 0x0000000000000000, 0x0000000000000000, 2, tdat)
	TEST_ST(6, lh, sh, 0xffffffffffffa00a, 0xa00aa00aa00aa00a, 4, tdat)
	TEST_ST(7, lhu, sh, 0x000000000000a00a, 0xa00aa00aa00aa00a, 4, tdat)
	TEST_ST(8, lh, sh, 0x0000000000000aa0, 0x0aa00aa00aa00aa0, 6, tdat)
	TEST_ST(9, lhu, sh, 0x0000000000000aa0, 0x0aa00aa00aa00aa0, 6, tdat)
	TEST_ST(10, lh, sh, 0xffffffffffffcdef, 0x1234567890abcdef, 8, tdat)
	TEST_ST(11, lhu, sh, 0x000000000000cdef, 0x1234567890abcdef, 8, tdat)
	TEST_ST(12, lh, sh, 0x0000000000004321, 0xfedcba0987654321, 10, tdat)
	TEST_ST(13, lhu, sh, 0x0000000000004321, 0xfedcba0987654321, 10, tdat)
	TEST_ST(14, lh, sh, 0x0000000000007f7f, 0x7f7f7f7f7f7f7f7f, 12, tdat)
	TEST_ST(15, lhu, sh, 0x0000000000007f7f, 0x7f7f7f7f7f7f7f7f, 12, tdat)
	TEST_ST(16, lh, sh, 0xffffffffffff8080, 0x8080808080808080, 14, tdat)
	TEST_ST(17, lhu, sh, 0x0000000000008080, 0x8080808080808080, 14, tdat)
	/* negative offsets */
	TEST_ST(18, lh, sh, 0xffffffffffffffff, 0xffffffffffffffff, -2, tdat_end)
	TEST_ST(19, lh, sh, 0x0000000000005555, 0x5555555555555555, -4, tdat_end)
	TEST_ST(20, lh, sh, 0xfffffffffffff55f, 0xf55ff55ff55ff55f, -6, tdat_end)
	TEST_ST(21, lh, sh, 0x0000000000005ff5, 0x5ff55ff55ff55ff5, -8, tdat_end)
	/* immediate extremes: +2047 and -2048 */
	TEST_ST(22, lh, sh, 0x0000000000003c3c, 0x3c3c3c3c3c3c3c3c, 2047, tdat + 4 - 2047)
	TEST_ST(23, lh, sh, 0xffffffffffffc3c3, 0xc3c3c3c3c3c3c3c3, -2048, tdat + 6 + 2048)
	/* only the addressed bytes change */
	li gp, 24; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5e5e5e5e5e5e5e5e; sh a2, 4(a1)
	ld a0, 0(a1); li t6, 0x01235e5e89abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 25; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5c5c5c5c5c5c5c5c; sh a2, 6(a1)
	ld a0, 0(a1); li t6, 0x5c5c456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876543210; bne a0, t6, fail
	li gp, 26; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5252525252525252; sh a2, 8(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9876545252; bne a0, t6, fail
	li gp, 27; la a1, tdat; li t0, 0x0123456789abcdef; sd t0, 0(a1); li t0, 0xfedcba9876543210; sd t0, 8(a1)
	li a2, 0x5050505050505050; sh a2, 10(a1)
	ld a0, 0(a1); li t6, 0x0123456789abcdef; bne a0, t6, fail
	ld a0, 8(a1); li t6, 0xfedcba9850503210; bne a0, t6, fail
	/* little-endian: build a doubleword from narrower stores */
	li gp, 28; la a1, tdat
	li a2, 0x201; sh a2, 0(a1)
	li a2, 0x403; sh a2, 2(a1)
	li a2, 0x605; sh a2, 4(a1)
	li a2, 0x807; sh a2, 6(a1)
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
	li gp, 29; la a1, tdat; sh a1, 0(a1); lhu a0, 0(a1); slli t0, a1, 48; srli t0, t0, 48; bne a0, t0, fail
	/* rs2 == x0 stores zero */
	li gp, 30; la a1, tdat; li t0, -1; sd t0, 0(a1); sh x0, 0(a1); ld a0, 0(a1); li t6, 0xffffffffffff0000; bne a0, t6, fail
TEST_END

	.data
	.align 3
tdat:
	.fill 8, 8, 0xdeadbeefdeadbeef
tdat_end:
	.dword 0
