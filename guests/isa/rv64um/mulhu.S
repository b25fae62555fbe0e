/* mulhu: high 64 bits of the unsigned x unsigned product. */
#include "test_macros.h"

TEST_START
	/* small */
	TEST_RR(  2, mulhu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR(  3, mulhu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  4, mulhu, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
	TEST_RR(  5, mulhu, 0x0000000000000000, 0x0000000000000007, 0x0000000000000003)
	TEST_RR(  6, mulhu, 0x0000000000000002, 0xffffffffffffffff, 0x0000000000000003)
	TEST_RR(  7, mulhu, 0x0000000000000002, 0x0000000000000003, 0xffffffffffffffff)
	TEST_RR(  8, mulhu, 0xfffffffffffffff6, 0xfffffffffffffff9, 0xfffffffffffffffd)
	/* extremes */
	TEST_RR(  9, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 10, mulhu, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 11, mulhu, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000001)
	TEST_RR( 12, mulhu, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000002)
	TEST_RR( 13, mulhu, 0x7ffffffffffffffe, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 14, mulhu, 0x3fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_RR( 15, mulhu, 0x0121fa00ad77d742, 0x0123456789abcdef, 0xfedcba9876543210)
	TEST_RR( 16, mulhu, 0x000000000001fefe, 0xaaaaaaaaaaaaaaab, 0x000000000002fe7d)
	TEST_RR( 17, mulhu, 0x000000000001fefe, 0x000000000002fe7d, 0xaaaaaaaaaaaaaaab)
	TEST_RR( 18, mulhu, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000)
	TEST_RR( 19, mulhu, 0x0000000000000000, 0x00000000ffffffff, 0x00000000ffffffff)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 20, mulhu, 0x7ffffffffffffff9, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC2_EQ_DEST( 21, mulhu, 0x7ffffffffffffff9, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC12_EQ_DEST( 22, mulhu, 0xffffffffffffffe6, 0xfffffffffffffff3)
	TEST_RR_ZERO1( 23, mulhu, 0x0000000000000000, 0x8000000000000000)
	TEST_RR_ZERO2( 24, mulhu, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERODEST( 25, mulhu, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_CASE( 26, a0, 0x0000000000000000, mulhu a0, x0, x0)
TEST_END
