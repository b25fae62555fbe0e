/* c.ld / c.sd: 64-bit load and store, offset 0..248 in steps of 8. */
#include "test_macros.h"
.option rvc

TEST_START
	la a0, tdat
	TEST_CASE( 2, a1, 0x00ff00ff00ff00ff, c.ld a1, 0(a0))
	TEST_CASE( 3, a2, 0xff00ff00ff00ff00, c.ld a2, 8(a0))
	TEST_CASE( 4, s0, 0x8000000000000000, c.ld s0, 16(a0))
	TEST_CASE( 5, a5, 0x0123456789abcdef, c.ld a5, 248(a0))   /* largest offset */
	TEST_CASE( 6, a3, 0xff00ff00ff00ff00, mv a3, a0; c.ld a3, 8(a3))
	li gp, 7
	li a1, 0x1122334455667788
	c.sd a1, 24(a0)
	ld a2, 24(a0)
	CHECK_X(a2, 0x1122334455667788)
	lwu a2, 28(a0)
	CHECK_X(a2, 0x11223344)
	li gp, 8
	li s1, -2
	c.sd s1, 240(a0)
	c.ld a4, 240(a0)
	CHECK_X(a4, -2)
	c.ld a4, 248(a0)
	CHECK_X(a4, 0x0123456789abcdef)
	/* rs2' == rs1': the address itself is stored */
	li gp, 9
	c.sd a0, 32(a0)
	c.ld a1, 32(a0)
	bne a1, a0, fail
TEST_END

	.data
	.align 3
tdat:
	.dword 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, 0x8000000000000000
	.fill 28, 8, 0
	.dword 0x0123456789abcdef
