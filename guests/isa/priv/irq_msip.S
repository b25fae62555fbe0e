# Machine software interrupt: CLINT msip drives mip.MSIP; taken in M with
# MIE and MSIE (cause 3), always taken in S/U when MSIE is set.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	csrr a0, mip
	andi a0, a0, MIP_MSIP
	CHECK_REG(1, a0, 0)

	SET_MSIP(1)
	WAIT_MIP(MIP_MSIP)
	li t0, CLINT_MSIP
	lw a0, 0(t0)
	CHECK_REG(2, a0, 1)		# msip reads back

	# MIE = 0: not taken
	csrsi mie, MIP_MSIP
	CHECK_NOTRAP(3, nop; nop; nop)

	# MIE = 1: taken, mepc = next instruction
	li s9, -1
	csrsi mstatus, MSTATUS_MIE
t1:	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(4, s9, IRQ_BIT | 3)
	CHECK_LABEL(5, s10, t1)
	CHECK_REG(6, s11, 0)

	# clearing msip clears mip.MSIP
	SET_MSIP(0)
	li gp, 7
	li t1, 1000
1:	csrr a0, mip
	andi a0, a0, MIP_MSIP
	beqz a0, 2f
	addi t1, t1, -1
	bnez t1, 1b
	j fail
2:
	# pending while S runs with MIE = 0: taken in S
	SET_MSIP(1)
	WAIT_MIP(MIP_MSIP)
	csrsi mie, MIP_MSIP
	li t0, MSTATUS_MPIE
	csrc mstatus, t0
	li s9, -1
	ENTER_S(s1)
s1:	nop
	CHECK_REG(8, s9, IRQ_BIT | 3)
	CHECK_REG(9, s7, 0x13)
	# S itself may write the CLINT (PMP allows it): msip = 0 clears it
	SET_MSIP(0)
	GOTO_M(m1)
m1:	csrr a0, mip
	andi a0, a0, MIP_MSIP
	CHECK_REG(10, a0, 0)
TEST_END
