/* divu: unsigned 64-bit division. */
#include "test_macros.h"

TEST_START
	/* small */
	TEST_RR(  2, divu, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, divu, 0x2aaaaaaaaaaaaaa7, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, divu, 0x0000000000000000, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, divu, 0x0000000000000000, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, divu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, divu, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, divu, 0x0000000000000000, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, divu, 0x1999999999999999, 0xfffffffffffffffb, 0x000000000000000a)
	TEST_RR( 10, divu, 0x0000000000000002, 0x0000000000000006, 0x0000000000000003)
	TEST_RR( 11, divu, 0x5555555555555553, 0xfffffffffffffffa, 0x0000000000000003)
	/* division by zero gives all ones */
	TEST_RR( 12, divu, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 13, divu, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 14, divu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000)
	TEST_RR( 15, divu, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000000)
	/* large unsigned values */
	TEST_RR( 16, divu, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 17, divu, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 18, divu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
	TEST_RR( 19, divu, 0x7fffffffffffffff, 0xffffffffffffffff, 0x0000000000000002)
	TEST_RR( 20, divu, 0x4000000000000000, 0x8000000000000000, 0x0000000000000002)
	TEST_RR( 21, divu, 0x0000000000000001, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 22, divu, 0x0000000000000000, 0xfffffffffffffffe, 0xffffffffffffffff)
	TEST_RR( 23, divu, 0x0000123456789abc, 0x0123456789abcdef, 0x0000000000001000)
	TEST_RR( 24, divu, 0x00000000ffffffff, 0xffffffffffffffff, 0x0000000100000000)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 25, divu, 0x2492492492492475, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 26, divu, 0x2492492492492475, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 27, divu, 0x0000000000000001, 0xffffffffffffff38)
	TEST_RR_ZERO1( 28, divu, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 29, divu, 0xffffffffffffffff, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 30, divu, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 31, a0, 0xffffffffffffffff, divu a0, x0, x0)
TEST_END
