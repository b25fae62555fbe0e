# sstatus is a restricted view of mstatus: it shows only the S fields
# (SIE SPIE UBE SPP VS FS XS SUM MXR UXL SD) and writes to it change only
# those; M-only fields are invisible and untouched.
#include "test.h"
#include "priv_macros.h"

#define SMASK (MSTATUS_SIE | MSTATUS_SPIE | (1 << 6) | MSTATUS_SPP | (3 << 9) | MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM | MSTATUS_MXR | (3 << 32) | MSTATUS_SD)
#define MFIELDS (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SFIELDS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)

/* a0 = sstatus, a1 = mstatus & SMASK; fail unless equal */
#define CHECK_VIEW(n)                               \
	csrr a0, sstatus;                           \
	csrr a1, mstatus;                           \
	li t0, SMASK;                               \
	and a1, a1, t0;                             \
	li gp, n;                                   \
	bne a0, a1, fail;

TEST_START
PRIV_INIT
	CHECK_VIEW(1)

	# M fields set: invisible in sstatus
	li t0, MFIELDS
	csrs mstatus, t0
	csrr a0, sstatus
	and a0, a0, t0
	CHECK_REG(2, a0, 0)
	CHECK_VIEW(3)

	# S fields set through mstatus: visible in sstatus
	li t0, SFIELDS
	csrs mstatus, t0
	csrr a0, sstatus
	and a0, a0, t0
	CHECK_REG(4, a0, SFIELDS)
	CHECK_VIEW(5)

	# clearing every sstatus bit (UXL aside) leaves the M fields alone
	li t0, ~(3 << 32)
	csrc sstatus, t0
	csrr a0, mstatus
	li t0, MFIELDS
	and a1, a0, t0
	CHECK_REG(6, a1, MFIELDS)
	li t0, SFIELDS | MSTATUS_FS
	and a1, a0, t0
	CHECK_REG(7, a1, 0)
	srli a1, a0, 34				# SXL still 2
	andi a1, a1, 3
	CHECK_REG(8, a1, 2)

	# setting every sstatus bit (UXL aside) sets no M field
	li t0, MFIELDS
	csrc mstatus, t0
	li t0, ~(3 << 32)
	csrs sstatus, t0
	csrr a0, mstatus
	li t0, MFIELDS
	and a1, a0, t0
	CHECK_REG(9, a1, 0)
	li t0, SFIELDS | MSTATUS_FS
	and a1, a0, t0
	CHECK_REG(10, a1, SFIELDS | MSTATUS_FS)
	CHECK_VIEW(11)

	# UXL reads 2 through sstatus
	csrr a0, sstatus
	srli a0, a0, 32
	andi a0, a0, 3
	CHECK_REG(12, a0, 2)

	# the same from S: S writes sstatus, M sees it in mstatus
	li t0, SFIELDS
	csrc mstatus, t0
	li t0, MSTATUS_MPIE		# MIE = 0 in S; an S write must not set it
	csrc mstatus, t0
	ENTER_S(s1)
s1:	li t0, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SPIE
	csrs sstatus, t0
	csrr a0, sstatus
	and a0, a0, t0
	CHECK_REG(13, a0, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SPIE)
	li t0, ~(3 << 32)		# writing all ones from S: still no M field
	csrs sstatus, t0
	csrc sstatus, t0
	GOTO_M(m1)
m1:	csrr a0, mstatus
	li t0, MSTATUS_MIE | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | SFIELDS
	and a1, a0, t0
	CHECK_REG(14, a1, 0)
TEST_END
