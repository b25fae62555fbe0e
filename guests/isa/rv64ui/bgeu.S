/* bgeu: branch if greater or equal, unsigned. Each case branches forwards and backwards, or */
/* checks that neither direction is taken. */
#include "test_macros.h"

TEST_START
	/* equal values */
	TEST_BR_TAKEN(2, bgeu, 0x0000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(3, bgeu, 0x0000000000000001, 0x0000000000000001)
	TEST_BR_TAKEN(4, bgeu, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(5, bgeu, 0x8000000000000000, 0x8000000000000000)
	/* adjacent values */
	TEST_BR_NOTTAKEN(6, bgeu, 0x0000000000000000, 0x0000000000000001)
	TEST_BR_TAKEN(7, bgeu, 0x0000000000000001, 0x0000000000000000)
	TEST_BR_TAKEN(8, bgeu, 0xffffffffffffffff, 0x0000000000000000)
	TEST_BR_NOTTAKEN(9, bgeu, 0x0000000000000000, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(10, bgeu, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_BR_TAKEN(11, bgeu, 0xffffffffffffffff, 0xfffffffffffffffe)
	/* extremes */
	TEST_BR_TAKEN(12, bgeu, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_BR_NOTTAKEN(13, bgeu, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_BR_TAKEN(14, bgeu, 0x8000000000000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(15, bgeu, 0x0000000000000000, 0x8000000000000000)
	TEST_BR_NOTTAKEN(16, bgeu, 0x8000000000000000, 0xffffffffffffffff)
	TEST_BR_TAKEN(17, bgeu, 0xffffffffffffffff, 0x8000000000000000)
	TEST_BR_NOTTAKEN(18, bgeu, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(19, bgeu, 0xffffffffffffffff, 0x7fffffffffffffff)
	/* differences only in the upper half or in bit 31 */
	TEST_BR_TAKEN(20, bgeu, 0x0000000100000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(21, bgeu, 0x0000000000000000, 0x0000000100000000)
	TEST_BR_TAKEN(22, bgeu, 0x0000000080000000, 0x000000007fffffff)
	TEST_BR_NOTTAKEN(23, bgeu, 0x000000007fffffff, 0x0000000080000000)
	TEST_BR_NOTTAKEN(24, bgeu, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_BR_TAKEN(25, bgeu, 0xffffffffffffffff, 0x00000000ffffffff)
	TEST_BR_TAKEN(26, bgeu, 0x8000000000000000, 0x0000000080000000)
	/* rs1 == rs2 (same register) */
	li gp, 27; li a1, 5
	bgeu a1, a1, 1f; j fail; 1:
	/* x0 operands */
	li gp, 28; li a1, 0x0000000000000000
	bgeu a1, x0, 1f; j fail; 1:
	li gp, 29
	bgeu x0, a1, 1f; j fail; 1:
	li gp, 30; li a1, 0x0000000000000001
	bgeu a1, x0, 1f; j fail; 1:
	li gp, 31
	bgeu x0, a1, 1f; j 2f; 1: j fail; 2:
	li gp, 32; li a1, 0xffffffffffffffff
	bgeu a1, x0, 1f; j fail; 1:
	li gp, 33
	bgeu x0, a1, 1f; j 2f; 1: j fail; 2:
	/* far targets: offset +4092 and -4096 (the immediate extremes); */
	/* the skipped words are illegal instructions */
	li gp, 34; li a1, 0x0000000000000000; li a2, 0x0000000000000000
	bgeu a1, a2, 1f
	.fill 1022, 4, 0
1:	j 3f
2:	j 4f
	.fill 1023, 4, 0
3:	bgeu a1, a2, 2b
	j fail
4:
TEST_END
