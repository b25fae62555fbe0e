# mcontrol m/s/u select the modes a trigger fires in. In M it fires only
# while tcontrol.mte is set; a trap into M moves mte to mpte and clears
# it, mret moves it back. With breakpoints delegated to S, a trigger does
# not fire in S while sstatus.SIE is clear.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	la a2, data
	# M: mte clear, no fire; set, fire
	TRIG_SET(0, MC_M | MC_LOAD, a2)
	CHECK_NOTRAP(1, lw a0, 0(a2))
	TRIG_MTE_ON
	CHECK_TRAP(2, CAUSE_BREAKPOINT, lw a0, 0(a2))
	csrr a0, CSR_TCONTROL
	CHECK_REG(3, a0, TCONTROL_MTE | TCONTROL_MPTE)	# after the mret

	# U only: M and S do not fire, U does (taken by M, from U)
	TRIG_SET(0, MC_U | MC_LOAD, a2)
	CHECK_NOTRAP(4, lw a0, 0(a2))
	ENTER_S(s1)
s1:	CHECK_NOTRAP(5, lw a0, 0(a2))
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	CHECK_TRAP(6, CAUSE_BREAKPOINT, lw a0, 0(a2))
	CHECK_REG(7, s7, 0x03)
	GOTO_M(m2)
m2:
	# the handler ran with mte clear: seen from an ecall's handler
	csrr a0, CSR_TCONTROL
	CHECK_REG(8, a0, TCONTROL_MTE | TCONTROL_MPTE)

	# S only, not delegated: fires in S, taken by M
	TRIG_SET(0, MC_S | MC_LOAD, a2)
	CHECK_NOTRAP(9, lw a0, 0(a2))
	ENTER_S(s2)
s2:	CHECK_TRAP(10, CAUSE_BREAKPOINT, lw a0, 0(a2))
	CHECK_REG(11, s7, 0x13)
	GOTO_M(m3)
m3:
	# delegated to S: not while SIE is clear, then taken by S
	li t0, 1 << CAUSE_BREAKPOINT
	csrs medeleg, t0
	ENTER_S(s3)
s3:	csrci sstatus, MSTATUS_SIE
	CHECK_NOTRAP(12, lw a0, 0(a2))
	csrsi sstatus, MSTATUS_SIE
	CHECK_TRAP(13, CAUSE_BREAKPOINT, lw a0, 0(a2))
	CHECK_REG(14, s7, 0x11)
	CHECK_LABEL(15, s11, data)
	csrci sstatus, MSTATUS_SIE
	GOTO_M(m4)
m4:	li t0, 1 << CAUSE_BREAKPOINT
	csrc medeleg, t0
	TRIG_OFF(0)
TEST_END

	.data
	.align 3
data:	.dword 0
