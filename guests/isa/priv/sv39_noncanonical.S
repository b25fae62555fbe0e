# Sv39 virtual addresses must have bits 63:39 equal to bit 38; otherwise
# every access is a page fault, whatever the page table holds. Canonical
# addresses in the upper half translate through root entries 256..511.
#include "test.h"
#include "priv_macros.h"

#define HIGH 0xffffffc000000000		/* root entry 256 */

TEST_START
PRIV_INIT
	SV39_SETUP
	# root[256] (VA HIGH): 1 GiB -> 0x80000000
	SET_PTE(PT_PAGE(0), 256, 0x80000000, PTE_LEAF | PTE_RWX)
	STORE64(DATA_PAGE(0), 0xcafe)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, HIGH + (DATA_PAGE(0) - 0x80000000)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0xcafe)

	# bit 38 set, upper bits clear: the same table slot, but not canonical
	li a0, 0x0000004000000000 + (DATA_PAGE(0) - 0x80000000)
	CHECK_TRAP(3, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(4, s11, 0x0000004000000000 + (DATA_PAGE(0) - 0x80000000))
	CHECK_TRAP(5, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(6, CAUSE_FETCH_PAGE, jalr a0)
f1:
	# bit 63 set on an otherwise mapped address (the identity page)
	la a0, s1
	li t0, 1 << 63
	or a0, a0, t0
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	CHECK_TRAP(8, CAUSE_STORE_PAGE, sw a1, 0(a0))
	la s8, f2
	CHECK_TRAP(9, CAUSE_FETCH_PAGE, jalr a0)
f2:
	# bit 39 alone set
	la a0, s1
	li t0, 1 << 39
	or a0, a0, t0
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	# upper bits set, bit 38 clear
	li a0, 0xffffffbfc0000000 + (DATA_PAGE(0) - 0x80000000)
	CHECK_TRAP(11, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	GOTO_M(m1)
m1:
TEST_END
