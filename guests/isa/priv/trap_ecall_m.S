# ECALL in M-mode: mcause 11, mepc = the ecall, mtval = 0, return continues
# in M after the ecall.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	CHECK_TRAP(1, CAUSE_ECALL_M, e1: ecall)
	CHECK_LABEL(2, s10, e1)
	CHECK_REG(3, s11, 0)
	CHECK_REG(4, s7, 0x33)		# taken by M, from M

	# mcause still holds the cause after mret
	csrr t0, mcause
	CHECK_REG(5, t0, CAUSE_ECALL_M)

	# a second ecall overwrites mepc with its own address
	CHECK_TRAP(7, CAUSE_ECALL_M, nop; e2: ecall; nop)
	CHECK_LABEL(8, s10, e2)

	# registers other than the handler's survive the trap
	li a0, 0x1234
	li t3, -7
	CHECK_TRAP(9, CAUSE_ECALL_M, ecall)
	CHECK_REG(10, a0, 0x1234)
	CHECK_REG(11, t3, -7)

	# still in M: an M CSR is accessible
	CHECK_NOTRAP(12, csrr t0, mscratch)

TEST_END
