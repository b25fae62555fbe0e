# Sv57 virtual addresses must have bits 63:57 equal to bit 56. Addresses
# that Sv48 would reject (bits 56:48 in use, or bit 47 set alone) are fine
# here.
#include "test.h"
#include "priv_macros.h"

#define HIGH 0xff00000000000000		/* L4[256] */

TEST_START
PRIV_INIT
	SV57_SETUP
	# L4[256]: a 256 TiB leaf at PA 0
	SET_PTE(PT_PAGE(15), 256, 0, PTE_LEAF | PTE_RWX)
	# VA 0x800000000000 (bit 47, not canonical for Sv48): L3[256] of the
	# low tree, a 512 GiB leaf at PA 0
	SET_PTE(PT_PAGE(3), 256, 0, PTE_LEAF | PTE_RWX)
	STORE64(DATA_PAGE(0), 0xbeef)
	SV57_ON

	ENTER_S(s1)
s1:	li a0, HIGH + DATA_PAGE(0)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0xbeef)
	li a0, 0x800000000000 + DATA_PAGE(0)
	CHECK_NOTRAP(3, ld a1, 0(a0))
	CHECK_REG(4, a1, 0xbeef)

	# bit 56 set without the sign extension
	li a0, 0x0100000000000000 + DATA_PAGE(0)
	CHECK_TRAP(5, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(6, s11, 0x0100000000000000 + DATA_PAGE(0))
	CHECK_TRAP(7, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(8, CAUSE_FETCH_PAGE, jalr a0)
f1:
	# bit 57 set on a mapped low address
	li a0, (1 << 57) + DATA_PAGE(0)
	CHECK_TRAP(9, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	# bit 63 set on a mapped low address
	li a0, (1 << 63) + DATA_PAGE(0)
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	# upper bits set, bit 56 clear
	li a0, 0xfe00000000000000 + DATA_PAGE(0)
	CHECK_TRAP(11, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	GOTO_M(m1)
m1:
TEST_END
