# Sv39 remapped under a watchpoint's feet: virtual page TVA(0) maps frame
# 0, is stored to, then is remapped to frame 1 (sfence.vma); frame 0 is
# then written through an alias (TVA(1)) and TVA(0) again. Long spins keep
# the phases many checkpoint intervals apart: test_history replays this
# to check that searches which skip intervals (a watchpoint is on a
# virtual address) stop exactly where searches replaying every one do.
#include "test.h"
#include "priv_macros.h"

#define SPIN(n)                                     \
	li t1, n;                                   \
1:	addi t1, t1, -1;                            \
	bnez t1, 1b;

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)
	MAP_TVA(1, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)	# alias
	SV39_ON

	ENTER_S(s1)
s1:	li a0, TVA(0)
	li t0, 1
	sd t0, 0(a0)		# the watched page, frame 0
	SPIN(20000)
	GOTO_M(m1)

m1:	MAP_TVA(0, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)
	sfence.vma
	ENTER_S(s2)
s2:	SPIN(20000)
	li a0, TVA(1)
	li t0, 2
	sd t0, 0(a0)		# frame 0 again, through the alias
	SPIN(20000)
	li a0, TVA(0)
	li t0, 3
	sd t0, 0(a0)		# the watched page, now frame 1
	SPIN(20000)
	GOTO_M(m2)

m2:	li a0, DATA_PAGE(0)
	ld a1, 0(a0)
	CHECK_REG(1, a1, 2)
	li a0, DATA_PAGE(1)
	ld a1, 0(a0)
	CHECK_REG(2, a1, 3)
TEST_END
