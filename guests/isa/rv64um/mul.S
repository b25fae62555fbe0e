/* mul: low 64 bits of the 64x64 product (same for signed and unsigned). */
#include "test_macros.h"

TEST_START
	/* small and mixed signs */
	TEST_RR(  2, mul, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR(  3, mul, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  4, mul, 0x0000000000000015, 0x0000000000000003, 0x0000000000000007)
	TEST_RR(  5, mul, 0x0000000000000015, 0x0000000000000007, 0x0000000000000003)
	TEST_RR(  6, mul, 0xfffffffffffffffd, 0xffffffffffffffff, 0x0000000000000003)
	TEST_RR(  7, mul, 0xfffffffffffffffd, 0x0000000000000003, 0xffffffffffffffff)
	TEST_RR(  8, mul, 0x0000000000000015, 0xfffffffffffffff9, 0xfffffffffffffffd)
	TEST_RR(  9, mul, 0xffffffffffffffc4, 0xffffffffffffffec, 0x0000000000000003)
	TEST_RR( 10, mul, 0xffffffffffffffc4, 0x0000000000000014, 0xfffffffffffffffd)
	TEST_RR( 11, mul, 0x000000000000003c, 0xffffffffffffffec, 0xfffffffffffffffd)
	/* wrap-around */
	TEST_RR( 12, mul, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 13, mul, 0x0000000000000001, 0x7fffffffffffffff, 0x7fffffffffffffff)
	TEST_RR( 14, mul, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 15, mul, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 16, mul, 0xfffffffe00000001, 0x00000000ffffffff, 0x00000000ffffffff)
	TEST_RR( 17, mul, 0x0000000000000000, 0x0000000100000000, 0x0000000100000000)
	TEST_RR( 18, mul, 0x2236d88fe5618cf0, 0x0123456789abcdef, 0xfedcba9876543210)
	TEST_RR( 19, mul, 0xffff000040000000, 0x00000000ffff8000, 0x00000000ffff8000)
	TEST_RR( 20, mul, 0x000000000000ff7f, 0xaaaaaaaaaaaaaaab, 0x000000000002fe7d)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 21, mul, 0xffffffffffffff71, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_RR_SRC2_EQ_DEST( 22, mul, 0xffffffffffffff71, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_RR_SRC12_EQ_DEST( 23, mul, 0x00000000000000a9, 0xfffffffffffffff3)
	TEST_RR_ZERO1( 24, mul, 0x0000000000000000, 0x000000000000000b)
	TEST_RR_ZERO2( 25, mul, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERODEST( 26, mul, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_CASE( 27, a0, 0x0000000000000000, mul a0, x0, x0)
TEST_END
