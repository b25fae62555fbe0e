/* fmin.s: IEEE 754-2019 minimumNumber: -0 < +0, a single NaN operand is
 * ignored, two NaNs give the canonical NaN; sNaN sets NV. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* ordered, signed-zero and NaN operands */
	TEST_FP_OP2_S(  2, fmin.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  /* min(1, 2) */
	TEST_FP_OP2_S(  3, fmin.s, 0, 0x3f800000, 0x40000000, 0x3f800000)  /* min(2, 1) */
	TEST_FP_OP2_S(  4, fmin.s, 0, 0xc0000000, 0xbf800000, 0xc0000000)  /* min(-1, -2) */
	TEST_FP_OP2_S(  5, fmin.s, 0, 0xc0000000, 0xc0000000, 0xbf800000)  /* min(-2, -1) */
	TEST_FP_OP2_S(  6, fmin.s, 0, 0xbf800000, 0xbf800000, 0x3f800000)  /* min(-1, 1) */
	TEST_FP_OP2_S(  7, fmin.s, 0, 0x80000000, 0x00000000, 0x80000000)  /* min(0, -0) */
	TEST_FP_OP2_S(  8, fmin.s, 0, 0x80000000, 0x80000000, 0x00000000)  /* min(-0, 0) */
	TEST_FP_OP2_S(  9, fmin.s, 0, 0x80000000, 0x80000000, 0x80000000)  /* min(-0, -0) */
	TEST_FP_OP2_S( 10, fmin.s, 0, 0x00000000, 0x00000000, 0x00000000)  /* min(0, 0) */
	TEST_FP_OP2_S( 11, fmin.s, 0, 0x80000001, 0x00000001, 0x80000001)  /* min(minsub, -minsub) */
	TEST_FP_OP2_S( 12, fmin.s, 0, 0x00000001, 0x00000001, 0x00800000)  /* min(minsub, min) */
	TEST_FP_OP2_S( 13, fmin.s, 0, 0xff800000, 0xff800000, 0x7f7fffff)  /* min(-inf, max) */
	TEST_FP_OP2_S( 14, fmin.s, 0, 0x7f7fffff, 0x7f800000, 0x7f7fffff)  /* min(inf, max) */
	TEST_FP_OP2_S( 15, fmin.s, 0, 0xff800000, 0xff800000, 0xff7fffff)  /* min(-inf, -max) */
	TEST_FP_OP2_S( 16, fmin.s, 0, 0xff800000, 0x7f800000, 0xff800000)  /* min(inf, -inf) */
	TEST_FP_OP2_S( 17, fmin.s, 0, 0x3fc00000, 0x3fc00000, 0x3fc00000)  /* min(1.5, 1.5) */
	TEST_FP_OP2_S( 18, fmin.s, 0, 0x3f800000, 0x7fc00000, 0x3f800000)  /* min(qNaN, 1) */
	TEST_FP_OP2_S( 19, fmin.s, 0, 0x3f800000, 0x3f800000, 0x7fc00000)  /* min(1, qNaN) */
	TEST_FP_OP2_S( 20, fmin.s, 0, 0xbf800000, 0xffc12345, 0xbf800000)  /* min(NaN(0xffc12345), -1) */
	TEST_FP_OP2_S( 21, fmin.s, 0, 0xff800000, 0x7fc00000, 0xff800000)  /* min(qNaN, -inf) */
	TEST_FP_OP2_S( 22, fmin.s, 0, 0x7fc00000, 0x7fc00000, 0x7fc00000)  /* min(qNaN, qNaN) */
	TEST_FP_OP2_S( 23, fmin.s, 0, 0x7fc00000, 0x7fc12345, 0xffc12345)  /* min(NaN(0x7fc12345), NaN(0xffc12345)) */
	TEST_FP_OP2_S( 24, fmin.s, FF_NV, 0x3f800000, 0x7f800001, 0x3f800000)  /* min(sNaN, 1) */
	TEST_FP_OP2_S( 25, fmin.s, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001)  /* min(1, sNaN) */
	TEST_FP_OP2_S( 26, fmin.s, FF_NV, 0x7fc00000, 0x7f800001, 0x7fc00000)  /* min(sNaN, qNaN) */
	TEST_FP_OP2_S( 27, fmin.s, FF_NV, 0x7fc00000, 0x7fc00000, 0x7f800001)  /* min(qNaN, sNaN) */
	TEST_FP_OP2_S( 28, fmin.s, FF_NV, 0x7fc00000, 0x7f800001, 0x7f800001)  /* min(sNaN, sNaN) */
	TEST_FP_OP2_S( 29, fmin.s, FF_NV, 0x00000000, 0xffa12345, 0x00000000)  /* min(sNaN(0xffa12345), 0) */
TEST_END
