# sie and sip are views of mie and mip masked by mideleg: undelegated bits
# read 0 and ignore writes; delegated bits alias the M registers. In sip only
# SSIP is writable.
#include "test.h"
#include "priv_macros.h"

#define S_BITS (MIP_SSIP | MIP_STIP | MIP_SEIP)

TEST_START
PRIV_INIT
	TIMER_OFF			# MTIE is set below: keep MTIP clear

	# nothing delegated: sie/sip read 0 even with the M bits set
	li t0, S_BITS | MIP_MTIP
	csrs mie, t0
	li t0, S_BITS
	csrs mip, t0
	csrr a0, sie
	CHECK_REG(1, a0, 0)
	csrr a0, sip
	CHECK_REG(2, a0, 0)
	# and writes through them change nothing
	csrw sie, zero
	csrw sip, zero
	csrr a0, mie
	li t0, S_BITS | MIP_MTIP
	and a0, a0, t0
	CHECK_REG(3, a0, S_BITS | MIP_MTIP)
	csrr a0, mip
	li t0, S_BITS
	and a0, a0, t0
	CHECK_REG(4, a0, S_BITS)

	# delegate SSI only: sie/sip show just that bit, never M bits
	csrwi mideleg, MIP_SSIP
	csrr a0, sie
	CHECK_REG(5, a0, MIP_SSIP)
	csrr a0, sip
	CHECK_REG(6, a0, MIP_SSIP)

	# delegate all three: full S view
	li t0, S_BITS
	csrw mideleg, t0
	csrr a0, sie
	CHECK_REG(7, a0, S_BITS)
	csrr a0, sip
	CHECK_REG(8, a0, S_BITS)

	# sie writes reach mie (delegated bits only; MTIE untouched)
	li t0, -1
	csrc sie, t0
	csrr a0, mie
	li t0, S_BITS | MIP_MTIP
	and a0, a0, t0
	CHECK_REG(9, a0, MIP_MTIP)
	li t0, -1
	csrs sie, t0
	csrr a0, mie
	li t0, S_BITS | MIP_MTIP | MIP_MSIP | MIP_MEIP
	and a0, a0, t0
	CHECK_REG(10, a0, S_BITS | MIP_MTIP)

	# sip: SSIP writable, STIP/SEIP read-only (M's view unchanged)
	li t0, S_BITS
	csrc sip, t0
	csrr a0, mip
	and a0, a0, t0
	CHECK_REG(11, a0, MIP_STIP | MIP_SEIP)
	csrsi sip, MIP_SSIP
	csrr a0, mip
	andi a0, a0, MIP_SSIP
	CHECK_REG(12, a0, MIP_SSIP)

	# the same from S
	ENTER_S(s1)
s1:	csrr a0, sip
	CHECK_REG(13, a0, S_BITS)
	li t0, S_BITS
	csrc sip, t0
	csrr a0, sip
	CHECK_REG(14, a0, MIP_STIP | MIP_SEIP)
	csrw sie, zero
	csrr a0, sie
	CHECK_REG(15, a0, 0)
	li t0, MIP_STIP
	csrw sie, t0
	csrr a0, sie
	CHECK_REG(16, a0, MIP_STIP)
	csrw sie, zero
	GOTO_M(m1)
m1:	csrr a0, mie
	li t0, S_BITS | MIP_MTIP
	and a0, a0, t0
	CHECK_REG(17, a0, MIP_MTIP)
	li t0, S_BITS
	csrc mip, t0
	csrw mie, zero
TEST_END
