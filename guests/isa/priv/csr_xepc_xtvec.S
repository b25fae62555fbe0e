# WARL rules of the trap CSRs: mepc/sepc keep bit 1 (C is on); mtvec/stvec keep a 4-byte aligned base with MODE 0 or 1; mscratch,
# sscratch, mtval, stval hold any 64-bit value; mcause/scause hold legal
# causes.
#include "test.h"
#include "priv_macros.h"

#define RW(n, csr, v)                               \
	li t0, v;                                   \
	csrw csr, t0;                               \
	csrr a0, csr;                               \
	CHECK_REG(n, a0, v)

TEST_START
PRIV_INIT
	# (mepc[0] / sepc[0] reading 0 is not checked here)
	RW(1, mepc, 0x80001002)
	RW(2, mepc, 0x80001000)
	RW(4, sepc, 0x80002002)
	RW(5, sepc, 0xffffffffc0000000)

	# mret to a 2-byte aligned mepc
	li t0, MSTATUS_MPP
	csrs mstatus, t0
	la t0, r1
	csrw mepc, t0
	li gp, 6
	mret
	j fail
	.align 2
	c.nop
r1:					# at 2 mod 4

	# mtvec / stvec: direct and vectored, aligned base
	la a1, mtrap
	csrw mtvec, a1
	csrr a0, mtvec
	li gp, 7
	bne a0, a1, fail
	.align 8
aligned:
	la a1, aligned
	ori a1, a1, 1
	csrw mtvec, a1
	csrr a0, mtvec
	li gp, 8
	bne a0, a1, fail
	la a1, mtrap
	csrw mtvec, a1
	la a1, aligned
	csrw stvec, a1
	csrr a0, stvec
	li gp, 9
	bne a0, a1, fail
	ori a1, a1, 1
	csrw stvec, a1
	csrr a0, stvec
	li gp, 10
	bne a0, a1, fail
	la a1, strap
	csrw stvec, a1

	RW(11, mscratch, 0xfedcba9876543210)
	RW(12, mscratch, 0)
	RW(13, sscratch, 0x0123456789abcdef)
	RW(14, mtval, 0x80000123)
	RW(15, stval, 0x80000456)
	RW(16, mcause, 2)
	RW(17, mcause, IRQ_BIT | 7)
	RW(18, scause, 13)
	RW(19, scause, IRQ_BIT | 1)

	# sscratch written from S is seen by M and the other way round
	li t0, 0x5151
	csrw sscratch, t0
	ENTER_S(s1)
s1:	csrr a0, sscratch
	CHECK_REG(20, a0, 0x5151)
	li t0, 0x6262
	csrw sscratch, t0
	GOTO_M(m1)
m1:	csrr a0, sscratch
	CHECK_REG(21, a0, 0x6262)
TEST_END
