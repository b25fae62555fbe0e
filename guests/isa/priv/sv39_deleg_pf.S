# Page faults delegated to S: from U and from S they reach stvec with
# scause 12/13/15, stval = the virtual address, sepc = the instruction.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)		# S page
	MAP_TVA(1, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_U)		# U RO
	SV39_ON
	li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
	csrw medeleg, t0

	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(0) + 8
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, l1: ld a1, 0(a0))
	CHECK_REG(2, s7, 0x01)			# S handler, from U
	CHECK_REG(3, s11, TVA(0) + 8)
	la t0, l1				# (the U alias address)
	li gp, 4
	bne s10, t0, fail
	li a0, TVA(1) + 0x10
	CHECK_TRAP(5, CAUSE_STORE_PAGE, sw a1, 0(a0))
	CHECK_REG(6, s7, 0x01)
	CHECK_REG(7, s11, TVA(1) + 0x10)
	li a0, TVA(0)
	la s8, f1
	CHECK_TRAP(8, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(9, s7, 0x01)
	CHECK_REG(10, s10, TVA(0))
	CHECK_REG(11, s11, TVA(0))
	GOTO_M(m1)

m1:	ENTER_S(s1)
s1:	li a0, TVA(5)
	CHECK_TRAP(12, CAUSE_LOAD_PAGE, l2: lw a1, 4(a0))
	CHECK_REG(13, s7, 0x11)			# S handler, from S
	CHECK_LABEL(14, s10, l2)
	CHECK_REG(15, s11, TVA(5) + 4)
	li a0, TVA(1)
	CHECK_TRAP(16, CAUSE_STORE_PAGE, sd a1, 0(a0))
	CHECK_REG(17, s7, 0x11)
	csrr a0, scause
	CHECK_REG(18, a0, CAUSE_STORE_PAGE)
	csrr a0, stval
	CHECK_REG(19, a0, TVA(1))
	GOTO_M(m2)
m2:
TEST_END
