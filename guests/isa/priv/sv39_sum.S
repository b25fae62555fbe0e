# sstatus.SUM: S loads/stores to U pages fault with SUM = 0 and succeed with
# SUM = 1; S instruction fetches from a U page always fault.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W | PTE_U)
	MAP_TVA(1, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_X | PTE_U)
	STORE64(DATA_PAGE(0), 0x77)
	COPY_CODE(snippet, DATA_PAGE(1), 8)
	SV39_ON

	ENTER_S(s1)
s1:	li t0, MSTATUS_SUM
	csrc sstatus, t0
	li a0, TVA(0)
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(2, s11, TVA(0))
	CHECK_REG(3, s7, 0x13)
	CHECK_TRAP(4, CAUSE_STORE_PAGE, sd a1, 8(a0))
	CHECK_REG(5, s11, TVA(0) + 8)
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, lr.d a1, (a0))

	li t0, MSTATUS_SUM
	csrs sstatus, t0
	CHECK_NOTRAP(8, ld a1, 0(a0))
	CHECK_REG(9, a1, 0x77)
	li t0, 0x88
	CHECK_NOTRAP(10, sd t0, 8(a0); ld a1, 8(a0))
	CHECK_REG(11, a1, 0x88)
	CHECK_NOTRAP(12, amoadd.d a1, t0, (a0))
	CHECK_REG(13, a1, 0x77)

	# fetch from the U code page: faults even with SUM = 1
	li a0, TVA(1)
	la s8, f1
	CHECK_TRAP(14, CAUSE_FETCH_PAGE, jalr a0)
f1:	CHECK_REG(15, s10, TVA(1))
	CHECK_REG(16, s11, TVA(1))
	li t0, MSTATUS_SUM
	csrc sstatus, t0
	la s8, f2
	CHECK_TRAP(17, CAUSE_FETCH_PAGE, jalr a0)
f2:
	GOTO_M(m1)

	# U itself may run that page
m1:	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(1)
	li a1, 0
	CHECK_NOTRAP(18, jalr a0)
	CHECK_REG(19, a1, 42)
	GOTO_M(m2)
m2:	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
