/* bltu: branch if less than, unsigned. Each case branches forwards and backwards, or */
/* checks that neither direction is taken. */
#include "test_macros.h"

TEST_START
	/* equal values */
	TEST_BR_NOTTAKEN(2, bltu, 0x0000000000000000, 0x0000000000000000)
	TEST_BR_NOTTAKEN(3, bltu, 0x0000000000000001, 0x0000000000000001)
	TEST_BR_NOTTAKEN(4, bltu, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(5, bltu, 0x8000000000000000, 0x8000000000000000)
	/* adjacent values */
	TEST_BR_TAKEN(6, bltu, 0x0000000000000000, 0x0000000000000001)
	TEST_BR_NOTTAKEN(7, bltu, 0x0000000000000001, 0x0000000000000000)
	TEST_BR_NOTTAKEN(8, bltu, 0xffffffffffffffff, 0x0000000000000000)
	TEST_BR_TAKEN(9, bltu, 0x0000000000000000, 0xffffffffffffffff)
	TEST_BR_TAKEN(10, bltu, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(11, bltu, 0xffffffffffffffff, 0xfffffffffffffffe)
	/* extremes */
	TEST_BR_NOTTAKEN(12, bltu, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_BR_TAKEN(13, bltu, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_BR_NOTTAKEN(14, bltu, 0x8000000000000000, 0x0000000000000000)
	TEST_BR_TAKEN(15, bltu, 0x0000000000000000, 0x8000000000000000)
	TEST_BR_TAKEN(16, bltu, 0x8000000000000000, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(17, bltu, 0xffffffffffffffff, 0x8000000000000000)
	TEST_BR_TAKEN(18, bltu, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(19, bltu, 0xffffffffffffffff, 0x7fffffffffffffff)
	/* differences only in the upper half or in bit 31 */
	TEST_BR_NOTTAKEN(20, bltu, 0x0000000100000000, 0x0000000000000000)
	TEST_BR_TAKEN(21, bltu, 0x0000000000000000, 0x0000000100000000)
	TEST_BR_NOTTAKEN(22, bltu, 0x0000000080000000, 0x000000007fffffff)
	TEST_BR_TAKEN(23, bltu, 0x000000007fffffff, 0x0000000080000000)
	TEST_BR_TAKEN(24, bltu, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_BR_NOTTAKEN(25, bltu, 0xffffffffffffffff, 0x00000000ffffffff)
	TEST_BR_NOTTAKEN(26, bltu, 0x8000000000000000, 0x0000000080000000)
	/* rs1 == rs2 (same register) */
	li gp, 27; li a1, 5
	bltu a1, a1, 1f; j 2f; 1: j fail; 2:
	/* x0 operands */
	li gp, 28; li a1, 0x0000000000000000
	bltu a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 29
	bltu x0, a1, 1f; j 2f; 1: j fail; 2:
	li gp, 30; li a1, 0x0000000000000001
	bltu a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 31
	bltu x0, a1, 1f; j fail; 1:
	li gp, 32; li a1, 0xffffffffffffffff
	bltu a1, x0, 1f; j 2f; 1: j fail; 2:
	li gp, 33
	bltu x0, a1, 1f; j fail; 1:
	/* far targets: offset +4092 and -4096 (the immediate extremes); */
	/* the skipped words are illegal instructions */
	li gp, 34; li a1, 0x0000000000000000; li a2, 0x0000000000000001
	bltu a1, a2, 1f
	.fill 1022, 4, 0
1:	j 3f
2:	j 4f
	.fill 1023, 4, 0
3:	bltu a1, a2, 2b
	j fail
4:
TEST_END
