# An mcontrol trigger for loads only (M-mode, equal match): a store to the
# watched address does not fire and takes effect; a load does, before it
# happens (rd unchanged), with mcause 3, mepc = the load, mtval = the
# address, and the trigger's hit bit set.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	TRIG_MTE_ON
	la a2, data1
	TRIG_SET(0, MC_M | MC_LOAD, a2)

	li a1, 0x1234
	CHECK_NOTRAP(1, sw a1, 0(a2))
	li a0, 0x77
	CHECK_TRAP(2, CAUSE_BREAKPOINT, l1: lw a0, 0(a2))
	CHECK_REG(3, a0, 0x77)		# the load did not happen
	CHECK_LABEL(4, s10, l1)
	CHECK_LABEL(5, s11, data1)
	CHECK_REG(6, s7, 0x33)
	csrr a3, CSR_TDATA1
	li gp, 7
	li t6, MC_HIT
	and a3, a3, t6
	beqz a3, fail

	# the store took effect: read it with the trigger off
	TRIG_OFF(0)
	CHECK_NOTRAP(8, lw a0, 0(a2))
	CHECK_REG(9, a0, 0x1234)

	# a load of another word does not fire; LR, AMOs and FP loads do,
	# SC and FP stores do not
	TRIG_SET(0, MC_M | MC_LOAD, a2)
	CHECK_NOTRAP(10, lw a0, 4(a2))
	CHECK_TRAP(11, CAUSE_BREAKPOINT, lr.w a0, (a2))
	CHECK_TRAP(12, CAUSE_BREAKPOINT, amoadd.w a0, a1, (a2))
	CHECK_NOTRAP(13, sc.w a0, a1, (a2))
	li t0, MSTATUS_FS_INITIAL
	csrs mstatus, t0
	CHECK_TRAP(14, CAUSE_BREAKPOINT, flw f1, 0(a2))
	CHECK_NOTRAP(15, fsw f1, 0(a2))
TEST_END

	.data
	.align 3
data1:	.word 0
data2:	.word 0
