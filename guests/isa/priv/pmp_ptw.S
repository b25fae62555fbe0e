# PMP also checks the implicit page-table reads of a walk: a PTE in a denied
# region gives an access fault of the original access type (load 5, store 7,
# fetch 1), not a page fault. So does a translated address in a denied region.
#include "test.h"
#include "priv_macros.h"

#define VA_DENIED_PT 0x40200000		/* leaf table PT_PAGE(4): denied */

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_RWX)
	MAP_TVA(3, DATA_PAGE(3), PTE_LEAF | PTE_RWX)	# frame denied
	SET_PTE(PT_PAGE(1), 1, PT_PAGE(4), PTE_V)
	SET_PTE(PT_PAGE(4), 0, DATA_PAGE(1), PTE_LEAF | PTE_RWX)
	STORE64(DATA_PAGE(0), 0x99)

	PMP_OFF_ALL
	PMP_IMAGE_RWX
	# page tables (64 KiB at PT_PAGE(0)) and data (1 MiB) allowed
	PMP_ENTRY_2(13, NAPOT(PT_PAGE(0), 0x10000), PMP_NAPOT | PMP_R | PMP_W)
	PMP_ENTRY_2(12, NAPOT(DATA_PAGE(0), 0x100000), PMP_NAPOT | PMP_RWX)
	# but not PT_PAGE(4) nor DATA_PAGE(3)
	PMP_ENTRY_0(0, NAPOT(PT_PAGE(4), 0x1000), PMP_NAPOT)
	PMP_ENTRY_0(1, NAPOT(DATA_PAGE(3), 0x1000), PMP_NAPOT)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0x99)

	li a0, VA_DENIED_PT + 0x10
	CHECK_TRAP(3, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(4, s11, VA_DENIED_PT + 0x10)
	CHECK_TRAP(5, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	CHECK_REG(6, s11, VA_DENIED_PT + 0x10)
	la s8, f1
	CHECK_TRAP(7, CAUSE_FETCH_ACCESS, jalr a0)
f1:	CHECK_REG(8, s11, VA_DENIED_PT + 0x10)

	li a0, TVA(3) + 0x20
	CHECK_TRAP(9, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(10, s11, TVA(3) + 0x20)
	CHECK_TRAP(11, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	la s8, f2
	CHECK_TRAP(12, CAUSE_FETCH_ACCESS, jalr a0)
f2:	GOTO_M(m1)

	# delegated access faults reach S the same way
m1:	li t0, (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS)
	csrw medeleg, t0
	ENTER_S(s2)
s2:	li a0, VA_DENIED_PT
	CHECK_TRAP(13, CAUSE_LOAD_ACCESS, lw a1, 0(a0))
	CHECK_REG(14, s7, 0x11)
	CHECK_REG(15, s11, VA_DENIED_PT)
	GOTO_M(m2)
m2:
TEST_END
