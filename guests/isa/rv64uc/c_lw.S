/* c.lw / c.sw: 32-bit load (sign-extended) and store, rs1'/rd' in x8..x15,
 * offset 0..124 in steps of 4. */
#include "test_macros.h"
.option rvc

TEST_START
	la a0, tdat
	TEST_CASE( 2, a1, 0x0000000000ff00ff, c.lw a1, 0(a0))
	TEST_CASE( 3, a2, 0xffffffffff00ff00, c.lw a2, 4(a0))
	TEST_CASE( 4, s0, 0x000000007fffffff, c.lw s0, 8(a0))
	TEST_CASE( 5, s1, 0xffffffff80000000, c.lw s1, 12(a0))
	TEST_CASE( 6, a5, 0xffffffffdeadbeef, c.lw a5, 124(a0))   /* largest offset */
	/* rd' == rs1' */
	TEST_CASE( 7, a3, 0xffffffffff00ff00, mv a3, a0; c.lw a3, 4(a3))
	/* c.sw stores the low word only */
	li gp, 8
	li a1, 0x123456789abcdef0
	c.sw a1, 16(a0)
	ld a2, 16(a0)
	CHECK_X(a2, 0x000000009abcdef0)
	li gp, 9
	li a1, 0x0000000011223344
	c.sw a1, 20(a0)
	c.lw a2, 20(a0)
	CHECK_X(a2, 0x11223344)
	ld a2, 16(a0)
	CHECK_X(a2, 0x112233449abcdef0)
	li gp, 10
	li s1, -1
	c.sw s1, 120(a0)
	c.lw a4, 120(a0)
	CHECK_X(a4, -1)
	c.lw a4, 124(a0)
	CHECK_X(a4, 0xffffffffdeadbeef)
TEST_END

	.data
	.align 3
tdat:
	.word 0x00ff00ff, 0xff00ff00, 0x7fffffff, 0x80000000
	.word 0, 0
	.fill 25, 4, 0
	.word 0xdeadbeef
