# An mcontrol execute trigger fires before the instruction at tdata2 runs
# (mcause 3, mepc = mtval = its address); the handler skips it, so it has
# no effect. Size 16-bit matches only a compressed instruction there,
# 32-bit only a 4-byte one. Triggers also fire inside a loop that runs
# from already-decoded code.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	TRIG_MTE_ON
	la a2, x1
	TRIG_SET(0, MC_M | MC_EXEC, a2)
	li a0, 0
	CHECK_TRAP(1, CAUSE_BREAKPOINT, .option push; .option norvc; x1: addi a0, a0, 1; .option pop)
	CHECK_REG(2, a0, 0)
	CHECK_LABEL(3, s10, x1)
	CHECK_LABEL(4, s11, x1)

	# a compressed instruction: 16-bit size matches, 32-bit does not
	la a2, x2
	TRIG_SET(0, MC_M | MC_EXEC | MC_SIZE(MC_W), a2)
	li a0, 0
	CHECK_NOTRAP(5, x2: c.addi a0, 1)
	CHECK_REG(6, a0, 1)
	la a2, x3
	TRIG_SET(0, MC_M | MC_EXEC | MC_SIZE(MC_H), a2)
	li a0, 0
	CHECK_TRAP(7, CAUSE_BREAKPOINT, x3: c.addi a0, 1)
	CHECK_REG(8, a0, 0)

	# a loop body run many times: fires on the 1st pass only when the
	# trigger is set then; set it from inside the loop on pass 3
	TRIG_OFF(0)
	li a0, 0
	li a1, 0
	li s9, -1
	la a2, x4
loop:	addi a1, a1, 1
	li t1, 3
	bne a1, t1, 1f
	TRIG_SET(0, MC_M | MC_EXEC, a2)
1:	nop
x4:	addi a0, a0, 1
	li t1, 10
	blt a1, t1, loop
	CHECK_REG(9, a0, 2)		# passes 3..10 skipped the addi
	CHECK_REG(10, s9, CAUSE_BREAKPOINT)
	CHECK_LABEL(11, s10, x4)
	TRIG_OFF(0)
TEST_END
