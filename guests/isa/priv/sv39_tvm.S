# mstatus.TVM = 1: satp accesses and SFENCE.VMA in S are illegal (mtval =
# the instruction); M is not affected. TVM = 0 allows them.
#include "test.h"
#include "priv_macros.h"

#define SATP_VAL (SATP_SV39 | (PT_PAGE(0) >> 12))

TEST_START
PRIV_INIT
	SV39_SETUP
	SV39_ON

	li t0, MSTATUS_TVM
	csrs mstatus, t0
	CHECK_NOTRAP(1, csrr a0, satp; sfence.vma)
	CHECK_REG(2, a0, SATP_VAL)

	ENTER_S(s1)
s1:	CHECK_TRAP(3, CAUSE_ILLEGAL, csrr a0, satp)
	CHECK_REG(4, s11, (0x180 << 20) | (2 << 12) | (10 << 7) | 0x73)
	li t0, SATP_VAL
	CHECK_TRAP(5, CAUSE_ILLEGAL, csrw satp, t0)
	CHECK_TRAP(6, CAUSE_ILLEGAL, csrrs a0, satp, zero)
	CHECK_TRAP(7, CAUSE_ILLEGAL, sfence.vma)
	CHECK_REG(8, s11, 0x12000073)
	li a0, TVA(0)
	CHECK_TRAP(9, CAUSE_ILLEGAL, sfence.vma a0, zero)
	CHECK_REG(10, s7, 0x13)
	# other S CSRs are fine
	CHECK_NOTRAP(11, csrr a0, sstatus; csrr a0, stvec)
	GOTO_M(m1)

m1:	li t0, MSTATUS_TVM
	csrc mstatus, t0
	ENTER_S(s2)
s2:	CHECK_NOTRAP(12, csrr a0, satp; sfence.vma; csrw satp, a0; sfence.vma a0, zero)
	CHECK_REG(13, a0, SATP_VAL)
	GOTO_M(m2)
m2:
TEST_END
