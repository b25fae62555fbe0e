# Sv48 virtual addresses must have bits 63:48 equal to bit 47. Addresses
# that Sv39 would reject (bits 47:39 in use) are fine here.
#include "test.h"
#include "priv_macros.h"

#define HIGH 0xffff800000000000		/* L3[256] */

TEST_START
PRIV_INIT
	SV48_SETUP
	# L3[256] -> PT_PAGE(4), whose [0] is a 1 GiB leaf at 0x80000000
	SET_PTE(PT_PAGE(3), 256, PT_PAGE(4), PTE_V)
	SET_PTE(PT_PAGE(4), 0, 0x80000000, PTE_LEAF | PTE_RWX)
	# VA 0x4000000000 (bit 38, not canonical for Sv39): L2[256] of the
	# low tree, 1 GiB leaf at 0x80000000
	SET_PTE(PT_PAGE(0), 256, 0x80000000, PTE_LEAF | PTE_RWX)
	STORE64(DATA_PAGE(0), 0xbeef)
	SV48_ON

	ENTER_S(s1)
s1:	li a0, HIGH + (DATA_PAGE(0) - 0x80000000)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0xbeef)
	li a0, 0x4000000000 + (DATA_PAGE(0) - 0x80000000)
	CHECK_NOTRAP(3, ld a1, 0(a0))
	CHECK_REG(4, a1, 0xbeef)

	# bit 47 set without the sign extension
	li a0, 0x0000800000000000 + (DATA_PAGE(0) - 0x80000000)
	CHECK_TRAP(5, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(6, s11, 0x0000800000000000 + (DATA_PAGE(0) - 0x80000000))
	CHECK_TRAP(7, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(8, CAUSE_FETCH_PAGE, jalr a0)
f1:
	# bit 48 set on a mapped low address
	li a0, (1 << 48) + DATA_PAGE(0)
	CHECK_TRAP(9, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	# bit 63 set on a mapped low address
	li a0, (1 << 63) + DATA_PAGE(0)
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	# upper bits set, bit 47 clear
	li a0, 0xffff000000000000 + DATA_PAGE(0)
	CHECK_TRAP(11, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	GOTO_M(m1)
m1:
TEST_END
