# mcountinhibit: CY stops mcycle, IR stops minstret; clearing restarts them.
#include "test.h"
#include "priv_macros.h"

#define CY 1
#define IR 4

TEST_START
PRIV_INIT
	csrwi 0x320, CY | IR
	csrr a0, 0x320
	andi a0, a0, CY | IR
	CHECK_REG(1, a0, CY | IR)

	csrr a0, minstret
	csrr a1, mcycle
	li t0, 100
1:	addi t0, t0, -1
	bnez t0, 1b
	csrr a2, minstret
	csrr a3, mcycle
	li gp, 2
	bne a0, a2, fail
	li gp, 3
	bne a1, a3, fail

	# an inhibited counter can still be written
	li t0, 12345
	csrw minstret, t0
	csrr a0, minstret
	CHECK_REG(4, a0, 12345)

	# only IR inhibited: cycle runs
	csrwi 0x320, IR
	csrr a1, mcycle
	li t0, 100
1:	addi t0, t0, -1
	bnez t0, 1b
	csrr a3, mcycle
	li gp, 5
	bgeu a1, a3, fail
	csrr a0, minstret
	CHECK_REG(6, a0, 12345)

	# released: instret runs again
	csrwi 0x320, 0
	csrr a0, minstret
	nop
	csrr a1, minstret
	li gp, 7
	bgeu a0, a1, fail
TEST_END
