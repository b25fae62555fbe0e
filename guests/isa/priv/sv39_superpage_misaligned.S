# A superpage leaf whose PPN is not aligned to its size is a page fault
# (load 13, store 15, fetch 12) with stval = the virtual address.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	# 2 MiB leaf at VA 0x40200000 with PPN[0] != 0
	SET_PTE(PT_PAGE(1), 1, 0x80a01000, PTE_LEAF | PTE_RWX)
	# 1 GiB leaf at VA 0x100000000 with PPN[1] != 0
	SET_PTE(PT_PAGE(0), 4, 0x80200000, PTE_LEAF | PTE_RWX)
	# 1 GiB leaf at VA 0x140000000 with only PPN[0] != 0
	SET_PTE(PT_PAGE(0), 5, 0x80001000, PTE_LEAF | PTE_RWX)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, 0x40200010
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(2, s11, 0x40200010)
	CHECK_TRAP(3, CAUSE_STORE_PAGE, sd a1, 8(a0))
	CHECK_REG(4, s11, 0x40200018)
	la s8, f1
	CHECK_TRAP(5, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(6, s11, 0x40200010)
	CHECK_REG(7, s10, 0x40200010)

	li a0, 0x100000000
	CHECK_TRAP(8, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	CHECK_REG(9, s11, 0x100000000)
	CHECK_TRAP(10, CAUSE_STORE_PAGE, sw a1, 4(a0))
	la s8, f2
	CHECK_TRAP(11, CAUSE_FETCH_PAGE, jalr a0)
f2:	CHECK_REG(12, s11, 0x100000000)

	li a0, 0x140000000 + 0x2468
	CHECK_TRAP(13, CAUSE_LOAD_PAGE, lbu a1, 0(a0))
	CHECK_REG(14, s11, 0x140000000 + 0x2468)
	GOTO_M(m1)
m1:
TEST_END
