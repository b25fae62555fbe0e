# mstatus.TW = 1: WFI in S that cannot complete (no interrupt enabled) is
# illegal (mtval = the instruction); WFI in M is unaffected. TW = 0: WFI in S
# waits for an interrupt as usual.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	csrw mie, zero
	li t0, MSTATUS_TW
	csrs mstatus, t0
	ENTER_S(s1)
s1:	CHECK_TRAP(1, CAUSE_ILLEGAL, w1: wfi)
	CHECK_LABEL(2, s10, w1)
	CHECK_REG(3, s11, 0x10500073)
	CHECK_REG(4, s7, 0x13)
	GOTO_M(m1)

	# TW also applies to U
m1:	ENTER_U(u1)
u1:	CHECK_TRAP(5, CAUSE_ILLEGAL, wfi)
	CHECK_REG(6, s7, 0x03)
	GOTO_M(m2)

	# M ignores TW (wake source: the timer, MIE = 0)
m2:	TIMER_NOW
	WAIT_MIP(MIP_MTIP)
	li t0, MIP_MTIP
	csrs mie, t0
	CHECK_NOTRAP(7, wfi)
	csrw mie, zero

	# TW = 0: WFI in S, woken by the timer interrupt that it then takes
	li t0, MSTATUS_TW
	csrc mstatus, t0
	MTIMECMP_IN(0x1000)
	li t0, MIP_MTIP
	csrs mie, t0
	li s9, -1
	ENTER_S(s2)
s2:	wfi
	CHECK_REG(8, s9, IRQ_BIT | 7)
	GOTO_M(m3)
m3:	TIMER_OFF
TEST_END
