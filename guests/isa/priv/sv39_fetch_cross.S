# A 4-byte instruction straddling two pages: runs when both are mapped (even
# to unrelated frames); when the second page is not mapped the fetch page
# fault reports mepc = the instruction and mtval = the start of the
# unmapped page (the part of the instruction that faulted).
#include "test.h"
#include "priv_macros.h"

/* store the 16-bit constant v at physical address a; clobbers t0, t1 */
#define STORE16(a, v) li t0, a; li t1, v; sh t1, 0(t0);

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_X)
	MAP_TVA(1, DATA_PAGE(7), PTE_LEAF | PTE_R | PTE_X)	# not adjacent
	MAP_TVA(2, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_X)
	# TVA(3): not mapped
	# TVA(k)+0xffc: c.li a1, 1 ; addi a1, a1, 2 (split) ; c.jr ra
	STORE16(DATA_PAGE(0) + 0xffc, 0x4585)
	STORE16(DATA_PAGE(0) + 0xffe, 0x8593)
	STORE16(DATA_PAGE(7) + 0x000, 0x0025)
	STORE16(DATA_PAGE(7) + 0x002, 0x8082)
	fence.i
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0) + 0xffc
	li a1, 0
	CHECK_NOTRAP(1, jalr a0)
	CHECK_REG(2, a1, 3)

	li a0, TVA(2) + 0xffc
	li a1, 0
	la s8, f1
	CHECK_TRAP(3, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(4, a1, 1)			# the c.li before it ran
	CHECK_REG(5, s10, TVA(2) + 0xffe)
	CHECK_REG(6, s11, TVA(3))
	GOTO_M(m1)
m1:
TEST_END
