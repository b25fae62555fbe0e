# Sv39 superpages: a level-1 leaf maps 2 MiB and a level-2 leaf 1 GiB; the
# low virtual address bits pass through as the offset.
#include "test.h"
#include "priv_macros.h"

#define MEGA_PA 0x80a00000		/* 2 MiB aligned */

TEST_START
PRIV_INIT
	SV39_SETUP
	# VA 0x40200000 (2 MiB) -> MEGA_PA, VA 0x40400000 (2 MiB, U) -> MEGA_PA
	SET_PTE(PT_PAGE(1), 1, MEGA_PA, PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(1), 2, MEGA_PA, PTE_LEAF | PTE_R | PTE_W | PTE_U)
	# VA 0x100000000 (1 GiB) -> 0x80000000
	SET_PTE(PT_PAGE(0), 4, 0x80000000, PTE_LEAF | PTE_R | PTE_W)
	STORE64(MEGA_PA, 0x1010101010101010)
	STORE64(MEGA_PA + 0x1ffff8, 0x2020202020202020)
	STORE64(MEGA_PA + 0x12340, 0x3030303030303030)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, 0x40200000
	ld a1, 0(a0)
	CHECK_REG(1, a1, 0x1010101010101010)
	li a0, 0x40200000 + 0x1ffff8
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0x2020202020202020)
	# through the 1 GiB page: VA 0x100000000 + (PA - 0x80000000)
	li a0, 0x100000000 + (MEGA_PA - 0x80000000) + 0x12340
	ld a1, 0(a0)
	CHECK_REG(3, a1, 0x3030303030303030)
	# a store through the 1 GiB page is seen through the 2 MiB page
	li t0, 0x4040
	sd t0, 8(a0)
	li a0, 0x40200000 + 0x12348
	ld a1, 0(a0)
	CHECK_REG(4, a1, 0x4040)
	# the image itself, read through the 1 GiB page
	la a0, word
	li t0, 0x100000000 - 0x80000000
	add a0, a0, t0
	ld a1, 0(a0)
	CHECK_REG(5, a1, 0x5a5a5a5a)
	# just past the end of the 2 MiB page: not mapped
	li a0, 0x40600000
	CHECK_TRAP(6, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(7, s11, 0x40600000)
	GOTO_M(m1)

	# U through the U superpage
m1:	ENTER_U_ALIAS(u1)
u1:	li a0, 0x40400000 + 0x1ffff8
	ld a1, 0(a0)
	CHECK_REG(8, a1, 0x2020202020202020)
	# but not through the S one
	li a0, 0x40200000
	CHECK_TRAP(9, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	GOTO_M(m2)
m2:
	.data
	.align 3
word:	.dword 0x5a5a5a5a
	.text
TEST_END
