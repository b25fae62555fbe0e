# Sv39 with 4 KiB pages: S-mode loads/stores go through the page table, two
# virtual pages can share a frame, V = 0 faults (load 13, store 15) with
# stval = the virtual address, and M-mode stays untranslated.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(1, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)	# alias
	MAP_TVA(2, DATA_PAGE(5), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(4, DATA_PAGE(6), PTE_LEAF | PTE_R | PTE_W | PTE_U)
	STORE64(DATA_PAGE(0), 0x1111111111111111)
	STORE64(DATA_PAGE(5) + 0xff8, 0x2222222222222222)
	STORE64(DATA_PAGE(0) + 16, 0)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	ld a1, 0(a0)
	CHECK_REG(1, a1, 0x1111111111111111)
	li a0, TVA(2) + 0xff8
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0x2222222222222222)
	# a store through one page is seen through the alias
	li a0, TVA(0)
	li t0, 0x3333
	sw t0, 16(a0)
	li a0, TVA(1)
	lw a1, 16(a0)
	CHECK_REG(3, a1, 0x3333)
	# sub-word accesses use the page offset
	lbu a1, 17(a0)
	CHECK_REG(4, a1, 0x33)
	# identity-mapped data label
	la a0, word
	ld a1, 0(a0)
	CHECK_REG(5, a1, 0xabcdef)
	# satp reads back
	csrr a0, satp
	CHECK_REG(6, a0, SATP_SV39 | (PT_PAGE(0) >> 12))

	# V = 0 leaf: page faults with stval = the address
	li a0, TVA(3) + 0x123
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, l1: lb a1, 0(a0))
	CHECK_REG(8, s11, TVA(3) + 0x123)
	CHECK_LABEL(9, s10, l1)
	CHECK_REG(10, s7, 0x13)
	CHECK_TRAP(11, CAUSE_STORE_PAGE, sd a1, 8(a0))
	CHECK_REG(12, s11, TVA(3) + 0x12b)
	# whole unmapped 1 GiB region (root entry V = 0)
	li a0, 0x100000000
	CHECK_TRAP(13, CAUSE_LOAD_PAGE, lw a1, 4(a0))
	CHECK_REG(14, s11, 0x100000004)
	CHECK_TRAP(17, CAUSE_LOAD_PAGE, lr.w a1, (a0))
	CHECK_REG(16, s11, 0x100000000)
	GOTO_M(m1)

	# M is untranslated: the stores went to the physical frame
m1:	li a0, DATA_PAGE(0)
	lw a1, 16(a0)
	CHECK_REG(18, a1, 0x3333)

	# U through the U alias of the image, on a U page
	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(4)
	li t0, 0x4444
	sd t0, 0(a0)
	ld a1, 0(a0)
	CHECK_REG(19, a1, 0x4444)
	CHECK_TRAP(20, CAUSE_LOAD_PAGE, ld a1, -8(a0))
	CHECK_REG(21, s11, TVA(3) + 0xff8)
	CHECK_REG(22, s7, 0x03)
	GOTO_M(m2)
m2:	li a0, DATA_PAGE(6)
	ld a1, 0(a0)
	CHECK_REG(23, a1, 0x4444)

	.data
	.align 3
word:	.dword 0xabcdef
	.text
TEST_END
