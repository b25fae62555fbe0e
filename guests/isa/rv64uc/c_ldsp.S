/* c.ldsp / c.sdsp: 64-bit load/store relative to sp, offset 0..504 in
 * steps of 8, any rd (not x0 for c.ldsp). */
#include "test_macros.h"
.option rvc

TEST_START
	la sp, tdat
	TEST_CASE(2, t0, 0x8000000000000001, c.ldsp t0, 0(sp))
	TEST_CASE(3, s11, 0x7fffffffffffffff, c.ldsp s11, 8(sp))
	TEST_CASE(4, ra, 0x0123456789abcdef, c.ldsp ra, 504(sp))   /* largest offset */
	li gp, 5
	li t2, 0xaaaaaaaa55555555
	c.sdsp t2, 16(sp)
	c.ldsp a0, 16(sp)
	CHECK_X(a0, 0xaaaaaaaa55555555)
	li gp, 6
	li t3, -3
	c.sdsp t3, 496(sp)
	c.ldsp a1, 496(sp)
	CHECK_X(a1, -3)
	c.ldsp a1, 504(sp)
	CHECK_X(a1, 0x0123456789abcdef)
	li gp, 7
	c.sdsp x0, 8(sp)
	c.ldsp a2, 8(sp)
	CHECK_X(a2, 0)
	li gp, 8
	c.sdsp sp, 24(sp)
	ld a3, 24(sp)
	bne a3, sp, fail
	/* c.ldsp into sp itself */
	li gp, 9
	c.ldsp sp, 504(sp)
	CHECK_X(sp, 0x0123456789abcdef)
	la sp, _stack_top
TEST_END

	.data
	.align 3
tdat:
	.dword 0x8000000000000001, 0x7fffffffffffffff
	.fill 61, 8, 0
	.dword 0x0123456789abcdef
