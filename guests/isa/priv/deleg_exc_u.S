# Exceptions from U delegated through medeleg go to stvec with scause, sepc,
# stval, SPP = U, SPIE = SIE, SIE = 0; undelegated ones still go to M.
#include "test.h"
#include "priv_macros.h"

#define HOLE 0x200000
#define DELEG ((1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS) | (1 << CAUSE_ECALL_U))
#define SBITS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)

TEST_START
PRIV_INIT
	# S handler wrapper: s6 = sstatus on entry
	la t0, sstub
	csrw stvec, t0
	li t0, DELEG
	csrw medeleg, t0
	csrw mscratch, zero
	j body
	.align 2
sstub:	csrr s6, sstatus
	j strap

body:	ENTER_U(u1)
u1:	CHECK_TRAP(1, CAUSE_ILLEGAL, i1: .4byte 0xfe000033)
	CHECK_LABEL(2, s10, i1)
	CHECK_REG(3, s11, 0xfe000033)
	CHECK_REG(4, s7, 0x01)			# S handler, from U
	andi a0, s6, SBITS
	CHECK_REG(5, a0, 0)			# SPP = U, SPIE = SIE = 0

	CHECK_TRAP(6, CAUSE_BREAKPOINT, b1: ebreak)
	CHECK_LABEL(7, s10, b1)
	CHECK_REG(8, s7, 0x01)

	li a0, HOLE + 0x10
	CHECK_TRAP(9, CAUSE_LOAD_ACCESS, lw t1, 0(a0))
	CHECK_REG(10, s11, HOLE + 0x10)
	CHECK_REG(11, s7, 0x01)
	CHECK_TRAP(12, CAUSE_STORE_ACCESS, sd t1, 8(a0))
	CHECK_REG(13, s11, HOLE + 0x18)
	CHECK_REG(14, s7, 0x01)

	CHECK_TRAP(15, CAUSE_ECALL_U, e1: ecall)
	CHECK_LABEL(16, s10, e1)
	CHECK_REG(17, s11, 0)
	CHECK_REG(18, s7, 0x01)

	# fetch access fault is not delegated: M takes it
	li a0, HOLE
	la s8, after_fetch
	CHECK_TRAP(19, CAUSE_FETCH_ACCESS, jr a0)
after_fetch:
	CHECK_REG(20, s7, 0x03)
	CHECK_REG(21, s11, HOLE)
	GOTO_M(m1)

	# M never saw the delegated ones: mepc/mcause come from the GOTO_M
	# ecall, forwarded by the S handler (so from S)
m1:	csrr a0, mcause
	CHECK_REG(22, a0, CAUSE_ECALL_S)
	csrr a0, scause
	CHECK_REG(23, a0, CAUSE_ECALL_U)

	# SIE = 1 in U: the trap saves it in SPIE and clears SIE
	csrsi sstatus, MSTATUS_SIE
	ENTER_U(u2)
u2:	CHECK_TRAP(24, CAUSE_ILLEGAL, .4byte 0xfe000033)
	andi a0, s6, SBITS
	CHECK_REG(25, a0, MSTATUS_SPIE)
	GOTO_M(m2)
	# the sret had restored SIE = 1: the GOTO_M ecall (delegated, seen by
	# the S handler) found SIE = 1 again
m2:	andi a0, s6, SBITS
	CHECK_REG(26, a0, MSTATUS_SPIE)
	csrci sstatus, MSTATUS_SIE
TEST_END
