# tselect is WARL: there are two triggers (0 and 1); writing an index
# beyond the last keeps the selection, so software counts the triggers by
# reading back. Each trigger keeps its own tdata1 and tdata2.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	csrw CSR_TSELECT, zero
	csrr a0, CSR_TSELECT
	CHECK_REG(1, a0, 0)
	li t0, 1
	csrw CSR_TSELECT, t0
	csrr a0, CSR_TSELECT
	CHECK_REG(2, a0, 1)
	li t0, 2
	csrw CSR_TSELECT, t0
	csrr a0, CSR_TSELECT
	CHECK_REG(3, a0, 1)
	li t0, -1
	csrw CSR_TSELECT, t0
	csrr a0, CSR_TSELECT
	CHECK_REG(4, a0, 1)

	li a1, 0x1000
	TRIG_SET(0, MC_M | MC_LOAD, a1)
	li a1, 0x2000
	TRIG_SET(1, MC_S | MC_STORE, a1)
	csrw CSR_TSELECT, zero
	csrr a0, CSR_TDATA2
	CHECK_REG(5, a0, 0x1000)
	csrr a0, CSR_TDATA1
	CHECK_REG(6, a0, MC_TYPE2 | MC_MASKMAX | MC_M | MC_LOAD)
	li t0, 1
	csrw CSR_TSELECT, t0
	csrr a0, CSR_TDATA2
	CHECK_REG(7, a0, 0x2000)
	csrr a0, CSR_TDATA1
	CHECK_REG(8, a0, MC_TYPE2 | MC_MASKMAX | MC_S | MC_STORE)

	# both fire: trigger 1 on a store in M once it selects M too
	TRIG_MTE_ON
	la a2, data
	TRIG_SET(0, MC_M | MC_LOAD, a2)
	TRIG_SET(1, MC_M | MC_STORE, a2)
	CHECK_TRAP(9, CAUSE_BREAKPOINT, lw a0, 0(a2))
	CHECK_TRAP(10, CAUSE_BREAKPOINT, sw a0, 0(a2))
	TRIG_OFF(0)
	CHECK_NOTRAP(11, lw a0, 0(a2))
	CHECK_TRAP(12, CAUSE_BREAKPOINT, sw a0, 0(a2))
	TRIG_OFF(1)
	CHECK_NOTRAP(13, sw a0, 0(a2))
TEST_END

	.data
	.align 3
data:	.dword 0
