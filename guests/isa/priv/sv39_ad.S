# Hardware A/D update: a load or fetch through a PTE with A = 0 sets A, a
# store sets A and D; a faulting access sets neither; pointer PTEs keep
# A = D = 0.
#include "test.h"
#include "priv_macros.h"

#define P_RW  (PTE_V | PTE_R | PTE_W)
#define P_R   (PTE_V | PTE_R)
#define P_RX  (PTE_V | PTE_R | PTE_X)

/* in M: t1 = flag bits (low 8) of leaf PTE k */
#define PTE_FLAGS(k)                                \
	GET_PTE(PT_PAGE(2), k)                      \
	andi t1, t1, 0xff;

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), P_RW)			# load only
	MAP_TVA(1, DATA_PAGE(1), P_RW)			# store
	MAP_TVA(2, DATA_PAGE(2), P_RW | PTE_A)		# store, A already set
	MAP_TVA(3, DATA_PAGE(3), P_R)			# faulting store
	MAP_TVA(4, DATA_PAGE(4), P_RX)			# fetch
	MAP_TVA(5, DATA_PAGE(5), P_RW)			# amo
	MAP_TVA(6, DATA_PAGE(6), P_RW)			# untouched
	COPY_CODE(snippet, DATA_PAGE(4), 8)
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	ld a1, 0(a0)
	li a0, TVA(1)
	sd a1, 0(a0)
	li a0, TVA(2)
	sw a1, 4(a0)
	li a0, TVA(3)
	CHECK_TRAP(1, CAUSE_STORE_PAGE, sd a1, 0(a0))
	li a0, TVA(4)
	jalr a0
	li a0, TVA(5)
	amoadd.d a1, a1, (a0)
	GOTO_M(m1)

m1:	PTE_FLAGS(0)
	CHECK_REG(2, t1, P_RW | PTE_A)
	PTE_FLAGS(1)
	CHECK_REG(3, t1, P_RW | PTE_A | PTE_D)
	PTE_FLAGS(2)
	CHECK_REG(4, t1, P_RW | PTE_A | PTE_D)
	PTE_FLAGS(3)
	CHECK_REG(5, t1, P_R)
	PTE_FLAGS(4)
	CHECK_REG(6, t1, P_RX | PTE_A)
	PTE_FLAGS(5)
	CHECK_REG(7, t1, P_RW | PTE_A | PTE_D)
	PTE_FLAGS(6)
	CHECK_REG(8, t1, P_RW)
	# the PPN is untouched by the update
	GET_PTE(PT_PAGE(2), 1)
	CHECK_REG(9, t1, PTE(DATA_PAGE(1), P_RW | PTE_A | PTE_D))
	# pointer PTEs stay as written
	GET_PTE(PT_PAGE(1), 0)
	CHECK_REG(10, t1, PTE(PT_PAGE(2), PTE_V))
	GET_PTE(PT_PAGE(0), 1)
	CHECK_REG(11, t1, PTE(PT_PAGE(1), PTE_V))

	# superpage leaf (2 MiB) with A = D = 0 gets them too
	SET_PTE(PT_PAGE(1), 1, 0x80a00000, P_RW)
	sfence.vma
	ENTER_S(s2)
s2:	li a0, 0x40200000
	sd a0, 0(a0)
	GOTO_M(m2)
m2:	GET_PTE(PT_PAGE(1), 1)
	andi t1, t1, 0xff
	CHECK_REG(12, t1, P_RW | PTE_A | PTE_D)
	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
