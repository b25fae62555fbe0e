# Privileged instructions below their privilege are illegal (mtval = the
# instruction bits): MRET in S/U, SRET and SFENCE.VMA in U. SFENCE.VMA in
# S (TVM = 0) and MRET/SRET in M are legal.
#include "test.h"
#include "priv_macros.h"

#define MRET_BITS   0x30200073
#define SRET_BITS   0x10200073
#define SFENCE_BITS 0x12000073

TEST_START
PRIV_INIT

	ENTER_S(in_s)
in_s:
	CHECK_TRAP(1, CAUSE_ILLEGAL, p1: mret)
	CHECK_LABEL(2, s10, p1)
	CHECK_REG(3, s11, MRET_BITS)
	CHECK_REG(4, s7, 0x13)
	CHECK_NOTRAP(5, sfence.vma)
	CHECK_NOTRAP(6, sfence.vma zero, zero)
	CHECK_NOTRAP(7, li t0, 0x1000; sfence.vma t0, zero)
	GOTO_M(m1)

m1:	ENTER_U(in_u)
in_u:
	CHECK_TRAP(8, CAUSE_ILLEGAL, mret)
	CHECK_REG(9, s11, MRET_BITS)
	CHECK_TRAP(10, CAUSE_ILLEGAL, sret)
	CHECK_REG(11, s11, SRET_BITS)
	CHECK_TRAP(12, CAUSE_ILLEGAL, sfence.vma)
	CHECK_REG(13, s11, SFENCE_BITS)
	CHECK_REG(14, s7, 0x03)
	GOTO_M(m2)
m2:
	CHECK_NOTRAP(15, sfence.vma)
TEST_END
