/* beq: branch if equal (all 64 bits compared). Each case branches forwards and backwards, or */
/* checks that neither direction is taken. */
#include "test_macros.h"

TEST_START
	/* equal values */
	TEST_BR_TAKEN(2, beq, 0x0000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(3, beq, 0x0000000000000001, 0x0000000000000001)
	TEST_BR_TAKEN(4, beq, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(5, beq, 0x8000000000000000, 0x8000000000000000)
	/* adjacent values */
	TEST_BR_NOTTAKEN(6, beq, 0x0000000000000000, 0x0000000000000001)
	TEST_BR_NOTTAKEN(7, beq, 0x0000000000000001, 0x0000000000000000)
	TEST_BR_NOTTAKEN(8, beq, 0xffffffffffffffff, 0x0000000000000000)
	TEST_BR_NOTTAKEN(9, beq, 0x0000000000000000, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(10, beq, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(11, beq, 0xffffffffffffffff, 0xfffffffffffffffe)
	/* extremes */
	TEST_BR_NOTTAKEN(12, beq, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_BR_NOTTAKEN(13, beq, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_BR_NOTTAKEN(14, beq, 0x8000000000000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(15, beq, 0x0000000000000000, 0x8000000000000000)
	TEST_BR_NOTTAKEN(16, beq, 0x8000000000000000, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(17, beq, 0xffffffffffffffff, 0x8000000000000000)
	TEST_BR_NOTTAKEN(18, beq, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(19, beq, 0xffffffffffffffff, 0x7fffffffffffffff)
	/* differences only in the upper half or in bit 31 */
	TEST_BR_NOTTAKEN(20, beq, 0x0000000100000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(21, beq, 0x0000000000000000, 0x0000000100000000)
	TEST_BR_NOTTAKEN(22, beq, 0x0000000080000000, 0x000000007fffffff)
	TEST_BR_NOTTAKEN(23, beq, 0x000000007fffffff, 0x0000000080000000)
	TEST_BR_NOTTAKEN(24, beq, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(25, beq, 0xffffffffffffffff, 0x00000000ffffffff)
	TEST_BR_NOTTAKEN(26, beq, 0x8000000000000000, 0x0000000080000000)
	/* rs1 == rs2 (same register) */
	li gp, 27; li a1, 5
	beq a1, a1, 1f; j fail; 1:
	/* x0 operands */
	li gp, 28; li a1, 0x0000000000000000
	beq a1, x0, 1f; j fail; 1:
	li gp, 29
	beq x0, a1, 1f; j fail; 1:
	li gp, 30; li a1, 0x0000000000000001
	beq a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 31
	beq x0, a1, 1f; j 2f; 1: j fail; 2:
	li gp, 32; li a1, 0xffffffffffffffff
	beq a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 33
	beq x0, a1, 1f; j 2f; 1: j fail; 2:
	/* far targets: offset +4092 and -4096 (the immediate extremes); */
	/* the skipped words are illegal instructions */
	li gp, 34; li a1, 0x0000000000000000; li a2, 0x0000000000000000
	beq a1, a2, 1f
	.fill 1022, 4, 0
1:	j 3f
2:	j 4f
	.fill 1023, 4, 0
3:	beq a1, a2, 2b
	j fail
4:
TEST_END
