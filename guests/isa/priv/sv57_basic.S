# Sv57: five-level walks to 4 KiB pages, and leaves at every level (2 MiB,
# 1 GiB, 512 GiB, 256 TiB); virtual addresses above the Sv48 range
# translate.
#include "test.h"
#include "priv_macros.h"

#define L4_1  0x1000000000000		/* L4[1] */
#define VA4K  L4_1			/* L4[1] -> L3 -> L2 -> L1 -> L0[0] */
#define VA2M  (L4_1 + 0x200000)		/* ... -> L1[1] leaf */
#define VA1G  (L4_1 + 0x40000000)	/* ... -> L2[1] leaf */
#define VA512 (L4_1 + 0x8000000000)	/* L4[1] -> L3[1] leaf, PA 0 */
#define VA256T 0x2000000000000		/* L4[2] leaf, PA 0 */

TEST_START
PRIV_INIT
	SV57_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(15), 1, PT_PAGE(4), PTE_V)
	SET_PTE(PT_PAGE(4), 0, PT_PAGE(5), PTE_V)
	SET_PTE(PT_PAGE(5), 0, PT_PAGE(6), PTE_V)
	SET_PTE(PT_PAGE(6), 0, PT_PAGE(7), PTE_V)
	SET_PTE(PT_PAGE(7), 0, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(6), 1, 0x80a00000, PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(5), 1, 0x80000000, PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(4), 1, 0, PTE_LEAF | PTE_R | PTE_W)
	SET_PTE(PT_PAGE(15), 2, 0, PTE_LEAF | PTE_R | PTE_W)
	STORE64(DATA_PAGE(0), 0x1000)
	STORE64(DATA_PAGE(1), 0x2000)
	STORE64(0x80a00000 + 0x1238, 0x3000)
	SV57_ON

	ENTER_S(s1)
s1:	csrr a0, satp
	CHECK_REG(1, a0, SATP_SV57 | (PT_PAGE(15) >> 12))
	li a0, TVA(0)
	ld a1, 0(a0)
	CHECK_REG(2, a1, 0x1000)
	li a0, VA4K
	ld a1, 0(a0)
	CHECK_REG(3, a1, 0x2000)
	li a0, VA2M + 0x1238
	ld a1, 0(a0)
	CHECK_REG(4, a1, 0x3000)
	# 1 GiB page onto the image: VA1G + (PA - 0x80000000)
	li a0, VA1G + (DATA_PAGE(1) - 0x80000000)
	ld a1, 0(a0)
	CHECK_REG(5, a1, 0x2000)
	# 512 GiB page with PA 0: VA512 + PA
	li a0, VA512 + DATA_PAGE(0)
	ld a1, 0(a0)
	CHECK_REG(6, a1, 0x1000)
	# 256 TiB page with PA 0: VA256T + PA; a store through it lands in
	# the page TVA(0) maps
	li a0, VA256T + DATA_PAGE(0)
	ld a1, 0(a0)
	CHECK_REG(7, a1, 0x1000)
	li t0, 0x4000
	sd t0, 8(a0)
	li a0, TVA(0)
	ld a1, 8(a0)
	CHECK_REG(8, a1, 0x4000)
	# empty L4 slot
	li a0, 0x3000000000000
	CHECK_TRAP(9, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(10, s11, 0x3000000000000)
	CHECK_TRAP(11, CAUSE_STORE_PAGE, sd a1, 0(a0))
	# empty L0 slot below a valid path
	li a0, VA4K + 0x1000
	CHECK_TRAP(12, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	GOTO_M(m1)

	# U code through the U alias, still under Sv57
m1:	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(0)
	CHECK_TRAP(13, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(14, s7, 0x03)
	GOTO_M(m2)
m2:
TEST_END
