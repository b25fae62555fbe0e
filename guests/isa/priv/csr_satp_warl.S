# satp: Sv39 and Sv48 are accepted; a write with an unsupported MODE has no
# effect at all (no field changes). ASID bits that stick are the low ones.
#include "test.h"
#include "priv_macros.h"

#define PPN 0x80800
#define V39 (SATP_SV39 | PPN)
#define V48 (SATP_SV48 | PPN)

TEST_START
PRIV_INIT
	csrw satp, zero
	csrr a0, satp
	CHECK_REG(1, a0, 0)

	li t0, V39
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(2, a0, V39)

	# unsupported modes: ignored, whatever the other fields say
	li t0, (5 << 60) | 0x12345
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(3, a0, V39)
	li t0, (1 << 60) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(4, a0, V39)
	li t0, (7 << 60)
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(5, a0, V39)
	li t0, (12 << 60) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(6, a0, V39)
	li t0, (13 << 60) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(7, a0, V39)

	li t0, V48
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(8, a0, V48)
	li t0, (5 << 60) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(9, a0, V48)

	# ASID: all ones in, a contiguous low-order mask out
	li t0, V39 | (0xffff << 44)
	csrw satp, t0
	csrr a0, satp
	srli a1, a0, 44
	li t0, 0xffff
	and a1, a1, t0
	addi t1, a1, 1
	and t1, t1, a1
	CHECK_REG(10, t1, 0)
	li t0, (1 << 44) - 1			# PPN unchanged
	and a1, a0, t0
	CHECK_REG(11, a1, PPN)

	# from S too (TVM = 0); satp stays Bare so S keeps running untranslated
	csrw satp, zero
	ENTER_S(s1)
s1:	li t0, (5 << 60) | 0x1
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(12, a0, 0)
	GOTO_M(m1)
m1:
TEST_END
