# Supervisor timer interrupt raised by M writing mip.STIP: taken in M when
# not delegated (cause 5), in S when delegated; S cannot clear it (sip.STIP
# is read-only).
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	li t0, MIP_STIP
	csrs mip, t0
	csrr a0, mip
	andi a0, a0, MIP_STIP
	CHECK_REG(1, a0, MIP_STIP)

	# not delegated: M takes it
	li t0, MIP_STIP
	csrs mie, t0
	li s9, -1
	csrsi mstatus, MSTATUS_MIE
	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(2, s9, IRQ_BIT | 5)
	CHECK_REG(3, s7, 0x33)

	# delegated: S takes it with SIE = 1
	li t0, MIP_STIP
	csrw mideleg, t0
	csrs mie, t0
	ENTER_S(s1)
s1:	CHECK_NOTRAP(4, nop; nop)			# SIE = 0
	li s9, -1
	csrsi sstatus, MSTATUS_SIE
t1:	nop
	csrci sstatus, MSTATUS_SIE
	CHECK_REG(5, s9, IRQ_BIT | 5)
	CHECK_LABEL(6, s10, t1)
	CHECK_REG(7, s7, 0x11)
	# S cannot clear STIP: the write is ignored, no trap
	li t0, MIP_STIP
	CHECK_NOTRAP(8, csrc sip, t0)
	csrr a0, sip
	andi a0, a0, MIP_STIP
	CHECK_REG(9, a0, MIP_STIP)
	GOTO_M(m1)

	# M clears it
m1:	li t0, MIP_STIP
	csrc mip, t0
	csrr a0, mip
	andi a0, a0, MIP_STIP
	CHECK_REG(10, a0, 0)
	# with nothing pending, S with SIE = 1 and STIE = 1 runs on
	li t0, MIP_STIP
	csrs mie, t0
	ENTER_S(s2)
s2:	csrsi sstatus, MSTATUS_SIE
	CHECK_NOTRAP(11, nop; nop)
	csrci sstatus, MSTATUS_SIE
	GOTO_M(m2)
m2:
TEST_END
