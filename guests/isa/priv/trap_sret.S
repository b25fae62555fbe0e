# SRET: SIE <- SPIE, SPIE <- 1, privilege <- SPP, SPP <- U.
# SRET is legal in S (TSR = 0) and in M.
#include "test.h"
#include "priv_macros.h"

#define SRET_TO(label)                              \
	la t0, label;                               \
	csrw sepc, t0;                              \
	sret;

#define SSTATUS_BITS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)

TEST_START
PRIV_INIT

	ENTER_S(in_s)
in_s:
	# SPP = S, SPIE = 1, SIE = 0 -> S with SIE = 1, SPIE = 1, SPP = U
	li t0, MSTATUS_SPP | MSTATUS_SPIE
	csrs sstatus, t0
	csrci sstatus, MSTATUS_SIE
	SRET_TO(r1)
r1:	csrr a0, sstatus
	andi a0, a0, SSTATUS_BITS
	CHECK_REG(1, a0, MSTATUS_SIE | MSTATUS_SPIE)
	CHECK_TRAP(2, CAUSE_ILLEGAL, csrr t0, mstatus)	# still S

	# SPIE = 0, SIE = 1 -> SIE = 0, SPIE = 1
	li t0, MSTATUS_SPP | MSTATUS_SIE
	csrs sstatus, t0
	li t0, MSTATUS_SPIE
	csrc sstatus, t0
	SRET_TO(r2)
r2:	csrr a0, sstatus
	andi a0, a0, SSTATUS_BITS
	CHECK_REG(3, a0, MSTATUS_SPIE)

	# SPP = U: lands in U
	li t0, MSTATUS_SPP
	csrc sstatus, t0
	SRET_TO(in_u)
in_u:
	CHECK_TRAP(4, CAUSE_ILLEGAL, csrr t0, sstatus)
	CHECK_REG(5, s7, 0x03)
	GOTO_M(m1)

	# SRET from M: goes to SPP (S here)
m1:	li t0, MSTATUS_SPP
	csrs mstatus, t0
	SRET_TO(in_s2)
in_s2:
	CHECK_NOTRAP(6, csrr t0, sstatus)
	CHECK_TRAP(7, CAUSE_ILLEGAL, csrr t0, mscratch)
	CHECK_REG(8, s7, 0x13)
	GOTO_M(m2)
m2:	csrr a0, mstatus
	li t0, MSTATUS_SPP
	and a0, a0, t0
	CHECK_REG(9, a0, 0)
TEST_END
