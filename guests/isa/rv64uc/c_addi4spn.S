/* c.addi4spn: rd' = sp + nzuimm (multiple of 4, 4..1020, zero-extended).
 * The all-zero halfword (this encoding with imm 0) is illegal. */
#include "test_macros.h"
.option rvc

TEST_START
	INSTALL_SKIP_HANDLER
	li sp, 0x1000
	TEST_CASE(2, a0, 0x1004, c.addi4spn a0, sp, 4)
	TEST_CASE(3, s0, 0x13fc, c.addi4spn s0, sp, 1020)
	TEST_CASE(4, a5, 0x1200, c.addi4spn a5, sp, 512)
	TEST_CASE(5, s1, 0x1154, c.addi4spn s1, sp, 340)
	/* the immediate is unsigned; sp is a full 64-bit value */
	li sp, -8
	TEST_CASE(6, a2, 0x3e8, c.addi4spn a2, sp, 1008)  /* -8 + 1008 */
	li sp, 0x7ffffffffffffffc
	TEST_CASE(7, a3, 0x8000000000000000, c.addi4spn a3, sp, 4)
	li sp, 0xfffffffc
	TEST_CASE(8, a4, 0x100000000, c.addi4spn a4, sp, 4)
	/* sp itself is not changed */
	TEST_CASE(9, sp, 0xfffffffc, c.addi4spn a4, sp, 8)
	/* 0x0000 is defined illegal */
	li gp, 10
	RESET_TRAPS
	.half 0x0000
	EXPECT_TRAP(2)
	la sp, _stack_top
TEST_END

TRAP_SKIP_HANDLER
