# Delegated exceptions raised in S stay in S (SPP = S); undelegated ones go
# to M. ECALL from S is delegable too.
#include "test.h"
#include "priv_macros.h"

#define HOLE 0x200000
#define SBITS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)

TEST_START
PRIV_INIT
	la t0, sstub
	csrw stvec, t0
	li t0, (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_STORE_ACCESS)
	csrw medeleg, t0
	j body
	.align 2
sstub:	csrr s6, sstatus
	j strap

body:	ENTER_S(s1)
s1:	CHECK_TRAP(1, CAUSE_ILLEGAL, i1: .4byte 0x40001013)
	CHECK_LABEL(2, s10, i1)
	CHECK_REG(3, s11, 0x40001013)
	CHECK_REG(4, s7, 0x11)			# S handler, from S
	andi a0, s6, SBITS
	CHECK_REG(5, a0, MSTATUS_SPP)

	# SIE = 1: saved into SPIE, cleared during the handler, restored after
	csrsi sstatus, MSTATUS_SIE
	CHECK_TRAP(6, CAUSE_BREAKPOINT, b1: c.ebreak)
	CHECK_LABEL(7, s10, b1)
	andi a0, s6, SBITS
	CHECK_REG(8, a0, MSTATUS_SPP | MSTATUS_SPIE)
	csrr a0, sstatus
	andi a0, a0, MSTATUS_SIE
	CHECK_REG(9, a0, MSTATUS_SIE)
	csrci sstatus, MSTATUS_SIE

	# store access fault delegated, load access fault not
	li a0, HOLE + 0x20
	CHECK_TRAP(10, CAUSE_STORE_ACCESS, sw zero, 0(a0))
	CHECK_REG(11, s7, 0x11)
	CHECK_REG(12, s11, HOLE + 0x20)
	CHECK_TRAP(13, CAUSE_LOAD_ACCESS, lw t1, 4(a0))
	CHECK_REG(14, s7, 0x13)
	CHECK_REG(15, s11, HOLE + 0x24)

	# ECALL from S, not delegated: M
	CHECK_TRAP(16, CAUSE_ECALL_S, ecall)
	CHECK_REG(17, s7, 0x13)
	GOTO_M(m1)

	# delegate ECALL from S as well: now S takes its own ecall. (No way
	# back to M through ecall after this; the test ends in S, which may
	# reach the finisher since paging is off and PMP allows it.)
m1:	li t0, 1 << CAUSE_ECALL_S
	csrs medeleg, t0
	ENTER_S(s2)
s2:	CHECK_TRAP(18, CAUSE_ECALL_S, e1: ecall)
	CHECK_LABEL(19, s10, e1)
	CHECK_REG(20, s7, 0x11)
TEST_END
