/* mulw: low 32 bits of the product of the low words, sign-extended. */
#include "test_macros.h"

TEST_START
	/* small and mixed signs */
	TEST_RR(  2, mulw, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR(  3, mulw, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  4, mulw, 0x0000000000000015, 0x0000000000000003, 0x0000000000000007)
	TEST_RR(  5, mulw, 0x0000000000000015, 0x0000000000000007, 0x0000000000000003)
	TEST_RR(  6, mulw, 0xfffffffffffffffd, 0xffffffffffffffff, 0x0000000000000003)
	TEST_RR(  7, mulw, 0xfffffffffffffffd, 0x0000000000000003, 0xffffffffffffffff)
	TEST_RR(  8, mulw, 0x0000000000000015, 0xfffffffffffffff9, 0xfffffffffffffffd)
	TEST_RR(  9, mulw, 0xffffffffffffffc4, 0xffffffffffffffec, 0x0000000000000003)
	/* 32-bit overflow; result sign-extended */
	TEST_RR( 10, mulw, 0xfffffffffffffffe, 0x000000007fffffff, 0x0000000000000002)
	TEST_RR( 11, mulw, 0xffffffff80000000, 0x0000000080000000, 0xffffffffffffffff)
	TEST_RR( 12, mulw, 0x0000000000000000, 0x0000000080000000, 0x0000000080000000)
	TEST_RR( 13, mulw, 0xffffffff80007fff, 0x000000000000ffff, 0x0000000000008001)
	TEST_RR( 14, mulw, 0xffffffff80000000, 0x0000000000010000, 0x0000000000008000)
	TEST_RR( 15, mulw, 0x0000000000000001, 0x00000000ffffffff, 0x00000000ffffffff)
	TEST_RR( 16, mulw, 0x000000004b65f099, 0x0000000000012345, 0x0000000000012345)
	/* upper 32 bits of the sources are ignored */
	TEST_RR( 17, mulw, 0x000000000000000f, 0x1234567800000003, 0xfedcba9800000005)
	TEST_RR( 18, mulw, 0x0000000000000000, 0xffffffff00000000, 0xffffffff00000000)
	TEST_RR( 19, mulw, 0x000000000000003f, 0x8000000000000007, 0x7fffffff00000009)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 20, mulw, 0xffffffffffffff71, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_RR_SRC2_EQ_DEST( 21, mulw, 0xffffffffffffff71, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_RR_SRC12_EQ_DEST( 22, mulw, 0x00000000000000a9, 0xfffffffffffffff3)
	TEST_RR_ZERO1( 23, mulw, 0x0000000000000000, 0x000000000000000b)
	TEST_RR_ZERO2( 24, mulw, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERODEST( 25, mulw, 0xfffffffffffffff3, 0x000000000000000b)
	TEST_CASE( 26, a0, 0x0000000000000000, mulw a0, x0, x0)
TEST_END
