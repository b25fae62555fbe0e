# SFENCE.VMA with an ASID in rs2 orders page-table changes for that
# address space, including one that is not the current one, and leaves
# the other address space's and the global mappings working.
#include "test.h"
#include "priv_macros.h"

#define SATP_A (SATP_SV39 | SATP_ASID(1) | (PT_PAGE(0) >> 12))
#define SATP_B (SATP_SV39 | SATP_ASID(2) | (PT_PAGE(8) >> 12))
#define LEAF_A (PT_PAGE(2) + 0 * 8)		/* A's PTE of TVA(0) */
#define LEAF_B (PT_PAGE(10) + 0 * 8)		/* B's PTE of TVA(0) */

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	STORE64(DATA_PAGE(0), 0xaaaa)
	STORE64(DATA_PAGE(1), 0x1111)
	STORE64(DATA_PAGE(2), 0xbbbb)
	STORE64(DATA_PAGE(3), 0x2222)
	STORE64(DATA_PAGE(5), 0x6666)
	# B's tree: TVA(0) -> DATA_PAGE(2); both share the leaf table of
	# TVA(0x100..) (PT_PAGE(11)) through global pointers, TVA(0x100) ->
	# DATA_PAGE(5), a global leaf
	SET_PTE(PT_PAGE(8), 2, 0x80000000, PTE_LEAF | PTE_RWX)
	SET_PTE(PT_PAGE(8), 1, PT_PAGE(9), PTE_V)
	SET_PTE(PT_PAGE(9), 0, PT_PAGE(10), PTE_V)
	SET_PTE(PT_PAGE(10), 0, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(1), 1, PT_PAGE(11), PTE_V | PTE_G)
	SET_PTE(PT_PAGE(9), 1, PT_PAGE(11), PTE_V | PTE_G)
	SET_PTE(PT_PAGE(11), 0, DATA_PAGE(5), PTE_LEAF | PTE_R | PTE_W | PTE_G)
	SATP_ON(SATP_A)

	ENTER_S(s1)
s1:	csrr t0, satp
	CHECK_REG(1, t0, SATP_A)
	li a0, TVA(0)
	li a5, 0x40200000			/* the global page */
	li a3, SATP_A
	li a4, SATP_B
	li s1, 1
	li s2, 2
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0xaaaa)
	ld a1, 0(a5)
	CHECK_REG(3, a1, 0x6666)
	csrw satp, a4
	ld a1, 0(a0)
	CHECK_REG(4, a1, 0xbbbb)
	ld a1, 0(a5)
	CHECK_REG(5, a1, 0x6666)

	# under B, remap A's page and fence A's address space only: A sees
	# the change once it runs again, and B still sees its own page
	li t0, LEAF_A
	li t1, PTE(DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)
	sd t1, 0(t0)
	sfence.vma zero, s1
	ld a1, 0(a0)
	CHECK_REG(6, a1, 0xbbbb)
	ld a1, 0(a5)
	CHECK_REG(7, a1, 0x6666)
	csrw satp, a3
	ld a1, 0(a0)
	CHECK_REG(8, a1, 0x1111)
	ld a1, 0(a5)
	CHECK_REG(9, a1, 0x6666)

	# under A, remap B's page and fence that one address of B
	li t0, LEAF_B
	li t1, PTE(DATA_PAGE(3), PTE_LEAF | PTE_R | PTE_W)
	sd t1, 0(t0)
	sfence.vma a0, s2
	ld a1, 0(a0)
	CHECK_REG(10, a1, 0x1111)
	csrw satp, a4
	ld a1, 0(a0)
	CHECK_REG(11, a1, 0x2222)

	# the current ASID's own fence: B's page back to DATA_PAGE(2)
	li t1, PTE(DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W)
	sd t1, 0(t0)
	sfence.vma zero, s2
	ld a1, 0(a0)
	CHECK_REG(12, a1, 0xbbbb)
	ld a1, 0(a5)
	CHECK_REG(13, a1, 0x6666)

	# a global leaf changes for every ASID after a fence of everything
	li t0, PT_PAGE(11)
	li t1, PTE(DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W | PTE_G)
	sd t1, 0(t0)
	sfence.vma
	ld a1, 0(a5)
	CHECK_REG(14, a1, 0xaaaa)
	csrw satp, a3
	ld a1, 0(a5)
	CHECK_REG(15, a1, 0xaaaa)
	ld a1, 0(a0)
	CHECK_REG(16, a1, 0x1111)
	GOTO_M(m1)
m1:
TEST_END
