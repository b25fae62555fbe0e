# Misaligned loads and stores of every width and offset complete without a
# trap (handled by the hart), with the right value and sign extension,
# in M, S and U.
#include "test.h"
#include "priv_macros.h"

/* a0 = buf; load with `insn` at offset off and expect v */
#define LD(n, insn, off, v) CHECK_NOTRAP(n, insn a1, off(a0)) CHECK_REG(n, a1, v)

TEST_START
PRIV_INIT
	la a0, buf

	LD(1, lh, 1, 0xffffffffffff8281)
	LD(2, lh, 3, 0xffffffffffff8483)
	LD(3, lh, 5, 0xffffffffffff8685)
	LD(4, lh, 7, 0xffffffffffff8887)
	LD(5, lhu, 1, 0x8281)
	LD(6, lhu, 3, 0x8483)
	LD(7, lhu, 5, 0x8685)
	LD(8, lhu, 7, 0x8887)
	LD(9, lw, 1, 0xffffffff84838281)
	LD(10, lw, 2, 0xffffffff85848382)
	LD(11, lw, 3, 0xffffffff86858483)
	LD(12, lw, 5, 0xffffffff88878685)
	LD(13, lw, 6, 0xffffffff89888786)
	LD(14, lw, 7, 0xffffffff8a898887)
	LD(15, lwu, 1, 0x84838281)
	LD(16, lwu, 2, 0x85848382)
	LD(17, lwu, 3, 0x86858483)
	LD(18, lwu, 5, 0x88878685)
	LD(19, lwu, 6, 0x89888786)
	LD(20, lwu, 7, 0x8a898887)
	LD(21, ld, 1, 0x8887868584838281)
	LD(22, ld, 2, 0x8988878685848382)
	LD(23, ld, 3, 0x8a89888786858483)
	LD(24, ld, 4, 0x8b8a898887868584)
	LD(25, ld, 5, 0x8c8b8a8988878685)
	LD(26, ld, 6, 0x8d8c8b8a89888786)
	LD(27, ld, 7, 0x8e8d8c8b8a898887)
	LD(28, lh, 63, 0xffffffffffffc0bf)
	LD(29, lhu, 63, 0xc0bf)
	LD(30, lw, 63, 0xffffffffc2c1c0bf)
	LD(31, lwu, 63, 0xc2c1c0bf)
	LD(32, ld, 63, 0xc6c5c4c3c2c1c0bf)

	# stores: write a pattern at every misaligned offset, read the bytes back
	la a2, sbuf
	# sh at +1
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(33, sh t0, 1(a2))
	ld a1, 0(a2)
	CHECK_REG(33, a1, 0x70800)
	ld a1, 8(a2)
	CHECK_REG(33, a1, 0x0)
	# sh at +3
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(34, sh t0, 3(a2))
	ld a1, 0(a2)
	CHECK_REG(34, a1, 0x708000000)
	ld a1, 8(a2)
	CHECK_REG(34, a1, 0x0)
	# sh at +5
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(35, sh t0, 5(a2))
	ld a1, 0(a2)
	CHECK_REG(35, a1, 0x7080000000000)
	ld a1, 8(a2)
	CHECK_REG(35, a1, 0x0)
	# sh at +7
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(36, sh t0, 7(a2))
	ld a1, 0(a2)
	CHECK_REG(36, a1, 0x800000000000000)
	ld a1, 8(a2)
	CHECK_REG(36, a1, 0x7)
	# sw at +1
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(37, sw t0, 1(a2))
	ld a1, 0(a2)
	CHECK_REG(37, a1, 0x506070800)
	ld a1, 8(a2)
	CHECK_REG(37, a1, 0x0)
	# sw at +2
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(38, sw t0, 2(a2))
	ld a1, 0(a2)
	CHECK_REG(38, a1, 0x50607080000)
	ld a1, 8(a2)
	CHECK_REG(38, a1, 0x0)
	# sw at +3
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(39, sw t0, 3(a2))
	ld a1, 0(a2)
	CHECK_REG(39, a1, 0x5060708000000)
	ld a1, 8(a2)
	CHECK_REG(39, a1, 0x0)
	# sw at +5
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(40, sw t0, 5(a2))
	ld a1, 0(a2)
	CHECK_REG(40, a1, 0x607080000000000)
	ld a1, 8(a2)
	CHECK_REG(40, a1, 0x5)
	# sw at +6
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(41, sw t0, 6(a2))
	ld a1, 0(a2)
	CHECK_REG(41, a1, 0x708000000000000)
	ld a1, 8(a2)
	CHECK_REG(41, a1, 0x506)
	# sw at +7
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(42, sw t0, 7(a2))
	ld a1, 0(a2)
	CHECK_REG(42, a1, 0x800000000000000)
	ld a1, 8(a2)
	CHECK_REG(42, a1, 0x50607)
	# sd at +1
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(43, sd t0, 1(a2))
	ld a1, 0(a2)
	CHECK_REG(43, a1, 0x203040506070800)
	ld a1, 8(a2)
	CHECK_REG(43, a1, 0x1)
	# sd at +2
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(44, sd t0, 2(a2))
	ld a1, 0(a2)
	CHECK_REG(44, a1, 0x304050607080000)
	ld a1, 8(a2)
	CHECK_REG(44, a1, 0x102)
	# sd at +3
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(45, sd t0, 3(a2))
	ld a1, 0(a2)
	CHECK_REG(45, a1, 0x405060708000000)
	ld a1, 8(a2)
	CHECK_REG(45, a1, 0x10203)
	# sd at +4
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(46, sd t0, 4(a2))
	ld a1, 0(a2)
	CHECK_REG(46, a1, 0x506070800000000)
	ld a1, 8(a2)
	CHECK_REG(46, a1, 0x1020304)
	# sd at +5
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(47, sd t0, 5(a2))
	ld a1, 0(a2)
	CHECK_REG(47, a1, 0x607080000000000)
	ld a1, 8(a2)
	CHECK_REG(47, a1, 0x102030405)
	# sd at +6
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(48, sd t0, 6(a2))
	ld a1, 0(a2)
	CHECK_REG(48, a1, 0x708000000000000)
	ld a1, 8(a2)
	CHECK_REG(48, a1, 0x10203040506)
	# sd at +7
	sd zero, 0(a2)
	sd zero, 8(a2)
	li t0, 0x102030405060708
	CHECK_NOTRAP(49, sd t0, 7(a2))
	ld a1, 0(a2)
	CHECK_REG(49, a1, 0x800000000000000)
	ld a1, 8(a2)
	CHECK_REG(49, a1, 0x1020304050607)

	# compressed forms with a misaligned base register
	addi s0, a0, 3
	CHECK_NOTRAP(50, c.lw a1, 4(s0))
	CHECK_REG(50, a1, 0xffffffff8a898887)
	CHECK_NOTRAP(51, c.ld a1, 8(s0))
	CHECK_REG(51, a1, 0x9291908f8e8d8c8b)
	addi s0, a2, 5
	li a1, -1
	sd zero, 0(a2)
	sd zero, 8(a2)
	c.sw a1, 0(s0)
	ld a1, 0(a2)
	CHECK_REG(52, a1, 0xffffff0000000000)
	ld a1, 8(a2)
	CHECK_REG(52, a1, 0xff)

	# the same from S and U (no paging, PMP allows everything)
	ENTER_S(s1)
s1:	la a0, buf
	LD(53, ld, 5, 0x8c8b8a8988878685)
	LD(54, lw, 3, 0xffffffff86858483)
	la a2, sbuf
	li t0, 0x1122334455667788
	CHECK_NOTRAP(55, sd t0, 9(a2); ld a1, 9(a2))
	CHECK_REG(55, a1, 0x1122334455667788)
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	la a0, buf
	LD(56, lhu, 1, 0x8281)
	LD(57, ld, 7, 0x8e8d8c8b8a898887)
	la a2, sbuf
	li t0, 0x5566778899aabbcc
	CHECK_NOTRAP(58, sw t0, 6(a2); lwu a1, 6(a2))
	CHECK_REG(58, a1, 0x99aabbcc)
	GOTO_M(m2)
m2:

	.data
	.align 6
buf:
	.byte 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf
	.align 4
sbuf:	.space 32
	.text
TEST_END
