# SFENCE.VMA makes page-table changes visible: remapping, invalidating and
# re-validating a PTE, and switching satp to another root.
#include "test.h"
#include "priv_macros.h"

#define LEAF_SLOT (PT_PAGE(2) + 0 * 8)		/* PTE of TVA(0) */

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	STORE64(DATA_PAGE(0), 0xaaaa)
	STORE64(DATA_PAGE(1), 0xbbbb)
	STORE64(DATA_PAGE(2), 0xcccc)
	# a second tree (root PT_PAGE(8)) mapping TVA(0) -> DATA_PAGE(2)
	SET_PTE(PT_PAGE(8), 2, 0x80000000, PTE_LEAF | PTE_RWX)
	SET_PTE(PT_PAGE(8), 1, PT_PAGE(9), PTE_V)
	SET_PTE(PT_PAGE(9), 0, PT_PAGE(10), PTE_V)
	SET_PTE(PT_PAGE(10), 0, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	ld a1, 0(a0)
	CHECK_REG(1, a1, 0xaaaa)

	# S edits the PTE through the identity map, then fences everything
	li a2, LEAF_SLOT
	li t0, PTE(DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)
	sd t0, 0(a2)
	sfence.vma
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0xbbbb)

	# fence one address
	li t0, PTE(DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	sd t0, 0(a2)
	sfence.vma a0
	ld a1, 0(a0)
	CHECK_REG(3, a1, 0xaaaa)

	# fence one address with ASID 0
	li t0, PTE(DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)
	sd t0, 0(a2)
	sfence.vma a0, zero
	ld a1, 0(a0)
	CHECK_REG(4, a1, 0xbbbb)

	# invalidate: the next access faults
	sd zero, 0(a2)
	sfence.vma a0
	CHECK_TRAP(5, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TRAP(6, CAUSE_STORE_PAGE, sd a1, 0(a0))
	# valid again
	li t0, PTE(DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	sd t0, 0(a2)
	sfence.vma
	CHECK_NOTRAP(7, ld a1, 0(a0))
	CHECK_REG(8, a1, 0xaaaa)

	# downgrade to read-only: stores fault after the fence
	li t0, PTE(DATA_PAGE(0), PTE_LEAF | PTE_R)
	sd t0, 0(a2)
	sfence.vma a0
	CHECK_TRAP(9, CAUSE_STORE_PAGE, sd a1, 0(a0))

	# switch to the second root
	li t0, SATP_SV39 | (PT_PAGE(8) >> 12)
	csrw satp, t0
	sfence.vma
	ld a1, 0(a0)
	CHECK_REG(10, a1, 0xcccc)
	# and back, with an ASID this time; fence that ASID
	li t0, SATP_SV39 | (1 << 44) | (PT_PAGE(0) >> 12)
	csrw satp, t0
	csrr t1, satp
	srli t1, t1, 44
	sfence.vma zero, t1
	sfence.vma
	ld a1, 0(a0)
	CHECK_REG(11, a1, 0xaaaa)

	# satp = Bare from S: untranslated again
	csrw satp, zero
	sfence.vma
	li a0, DATA_PAGE(1)
	ld a1, 0(a0)
	CHECK_REG(12, a1, 0xbbbb)
	GOTO_M(m1)
m1:
TEST_END
