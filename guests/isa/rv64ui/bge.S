/* bge: branch if greater or equal, signed. Each case branches forwards and backwards, or */
/* checks that neither direction is taken. */
#include "test_macros.h"

TEST_START
	/* equal values */
	TEST_BR_TAKEN(2, bge, 0x0000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(3, bge, 0x0000000000000001, 0x0000000000000001)
	TEST_BR_TAKEN(4, bge, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(5, bge, 0x8000000000000000, 0x8000000000000000)
	/* adjacent values */
	TEST_BR_NOTTAKEN(6, bge, 0x0000000000000000, 0x0000000000000001)
	TEST_BR_TAKEN(7, bge, 0x0000000000000001, 0x0000000000000000)
	TEST_BR_NOTTAKEN(8, bge, 0xffffffffffffffff, 0x0000000000000000)
	TEST_BR_TAKEN(9, bge, 0x0000000000000000, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(10, bge, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_BR_TAKEN(11, bge, 0xffffffffffffffff, 0xfffffffffffffffe)
	/* extremes */
	TEST_BR_NOTTAKEN(12, bge, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_BR_TAKEN(13, bge, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_BR_NOTTAKEN(14, bge, 0x8000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(15, bge, 0x0000000000000000, 0x8000000000000000)
	TEST_BR_NOTTAKEN(16, bge, 0x8000000000000000, 0xffffffffffffffff)
	TEST_BR_TAKEN(17, bge, 0xffffffffffffffff, 0x8000000000000000)
	TEST_BR_TAKEN(18, bge, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(19, bge, 0xffffffffffffffff, 0x7fffffffffffffff)
	/* differences only in the upper half or in bit 31 */
	TEST_BR_TAKEN(20, bge, 0x0000000100000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(21, bge, 0x0000000000000000, 0x0000000100000000)
	TEST_BR_TAKEN(22, bge, 0x0000000080000000, 0x000000007fffffff)
	TEST_BR_NOTTAKEN(23, bge, 0x000000007fffffff, 0x0000000080000000)
	TEST_BR_TAKEN(24, bge, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(25, bge, 0xffffffffffffffff, 0x00000000ffffffff)
	TEST_BR_NOTTAKEN(26, bge, 0x8000000000000000, 0x0000000080000000)
	/* rs1 == rs2 (same register) */
	li gp, 27; li a1, 5
	bge a1, a1, 1f; j fail; 1:
	/* x0 operands */
	li gp, 28; li a1, 0x0000000000000000
	bge a1, x0, 1f; j fail; 1:
	li gp, 29
	bge x0, a1, 1f; j fail; 1:
	li gp, 30; li a1, 0x0000000000000001
	bge a1, x0, 1f; j fail; 1:
	li gp, 31
	bge x0, a1, 1f; j 2f; 1: j fail; 2:
	li gp, 32; li a1, 0xffffffffffffffff
	bge a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 33
	bge x0, a1, 1f; j fail; 1:
	/* far targets: offset +4092 and -4096 (the immediate extremes); */
	/* the skipped words are illegal instructions */
	li gp, 34; li a1, 0x0000000000000000; li a2, 0x0000000000000000
	bge a1, a2, 1f
	.fill 1022, 4, 0
1:	j 3f
2:	j 4f
	.fill 1023, 4, 0
3:	bge a1, a2, 2b
	j fail
4:
TEST_END
