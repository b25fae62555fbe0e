/* remuw: unsigned remainder of the low words, 32-bit result sign-extended. */
#include "test_macros.h"

TEST_START
	/* small */
	TEST_RR(  2, remuw, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, remuw, 0x0000000000000002, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, remuw, 0x0000000000000014, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, remuw, 0xffffffffffffffec, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, remuw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, remuw, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, remuw, 0x0000000000000005, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, remuw, 0x0000000000000001, 0xfffffffffffffffb, 0x000000000000000a)
	/* division by zero returns the dividend (low word, sign-extended) */
	TEST_RR( 10, remuw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 11, remuw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 12, remuw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
	TEST_RR( 13, remuw, 0xffffffff9abcdef0, 0x123456789abcdef0, 0x0000000500000000)
	TEST_RR( 14, remuw, 0xfffffffffffffff0, 0x00000000fffffff0, 0x0000000000000000)
	/* results with bit 31 set are sign-extended */
	TEST_RR( 15, remuw, 0x0000000000000001, 0x00000000ffffffff, 0x00000000fffffffe)
	TEST_RR( 16, remuw, 0xffffffff80000000, 0x0000000080000000, 0x0000000080000001)
	TEST_RR( 17, remuw, 0x0000000000000000, 0x00000000ffffffff, 0x0000000000000003)
	TEST_RR( 18, remuw, 0xfffffffffffffffe, 0x00000000fffffffe, 0x00000000ffffffff)
	/* upper 32 bits of the sources are ignored */
	TEST_RR( 19, remuw, 0x0000000000000002, 0x0000000100000014, 0x0000000000000006)
	TEST_RR( 20, remuw, 0x0000000000000002, 0xffffffff00000014, 0xffffffff00000006)
	TEST_RR( 21, remuw, 0x0000000000000002, 0x00000000ffffffec, 0x0000000000000006)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 22, remuw, 0x0000000000000000, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 23, remuw, 0x0000000000000000, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 24, remuw, 0x0000000000000000, 0xffffffffffffff38)
	TEST_RR_ZERO1( 25, remuw, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 26, remuw, 0xffffffffffffff38, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 27, remuw, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 28, a0, 0x0000000000000000, remuw a0, x0, x0)
TEST_END
