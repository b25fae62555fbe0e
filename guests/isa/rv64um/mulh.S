/* mulh: high 64 bits of the signed x signed 128-bit product. */
#include "test_macros.h"

TEST_START
	/* small and mixed signs */
	TEST_RR(  2, mulh, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR(  3, mulh, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  4, mulh, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
	TEST_RR(  5, mulh, 0x0000000000000000, 0x0000000000000007, 0x0000000000000003)
	TEST_RR(  6, mulh, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000003)
	TEST_RR(  7, mulh, 0xffffffffffffffff, 0x0000000000000003, 0xffffffffffffffff)
	TEST_RR(  8, mulh, 0x0000000000000000, 0xfffffffffffffff9, 0xfffffffffffffffd)
	TEST_RR(  9, mulh, 0xffffffffffffffff, 0xffffffffffffffec, 0x0000000000000003)
	TEST_RR( 10, mulh, 0xffffffffffffffff, 0x0000000000000014, 0xfffffffffffffffd)
	TEST_RR( 11, mulh, 0x0000000000000000, 0xffffffffffffffec, 0xfffffffffffffffd)
	/* extremes */
	TEST_RR( 12, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 13, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_RR( 14, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff)
	TEST_RR( 15, mulh, 0x0000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 16, mulh, 0x0000000000000000, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 17, mulh, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000001)
	TEST_RR( 18, mulh, 0xffffffffffffffff, 0x8000000000000000, 0x0000000000000002)
	TEST_RR( 19, mulh, 0xffffffffffffffff, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 20, mulh, 0xfffeb49923cc0953, 0x0123456789abcdef, 0xfedcba9876543210)
	TEST_RR( 21, mulh, 0xffffffffffff0081, 0xaaaaaaaaaaaaaaab, 0x000000000002fe7d)
	TEST_RR( 22, mulh, 0xffffffffffff0081, 0x000000000002fe7d, 0xaaaaaaaaaaaaaaab)
	TEST_RR( 23, mulh, 0x0000000000000001, 0x0000000100000000, 0x0000000100000000)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 24, mulh, 0x0000000000000006, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC2_EQ_DEST( 25, mulh, 0x0000000000000006, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC12_EQ_DEST( 26, mulh, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERO1( 27, mulh, 0x0000000000000000, 0x8000000000000000)
	TEST_RR_ZERO2( 28, mulh, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERODEST( 29, mulh, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_CASE( 30, a0, 0x0000000000000000, mulh a0, x0, x0)
TEST_END
