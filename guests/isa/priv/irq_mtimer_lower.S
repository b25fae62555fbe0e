# A pending, enabled machine timer interrupt is taken in S and U whatever
# mstatus.MIE holds; with mie.MTIE = 0 it is not taken.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	TIMER_NOW
	WAIT_MIP(MIP_MTIP)

	# MTIE = 0: S runs undisturbed
	li t0, MSTATUS_MPIE		# MIE = 0 after the mret
	csrc mstatus, t0
	li s9, -1
	ENTER_S(s1)
s1:	nop
	nop
	CHECK_REG(1, s9, -1)
	GOTO_M(m1)

	# MTIE = 1, MIE = 0: taken as soon as S starts (mepc = first S insn)
m1:	li t0, MIP_MTIP
	csrs mie, t0
	li t0, MSTATUS_MPIE
	csrc mstatus, t0
	li s9, -1
	ENTER_S(s2)
s2:	nop
	CHECK_REG(2, s9, IRQ_BIT | 7)
	CHECK_LABEL(3, s10, s2)
	CHECK_REG(4, s7, 0x13)		# M handler, from S
	GOTO_M(m2)

	# the same from U
m2:	csrr a0, mstatus
	andi a0, a0, MSTATUS_MIE
	CHECK_REG(5, a0, 0)
	li t0, MIP_MTIP
	csrs mie, t0
	li t0, MSTATUS_MPIE
	csrc mstatus, t0
	li s9, -1
	ENTER_U(u1)
u1:	nop
	CHECK_REG(6, s9, IRQ_BIT | 7)
	CHECK_LABEL(7, s10, u1)
	CHECK_REG(8, s7, 0x03)
	GOTO_M(m3)

	# a timer that fires while S runs (with SIE = 0) is taken there too
m3:	li t0, MSTATUS_SIE | MSTATUS_MPIE
	csrc mstatus, t0
	MTIMECMP_IN(100)
	li s9, -1
	li t0, MIP_MTIP
	csrs mie, t0
	ENTER_S(s4)
s4:	li gp, 9
	li t1, 0
1:	addi t1, t1, 1			# spin until the timer fires in S
	li t6, -1
	beq s9, t6, 1b
	CHECK_REG(10, s9, IRQ_BIT | 7)
	CHECK_REG(11, s7, 0x13)
	GOTO_M(m5)
m5:	TIMER_OFF
TEST_END
