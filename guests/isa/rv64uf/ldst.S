/* flw / fsw: raw 32-bit transfers. flw NaN-boxes the loaded value; fsw
 * stores the low 32 bits (even of a register that is not NaN-boxed). NaNs
 * pass unchanged and no flags are set. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	la s2, tdat

	/* flw: boxed result, every pattern kept */
	li gp, 2
	flw f1, 0(s2)
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffffbf800000)
	li gp, 3
	flw f1, 4(s2)
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffff40000000)
	li gp, 4
	flw f1, 8(s2)                   /* sNaN: no flag, not quietened */
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffff7f800001)
	CHECK_FLAGS(0)
	li gp, 5
	flw f1, 12(s2)
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffffffc12345)
	/* negative offset */
	li gp, 6
	addi a1, s2, 16
	flw f1, -12(a1)
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffff40000000)
	/* the loaded value computes as a single */
	li gp, 7
	flw f1, 0(s2)
	flw f2, 4(s2)
	fadd.s f3, f1, f2
	CHECK_S(f3, 0x3f800000)

	/* fsw: low 32 bits only; the neighbouring word is untouched */
	li gp, 8
	la s3, sdat
	li t0, -1
	sd t0, 0(s3)
	flw f1, 4(s2)
	fsw f1, 0(s3)
	ld a0, 0(s3)
	CHECK_X(a0, 0xffffffff40000000)
	li gp, 9
	sd x0, 0(s3)
	fsw f1, 4(s3)
	ld a0, 0(s3)
	CHECK_X(a0, 0x4000000000000000)
	/* negative offset, sNaN stored unchanged */
	li gp, 10
	flw f2, 8(s2)
	addi a1, s3, 16
	fsw f2, -8(a1)
	lwu a0, 8(s3)
	CHECK_X(a0, 0x7f800001)
	CHECK_FLAGS(0)
	/* fsw of a register that is not NaN-boxed stores its low 32 bits */
	li gp, 11
	li t0, 0x123456789abcdef0
	fmv.d.x f3, t0
	fsw f3, 0(s3)
	lwu a0, 0(s3)
	CHECK_X(a0, 0x9abcdef0)
	/* round trip through memory keeps the bits */
	li gp, 12
	li t0, 0x80000001
	sw t0, 12(s3)
	flw f4, 12(s3)
	fsw f4, 8(s3)
	lwu a0, 8(s3)
	CHECK_X(a0, 0x80000001)
	/* the base register is not an FP register: rs1 == fd number */
	li gp, 13
	mv x1, s2
	flw f1, 4(x1)
	fmv.x.w a0, f1
	CHECK_X(a0, 0x40000000)
	/* misaligned flw / fsw complete (handled in hardware) */
	li gp, 14
	li t0, 0x1122334455667788
	sd t0, 0(s3)
	flw f5, 1(s3)
	fmv.x.d a0, f5
	CHECK_X(a0, 0xffffffff44556677)
	li gp, 15
	fsw f5, 3(s3)
	ld a0, 0(s3)
	CHECK_X(a0, 0x1144556677667788)
TEST_END

	.data
	.align 3
tdat:
	.word 0xbf800000, 0x40000000, 0x7f800001, 0xffc12345
sdat:
	.dword 0, 0
