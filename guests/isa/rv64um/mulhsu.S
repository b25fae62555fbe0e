/* mulhsu: high 64 bits of the signed(rs1) x unsigned(rs2) product. */
#include "test_macros.h"

TEST_START
	/* small and mixed signs */
	TEST_RR(  2, mulhsu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_RR(  3, mulhsu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
	TEST_RR(  4, mulhsu, 0x0000000000000000, 0x0000000000000003, 0x0000000000000007)
	TEST_RR(  5, mulhsu, 0x0000000000000000, 0x0000000000000007, 0x0000000000000003)
	TEST_RR(  6, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000003)
	TEST_RR(  7, mulhsu, 0x0000000000000002, 0x0000000000000003, 0xffffffffffffffff)
	TEST_RR(  8, mulhsu, 0xfffffffffffffff9, 0xfffffffffffffff9, 0xfffffffffffffffd)
	TEST_RR(  9, mulhsu, 0xffffffffffffffff, 0xffffffffffffffec, 0x0000000000000003)
	TEST_RR( 10, mulhsu, 0x0000000000000013, 0x0000000000000014, 0xfffffffffffffffd)
	/* extremes */
	TEST_RR( 11, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000)
	TEST_RR( 12, mulhsu, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_RR( 13, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 14, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
	TEST_RR( 15, mulhsu, 0x0000000000000000, 0x0000000000000001, 0xffffffffffffffff)
	TEST_RR( 16, mulhsu, 0x7ffffffffffffffe, 0x7fffffffffffffff, 0xffffffffffffffff)
	TEST_RR( 17, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_RR( 18, mulhsu, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000)
	TEST_RR( 19, mulhsu, 0x0121fa00ad77d742, 0x0123456789abcdef, 0xfedcba9876543210)
	TEST_RR( 20, mulhsu, 0xfffeb49923cc0953, 0xfedcba9876543210, 0x0123456789abcdef)
	TEST_RR( 21, mulhsu, 0xffffffffffff0081, 0xaaaaaaaaaaaaaaab, 0x000000000002fe7d)
	TEST_RR( 22, mulhsu, 0x000000000001fefe, 0x000000000002fe7d, 0xaaaaaaaaaaaaaaab)
	/* register aliasing and x0 operands */
	TEST_RR_SRC1_EQ_DEST( 23, mulhsu, 0xfffffffffffffff9, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC2_EQ_DEST( 24, mulhsu, 0xfffffffffffffff9, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_RR_SRC12_EQ_DEST( 25, mulhsu, 0xfffffffffffffff3, 0xfffffffffffffff3)
	TEST_RR_ZERO1( 26, mulhsu, 0x0000000000000000, 0x8000000000000000)
	TEST_RR_ZERO2( 27, mulhsu, 0x0000000000000000, 0xfffffffffffffff3)
	TEST_RR_ZERODEST( 28, mulhsu, 0xfffffffffffffff3, 0x8000000000000000)
	TEST_CASE( 29, a0, 0x0000000000000000, mulhsu a0, x0, x0)
TEST_END
