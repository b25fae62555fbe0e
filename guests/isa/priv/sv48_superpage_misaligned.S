# Sv48 superpages whose PPN is not aligned to their size fault: 512 GiB,
# 1 GiB and 2 MiB leaves.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV48_SETUP
	# L3[4]: 512 GiB leaf at PA 0x80000000 (misaligned)
	SET_PTE(PT_PAGE(3), 4, 0x80000000, PTE_LEAF | PTE_RWX)
	# L3[5] -> L2: [0] 1 GiB leaf at 0x80200000 (misaligned),
	#              [1] -> L1: [0] 2 MiB leaf at 0x80a01000 (misaligned)
	SET_PTE(PT_PAGE(3), 5, PT_PAGE(4), PTE_V)
	SET_PTE(PT_PAGE(4), 0, 0x80200000, PTE_LEAF | PTE_RWX)
	SET_PTE(PT_PAGE(4), 1, PT_PAGE(5), PTE_V)
	SET_PTE(PT_PAGE(5), 0, 0x80a01000, PTE_LEAF | PTE_RWX)
	# control: L1[1] 2 MiB leaf at 0x80a00000
	SET_PTE(PT_PAGE(5), 1, 0x80a00000, PTE_LEAF | PTE_RWX)
	SV48_ON

	ENTER_S(s1)
s1:	li a0, 0x20000000000 + 0x80
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(2, s11, 0x20000000000 + 0x80)
	CHECK_TRAP(3, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(4, CAUSE_FETCH_PAGE, jalr a0)
f1:
	li a0, 0x28000000000
	CHECK_TRAP(5, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(6, s11, 0x28000000000)
	li a0, 0x28040000000
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(8, s11, 0x28040000000)
	CHECK_TRAP(9, CAUSE_STORE_PAGE, sd a1, 0(a0))
	li a0, 0x28040200000
	CHECK_NOTRAP(10, ld a1, 0(a0))
	GOTO_M(m1)
m1:
TEST_END
