# Page permissions: store to a read-only page -> 15, fetch from a page
# without X -> 12 (mepc = stval = target), load from a page without R -> 13.
# Code on an executable page runs.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R)		# RO
	MAP_TVA(1, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W)	# RW
	MAP_TVA(2, DATA_PAGE(2), PTE_LEAF | PTE_R | PTE_X)	# RX
	MAP_TVA(3, DATA_PAGE(2), PTE_LEAF | PTE_RWX)		# RWX
	STORE64(DATA_PAGE(0), 0x1234)
	COPY_CODE(snippet, DATA_PAGE(2), 8)
	SV39_ON

	ENTER_S(s1)
s1:	# read-only
	li a0, TVA(0)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0x1234)
	CHECK_TRAP(3, CAUSE_STORE_PAGE, st1: sd a1, 0x18(a0))
	CHECK_REG(4, s11, TVA(0) + 0x18)
	CHECK_LABEL(5, s10, st1)
	CHECK_TRAP(6, CAUSE_STORE_PAGE, sb a1, 0x7ff(a0))
	CHECK_REG(7, s11, TVA(0) + 0x7ff)
	CHECK_TRAP(8, CAUSE_STORE_PAGE, amoor.w a1, a1, (a0))
	CHECK_REG(9, s11, TVA(0))
	# sc to a read-only page: either fails without access or faults 15
	li s9, -1
	sc.w a1, a1, (a0)
	li gp, 10
	li t6, -1
	beq s9, t6, 1f
	li t6, CAUSE_STORE_PAGE
	bne s9, t6, fail
1:	ld a1, 0(a0)
	CHECK_REG(11, a1, 0x1234)		# memory untouched
	la s8, f1
	CHECK_TRAP(12, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(13, s10, TVA(0))
	CHECK_REG(14, s11, TVA(0))

	# read-write, not executable
	li a0, TVA(1)
	CHECK_NOTRAP(15, sd a0, 0(a0); ld a1, 0(a0))
	la s8, f2
	CHECK_TRAP(16, CAUSE_FETCH_PAGE, jalr a0)
f2:	CHECK_REG(17, s11, TVA(1))

	# read-execute: runs, readable, not writable
	li a0, TVA(2)
	li a1, 0
	CHECK_NOTRAP(18, jalr a0)
	CHECK_REG(19, a1, 42)
	CHECK_NOTRAP(20, ld a1, 0(a0))
	CHECK_TRAP(21, CAUSE_STORE_PAGE, sw a1, 0(a0))

	# RWX
	li a0, TVA(3)
	li a1, 0
	CHECK_NOTRAP(22, jalr a0; ld t1, 0(a0))
	CHECK_REG(23, a1, 42)
	GOTO_M(m1)
m1:	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
