# PMP NAPOT regions (8 bytes, 4 KiB, 64 KiB): S/U accesses inside succeed,
# accesses outside every region fault (load 5, store 7, mtval = address).
# M-mode is not restricted by unlocked entries.
#include "test.h"
#include "priv_macros.h"

#define P0 DATA_PAGE(0)		/* 4 KiB, RW */
#define P2 DATA_PAGE(2)		/* 8 bytes at +0x10, R */
#define BIG DATA_PAGE(16)	/* 64 KiB, RW (0x80910000) */

TEST_START
PRIV_INIT
	PMP_OFF_ALL
	PMP_IMAGE_RWX
	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT | PMP_R | PMP_W)
	PMP_ENTRY_0(1, NAPOT(P2 + 0x10, 8), PMP_NAPOT | PMP_R)
	PMP_ENTRY_0(2, NAPOT(BIG, 0x10000), PMP_NAPOT | PMP_R | PMP_W)
	STORE64(P2 + 0x10, 0x7788)

	ENTER_U(u1)
u1:	li a0, P0
	li a2, P0 + 0x1000
	CHECK_NOTRAP(1, sd a0, 0(a0); ld a1, 0(a0); sd a0, -8(a2); lbu a1, -1(a2))
	li a0, P0 + 0x1000
	CHECK_TRAP(2, CAUSE_LOAD_ACCESS, l1: ld a1, 0(a0))
	CHECK_REG(3, s11, P0 + 0x1000)
	CHECK_LABEL(4, s10, l1)
	CHECK_REG(5, s7, 0x03)
	CHECK_TRAP(6, CAUSE_STORE_ACCESS, sw a1, 4(a0))
	CHECK_REG(7, s11, P0 + 0x1004)
	li a0, P0 - 8
	CHECK_TRAP(8, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(9, s11, P0 - 8)

	# 8-byte region
	li a0, P2 + 0x10
	CHECK_NOTRAP(10, ld a1, 0(a0); lw t1, 4(a0); lb t1, 7(a0))
	CHECK_REG(11, a1, 0x7788)
	CHECK_TRAP(12, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	CHECK_TRAP(13, CAUSE_LOAD_ACCESS, ld a1, 8(a0))
	CHECK_REG(14, s11, P2 + 0x18)
	CHECK_TRAP(15, CAUSE_LOAD_ACCESS, lw a1, -4(a0))

	# 64 KiB region: both ends
	li a0, BIG
	CHECK_NOTRAP(16, sd a0, 0(a0))
	li a0, BIG + 0xfff8
	CHECK_NOTRAP(17, sd a0, 0(a0))
	li a0, BIG + 0x10000
	CHECK_TRAP(18, CAUSE_STORE_ACCESS, sd a0, 0(a0))
	CHECK_REG(19, s11, BIG + 0x10000)
	GOTO_M(m1)

	# S is checked the same way
m1:	ENTER_S(s1)
s1:	li a0, P0 + 0x800
	CHECK_NOTRAP(20, ld a1, 0(a0))
	li a0, P0 + 0x1000
	CHECK_TRAP(21, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(22, s7, 0x13)
	GOTO_M(m2)

	# M ignores all of it
m2:	li a0, P0 + 0x1000
	CHECK_NOTRAP(23, ld a1, 0(a0); sd a1, 0(a0))
	li a0, P2 + 0x10
	CHECK_NOTRAP(24, sd a1, 0(a0))
TEST_END
