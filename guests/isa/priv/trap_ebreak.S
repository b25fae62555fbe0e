# EBREAK and C.EBREAK: mcause 3, mepc = the instruction; the handler resumes
# after it (4 or 2 bytes). mtval may be 0 or the instruction address.
#include "test.h"
#include "priv_macros.h"

/* s11 must be 0 or equal to s10 */
#define CHECK_TVAL_0_OR_PC(n)                       \
	li gp, n;                                   \
	beqz s11, 90f;                              \
	bne s11, s10, fail;                         \
90:

TEST_START
PRIV_INIT

	.option push
	.option norvc
	CHECK_TRAP(1, CAUSE_BREAKPOINT, li a0, 0; b1: ebreak; addi a0, a0, 1)
	.option pop
	CHECK_LABEL(2, s10, b1)
	CHECK_REG(3, a0, 1)		# resumed right after the 4-byte ebreak
	CHECK_TVAL_0_OR_PC(4)
	CHECK_REG(5, s7, 0x33)

	CHECK_TRAP(6, CAUSE_BREAKPOINT, li a0, 0; b2: c.ebreak; c.addi a0, 1)
	CHECK_LABEL(7, s10, b2)
	CHECK_REG(8, a0, 1)		# resumed right after the 2-byte c.ebreak
	CHECK_TVAL_0_OR_PC(9)

	# from S and U: not delegated, so M takes it with MPP = S / U
	ENTER_S(in_s)
in_s:
	CHECK_TRAP(10, CAUSE_BREAKPOINT, b3: ebreak)
	CHECK_LABEL(11, s10, b3)
	CHECK_REG(12, s7, 0x13)
	GOTO_M(m1)
m1:	ENTER_U(in_u)
in_u:
	CHECK_TRAP(13, CAUSE_BREAKPOINT, b4: c.ebreak)
	CHECK_LABEL(14, s10, b4)
	CHECK_REG(15, s7, 0x03)
	GOTO_M(m2)
m2:
TEST_END
