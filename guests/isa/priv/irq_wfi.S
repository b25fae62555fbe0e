# WFI: wakes when an enabled interrupt becomes pending even with
# mstatus.MIE = 0 (and then the interrupt is not taken); with MIE = 1 the
# interrupt is taken with mepc = the instruction after the WFI.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	# MIE = 0: wake, no trap
	li t0, MIP_MTIP
	csrs mie, t0
	MTIMECMP_IN(0x10000)
	li gp, 1
	li s9, -1
1:	wfi
	csrr t0, mip
	andi t0, t0, MIP_MTIP
	beqz t0, 1b
	CHECK_REG(2, s9, -1)
	li t0, CLINT_MTIME
	ld a0, 0(t0)
	li t0, CLINT_MTIMECMP
	ld a1, 0(t0)
	li gp, 3
	bltu a0, a1, fail

	# already pending: WFI completes at once
	CHECK_NOTRAP(4, wfi; wfi)

	# MIE = 1: the interrupt is taken, mepc = after the wfi
	TIMER_OFF
	MTIMECMP_IN(0x10000)
	li s9, -1
	csrsi mstatus, MSTATUS_MIE
w1:	wfi
w1_next:
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(5, s9, IRQ_BIT | 7)
	CHECK_LABEL(6, s10, w1_next)
	TIMER_OFF

	# WFI in S (TW = 0) waits the same way; the M interrupt wakes it
	li t0, MIP_MTIP
	csrs mie, t0
	MTIMECMP_IN(0x10000)
	li s9, -1
	ENTER_S(s1)
s1:	wfi
s1_next:
	CHECK_REG(7, s9, IRQ_BIT | 7)
	CHECK_LABEL(8, s10, s1_next)
	GOTO_M(m1)
m1:	TIMER_OFF
TEST_END
