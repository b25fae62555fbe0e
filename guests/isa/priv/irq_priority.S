# Several interrupts pending at once are taken in priority order. Each one
# taken is disabled by the handler, which logs its cause in a6.
# Checked: MSI > MTI > SEI, MSI > STI, SSI > STI, and (in S) a pending
# machine interrupt before delegated supervisor ones. The full order
# MEI > MSI > MTI > SEI > SSI > STI also ranks SEI and the machine ones above
# SSI and MTI above STI; those pairs are not checked here.
#include "test.h"
#include "priv_macros.h"

#define TAKE_ALL_M                                  \
	li a6, 0;                                   \
	csrsi mstatus, MSTATUS_MIE;                 \
	nop;                                        \
	csrci mstatus, MSTATUS_MIE;

TEST_START
PRIV_INIT

	SET_MSIP(1)
	TIMER_NOW
	li t0, MIP_STIP | MIP_SEIP
	csrs mip, t0
	WAIT_MIP(MIP_MSIP)
	WAIT_MIP(MIP_MTIP)

	# MSI, MTI, SEI together
	li t0, MIP_MSIP | MIP_MTIP | MIP_SEIP
	csrs mie, t0
	TAKE_ALL_M
	CHECK_REG(1, a6, 0x379)

	# MTI, SEI
	li t0, MIP_MTIP | MIP_SEIP
	csrs mie, t0
	TAKE_ALL_M
	CHECK_REG(2, a6, 0x79)

	# MSI, STI
	li t0, MIP_MSIP | MIP_STIP
	csrs mie, t0
	TAKE_ALL_M
	CHECK_REG(3, a6, 0x35)

	# MSI, SEI
	li t0, MIP_MSIP | MIP_SEIP
	csrs mie, t0
	TAKE_ALL_M
	CHECK_REG(4, a6, 0x39)

	# SSI, STI
	li t0, MIP_SEIP
	csrc mip, t0
	csrsi mip, MIP_SSIP
	li t0, MIP_SSIP | MIP_STIP
	csrs mie, t0
	TAKE_ALL_M
	CHECK_REG(5, a6, 0x15)

	# in S: delegated SSI and STI plus a machine timer interrupt: the
	# machine one goes first (to M), then SSI, then STI (to S)
	li t0, MIP_SSIP | MIP_STIP
	csrw mideleg, t0
	csrs mie, t0
	li t0, MIP_MTIP
	csrs mie, t0
	li a6, 0
	ENTER_S(s1)
s1:	csrsi sstatus, MSTATUS_SIE
	nop
	csrci sstatus, MSTATUS_SIE
	CHECK_REG(6, a6, 0x715)
	GOTO_M(m1)

m1:	SET_MSIP(0)
	TIMER_OFF
	li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
	csrc mip, t0
TEST_END
