# PMP NA4: a naturally aligned 4-byte region. Accesses inside it succeed; an
# access that the entry matches only in part fails, in M-mode too.
#include "test.h"
#include "priv_macros.h"

#define W (DATA_PAGE(0) + 0x44)

TEST_START
PRIV_INIT
	STORE64(W - 4, 0x1122334455667788)
	PMP_OFF_ALL
	PMP_IMAGE_RWX
	PMP_ENTRY_0(0, W >> 2, PMP_NA4 | PMP_R | PMP_W)

	ENTER_U(u1)
u1:	li a0, W
	CHECK_NOTRAP(1, lw a1, 0(a0))
	CHECK_REG(2, a1, 0x11223344)
	CHECK_NOTRAP(3, lhu a1, 2(a0); lbu t1, 3(a0); sw a1, 0(a0); sh a1, 2(a0); sb a1, 1(a0))
	CHECK_REG(4, a1, 0x1122)
	# neighbours
	CHECK_TRAP(5, CAUSE_LOAD_ACCESS, lw a1, 4(a0))
	CHECK_REG(6, s11, W + 4)
	CHECK_TRAP(7, CAUSE_LOAD_ACCESS, lb a1, -1(a0))
	CHECK_REG(8, s11, W - 1)
	CHECK_TRAP(9, CAUSE_STORE_ACCESS, sw a1, -4(a0))
	# an 8-byte access containing the word: only partly matched -> fault
	addi a2, a0, -4
	CHECK_TRAP(10, CAUSE_LOAD_ACCESS, ld a1, 0(a2))
	CHECK_TRAP(11, CAUSE_STORE_ACCESS, sd a1, 0(a2))
	GOTO_M(m1)
m1:	li a0, W - 4			# nothing was written by the failed sd
	lw a1, 0(a0)
	CHECK_REG(12, a1, 0x55667788)
	# a partial match fails even for M and an unlocked entry
	CHECK_TRAP(13, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(14, s11, W - 4)
	CHECK_TRAP(15, CAUSE_STORE_ACCESS, sh a1, 3(a0))
	CHECK_NOTRAP(16, lw a1, 4(a0); lw a1, 0(a0))
TEST_END
