# The hardware performance monitor CSRs exist (they may be hardwired to 0):
# mhpmcounterN and mhpmeventN are accessible in M; hpmcounterN is readable
# in S only with mcounteren bit N. (Checked for N in 3..17; all of 3..31
# must exist.)
#include "test.h"
#include "priv_macros.h"

#define MACC(n, csr) CHECK_NOTRAP(n, csrr a0, csr; csrw csr, zero)

TEST_START
PRIV_INIT
	MACC(1, mhpmcounter3)
	MACC(2, mhpmcounter4)
	MACC(3, mhpmcounter10)
	MACC(4, mhpmcounter17)
	MACC(6, mhpmevent3)
	MACC(7, mhpmevent4)
	MACC(8, mhpmevent16)
	CHECK_NOTRAP(10, csrr a0, hpmcounter3; csrr a0, hpmcounter17)
	# the user view is read-only
	CHECK_TRAP(11, CAUSE_ILLEGAL, csrw hpmcounter3, zero)

	# S: gated by mcounteren bits 3 and 17
	csrw mcounteren, zero
	ENTER_S(s1)
s1:	CHECK_TRAP(12, CAUSE_ILLEGAL, csrr a0, hpmcounter3)
	CHECK_TRAP(13, CAUSE_ILLEGAL, csrr a0, hpmcounter17)
	CHECK_TRAP(14, CAUSE_ILLEGAL, csrr a0, mhpmcounter3)
	GOTO_M(m1)
m1:	li t0, (1 << 3) | (1 << 17)
	csrw mcounteren, t0
	csrr a0, mcounteren
	and a0, a0, t0
	li gp, 15
	bne a0, t0, fail
	ENTER_S(s2)
s2:	CHECK_NOTRAP(16, csrr a0, hpmcounter3; csrr a0, hpmcounter17)
	CHECK_TRAP(17, CAUSE_ILLEGAL, csrr a0, hpmcounter4)
	GOTO_M(m2)
m2:	csrw mcounteren, zero
TEST_END
