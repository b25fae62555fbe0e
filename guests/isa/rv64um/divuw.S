/* divuw: unsigned division of the low words, 32-bit result sign-extended. */
#include "test_macros.h"

TEST_START
	/* small */
	TEST_RR(  2, divuw, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, divuw, 0x000000002aaaaaa7, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, divuw, 0x0000000000000000, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, divuw, 0x0000000000000000, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, divuw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, divuw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, divuw, 0x0000000000000000, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, divuw, 0x0000000019999999, 0xfffffffffffffffb, 0x000000000000000a)
	/* division by zero gives all ones */
	TEST_RR( 10, divuw, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 11, divuw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 12, divuw, 0xffffffffffffffff, 0x0000000080000000, 0x0000000000000000)
	TEST_RR( 13, divuw, 0xffffffffffffffff, 0x1234567800000000, 0x0000000500000000)
	/* results with bit 31 set are sign-extended */
	TEST_RR( 14, divuw, 0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000001)
	TEST_RR( 15, divuw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000001)
	TEST_RR( 16, divuw, 0xfffffffffffffffe, 0x00000000fffffffe, 0x0000000000000001)
	TEST_RR( 17, divuw, 0x0000000000000001, 0x00000000ffffffff, 0x00000000ffffffff)
	TEST_RR( 18, divuw, 0x000000007fffffff, 0x00000000ffffffff, 0x0000000000000002)
	/* upper 32 bits of the sources are ignored */
	TEST_RR( 19, divuw, 0x0000000000000003, 0x0000000100000014, 0x0000000000000006)
	TEST_RR( 20, divuw, 0x0000000000000003, 0xffffffff00000014, 0xffffffff00000006)
	TEST_RR( 21, divuw, 0x000000002aaaaaa7, 0x00000000ffffffec, 0x0000000000000006)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 22, divuw, 0x0000000024924908, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 23, divuw, 0x0000000024924908, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 24, divuw, 0x0000000000000001, 0xffffffffffffff38)
	TEST_RR_ZERO1( 25, divuw, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 26, divuw, 0xffffffffffffffff, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 27, divuw, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 28, a0, 0xffffffffffffffff, divuw a0, x0, x0)
TEST_END
