# U-mode may touch only pages with U = 1: loads, stores and fetches on
# S pages are page faults (13, 15, 12), with stval = the address.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)		# S data
	MAP_TVA(1, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_X)		# S code
	MAP_TVA(2, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W | PTE_U)	# U data
	MAP_TVA(3, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_X | PTE_U)	# U code
	COPY_CODE(snippet, DATA_PAGE(1), 8)
	SV39_ON

	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(0) + 0x40
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	CHECK_REG(2, s11, TVA(0) + 0x40)
	CHECK_REG(3, s7, 0x03)
	CHECK_TRAP(4, CAUSE_STORE_PAGE, sw a1, 0(a0))
	CHECK_REG(5, s11, TVA(0) + 0x40)
	li a0, TVA(1)
	la s8, f1
	CHECK_TRAP(6, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(7, s11, TVA(1))
	CHECK_REG(8, s10, TVA(1))
	# the S (identity) image is not U either
	li a0, 0x80000000
	la s8, f2
	CHECK_TRAP(9, CAUSE_FETCH_PAGE, jalr a0)
f2:	CHECK_REG(10, s11, 0x80000000)
	CHECK_TRAP(11, CAUSE_LOAD_PAGE, ld a1, 0(a0))

	# the U pages work
	li a0, TVA(2)
	li t0, 5
	CHECK_NOTRAP(12, sd t0, 0(a0); ld a1, 0(a0))
	CHECK_REG(13, a1, 5)
	li a0, TVA(3)
	CHECK_NOTRAP(14, jalr a0)
	CHECK_REG(15, a1, 42)

	# MXR and SUM do not change what U may do
	GOTO_M(m1)
m1:	li t0, MSTATUS_SUM | MSTATUS_MXR
	csrs mstatus, t0
	ENTER_U_ALIAS(u2)
u2:	li a0, TVA(0)
	CHECK_TRAP(16, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	GOTO_M(m2)
m2:	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
