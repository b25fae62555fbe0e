# MRET: MIE <- MPIE, MPIE <- 1, privilege <- MPP, MPP <- U; MPRV is kept
# when the new privilege is M. (Clearing MPRV on a return below M is not
# checked here.)
#include "test.h"
#include "priv_macros.h"

#define MRET_TO(label)                              \
	la t0, label;                               \
	csrw mepc, t0;                              \
	mret;

TEST_START
PRIV_INIT

	# MPP = M, MPIE = 0, MIE = 1: mret stays in M with MIE = 0, MPIE = 1,
	# MPP = U. MPRV is kept because the new privilege is M.
	li t0, MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_MIE
	csrs mstatus, t0
	li t0, MSTATUS_MPIE
	csrc mstatus, t0
	MRET_TO(r1)
r1:	csrr a0, mstatus
	li t0, MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_MIE | MSTATUS_MPIE
	and a0, a0, t0
	CHECK_REG(1, a0, MSTATUS_MPRV | MSTATUS_MPIE)
	li t0, MSTATUS_MPRV
	csrc mstatus, t0

	# MPIE = 1, MIE = 0 -> MIE = 1 (no interrupt is enabled in mie)
	li t0, MSTATUS_MPP | MSTATUS_MPIE
	csrs mstatus, t0
	li t0, MSTATUS_MIE
	csrc mstatus, t0
	MRET_TO(r2)
r2:	csrr a0, mstatus
	li t0, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE
	and a0, a0, t0
	CHECK_REG(2, a0, MSTATUS_MIE | MSTATUS_MPIE)
	csrci mstatus, MSTATUS_MIE

	# mret jumps to mepc exactly
	li t0, MSTATUS_MPP
	csrs mstatus, t0
	li gp, 3
	la t0, r3
	csrw mepc, t0
	mret
	j fail
r3:

	# MPP = S: lands in S
	ENTER_S(in_s)
in_s:
	CHECK_NOTRAP(4, csrr t0, sstatus)		# S CSRs accessible
	CHECK_TRAP(5, CAUSE_ILLEGAL, csrr t0, mstatus)	# M CSRs not
	GOTO_M(m1)
	# MPP = U: lands in U
m1:	ENTER_U(in_u)
in_u:
	CHECK_TRAP(7, CAUSE_ILLEGAL, csrr t0, sstatus)	# S CSRs not accessible
	GOTO_M(m2)
m2:	CHECK_REG(9, s7, 0x03)		# the trap came from U
TEST_END
