# mie/mip bit rules: the six standard enables are writable; in mip, MSIP,
# MTIP and MEIP are read-only (driven by devices) while SSIP, STIP and SEIP
# are writable by M.
#include "test.h"
#include "priv_macros.h"

#define STD_BITS (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define S_BITS   (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define M_BITS   (MIP_MSIP | MIP_MTIP | MIP_MEIP)

TEST_START
PRIV_INIT

	# mie: every standard enable can be set and cleared
	li t0, -1
	csrw mie, t0
	csrr a0, mie
	li t0, STD_BITS
	and a0, a0, t0
	CHECK_REG(1, a0, STD_BITS)
	csrw mie, zero
	csrr a0, mie
	CHECK_REG(2, a0, 0)

	# mip: with no device asserting, writing the M bits has no effect
	TIMER_OFF
	SET_MSIP(0)
	li t0, M_BITS
	csrs mip, t0
	csrr a0, mip
	and a0, a0, t0
	CHECK_REG(3, a0, 0)

	# the S bits are writable from M
	li t0, S_BITS
	csrs mip, t0
	csrr a0, mip
	and a0, a0, t0
	CHECK_REG(4, a0, S_BITS)
	csrc mip, t0
	csrr a0, mip
	and a0, a0, t0
	CHECK_REG(5, a0, 0)

	# a device-driven bit cannot be cleared by a CSR write
	TIMER_NOW
	WAIT_MIP(MIP_MTIP)
	li t0, MIP_MTIP
	csrc mip, t0
	csrr a0, mip
	and a0, a0, t0
	CHECK_REG(6, a0, MIP_MTIP)
	TIMER_OFF

	SET_MSIP(1)
	WAIT_MIP(MIP_MSIP)
	csrci mip, MIP_MSIP
	csrr a0, mip
	andi a0, a0, MIP_MSIP
	CHECK_REG(7, a0, MIP_MSIP)
	SET_MSIP(0)

	# csrrw returns the old value and writes the new one
	li t0, MIP_SSIP
	csrw mie, t0
	li t1, MIP_STIP
	csrrw a0, mie, t1
	CHECK_REG(8, a0, MIP_SSIP)
	csrr a0, mie
	CHECK_REG(9, a0, MIP_STIP)
	csrw mie, zero
TEST_END
