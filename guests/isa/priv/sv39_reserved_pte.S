# Reserved leaf encodings fault: W = 1 with R = 0 (with or without X), and
# non-zero reserved bits 60:54.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_W)			# -W-
	MAP_TVA(1, DATA_PAGE(0), PTE_LEAF | PTE_W | PTE_X)		# -WX
	MAP_TVA(2, DATA_PAGE(0), PTE_LEAF | PTE_W | PTE_U)		# -W- U
	MAP_TVA(3, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W | (1 << 54))
	MAP_TVA(4, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W | (1 << 60))
	MAP_TVA(5, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)		# control
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TRAP(2, CAUSE_STORE_PAGE, sd a1, 0(a0))
	CHECK_REG(3, s11, TVA(0))
	li a0, TVA(1)
	CHECK_TRAP(4, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TRAP(5, CAUSE_STORE_PAGE, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(6, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(7, s11, TVA(1))
	# MXR does not make -W- readable
	li t0, MSTATUS_MXR | MSTATUS_SUM
	csrs sstatus, t0
	li a0, TVA(0)
	CHECK_TRAP(8, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	li a0, TVA(2)
	CHECK_TRAP(9, CAUSE_STORE_PAGE, sd a1, 0(a0))
	li t0, MSTATUS_MXR | MSTATUS_SUM
	csrc sstatus, t0
	# reserved bits
	li a0, TVA(3)
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TRAP(11, CAUSE_STORE_PAGE, sd a1, 0(a0))
	li a0, TVA(4)
	CHECK_TRAP(12, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	li a0, TVA(5)
	CHECK_NOTRAP(13, ld a1, 0(a0); sd a1, 0(a0))
	GOTO_M(m1)
m1:
TEST_END
