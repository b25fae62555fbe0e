# mstatus.MXR makes execute-only pages readable (not writable); without it a
# load from an X-only page is a load page fault. Code on such a page runs.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_X)		# S execute-only
	MAP_TVA(1, DATA_PAGE(0), PTE_LEAF | PTE_X | PTE_U)	# U execute-only
	STORE64(DATA_PAGE(0) + 8, 0x600d)
	COPY_CODE(snippet, DATA_PAGE(0) + 0x100, 8)
	SV39_ON

	ENTER_S(s1)
s1:	li t0, MSTATUS_MXR
	csrc sstatus, t0
	li a0, TVA(0)
	CHECK_TRAP(1, CAUSE_LOAD_PAGE, ld a1, 8(a0))
	CHECK_REG(2, s11, TVA(0) + 8)
	li t0, MSTATUS_MXR
	csrs sstatus, t0
	CHECK_NOTRAP(3, ld a1, 8(a0))
	CHECK_REG(4, a1, 0x600d)
	CHECK_TRAP(5, CAUSE_STORE_PAGE, sd a1, 16(a0))
	CHECK_REG(6, s11, TVA(0) + 16)
	# with SUM as well, the U execute-only page becomes readable for S
	li a0, TVA(1)
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, ld a1, 8(a0))
	li t0, MSTATUS_SUM
	csrs sstatus, t0
	CHECK_NOTRAP(8, ld a1, 8(a0))
	CHECK_REG(9, a1, 0x600d)
	li t0, MSTATUS_SUM | MSTATUS_MXR
	csrc sstatus, t0
	# execute-only code runs
	li a0, TVA(0) + 0x100
	li a1, 0
	CHECK_NOTRAP(13, jalr a0)
	CHECK_REG(14, a1, 42)
	GOTO_M(m1)

	# U: MXR applies to U loads too
m1:	ENTER_U_ALIAS(u1)
u1:	li a0, TVA(1)
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 8(a0))
	GOTO_M(m2)
m2:	li t0, MSTATUS_MXR
	csrs mstatus, t0
	ENTER_U_ALIAS(u2)
u2:	li a0, TVA(1)
	CHECK_NOTRAP(11, ld a1, 8(a0))
	CHECK_REG(12, a1, 0x600d)
	li a0, TVA(1) + 0x100
	li a1, 0
	CHECK_NOTRAP(15, jalr a0)
	CHECK_REG(16, a1, 42)
	GOTO_M(m3)
m3:	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
