# A pending, enabled, delegated S interrupt: taken in U whatever SIE holds,
# taken in S only with SIE = 1, never taken in M.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	csrwi mideleg, MIP_SSIP
	csrsi mie, MIP_SSIP
	csrsi mip, MIP_SSIP

	# M, MIE = 1, SIE = 1: not taken
	csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
	CHECK_NOTRAP(1, nop; nop)
	csrci mstatus, MSTATUS_MIE | MSTATUS_SIE

	# S, SIE = 0: not taken
	ENTER_S(s1)
s1:	CHECK_NOTRAP(2, nop; nop)
	# U with SIE = 0: taken by the S handler at the first U instruction
	li s9, -1
	S_ENTER_U(u1)
u1:	nop
	CHECK_REG(3, s9, IRQ_BIT | 1)
	CHECK_LABEL(4, s10, u1)
	CHECK_REG(5, s7, 0x01)			# S handler, from U
	GOTO_M(m1)

m1:	csrr a0, sstatus
	andi a0, a0, MSTATUS_SIE
	CHECK_REG(6, a0, 0)			# SIE was never set
	# U with SIE = 1 as well
	csrsi mie, MIP_SSIP
	csrsi sstatus, MSTATUS_SIE
	li s9, -1
	ENTER_U(u2)
u2:	nop
	CHECK_REG(7, s9, IRQ_BIT | 1)
	CHECK_REG(8, s7, 0x01)
	GOTO_M(m2)
	# the S handler's sret restored SIE = 1; SPIE = 1, SPP = U
m2:	csrr a0, sstatus
	andi a0, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
	CHECK_REG(9, a0, MSTATUS_SIE | MSTATUS_SPIE)
	csrci mip, MIP_SSIP
TEST_END
