# The lowest-numbered entry that matches an address decides, even when a
# later entry would grant more (or less). OFF entries are skipped.
#include "test.h"
#include "priv_macros.h"

#define P0 DATA_PAGE(0)		/* 8 KiB aligned */

TEST_START
PRIV_INIT
	PMP_OFF_ALL
	PMP_IMAGE_RWX
	# entry 0: P0 (4 KiB), no permission; entry 1: P0..P0+8K, RW
	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT)
	PMP_ENTRY_0(1, NAPOT(P0, 0x2000), PMP_NAPOT | PMP_R | PMP_W)
	# entry 2: OFF over P0 + 8K; entry 3: RW there
	PMP_ENTRY_0(2, NAPOT(P0 + 0x2000, 0x1000), 0)
	PMP_ENTRY_0(3, NAPOT(P0 + 0x2000, 0x1000), PMP_NAPOT | PMP_R | PMP_W)

	ENTER_U(u1)
u1:	li a0, P0
	CHECK_TRAP(1, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_TRAP(2, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	li a0, P0 + 0x1000
	CHECK_NOTRAP(3, sd a0, 0(a0); ld a1, 0(a0))
	li a0, P0 + 0x2000
	CHECK_NOTRAP(4, sd a0, 0(a0); ld a1, 0(a0))
	GOTO_M(m1)

	# swap: entry 0 grants, entry 1 denies: granted
m1:	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT | PMP_R | PMP_W)
	PMP_ENTRY_0(1, NAPOT(P0, 0x2000), PMP_NAPOT)
	ENTER_U(u2)
u2:	li a0, P0
	CHECK_NOTRAP(5, sd a0, 0(a0); ld a1, 0(a0))
	li a0, P0 + 0x1000
	CHECK_TRAP(6, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	GOTO_M(m2)

	# a read-only entry in front of a RW one: stores fail
m2:	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT | PMP_R)
	PMP_ENTRY_0(1, NAPOT(P0, 0x2000), PMP_NAPOT | PMP_R | PMP_W)
	ENTER_U(u3)
u3:	li a0, P0
	CHECK_NOTRAP(7, ld a1, 0(a0))
	CHECK_TRAP(8, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	GOTO_M(m3)

	# a partial match of entry 0 fails, although entry 1 covers the access
m3:	PMP_ENTRY_0(0, (P0 + 0x104) >> 2, PMP_NA4 | PMP_R | PMP_W)
	ENTER_U(u4)
u4:	li a0, P0 + 0x100
	CHECK_NOTRAP(9, lw a1, 0(a0); lw a1, 4(a0); lw a1, 8(a0))
	CHECK_TRAP(10, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_TRAP(11, CAUSE_LOAD_ACCESS, ld a1, 4(a0))
	GOTO_M(m4)
m4:
TEST_END
