# mstatus field rules on RV64: UXL = SXL = 2, little-endian only (UBE, SBE,
# MBE = 0), XS = 0, SD read-only; the writable control bits read back; MPP
# keeps M, S and U.
#include "test.h"
#include "priv_macros.h"

#define UBE (1 << 6)
#define SBE (1 << 36)
#define MBE (1 << 37)

#define FIELD(reg, shift, mask) srli reg, reg, shift; andi reg, reg, mask

TEST_START
PRIV_INIT
	csrr a0, mstatus
	FIELD(a0, 32, 3)
	CHECK_REG(1, a0, 2)			# UXL
	csrr a0, mstatus
	FIELD(a0, 34, 3)
	CHECK_REG(2, a0, 2)			# SXL

	# endianness bits: read-only 0 here
	li t0, UBE | SBE | MBE
	csrs mstatus, t0
	csrr a0, mstatus
	and a0, a0, t0
	CHECK_REG(3, a0, 0)

	# XS read-only 0 (no custom extension state)
	li t0, MSTATUS_XS
	csrs mstatus, t0
	csrr a0, mstatus
	and a0, a0, t0
	CHECK_REG(4, a0, 0)

	# SD cannot be written: with FS = XS = VS = 0 it reads 0
	li t0, MSTATUS_FS
	csrc mstatus, t0
	li t0, MSTATUS_SD
	csrs mstatus, t0
	csrr a0, mstatus
	srli a0, a0, 63
	CHECK_REG(5, a0, 0)
	# FS = Dirty makes SD = 1, FS = Clean makes it 0 again
	li t0, MSTATUS_FS
	csrs mstatus, t0
	csrr a0, mstatus
	srli a0, a0, 63
	CHECK_REG(6, a0, 1)
	li t0, MSTATUS_FS_INITIAL
	csrc mstatus, t0
	csrr a0, mstatus
	srli a0, a0, 63
	CHECK_REG(7, a0, 0)
	csrr a0, mstatus
	FIELD(a0, 13, 3)
	CHECK_REG(8, a0, 2)			# FS = Clean
	li t0, MSTATUS_FS
	csrc mstatus, t0

	# writable single bits
	li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
	csrs mstatus, t0
	csrr a0, mstatus
	and a0, a0, t0
	li gp, 9
	bne a0, t0, fail
	csrc mstatus, t0
	csrr a0, mstatus
	and a0, a0, t0
	CHECK_REG(10, a0, 0)
	csrsi mstatus, MSTATUS_MIE
	csrr a0, mstatus
	andi a0, a0, MSTATUS_MIE
	CHECK_REG(11, a0, MSTATUS_MIE)
	csrci mstatus, MSTATUS_MIE

	# MPP holds U, S and M
	li t0, MSTATUS_MPP
	csrc mstatus, t0
	csrr a0, mstatus
	FIELD(a0, 11, 3)
	CHECK_REG(12, a0, 0)
	li t0, MSTATUS_MPP_S
	csrs mstatus, t0
	csrr a0, mstatus
	FIELD(a0, 11, 3)
	CHECK_REG(13, a0, 1)
	li t0, MSTATUS_MPP
	csrs mstatus, t0
	csrr a0, mstatus
	FIELD(a0, 11, 3)
	CHECK_REG(14, a0, 3)
TEST_END
