/* div: signed 64-bit division rounding toward zero. */
#include "test_macros.h"

TEST_START
	/* mixed signs truncate toward zero */
	TEST_RR(  2, div, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, div, 0xfffffffffffffffd, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, div, 0xfffffffffffffffd, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, div, 0x0000000000000003, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, div, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, div, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, div, 0x0000000000000000, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, div, 0x0000000000000000, 0xfffffffffffffffb, 0x000000000000000a)
	TEST_RR( 10, div, 0x0000000000000002, 0x0000000000000006, 0x0000000000000003)
	TEST_RR( 11, div, 0xfffffffffffffffe, 0xfffffffffffffffa, 0x0000000000000003)
	/* division by zero gives all ones */
	TEST_RR( 12, div, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 13, div, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 14, div, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
	TEST_RR( 15, div, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
	TEST_RR( 16, div, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0000000000000000)
	/* signed overflow INT_MIN / -1 gives INT_MIN */
	TEST_RR( 17, div, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 18, div, 0x8000000000000000, 0x8000000000000000, 0x0000000000000001)
	TEST_RR( 19, div, 0x0000000000000001, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 20, div, 0x8000000000000001, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 21, div, 0x0000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_RR( 22, div, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_RR( 23, div, 0xc000000000000000, 0x8000000000000000, 0x0000000000000002)
	/* bit 31 is not a sign bit */
	TEST_RR( 24, div, 0x0000000040000000, 0x0000000080000000, 0x0000000000000002)
	TEST_RR( 25, div, 0xffffffff00000001, 0x00000000ffffffff, 0xffffffffffffffff)
	TEST_RR( 26, div, 0x0000123456789abc, 0x0123456789abcdef, 0x0000000000001000)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 27, div, 0xffffffffffffffe4, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 28, div, 0xffffffffffffffe4, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 29, div, 0x0000000000000001, 0xffffffffffffff38)
	TEST_RR_ZERO1( 30, div, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 31, div, 0xffffffffffffffff, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 32, div, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 33, a0, 0xffffffffffffffff, div a0, x0, x0)
TEST_END
