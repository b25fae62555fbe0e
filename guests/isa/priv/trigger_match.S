# mcontrol match modes and sizes on loads. Equal matches when any accessed
# byte is tdata2; NAPOT matches a naturally aligned range (tdata2 = base |
# (size/2 - 1)); >= and < compare the access's lowest address. A size
# other than "any" matches only accesses of that size.
#include "test.h"
#include "priv_macros.h"

#define D DATA_PAGE(0)

TEST_START
PRIV_INIT
	TRIG_MTE_ON
	li a2, D

	# equal, any size: a word load covering D+2 fires, a byte at D not
	li a3, D + 2
	TRIG_SET(0, MC_M | MC_LOAD, a3)
	CHECK_TRAP(1, CAUSE_BREAKPOINT, lw a0, 0(a2))
	CHECK_REG(2, s11, D)
	CHECK_NOTRAP(3, lbu a0, 0(a2); lbu a0, 3(a2); lw a0, 4(a2))
	CHECK_TRAP(4, CAUSE_BREAKPOINT, lbu a0, 2(a2))
	# misaligned across the watched byte
	CHECK_TRAP(5, CAUSE_BREAKPOINT, lw a0, 1(a2))

	# equal, 32-bit only: byte and doubleword loads do not fire
	li a3, D
	TRIG_SET(0, MC_M | MC_LOAD | MC_SIZE(MC_W), a3)
	CHECK_NOTRAP(6, lbu a0, 0(a2); ld a0, 0(a2); lhu a0, 0(a2))
	CHECK_TRAP(7, CAUSE_BREAKPOINT, lw a0, 0(a2))
	TRIG_SET(0, MC_M | MC_LOAD | MC_SIZE(MC_D), a3)
	CHECK_NOTRAP(8, lw a0, 0(a2))
	CHECK_TRAP(9, CAUSE_BREAKPOINT, ld a0, 0(a2))
	TRIG_SET(0, MC_M | MC_LOAD | MC_SIZE(MC_B), a3)
	CHECK_TRAP(10, CAUSE_BREAKPOINT, lbu a0, 0(a2))
	TRIG_SET(0, MC_M | MC_LOAD | MC_SIZE(MC_H), a3)
	CHECK_TRAP(11, CAUSE_BREAKPOINT, lhu a0, 0(a2))
	CHECK_NOTRAP(12, lbu a0, 0(a2))

	# NAPOT: 64 bytes at D+0x40
	li a3, (D + 0x40) | 31
	TRIG_SET(0, MC_M | MC_LOAD | MC_MATCH(MC_NAPOT), a3)
	CHECK_NOTRAP(13, ld a0, 0x38(a2); ld a0, 0x80(a2))
	CHECK_TRAP(14, CAUSE_BREAKPOINT, ld a0, 0x40(a2))
	CHECK_TRAP(15, CAUSE_BREAKPOINT, lbu a0, 0x7f(a2))
	CHECK_REG(16, s11, D + 0x7f)

	# >= D+0x100 and < D+0x100
	li a3, D + 0x100
	TRIG_SET(0, MC_M | MC_LOAD | MC_MATCH(MC_GE), a3)
	CHECK_NOTRAP(17, ld a0, 0xf8(a2))
	CHECK_TRAP(18, CAUSE_BREAKPOINT, ld a0, 0x100(a2))
	CHECK_TRAP(19, CAUSE_BREAKPOINT, ld a0, 0x7f8(a2))
	TRIG_SET(0, MC_M | MC_LOAD | MC_MATCH(MC_LT), a3)
	CHECK_TRAP(20, CAUSE_BREAKPOINT, ld a0, 0xf8(a2))
	CHECK_NOTRAP(21, ld a0, 0x100(a2))
	TRIG_OFF(0)
TEST_END
