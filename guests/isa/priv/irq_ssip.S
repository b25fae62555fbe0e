# Supervisor software interrupt raised by M writing mip.SSIP.
# Not delegated: taken in M (cause 1) under MIE/SSIE. Delegated: never taken
# in M, taken in S when SIE (or below S), cleared by S through sip.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	csrsi mip, MIP_SSIP
	csrr a0, mip
	andi a0, a0, MIP_SSIP
	CHECK_REG(1, a0, MIP_SSIP)

	# not delegated, taken in M
	csrsi mie, MIP_SSIP
	CHECK_NOTRAP(2, nop; nop)		# MIE = 0
	li s9, -1
	csrsi mstatus, MSTATUS_MIE
t1:	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(3, s9, IRQ_BIT | 1)
	CHECK_LABEL(4, s10, t1)
	CHECK_REG(5, s7, 0x33)

	# also taken in S when not delegated (to M, whatever SIE)
	csrsi mie, MIP_SSIP
	li s9, -1
	ENTER_S(s1)
s1:	nop
	CHECK_REG(6, s9, IRQ_BIT | 1)
	CHECK_REG(7, s7, 0x13)
	GOTO_M(m1)

	# delegated: M with MIE = 1 and SIE = 1 does not take it
m1:	csrwi mideleg, MIP_SSIP
	csrsi mie, MIP_SSIP
	csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
	CHECK_NOTRAP(8, nop; nop; nop)
	csrci mstatus, MSTATUS_MIE | MSTATUS_SIE

	# S with SIE = 0: not taken
	ENTER_S(s2)
s2:	CHECK_NOTRAP(9, nop; nop)
	csrr a0, sip
	andi a0, a0, MIP_SSIP
	CHECK_REG(10, a0, MIP_SSIP)		# visible in sip
	# SIE = 1: taken by the S handler, scause = interrupt | 1
	li s9, -1
	csrsi sstatus, MSTATUS_SIE
t2:	nop
	csrci sstatus, MSTATUS_SIE
	CHECK_REG(11, s9, IRQ_BIT | 1)
	CHECK_LABEL(12, s10, t2)
	CHECK_REG(13, s7, 0x11)			# S handler, from S
	csrr a0, scause
	CHECK_REG(14, a0, IRQ_BIT | 1)

	# S clears the pending bit through sip
	csrci sip, MIP_SSIP
	csrr a0, sip
	andi a0, a0, MIP_SSIP
	CHECK_REG(16, a0, 0)

	# S sets it through sip and takes it
	csrsi sie, MIP_SSIP
	li s9, -1
	csrsi sip, MIP_SSIP
	csrsi sstatus, MSTATUS_SIE
	nop
	csrci sstatus, MSTATUS_SIE
	CHECK_REG(17, s9, IRQ_BIT | 1)
	csrci sip, MIP_SSIP
	GOTO_M(m2)
m2:	csrr a0, mip
	andi a0, a0, MIP_SSIP
	CHECK_REG(18, a0, 0)
TEST_END
