# Trap entry into M: MPIE <- MIE, MIE <- 0, MPP <- previous privilege,
# mepc/mcause/mtval written; S-mode state (sepc, scause, SIE...) untouched.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	# wrap the generic handler: s6 = mstatus as seen on entry
	la t0, stub
	csrw mtvec, t0
	j body
	.align 2
stub:	csrr s6, mstatus
	j mtrap

body:
	# M, MIE = 1 (nothing enabled in mie): MPIE = 1, MIE = 0, MPP = M
	csrsi mstatus, MSTATUS_MIE
	CHECK_TRAP(1, CAUSE_ECALL_M, ecall)
	li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
	and a0, s6, t0
	CHECK_REG(2, a0, MSTATUS_MPIE | MSTATUS_MPP)
	# mret restored MIE = 1
	csrr a0, mstatus
	andi a0, a0, MSTATUS_MIE
	CHECK_REG(3, a0, MSTATUS_MIE)

	# M, MIE = 0: MPIE = 0
	csrci mstatus, MSTATUS_MIE
	CHECK_TRAP(4, CAUSE_ECALL_M, ecall)
	li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
	and a0, s6, t0
	CHECK_REG(5, a0, MSTATUS_MPP)

	# S-mode CSRs are not touched by a trap into M
	li t0, 0x5550
	csrw sepc, t0
	li t0, 0x66
	csrw scause, t0
	li t0, 0x777
	csrw stval, t0
	CHECK_TRAP(6, CAUSE_ILLEGAL, .4byte 0xfe000033)
	csrr a0, sepc
	CHECK_REG(7, a0, 0x5550)
	csrr a0, scause
	CHECK_REG(8, a0, 0x66)
	csrr a0, stval
	CHECK_REG(9, a0, 0x777)

	# from S with MIE = 1 (MPIE set before the mret) and SIE = 1:
	# MPP = S, MPIE = 1, MIE = 0, SIE and SPIE unchanged
	li t0, MSTATUS_MPIE | MSTATUS_SIE
	csrs mstatus, t0
	li t0, MSTATUS_SPIE
	csrc mstatus, t0
	ENTER_S(in_s)
in_s:
	CHECK_TRAP(10, CAUSE_ECALL_S, ecall)
	li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_SIE | MSTATUS_SPIE
	and a0, s6, t0
	CHECK_REG(11, a0, MSTATUS_MPIE | MSTATUS_MPP_S | MSTATUS_SIE)
	csrci sstatus, MSTATUS_SIE
	GOTO_M(m1)

	# from U: MPP = U (0)
m1:	li t0, MSTATUS_MPIE
	csrc mstatus, t0
	ENTER_U(in_u)
in_u:
	CHECK_TRAP(12, CAUSE_ECALL_U, ecall)
	li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
	and a0, s6, t0
	CHECK_REG(13, a0, 0)
	GOTO_M(m2)
m2:
TEST_END
