/* c.fld / c.fsd (rs1', frd' in f8..f15, offset 0..248) and c.fldsp /
 * c.fsdsp (sp-relative, offset 0..504, any f register). */
#include "test_macros.h"
.option rvc

TEST_START
	FP_ENABLE
	la a0, tdat
	li gp, 2
	c.fld fa0, 0(a0)
	CHECK_D(fa0, 0x3ff0000000000000)
	li gp, 3
	c.fld fs1, 8(a0)
	CHECK_D(fs1, 0x7ff0000000000001)      /* sNaN unchanged */
	CHECK_FLAGS(0)
	li gp, 4
	c.fld fa5, 248(a0)
	CHECK_D(fa5, 0xc000000000000000)
	li gp, 5
	c.fsd fa0, 16(a0)
	ld a1, 16(a0)
	CHECK_X(a1, 0x3ff0000000000000)
	li gp, 6
	c.fsd fs1, 240(a0)
	ld a1, 240(a0)
	CHECK_X(a1, 0x7ff0000000000001)
	/* a boxed single is stored as 64 bits */
	li gp, 7
	li t0, 0x40490fdb
	fmv.w.x fa2, t0
	c.fsd fa2, 24(a0)
	ld a1, 24(a0)
	CHECK_X(a1, 0xffffffff40490fdb)

	/* sp-relative forms */
	la sp, tdat
	li gp, 8
	c.fldsp ft0, 0(sp)
	CHECK_D(ft0, 0x3ff0000000000000)
	li gp, 9
	c.fldsp f31, 504(sp)
	CHECK_D(f31, 0x8000000000000000)
	li gp, 10
	c.fldsp f20, 248(sp)
	fadd.d f21, f20, ft0
	CHECK_D(f21, 0xbff0000000000000)      /* -2 + 1 */
	li gp, 11
	c.fsdsp f21, 32(sp)
	c.ldsp a3, 32(sp)
	CHECK_X(a3, 0xbff0000000000000)
	li gp, 12
	c.fsdsp ft0, 496(sp)
	ld a3, 496(sp)
	CHECK_X(a3, 0x3ff0000000000000)
	ld a3, 504(sp)
	CHECK_X(a3, 0x8000000000000000)
	la sp, _stack_top
TEST_END

	.data
	.align 3
tdat:
	.dword 0x3ff0000000000000, 0x7ff0000000000001
	.fill 29, 8, 0
	.dword 0xc000000000000000
	.fill 31, 8, 0
	.dword 0x8000000000000000
