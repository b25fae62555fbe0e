/* bne: branch if not equal (all 64 bits compared). Each case branches forwards and backwards, or */
/* checks that neither direction is taken. */
#include "test_macros.h"

TEST_START
	/* equal values */
	TEST_BR_NOTTAKEN(2, bne, 0x0000000000000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(3, bne, 0x0000000000000001, 0x0000000000000001)
	TEST_BR_NOTTAKEN(4, bne, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(5, bne, 0x8000000000000000, 0x8000000000000000)
	/* adjacent values */
	TEST_BR_TAKEN(6, bne, 0x0000000000000000, 0x0000000000000001)
	TEST_BR_TAKEN(7, bne, 0x0000000000000001, 0x0000000000000000)
	TEST_BR_TAKEN(8, bne, 0xffffffffffffffff, 0x0000000000000000)
	TEST_BR_TAKEN(9, bne, 0x0000000000000000, 0xffffffffffffffff)
	TEST_BR_TAKEN(10, bne, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_BR_TAKEN(11, bne, 0xffffffffffffffff, 0xfffffffffffffffe)
	/* extremes */
	TEST_BR_TAKEN(12, bne, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_BR_TAKEN(13, bne, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_BR_TAKEN(14, bne, 0x8000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(15, bne, 0x0000000000000000, 0x8000000000000000)
	TEST_BR_TAKEN(16, bne, 0x8000000000000000, 0xffffffffffffffff)
	TEST_BR_TAKEN(17, bne, 0xffffffffffffffff, 0x8000000000000000)
	TEST_BR_TAKEN(18, bne, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(19, bne, 0xffffffffffffffff, 0x7fffffffffffffff)
	/* differences only in the upper half or in bit 31 */
	TEST_BR_TAKEN(20, bne, 0x0000000100000000, 0x0000000000000000)
	TEST_BR_TAKEN(21, bne, 0x0000000000000000, 0x0000000100000000)
	TEST_BR_TAKEN(22, bne, 0x0000000080000000, 0x000000007fffffff)
	TEST_BR_TAKEN(23, bne, 0x000000007fffffff, 0x0000000080000000)
	TEST_BR_TAKEN(24, bne, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(25, bne, 0xffffffffffffffff, 0x00000000ffffffff)
	TEST_BR_TAKEN(26, bne, 0x8000000000000000, 0x0000000080000000)
	/* rs1 == rs2 (same register) */
	li gp, 27; li a1, 5
	bne a1, a1, 1f; j 2f; 1: j fail; 2:
	/* x0 operands */
	li gp, 28; li a1, 0x0000000000000000
	bne a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 29
	bne x0, a1, 1f; j 2f; 1: j fail; 2:
	li gp, 30; li a1, 0x0000000000000001
	bne a1, x0, 1f; j fail; 1:
	li gp, 31
	bne x0, a1, 1f; j fail; 1:
	li gp, 32; li a1, 0xffffffffffffffff
	bne a1, x0, 1f; j fail; 1:
	li gp, 33
	bne x0, a1, 1f; j fail; 1:
	/* far targets: offset +4092 and -4096 (the immediate extremes); */
	/* the skipped words are illegal instructions */
	li gp, 34; li a1, 0x0000000000000000; li a2, 0x0000000000000001
	bne a1, a2, 1f
	.fill 1022, 4, 0
1:	j 3f
2:	j 4f
	.fill 1023, 4, 0
3:	bne a1, a2, 2b
	j fail
4:
TEST_END
