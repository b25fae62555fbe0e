/* divw: signed division of the low words, 32-bit result sign-extended. */
#include "test_macros.h"

TEST_START
	/* mixed signs truncate toward zero */
	TEST_RR(  2, divw, 0x0000000000000003, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, divw, 0xfffffffffffffffd, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, divw, 0xfffffffffffffffd, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, divw, 0x0000000000000003, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, divw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, divw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, divw, 0x0000000000000000, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, divw, 0x0000000000000000, 0xfffffffffffffffb, 0x000000000000000a)
	/* division by zero gives all ones */
	TEST_RR( 10, divw, 0xffffffffffffffff, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 11, divw, 0xffffffffffffffff, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 12, divw, 0xffffffffffffffff, 0x0000000080000000, 0x0000000000000000)
	TEST_RR( 13, divw, 0xffffffffffffffff, 0x1234567800000000, 0x0000000500000000)
	/* signed overflow INT32_MIN / -1 gives INT32_MIN (sign-extended) */
	TEST_RR( 14, divw, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffff)
	TEST_RR( 15, divw, 0xffffffff80000000, 0xffffffff80000000, 0x00000000ffffffff)
	TEST_RR( 16, divw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000001)
	TEST_RR( 17, divw, 0xffffffff80000001, 0x000000007fffffff, 0xffffffffffffffff)
	TEST_RR( 18, divw, 0x000000007fffffff, 0x000000007fffffff, 0x0000000000000001)
	/* upper 32 bits of the sources are ignored */
	TEST_RR( 19, divw, 0x0000000000000003, 0x0000000100000014, 0x0000000000000006)
	TEST_RR( 20, divw, 0xfffffffffffffffd, 0xffffffff00000014, 0x80000000fffffffa)
	TEST_RR( 21, divw, 0xfffffffffffffffd, 0x00000000ffffffec, 0x0000000000000006)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 22, divw, 0xffffffffffffffe4, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 23, divw, 0xffffffffffffffe4, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 24, divw, 0x0000000000000001, 0xffffffffffffff38)
	TEST_RR_ZERO1( 25, divw, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 26, divw, 0xffffffffffffffff, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 27, divw, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 28, a0, 0xffffffffffffffff, divw a0, x0, x0)
TEST_END
