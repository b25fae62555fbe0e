# mstatus.TSR = 1: SRET in S is illegal (mtval = the instruction); SRET in M
# is still legal. TSR = 0: SRET in S works.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	li t0, MSTATUS_TSR
	csrs mstatus, t0
	ENTER_S(s1)
s1:	li t0, MSTATUS_SPP
	csrs sstatus, t0
	la t0, s1_back
	csrw sepc, t0
	CHECK_TRAP(1, CAUSE_ILLEGAL, r1: sret)
	CHECK_LABEL(2, s10, r1)
	CHECK_REG(3, s11, 0x10200073)
	CHECK_REG(4, s7, 0x13)
	GOTO_M(m1)
s1_back:
	li gp, 5
	j fail

	# SRET in M with TSR = 1 is legal
m1:	li t0, MSTATUS_SPP
	csrs mstatus, t0
	la t0, s2
	csrw sepc, t0
	CHECK_NOTRAP(6, sret)
s2:	CHECK_TRAP(7, CAUSE_ILLEGAL, csrr a0, mstatus)	# landed in S
	GOTO_M(m2)

	# TSR = 0: SRET in S works
m2:	li t0, MSTATUS_TSR
	csrc mstatus, t0
	ENTER_S(s3)
s3:	li t0, MSTATUS_SPP
	csrs sstatus, t0
	la t0, s4
	csrw sepc, t0
	li s9, -1
	sret
	li gp, 8
	j fail
s4:	CHECK_REG(9, s9, -1)
	GOTO_M(m3)
m3:
TEST_END
