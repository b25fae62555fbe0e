# Machine timer interrupt from the CLINT: mip.MTIP follows mtime >= mtimecmp,
# the interrupt is taken in M only when mstatus.MIE and mie.MTIE are set.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	# compare value in the far future: not pending
	TIMER_OFF
	csrr a0, mip
	andi a0, a0, MIP_MTIP
	CHECK_REG(1, a0, 0)

	# compare value in the past: pending
	TIMER_NOW
	WAIT_MIP(MIP_MTIP)

	# MIE = 0, MTIE = 1: not taken
	li t0, MIP_MTIP
	csrs mie, t0
	CHECK_NOTRAP(2, nop; nop; nop; nop)

	# MIE = 1, MTIE = 0: not taken
	li t0, MIP_MTIP
	csrc mie, t0
	csrsi mstatus, MSTATUS_MIE
	CHECK_NOTRAP(3, nop; nop; nop; nop)
	csrci mstatus, MSTATUS_MIE

	# both set: taken right after the instruction that enabled it,
	# mcause = interrupt | 7, mepc = the next instruction, mtval = 0
	li t0, MIP_MTIP
	csrs mie, t0
	li s9, -1
	li s11, -1
	csrsi mstatus, MSTATUS_MIE
t1:	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(4, s9, IRQ_BIT | 7)
	CHECK_LABEL(5, s10, t1)
	CHECK_REG(6, s11, 0)
	CHECK_REG(7, s7, 0x33)
	csrr a0, mcause
	CHECK_REG(8, a0, IRQ_BIT | 7)

	# still pending (level-triggered) until mtimecmp moves
	csrr a0, mip
	andi a0, a0, MIP_MTIP
	CHECK_REG(9, a0, MIP_MTIP)
	TIMER_OFF
	csrr a0, mip
	andi a0, a0, MIP_MTIP
	CHECK_REG(10, a0, 0)

	# mtimecmp a little in the future: becomes pending as mtime advances
	MTIMECMP_IN(200)
	WAIT_MIP(MIP_MTIP)
	li t0, CLINT_MTIME
	ld a0, 0(t0)
	li t0, CLINT_MTIMECMP
	ld a1, 0(t0)
	li gp, 11
	bltu a0, a1, fail		# mtime >= mtimecmp now

	# and is taken once enabled
	li s9, -1
	li t0, MIP_MTIP
	csrs mie, t0
	csrsi mstatus, MSTATUS_MIE
	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(12, s9, IRQ_BIT | 7)
	TIMER_OFF

	# 32-bit halves of mtimecmp: writing the high word far ahead clears it
	TIMER_NOW
	WAIT_MIP(MIP_MTIP)
	li t0, CLINT_MTIMECMP
	li t1, -1
	sw t1, 4(t0)
	csrr a0, mip
	andi a0, a0, MIP_MTIP
	CHECK_REG(13, a0, 0)
	TIMER_OFF
TEST_END
