# PMP lock (L): a locked entry binds M-mode too, and its pmpcfg byte and
# pmpaddr become read-only (for TOR also the pmpaddr below it) until reset.
# Unlocked entries stay writable; M ignores unlocked entries.
#include "test.h"
#include "priv_macros.h"

#define P0 DATA_PAGE(0)		/* entry 0: NAPOT, R, locked */
#define P1 DATA_PAGE(1)		/* entry 3: TOR over P1, RW, locked */

TEST_START
PRIV_INIT
	COPY_CODE(snippet, P0, 8)
	COPY_CODE(snippet, P1, 8)
	PMP_OFF_ALL
	PMP_IMAGE_RWX

	# unlocked, no permission: M does not care
	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT)
	li a0, P0
	CHECK_NOTRAP(1, ld a1, 0(a0); sd a1, 0x10(a0))

	# locked, read-only: binds M
	PMP_ENTRY_0(0, NAPOT(P0, 0x1000), PMP_NAPOT | PMP_R | PMP_L)
	CHECK_NOTRAP(2, ld a1, 0(a0))
	CHECK_TRAP(3, CAUSE_STORE_ACCESS, sd a1, 0x18(a0))
	CHECK_REG(4, s11, P0 + 0x18)
	CHECK_REG(5, s7, 0x33)
	la s8, f1
	CHECK_TRAP(6, CAUSE_FETCH_ACCESS, jalr a0)
f1:	CHECK_REG(7, s11, P0)

	# the locked entry's address and cfg ignore writes
	li t0, NAPOT(P1, 0x1000)
	csrw pmpaddr0, t0
	csrr a1, pmpaddr0
	CHECK_REG(8, a1, NAPOT(P0, 0x1000))
	li t0, 0xff
	csrc pmpcfg0, t0
	csrr a1, pmpcfg0
	andi a1, a1, 0xff
	CHECK_REG(9, a1, PMP_NAPOT | PMP_R | PMP_L)
	csrw pmpcfg0, zero			# other bytes of pmpcfg0 still change
	csrr a1, pmpcfg0
	CHECK_REG(10, a1, PMP_NAPOT | PMP_R | PMP_L)
	sfence.vma
	CHECK_TRAP(11, CAUSE_STORE_ACCESS, sb a1, 0(a0))	# still enforced

	# an unlocked entry next to it is writable
	PMP_ENTRY_0(1, NAPOT(P1, 0x1000), PMP_NAPOT | PMP_R)
	csrr a1, pmpcfg0
	srli a1, a1, 8
	andi a1, a1, 0xff
	CHECK_REG(12, a1, PMP_NAPOT | PMP_R)
	csrr a1, pmpaddr1
	CHECK_REG(13, a1, NAPOT(P1, 0x1000))
	PMP_ENTRY_0(1, 0, 0)

	# locked TOR entry 3 over P1 (entry 2 gives the base), RW
	PMP_ENTRY_0(2, P1 >> 2, 0)
	PMP_ENTRY_0(3, (P1 + 0x1000) >> 2, PMP_TOR | PMP_R | PMP_W | PMP_L)
	li a0, P1
	CHECK_NOTRAP(14, ld a1, 0x20(a0); sd a1, 0x28(a0))
	la s8, f2
	CHECK_TRAP(15, CAUSE_FETCH_ACCESS, jalr a0)
f2:	CHECK_REG(16, s11, P1)
	# both pmpaddr3 and pmpaddr2 are now read-only
	li t0, P0 >> 2
	csrw pmpaddr2, t0
	csrr a1, pmpaddr2
	CHECK_REG(17, a1, P1 >> 2)
	csrw pmpaddr3, t0
	csrr a1, pmpaddr3
	CHECK_REG(18, a1, (P1 + 0x1000) >> 2)
	# but entry 2's cfg byte is not locked
	PMP_ENTRY_0(2, P1 >> 2, PMP_NAPOT)
	csrr a1, pmpcfg0
	srli a1, a1, 16
	andi a1, a1, 0xff
	CHECK_REG(19, a1, PMP_NAPOT)
	PMP_ENTRY_0(2, P1 >> 2, 0)

	# locked entries apply to U as well
	ENTER_U(u1)
u1:	li a0, P0
	CHECK_NOTRAP(20, ld a1, 0(a0))
	CHECK_TRAP(21, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	li a0, P1
	CHECK_NOTRAP(22, sd a1, 0(a0))
	GOTO_M(m1)
m1:	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
