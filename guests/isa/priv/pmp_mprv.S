# With MPRV = 1, M-mode loads and stores are checked against PMP as the
# privilege in MPP; instruction fetches stay M-mode (unchecked).
#include "test.h"
#include "priv_macros.h"

#define P0 DATA_PAGE(0)		/* R */
#define P1 DATA_PAGE(1)		/* no entry */

#define MPRV_AS(mpp)                                \
	li t0, MSTATUS_MPP;                         \
	csrc mstatus, t0;                           \
	li t0, ((mpp) << 11) | MSTATUS_MPRV;        \
	csrs mstatus, t0;

TEST_START
PRIV_INIT
	STORE64(P0, 0x1357)
	PMP_OFF_ALL
	# the image without X: only M can run it
	PMP_ENTRY_2(14, NAPOT(0x80000000, 0x800000), PMP_NAPOT | PMP_R | PMP_W)
	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT | PMP_R)

	MPRV_AS(0)
	li a0, P0
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0x1357)
	CHECK_TRAP(3, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	CHECK_REG(4, s11, P0)
	CHECK_REG(5, s7, 0x33)
	MPRV_AS(0)
	li a0, P1
	CHECK_TRAP(6, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(7, s11, P1)

	MPRV_AS(1)
	li a0, P1
	CHECK_TRAP(8, CAUSE_STORE_ACCESS, sw a1, 0(a0))
	MPRV_AS(1)
	li a0, P0
	CHECK_NOTRAP(9, lw a1, 0(a0))

	# MPP = M: no check
	MPRV_AS(3)
	li a0, P1
	CHECK_NOTRAP(10, sd a1, 0(a0); ld a1, 0(a0))
	li a0, P0
	CHECK_NOTRAP(11, sd a1, 8(a0))

	# MPRV = 0: no check
	li t0, MSTATUS_MPRV
	csrc mstatus, t0
	li t0, MSTATUS_MPP
	csrc mstatus, t0
	li a0, P1
	CHECK_NOTRAP(12, sd a1, 0(a0))
TEST_END
