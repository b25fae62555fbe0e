/* remw: signed remainder of the low words, 32-bit result sign-extended. */
#include "test_macros.h"

TEST_START
	/* mixed signs */
	TEST_RR(  2, remw, 0x0000000000000002, 0x0000000000000014, 0x0000000000000006)
	TEST_RR(  3, remw, 0xfffffffffffffffe, 0xffffffffffffffec, 0x0000000000000006)
	TEST_RR(  4, remw, 0x0000000000000002, 0x0000000000000014, 0xfffffffffffffffa)
	TEST_RR(  5, remw, 0xfffffffffffffffe, 0xffffffffffffffec, 0xfffffffffffffffa)
	TEST_RR(  6, remw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000001)
	TEST_RR(  7, remw, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  8, remw, 0x0000000000000005, 0x0000000000000005, 0x000000000000000a)
	TEST_RR(  9, remw, 0xfffffffffffffffb, 0xfffffffffffffffb, 0x000000000000000a)
	/* division by zero returns the dividend (low word, sign-extended) */
	TEST_RR( 10, remw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000)
	TEST_RR( 11, remw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR( 12, remw, 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000)
	TEST_RR( 13, remw, 0xffffffff9abcdef0, 0x123456789abcdef0, 0x0000000500000000)
	TEST_RR( 14, remw, 0xfffffffffffffff0, 0x00000000fffffff0, 0x0000000000000000)
	/* signed overflow INT32_MIN % -1 gives 0 */
	TEST_RR( 15, remw, 0x0000000000000000, 0x0000000080000000, 0xffffffffffffffff)
	TEST_RR( 16, remw, 0x0000000000000000, 0xffffffff80000000, 0x00000000ffffffff)
	TEST_RR( 17, remw, 0xfffffffffffffffe, 0x0000000080000000, 0x0000000000000003)
	TEST_RR( 18, remw, 0x0000000000000000, 0x000000007fffffff, 0xffffffffffffffff)
	/* upper 32 bits of the sources are ignored */
	TEST_RR( 19, remw, 0x0000000000000002, 0x0000000100000014, 0x0000000000000006)
	TEST_RR( 20, remw, 0x0000000000000002, 0xffffffff00000014, 0x80000000fffffffa)
	TEST_RR( 21, remw, 0xfffffffffffffffe, 0x00000000ffffffec, 0x0000000000000006)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 22, remw, 0xfffffffffffffffc, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC2_EQ_DEST( 23, remw, 0xfffffffffffffffc, 0xffffffffffffff38, 0x0000000000000007)
	TEST_RR_SRC12_EQ_DEST( 24, remw, 0x0000000000000000, 0xffffffffffffff38)
	TEST_RR_ZERO1( 25, remw, 0x0000000000000000, 0x0000000000000007)
	TEST_RR_ZERO2( 26, remw, 0xffffffffffffff38, 0xffffffffffffff38)
	TEST_RR_ZERODEST( 27, remw, 0xffffffffffffff38, 0x0000000000000007)
	TEST_CASE( 28, a0, 0x0000000000000000, remw a0, x0, x0)
TEST_END
