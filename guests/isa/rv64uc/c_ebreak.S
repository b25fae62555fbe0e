/* c.ebreak raises a breakpoint exception (mcause 3) with mepc at the
 * 2-byte instruction; the handler resumes after it. */
#include "test_macros.h"
.option rvc

TEST_START
	INSTALL_SKIP_HANDLER
	li gp, 2
	li a0, 5
1:	c.ebreak
	EXPECT_TRAP(3)
	la t0, 1b
	bne s8, t0, fail                /* mepc */
	CHECK_X(a0, 5)                  /* no register changes */

	/* the 4-byte ebreak too, for comparison */
	li gp, 3
1:	ebreak
	EXPECT_TRAP(3)
	la t0, 1b
	bne s8, t0, fail

	/* c.ebreak at a 2-byte aligned address */
	li gp, 4
	.align 2
	c.nop
1:	c.ebreak
	c.nop
	EXPECT_TRAP(3)
	la t0, 1b
	bne s8, t0, fail
	andi t0, s8, 3
	CHECK_X(t0, 2)

	/* two in a row */
	li gp, 5
	c.ebreak
	c.ebreak
	CHECK_X(s11, 2)
	CHECK_X(s10, 3)
TEST_END

TRAP_SKIP_HANDLER
