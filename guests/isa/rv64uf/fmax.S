/* fmax.s: IEEE 754-2019 maximumNumber: -0 < +0, a single NaN operand is
 * ignored, two NaNs give the canonical NaN; sNaN sets NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* ordered, signed-zero and NaN operands */
	TEST_FP_OP2_S(  2, fmax.s, 0, 0x40000000, 0x3f800000, 0x40000000)  /* max(1, 2) */
	TEST_FP_OP2_S(  3, fmax.s, 0, 0x40000000, 0x40000000, 0x3f800000)  /* max(2, 1) */
	TEST_FP_OP2_S(  4, fmax.s, 0, 0xbf800000, 0xbf800000, 0xc0000000)  /* max(-1, -2) */
	TEST_FP_OP2_S(  5, fmax.s, 0, 0xbf800000, 0xc0000000, 0xbf800000)  /* max(-2, -1) */
	TEST_FP_OP2_S(  6, fmax.s, 0, 0x3f800000, 0xbf800000, 0x3f800000)  /* max(-1, 1) */
	TEST_FP_OP2_S(  7, fmax.s, 0, 0x00000000, 0x00000000, 0x80000000)  /* max(0, -0) */
	TEST_FP_OP2_S(  8, fmax.s, 0, 0x00000000, 0x80000000, 0x00000000)  /* max(-0, 0) */
	TEST_FP_OP2_S(  9, fmax.s, 0, 0x80000000, 0x80000000, 0x80000000)  /* max(-0, -0) */
	TEST_FP_OP2_S( 10, fmax.s, 0, 0x00000000, 0x00000000, 0x00000000)  /* max(0, 0) */
	TEST_FP_OP2_S( 11, fmax.s, 0, 0x00000001, 0x00000001, 0x80000001)  /* max(minsub, -minsub) */
	TEST_FP_OP2_S( 12, fmax.s, 0, 0x00800000, 0x00000001, 0x00800000)  /* max(minsub, min) */
	TEST_FP_OP2_S( 13, fmax.s, 0, 0x7f7fffff, 0xff800000, 0x7f7fffff)  /* max(-inf, max) */
	TEST_FP_OP2_S( 14, fmax.s, 0, 0x7f800000, 0x7f800000, 0x7f7fffff)  /* max(inf, max) */
	TEST_FP_OP2_S( 15, fmax.s, 0, 0xff7fffff, 0xff800000, 0xff7fffff)  /* max(-inf, -max) */
	TEST_FP_OP2_S( 16, fmax.s, 0, 0x7f800000, 0x7f800000, 0xff800000)  /* max(inf, -inf) */
	TEST_FP_OP2_S( 17, fmax.s, 0, 0x3fc00000, 0x3fc00000, 0x3fc00000)  /* max(1.5, 1.5) */
	TEST_FP_OP2_S( 18, fmax.s, 0, 0x3f800000, 0x7fc00000, 0x3f800000)  /* max(qNaN, 1) */
	TEST_FP_OP2_S( 19, fmax.s, 0, 0x3f800000, 0x3f800000, 0x7fc00000)  /* max(1, qNaN) */
	TEST_FP_OP2_S( 20, fmax.s, 0, 0xbf800000, 0xffc12345, 0xbf800000)  /* max(NaN(0xffc12345), -1) */
	TEST_FP_OP2_S( 21, fmax.s, 0, 0xff800000, 0x7fc00000, 0xff800000)  /* max(qNaN, -inf) */
	TEST_FP_OP2_S( 22, fmax.s, 0, 0x7fc00000, 0x7fc00000, 0x7fc00000)  /* max(qNaN, qNaN) */
	TEST_FP_OP2_S( 23, fmax.s, 0, 0x7fc00000, 0x7fc12345, 0xffc12345)  /* max(NaN(0x7fc12345), NaN(0xffc12345)) */
	TEST_FP_OP2_S( 24, fmax.s, FF_NV, 0x3f800000, 0x7f800001, 0x3f800000)  /* max(sNaN, 1) */
	TEST_FP_OP2_S( 25, fmax.s, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001)  /* max(1, sNaN) */
	TEST_FP_OP2_S( 26, fmax.s, FF_NV, 0x7fc00000, 0x7f800001, 0x7fc00000)  /* max(sNaN, qNaN) */
	TEST_FP_OP2_S( 27, fmax.s, FF_NV, 0x7fc00000, 0x7fc00000, 0x7f800001)  /* max(qNaN, sNaN) */
	TEST_FP_OP2_S( 28, fmax.s, FF_NV, 0x7fc00000, 0x7f800001, 0x7f800001)  /* max(sNaN, sNaN) */
	TEST_FP_OP2_S( 29, fmax.s, FF_NV, 0x00000000, 0xffa12345, 0x00000000)  /* max(sNaN(0xffa12345), 0) */
TEST_END
