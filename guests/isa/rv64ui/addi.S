/* addi: add sign-extended 12-bit immediate. */
#include "test_macros.h"

TEST_START
	/* small values and immediate extremes */
	TEST_IMM(  2, addi, 0x0000000000000000, 0x0000000000000000, 0)
	TEST_IMM(  3, addi, 0x0000000000000002, 0x0000000000000001, 1)
	TEST_IMM(  4, addi, 0x000000000000000a, 0x0000000000000003, 7)
	TEST_IMM(  5, addi, 0xfffffffffffff800, 0x0000000000000000, -2048)
	TEST_IMM(  6, addi, 0x00000000000007ff, 0x0000000000000000, 2047)
	TEST_IMM(  7, addi, 0xffffffffffffffff, 0x0000000000000000, -1)
	TEST_IMM(  8, addi, 0x8000000000000000, 0x8000000000000000, 0)
	/* signed overflow wraps */
	TEST_IMM(  9, addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
	TEST_IMM( 10, addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
	TEST_IMM( 11, addi, 0x80000000000007fe, 0x7fffffffffffffff, 2047)
	TEST_IMM( 12, addi, 0x7ffffffffffff800, 0x8000000000000000, -2048)
	TEST_IMM( 13, addi, 0x0000000000000000, 0xffffffffffffffff, 1)
	/* no 32-bit truncation */
	TEST_IMM( 14, addi, 0x0000000100000000, 0x00000000ffffffff, 1)
	TEST_IMM( 15, addi, 0x0000000080000000, 0x000000007fffffff, 1)
	TEST_IMM( 16, addi, 0x000000007fffffff, 0x0000000080000000, -1)
	TEST_IMM( 17, addi, 0x00000000fffff800, 0x0000000100000000, -2048)
	/* register aliasing and x0 operands */
	TEST_IMM_SRC1_EQ_DEST( 18, addi, 0x0000000000000018, 0x000000000000000d, 11)
	TEST_IMM_ZERO1( 19, addi, 0x000000000000000b, 11)
	TEST_IMM_ZERODEST( 20, addi, 0x000000000000000d, 11)
TEST_END
