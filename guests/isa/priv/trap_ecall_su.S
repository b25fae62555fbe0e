# ECALL from S (mcause 9) and U (mcause 8), not delegated: taken in M with
# mepc = the ecall, mtval = 0, and mret resumes in the original mode.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT

	ENTER_S(in_s)
in_s:
	CHECK_TRAP(1, CAUSE_ECALL_S, es: ecall)
	CHECK_LABEL(2, s10, es)
	CHECK_REG(3, s11, 0)
	CHECK_REG(4, s7, 0x13)		# M handler, from S
	# back in S: S CSRs work, M CSRs do not
	CHECK_NOTRAP(5, csrr t0, sscratch)
	CHECK_TRAP(6, CAUSE_ILLEGAL, csrr t0, mscratch)
	GOTO_M(m1)

m1:	csrr t0, mcause			# the GOTO_M ecall came from S
	CHECK_REG(7, t0, CAUSE_ECALL_S)
	ENTER_U(in_u)
in_u:
	CHECK_TRAP(8, CAUSE_ECALL_U, eu: ecall)
	CHECK_LABEL(9, s10, eu)
	CHECK_REG(10, s11, 0)
	CHECK_REG(11, s7, 0x03)		# M handler, from U
	# back in U: S CSRs are not accessible
	CHECK_TRAP(12, CAUSE_ILLEGAL, csrr t0, sscratch)
	GOTO_M(m2)

m2:	csrr t0, mcause
	CHECK_REG(13, t0, CAUSE_ECALL_U)
TEST_END
