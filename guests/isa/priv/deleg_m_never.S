# Traps raised in M are never delegated, whatever medeleg/mideleg hold; a
# delegated interrupt is never taken in M.
#include "test.h"
#include "priv_macros.h"

#define HOLE 0x200000

TEST_START
PRIV_INIT
	li t0, -1
	csrw medeleg, t0
	csrw mideleg, t0
	li t0, 0x5a
	csrw scause, t0

	CHECK_TRAP(1, CAUSE_ILLEGAL, .4byte 0xfe000033)
	CHECK_REG(2, s7, 0x33)
	CHECK_TRAP(3, CAUSE_BREAKPOINT, ebreak)
	CHECK_REG(4, s7, 0x33)
	CHECK_TRAP(5, CAUSE_ECALL_M, ecall)
	CHECK_REG(6, s7, 0x33)
	li a0, HOLE
	CHECK_TRAP(7, CAUSE_LOAD_ACCESS, ld t1, 0(a0))
	CHECK_REG(8, s7, 0x33)
	CHECK_TRAP(9, CAUSE_STORE_ACCESS, sd t1, 0(a0))
	CHECK_REG(10, s7, 0x33)
	la s8, after_fetch
	CHECK_TRAP(11, CAUSE_FETCH_ACCESS, jr a0)
after_fetch:
	CHECK_REG(12, s7, 0x33)
	csrr a0, scause
	CHECK_REG(13, a0, 0x5a)			# S trap CSRs untouched

	# delegated S interrupts pending and enabled: not taken in M
	li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
	csrs mip, t0
	csrs mie, t0
	csrsi mstatus, MSTATUS_MIE | MSTATUS_SIE
	CHECK_NOTRAP(14, nop; nop; nop)
	csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
	li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
	csrc mip, t0
	csrc mie, t0
TEST_END
