# Misaligned accesses across a page boundary under Sv39: with both pages
# mapped they combine the two frames (which need not be adjacent) and set
# A/D on both PTEs; when the second page is unmapped, read-only or not
# accessible the access page-faults (13 / 15) with stval inside the access.
#include "test.h"
#include "priv_macros.h"

/* stval (s11) must lie in [va, va + size) */
#define CHECK_TVAL_IN(n, va, size)                  \
	li gp, n;                                   \
	li t6, va;                                  \
	bltu s11, t6, fail;                         \
	li t6, (va) + (size);                       \
	bgeu s11, t6, fail;

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(1, DATA_PAGE(5), PTE_LEAF | PTE_R | PTE_W)	# not adjacent
	MAP_TVA(2, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_W)
	# TVA(3) unmapped
	MAP_TVA(4, DATA_PAGE(4), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(5, DATA_PAGE(6), PTE_LEAF | PTE_R)		# read-only
	MAP_TVA(6, DATA_PAGE(7), PTE_V | PTE_R | PTE_W)	# A = D = 0
	MAP_TVA(7, DATA_PAGE(8), PTE_V | PTE_R | PTE_W)	# A = D = 0
	MAP_TVA(8, DATA_PAGE(9), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(9, DATA_PAGE(10), PTE_LEAF | PTE_R | PTE_W | PTE_U)
	STORE64(DATA_PAGE(0) + 0xff8, 0x8877665544332211)
	STORE64(DATA_PAGE(5), 0xffeeddccbbaa9988)
	STORE64(DATA_PAGE(1), 0)			# the frame after DATA_PAGE(0)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(1)
	CHECK_NOTRAP(1, ld a1, -3(a0))
	CHECK_REG(2, a1, 0xccbbaa9988887766)
	CHECK_NOTRAP(3, lw a1, -1(a0))
	CHECK_REG(4, a1, 0xffffffffaa998888)
	CHECK_NOTRAP(5, lhu a1, -1(a0))
	CHECK_REG(6, a1, 0x8888)
	li t0, 0x0102030405060708
	CHECK_NOTRAP(7, sd t0, -6(a0))
	GOTO_M(m1)
m1:	li a0, DATA_PAGE(0) + 0xff8
	ld a1, 0(a0)
	CHECK_REG(8, a1, 0x0304050607082211)
	li a0, DATA_PAGE(5)
	ld a1, 0(a0)
	CHECK_REG(9, a1, 0xffeeddccbbaa0102)
	li a0, DATA_PAGE(1)
	ld a1, 0(a0)
	CHECK_REG(10, a1, 0)				# physical neighbour untouched

	ENTER_S(s2)
s2:	# second page unmapped
	li a0, TVA(3) - 4
	CHECK_TRAP(11, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_TVAL_IN(12, TVA(3) - 4, 8)
	CHECK_TRAP(13, CAUSE_STORE_PAGE, sd a1, 0(a0))
	CHECK_TVAL_IN(14, TVA(3) - 4, 8)
	li a0, TVA(3) - 1
	CHECK_TRAP(15, CAUSE_LOAD_PAGE, lh a1, 0(a0))
	CHECK_TVAL_IN(16, TVA(3) - 1, 2)
	li a0, TVA(3) - 2
	CHECK_TRAP(17, CAUSE_STORE_PAGE, sw a1, 0(a0))
	CHECK_TVAL_IN(18, TVA(3) - 2, 4)
	# first page unmapped, second mapped
	li a0, TVA(4) - 3
	CHECK_TRAP(19, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	CHECK_TVAL_IN(20, TVA(4) - 3, 4)
	# second page read-only: loads work, stores fault
	li a0, TVA(5) - 4
	CHECK_NOTRAP(21, ld a1, 0(a0))
	CHECK_TRAP(22, CAUSE_STORE_PAGE, sd a1, 0(a0))
	CHECK_TVAL_IN(23, TVA(5) - 4, 8)
	# second page is a U page and SUM = 0
	li a0, TVA(9) - 2
	CHECK_TRAP(24, CAUSE_LOAD_PAGE, lw a1, 0(a0))
	CHECK_TVAL_IN(25, TVA(9) - 2, 4)
	# A/D set on both PTEs by one store
	li a0, TVA(7) - 4
	CHECK_NOTRAP(26, sd a0, 0(a0))
	GOTO_M(m2)
m2:	GET_PTE(PT_PAGE(2), 6)
	andi t1, t1, 0xff
	CHECK_REG(27, t1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
	GET_PTE(PT_PAGE(2), 7)
	andi t1, t1, 0xff
	CHECK_REG(28, t1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

	# U: its page is fine, the S page after it is not
	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(10) - 2
	CHECK_TRAP(29, CAUSE_STORE_PAGE, sw a1, 0(a0))
	CHECK_TVAL_IN(30, TVA(10) - 2, 4)
	li a0, TVA(10) - 8
	CHECK_NOTRAP(31, ld a1, 0(a0))
	li a0, TVA(9) - 2
	CHECK_TRAP(32, CAUSE_LOAD_PAGE, lw a1, 0(a0))	# first part is S
	GOTO_M(m3)
m3:
TEST_END
