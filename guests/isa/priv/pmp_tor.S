# PMP TOR regions: entry i covers [pmpaddr(i-1), pmpaddr(i)) << 2, entry 0
# starts at address 0; an empty range (bottom >= top) matches nothing.
#include "test.h"
#include "priv_macros.h"

#define P0 DATA_PAGE(0)

TEST_START
PRIV_INIT
	PMP_OFF_ALL
	PMP_IMAGE_RWX
	# entry 0: TOR [0, 0x80000000): all the devices, RW
	PMP_ENTRY_0(0, 0x80000000 >> 2, PMP_TOR | PMP_R | PMP_W)
	# entry 2: TOR [P0 + 0x100, P0 + 0x200), RW; entry 1 (OFF) gives the base
	PMP_ENTRY_0(1, (P0 + 0x100) >> 2, 0)
	PMP_ENTRY_0(2, (P0 + 0x200) >> 2, PMP_TOR | PMP_R | PMP_W)
	# entry 4: TOR with top below bottom (entry 3) -> empty
	PMP_ENTRY_0(3, (P0 + 0x800) >> 2, 0)
	PMP_ENTRY_0(4, (P0 + 0x400) >> 2, PMP_TOR | PMP_R | PMP_W)

	ENTER_U(u1)
u1:	# below RAM: the CLINT is reachable through entry 0
	li a0, CLINT_MTIME
	CHECK_NOTRAP(1, ld a1, 0(a0))

	li a0, P0 + 0x100
	CHECK_NOTRAP(2, sd a0, 0(a0); ld a1, 0(a0))
	li a0, P0 + 0x1f8
	CHECK_NOTRAP(3, sd a0, 0(a0))
	li a0, P0 + 0xf8
	CHECK_TRAP(4, CAUSE_STORE_ACCESS, sd a0, 0(a0))
	CHECK_REG(5, s11, P0 + 0xf8)
	li a0, P0 + 0x200
	CHECK_TRAP(6, CAUSE_LOAD_ACCESS, lb a1, 0(a0))
	CHECK_REG(7, s11, P0 + 0x200)
	# the empty TOR range matches nothing
	li a0, P0 + 0x500
	CHECK_TRAP(8, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	li a0, P0 + 0x3f8
	CHECK_TRAP(9, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	GOTO_M(m1)

	# move the top of entry 2: the new range applies (after SFENCE.VMA)
m1:	li t0, (P0 + 0x300) >> 2
	csrw pmpaddr2, t0
	sfence.vma
	ENTER_U(u2)
u2:	li a0, P0 + 0x2f8
	CHECK_NOTRAP(10, ld a1, 0(a0))
	li a0, P0 + 0x300
	CHECK_TRAP(11, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	GOTO_M(m2)
m2:
TEST_END
