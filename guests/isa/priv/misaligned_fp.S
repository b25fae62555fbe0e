# Misaligned FP loads and stores (flw, fld, fsw, fsd and the compressed
# forms) complete without a trap and move the right bits.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	li t0, MSTATUS_FS_INITIAL
	csrs mstatus, t0
	la a0, buf			# bytes 0x80, 0x81, ...

	CHECK_NOTRAP(1, flw f1, 1(a0))
	fmv.x.w a1, f1
	CHECK_REG(2, a1, 0xffffffff84838281)
	CHECK_NOTRAP(3, flw f1, 6(a0))
	fmv.x.w a1, f1
	CHECK_REG(4, a1, 0xffffffff89888786)
	CHECK_NOTRAP(5, fld f2, 3(a0))
	fmv.x.d a1, f2
	CHECK_REG(6, a1, 0x8a89888786858483)
	CHECK_NOTRAP(7, fld f2, 4(a0))
	fmv.x.d a1, f2
	CHECK_REG(8, a1, 0x8b8a898887868584)
	CHECK_NOTRAP(9, fld f2, 7(a0))
	fmv.x.d a1, f2
	CHECK_REG(10, a1, 0x8e8d8c8b8a898887)

	la a2, sbuf
	li t0, 0x0102030405060708
	fmv.d.x f3, t0
	CHECK_NOTRAP(11, fsd f3, 5(a2))
	ld a1, 0(a2)
	CHECK_REG(12, a1, 0x0607080000000000)
	ld a1, 8(a2)
	CHECK_REG(13, a1, 0x0000000102030405)
	sd zero, 0(a2)
	sd zero, 8(a2)
	CHECK_NOTRAP(14, fsw f3, 2(a2))
	ld a1, 0(a2)
	CHECK_REG(15, a1, 0x0000050607080000)
	sd zero, 0(a2)
	CHECK_NOTRAP(16, fsw f3, 7(a2))
	ld a1, 0(a2)
	CHECK_REG(17, a1, 0x0800000000000000)
	ld a1, 8(a2)
	CHECK_REG(18, a1, 0x0000000000050607)

	# compressed: base register misaligned
	addi s0, a0, 1
	CHECK_NOTRAP(19, c.fld f8, 8(s0))
	fmv.x.d a1, f8
	CHECK_REG(20, a1, 0x908f8e8d8c8b8a89)
	addi s0, a2, 3
	sd zero, 0(a2)
	sd zero, 8(a2)
	fmv.d f9, f3
	CHECK_NOTRAP(21, c.fsd f9, 0(s0))
	ld a1, 0(a2)
	CHECK_REG(22, a1, 0x0405060708000000)
	ld a1, 8(a2)
	CHECK_REG(23, a1, 0x0000000000010203)

	.data
	.align 6
buf:	.byte 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87
	.byte 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f
	.byte 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97
	.align 4
sbuf:	.space 32
	.text
TEST_END
