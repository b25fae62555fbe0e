/* c.lwsp / c.swsp: 32-bit load (sign-extended) / store relative to sp,
 * offset 0..252 in steps of 4, any rd (not x0 for c.lwsp). */
#include "test_macros.h"
.option rvc

TEST_START
	la sp, tdat
	TEST_CASE(2, t0, 0xffffffff80000000, c.lwsp t0, 0(sp))
	TEST_CASE(3, s11, 0x000000007fffffff, c.lwsp s11, 4(sp))
	TEST_CASE(4, ra, 0xffffffffdeadbeef, c.lwsp ra, 252(sp))   /* largest offset */
	li gp, 5
	li t2, 0xaaaaaaaa55555555
	c.swsp t2, 8(sp)
	c.lwsp a0, 8(sp)
	CHECK_X(a0, 0x55555555)
	ld a0, 8(sp)
	CHECK_X(a0, 0x0000000055555555)
	li gp, 6
	li t3, 0xfedcba98
	c.swsp t3, 248(sp)
	c.lwsp a1, 248(sp)
	CHECK_X(a1, 0xfffffffffedcba98)
	c.lwsp a1, 252(sp)
	CHECK_X(a1, 0xffffffffdeadbeef)
	/* c.swsp of x0 stores zero */
	li gp, 7
	c.swsp x0, 4(sp)
	c.lwsp a2, 4(sp)
	CHECK_X(a2, 0)
	/* sp as the data register */
	li gp, 8
	c.swsp sp, 12(sp)
	lwu a3, 12(sp)
	slli t0, sp, 32
	srli t0, t0, 32
	bne a3, t0, fail
	la sp, _stack_top
TEST_END

	.data
	.align 3
tdat:
	.word 0x80000000, 0x7fffffff
	.fill 61, 4, 0
	.word 0xdeadbeef
