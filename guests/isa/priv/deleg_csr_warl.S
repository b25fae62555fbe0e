# medeleg/mideleg: the usual exceptions and the S interrupts are delegable
# and read back; both reset to 0 and are M-only. (medeleg[11], ECALL from
# M, is not checked: see deleg_m_never for such an ecall staying in M.)
#include "test.h"
#include "priv_macros.h"

#define NEED_E ((1 << 0) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15))
#define NEED_I (MIP_SSIP | MIP_STIP | MIP_SEIP)

TEST_START
PRIV_INIT
	csrr a0, medeleg
	CHECK_REG(1, a0, 0)			# reset value
	csrr a0, mideleg
	andi a0, a0, NEED_I
	CHECK_REG(2, a0, 0)

	li t0, -1
	csrw medeleg, t0
	csrr a0, medeleg
	li t0, NEED_E
	and a1, a0, t0
	CHECK_REG(4, a1, NEED_E)
	csrw medeleg, zero
	csrr a0, medeleg
	CHECK_REG(5, a0, 0)

	li t0, -1
	csrw mideleg, t0
	csrr a0, mideleg
	li t0, NEED_I
	and a1, a0, t0
	CHECK_REG(6, a1, NEED_I)
	csrw mideleg, zero
	csrr a0, mideleg
	andi a0, a0, NEED_I			# (bits of other extensions may stick)
	CHECK_REG(7, a0, 0)

	# S cannot read them
	ENTER_S(s1)
s1:	CHECK_TRAP(8, CAUSE_ILLEGAL, csrr a0, medeleg)
	CHECK_TRAP(9, CAUSE_ILLEGAL, csrr a0, mideleg)
	GOTO_M(m1)
m1:
TEST_END
