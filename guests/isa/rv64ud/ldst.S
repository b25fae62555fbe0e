/* fld / fsd: raw 64-bit transfers; NaNs unchanged, no flags. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	la s2, tdat
	la s3, sdat

	li gp, 2
	fld f1, 0(s2)
	CHECK_D(f1, 0xbff0000000000000)
	li gp, 3
	fld f1, 8(s2)
	CHECK_D(f1, 0x4000000000000000)
	li gp, 4
	fld f1, 16(s2)                  /* sNaN */
	CHECK_D(f1, 0x7ff0000000000001)
	CHECK_FLAGS(0)
	li gp, 5
	addi a1, s2, 32
	fld f1, -8(a1)
	CHECK_D(f1, 0xfff8000000012345)
	li gp, 6
	fld f1, 0(s2)
	fld f2, 8(s2)
	fadd.d f3, f1, f2
	CHECK_D(f3, D_ONE)

	/* fsd: all 8 bytes, neighbours untouched */
	li gp, 7
	li t0, -1
	sd t0, 0(s3)
	sd t0, 8(s3)
	sd t0, 16(s3)
	fld f1, 8(s2)
	fsd f1, 8(s3)
	ld a0, 0(s3)
	CHECK_X(a0, -1)
	ld a0, 8(s3)
	CHECK_X(a0, 0x4000000000000000)
	ld a0, 16(s3)
	CHECK_X(a0, -1)
	li gp, 8
	fld f2, 16(s2)
	addi a1, s3, 24
	fsd f2, -24(a1)
	ld a0, 0(s3)
	CHECK_X(a0, 0x7ff0000000000001)
	CHECK_FLAGS(0)
	/* a NaN-boxed single is stored as its 64-bit pattern */
	li gp, 9
	li t0, 0x3f800000
	fmv.w.x f3, t0
	fsd f3, 0(s3)
	ld a0, 0(s3)
	CHECK_X(a0, 0xffffffff3f800000)
	/* misaligned fld / fsd complete (handled in hardware) */
	li gp, 10
	fld f4, 1(s2)                   /* bytes 1..8 */
	CHECK_D(f4, 0x00bff00000000000)
	li gp, 11
	li t0, 0x1122334455667788
	fmv.d.x f5, t0
	sd x0, 0(s3)
	sd x0, 8(s3)
	fsd f5, 4(s3)
	ld a0, 0(s3)
	CHECK_X(a0, 0x5566778800000000)
	ld a0, 8(s3)
	CHECK_X(a0, 0x0000000011223344)
TEST_END

	.data
	.align 3
tdat:
	.dword 0xbff0000000000000, 0x4000000000000000
	.dword 0x7ff0000000000001, 0xfff8000000012345
sdat:
	.dword 0, 0, 0
