/* rem: signed 64-bit remainder; its sign follows the dividend. */
#include "test_macros.h"

TEST_START
	/* mixed signs */
	TEST_RR(  2, rem, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, rem, 0xfffffffffffffffe, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, rem, 0x0000000000000002, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, rem, 0xfffffffffffffffe, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, rem, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, rem, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, rem, 0x0000000000000005, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, rem, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x000000000000000a)
	TEST_RR( 10, rem, 0x0000000000000000, 0x0000000000000006, 0x0000000000000003)
	TEST_RR( 11, rem, 0x0000000000000000, 0xfffffffffffffffa, 0x0000000000000003)
	/* division by zero returns the dividend */
	TEST_RR( 12, rem, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 13, rem, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 14, rem, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
	TEST_RR( 15, rem, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000)
	TEST_RR( 16, rem, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x0000000000000000)
	TEST_RR( 17, rem, 0x0123456789abcdef, 0x0123456789abcdef, 0x0000000000000000)
	/* signed overflow INT_MIN % -1 gives 0 */
	TEST_RR( 18, rem, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 19, rem, 0x0000000000000000, 0x8000000000000000, 0x0000000000000001)
	TEST_RR( 20, rem, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 21, rem, 0x0000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 22, rem, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_RR( 23, rem, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_RR( 24, rem, 0xfffffffffffffffe, 0x8000000000000000, 0x0000000000000003)
	/*  */
	TEST_RR( 25, rem, 0x0000000000000def, 0x0123456789abcdef, 0x0000000000001000)
	TEST_RR( 26, rem, 0xfffffffffffff211, 0xfedcba9876543211, 0x0000000000001000)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 27, rem, 0xfffffffffffffffc, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 28, rem, 0xfffffffffffffffc, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 29, rem, 0x0000000000000000, 0xffffffffffffff38)
	TEST_RR_ZERO1( 30, rem, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 31, rem, 0xffffffffffffff38, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 32, rem, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 33, a0, 0x0000000000000000, rem a0, x0, x0)
TEST_END
