# Walk failures are page faults: V = 0 at any level (even with R/W/X set),
# and a pointer PTE (V = 1, R = W = X = 0) at the last level.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	# VA 0x180000000: root entry is a pointer with V = 0
	SET_PTE(PT_PAGE(0), 6, PT_PAGE(4), 0)
	SET_PTE(PT_PAGE(4), 0, PT_PAGE(5), PTE_V)
	SET_PTE(PT_PAGE(5), 0, DATA_PAGE(0), PTE_LEAF | PTE_RWX)
	# VA 0x1c0000000: level-1 entry with V = 0
	SET_PTE(PT_PAGE(0), 7, PT_PAGE(6), PTE_V)
	SET_PTE(PT_PAGE(6), 0, PT_PAGE(5), 0)
	# VA 0x200000000: the level-0 entry is yet another pointer
	SET_PTE(PT_PAGE(0), 8, PT_PAGE(7), PTE_V)
	SET_PTE(PT_PAGE(7), 0, PT_PAGE(8), PTE_V)
	SET_PTE(PT_PAGE(8), 0, PT_PAGE(9), PTE_V)
	# control: VA 0x200200000 -> PT_PAGE(7)[1] -> PT_PAGE(5) -> DATA_PAGE(0)
	SET_PTE(PT_PAGE(7), 1, PT_PAGE(5), PTE_V)
	# leaf with R/W/X/A/D but V = 0
	MAP_TVA(0, DATA_PAGE(0), PTE_RWX | PTE_A | PTE_D)
	# a 2 MiB leaf with V = 0
	SET_PTE(PT_PAGE(1), 1, 0x80a00000, PTE_RWX | PTE_A | PTE_D)
	STORE64(DATA_PAGE(0), 0xd00d)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, 0x200200000
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0xd00d)

	li a0, 0x180000000
	CHECK_TRAP(3, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(4, s11, 0x180000000)
	CHECK_TRAP(5, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(6, CAUSE_FETCH_PAGE, jalr a0)
f1:
	li a0, 0x1c0000008
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(8, s11, 0x1c0000008)
	CHECK_TRAP(9, CAUSE_STORE_PAGE, sd a1, 0(a0))

	li a0, 0x200000010
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(11, s11, 0x200000010)
	CHECK_TRAP(12, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f2
	CHECK_TRAP(13, CAUSE_FETCH_PAGE, jalr a0)
f2:
	li a0, TVA(0)
	CHECK_TRAP(14, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TRAP(15, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f3
	CHECK_TRAP(16, CAUSE_FETCH_PAGE, jalr a0)
f3:
	li a0, 0x40200000
	CHECK_TRAP(17, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(18, s11, 0x40200000)
	GOTO_M(m1)
m1:
TEST_END
