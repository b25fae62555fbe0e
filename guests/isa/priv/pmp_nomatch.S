# With at least one PMP entry active, an S/U access that matches no entry
# fails; M-mode accesses that match nothing succeed.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	PMP_OFF_ALL
	PMP_IMAGE_RWX

	ENTER_U(u1)
u1:	li a0, DATA_PAGE(0)
	CHECK_TRAP(1, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(2, s11, DATA_PAGE(0))
	CHECK_TRAP(3, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	la s8, f1
	CHECK_TRAP(4, CAUSE_FETCH_ACCESS, jalr a0)
f1:	# devices too
	li a0, CLINT_MTIME
	CHECK_TRAP(5, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(6, s11, CLINT_MTIME)
	# the last byte of the image region is fine, the next one is not
	li a0, 0x80000000 + 0x800000
	CHECK_NOTRAP(7, lb a1, -1(a0))
	CHECK_TRAP(8, CAUSE_LOAD_ACCESS, lb a1, 0(a0))
	GOTO_M(m1)

m1:	ENTER_S(s1)
s1:	li a0, DATA_PAGE(0)
	CHECK_TRAP(9, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	CHECK_REG(10, s7, 0x13)
	CHECK_TRAP(11, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	GOTO_M(m2)

m2:	li a0, DATA_PAGE(0)
	CHECK_NOTRAP(12, sd a1, 0(a0); ld a1, 0(a0))
	li a0, CLINT_MTIME
	CHECK_NOTRAP(13, ld a1, 0(a0))
TEST_END
