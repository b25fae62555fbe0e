# Two address spaces with their own ASIDs map the same virtual page to
# different physical pages. Switching satp between them, with no fence in
# between, must show each its own page every time: a translation made
# under one ASID is never used under another.
#include "test.h"
#include "priv_macros.h"

#define SATP_A (SATP_SV39 | SATP_ASID(1) | (PT_PAGE(0) >> 12))
#define SATP_B (SATP_SV39 | SATP_ASID(2) | (PT_PAGE(8) >> 12))

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(1, DATA_PAGE(3), PTE_LEAF | PTE_R | PTE_X)
	STORE64(DATA_PAGE(0), 0xaaaa)
	STORE64(DATA_PAGE(2), 0xbbbb)
	# a second tree (root PT_PAGE(8)) mapping TVA(0) -> DATA_PAGE(2) and
	# TVA(1) -> DATA_PAGE(4)
	SET_PTE(PT_PAGE(8), 2, 0x80000000, PTE_LEAF | PTE_RWX)
	SET_PTE(PT_PAGE(8), 1, PT_PAGE(9), PTE_V)
	SET_PTE(PT_PAGE(9), 0, PT_PAGE(10), PTE_V)
	SET_PTE(PT_PAGE(10), 0, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(10), 1, DATA_PAGE(4), PTE_LEAF | PTE_R | PTE_X)
	# code at TVA(1): A's returns 1, B's returns 2 (li a1, n; ret)
	li t0, DATA_PAGE(3)
	li t1, 0x00100593
	sw t1, 0(t0)
	li t1, 0x00008067
	sw t1, 4(t0)
	li t0, DATA_PAGE(4)
	li t1, 0x00200593
	sw t1, 0(t0)
	li t1, 0x00008067
	sw t1, 4(t0)
	fence.i
	SATP_ON(SATP_A)

	ENTER_S(s1)
s1:	csrr a0, satp
	CHECK_REG(1, a0, SATP_A)
	li a0, TVA(0)
	li a2, TVA(1)
	li a3, SATP_A
	li a4, SATP_B
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0xaaaa)
	jalr a2
	CHECK_REG(3, a1, 1)

	csrw satp, a4
	csrr t0, satp
	CHECK_REG(4, t0, SATP_B)
	ld a1, 0(a0)
	CHECK_REG(5, a1, 0xbbbb)
	jalr a2
	CHECK_REG(6, a1, 2)
	# a store under B lands in B's page
	li t0, 0xb0b0
	sd t0, 8(a0)

	csrw satp, a3
	ld a1, 0(a0)
	CHECK_REG(7, a1, 0xaaaa)
	ld a1, 8(a0)
	CHECK_REG(8, a1, 0)
	jalr a2
	CHECK_REG(9, a1, 1)
	li t0, 0xa0a0
	sd t0, 8(a0)

	csrw satp, a4
	ld a1, 0(a0)
	CHECK_REG(10, a1, 0xbbbb)
	ld a1, 8(a0)
	CHECK_REG(11, a1, 0xb0b0)
	jalr a2
	CHECK_REG(12, a1, 2)

	csrw satp, a3
	ld a1, 8(a0)
	CHECK_REG(13, a1, 0xa0a0)
	GOTO_M(m1)
m1:	li t0, DATA_PAGE(0) + 8
	ld a1, 0(t0)
	CHECK_REG(14, a1, 0xa0a0)
	li t0, DATA_PAGE(2) + 8
	ld a1, 0(t0)
	CHECK_REG(15, a1, 0xb0b0)
TEST_END
