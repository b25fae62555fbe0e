# An mcontrol trigger for stores only: a load of the watched address does
# not fire; a store does, before it happens (memory unchanged), with
# mcause 3 and mtval = the address. SC and AMOs are stores too.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	TRIG_MTE_ON
	la a2, data1
	li a1, 0x55
	sw a1, 0(a2)
	TRIG_SET(0, MC_M | MC_STORE, a2)

	CHECK_NOTRAP(1, lw a0, 0(a2))
	CHECK_REG(2, a0, 0x55)
	li a1, 0x99
	CHECK_TRAP(3, CAUSE_BREAKPOINT, s1: sw a1, 0(a2))
	CHECK_LABEL(4, s10, s1)
	CHECK_LABEL(5, s11, data1)
	CHECK_TRAP(6, CAUSE_BREAKPOINT, sb a1, 0(a2))
	CHECK_TRAP(7, CAUSE_BREAKPOINT, amoswap.w a0, a1, (a2))
	CHECK_NOTRAP(8, lr.w a0, (a2))
	CHECK_TRAP(9, CAUSE_BREAKPOINT, sc.w a0, a1, (a2))
	# a store next to it does not fire
	CHECK_NOTRAP(10, sw a1, 4(a2))
	TRIG_OFF(0)
	lw a0, 0(a2)
	CHECK_REG(11, a0, 0x55)		# no store took effect
	lw a0, 4(a2)
	CHECK_REG(12, a0, 0x99)
TEST_END

	.data
	.align 3
data1:	.word 0
	.word 0
