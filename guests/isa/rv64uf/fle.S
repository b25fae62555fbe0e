/* fle.s: signaling less-or-equal: any NaN sets NV; NaN compares false. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* ordered, signed-zero and NaN operands */
	TEST_FCMP_S(  2, fle.s, 0, 1, 0x3f800000, 0x3f800000)  /* 1 <= 1 */
	TEST_FCMP_S(  3, fle.s, 0, 1, 0x3f800000, 0x40000000)  /* 1 <= 2 */
	TEST_FCMP_S(  4, fle.s, 0, 0, 0x40000000, 0x3f800000)  /* 2 <= 1 */
	TEST_FCMP_S(  5, fle.s, 0, 0, 0xbf800000, 0xc0000000)  /* -1 <= -2 */
	TEST_FCMP_S(  6, fle.s, 0, 1, 0xc0000000, 0xbf800000)  /* -2 <= -1 */
	TEST_FCMP_S(  7, fle.s, 0, 1, 0xbf800000, 0x3f800000)  /* -1 <= 1 */
	TEST_FCMP_S(  8, fle.s, 0, 1, 0x00000000, 0x80000000)  /* 0 <= -0 */
	TEST_FCMP_S(  9, fle.s, 0, 1, 0x80000000, 0x00000000)  /* -0 <= 0 */
	TEST_FCMP_S( 10, fle.s, 0, 1, 0x80000000, 0x80000000)  /* -0 <= -0 */
	TEST_FCMP_S( 11, fle.s, 0, 0, 0x00000001, 0x00000000)  /* minsub <= 0 */
	TEST_FCMP_S( 12, fle.s, 0, 1, 0x80000001, 0x00000000)  /* -minsub <= 0 */
	TEST_FCMP_S( 13, fle.s, 0, 1, 0x00000001, 0x00800000)  /* minsub <= min */
	TEST_FCMP_S( 14, fle.s, 0, 1, 0x007fffff, 0x00800000)  /* maxsub <= min */
	TEST_FCMP_S( 15, fle.s, 0, 1, 0x7f7fffff, 0x7f800000)  /* max <= inf */
	TEST_FCMP_S( 16, fle.s, 0, 1, 0x7f800000, 0x7f800000)  /* inf <= inf */
	TEST_FCMP_S( 17, fle.s, 0, 1, 0xff800000, 0xff800000)  /* -inf <= -inf */
	TEST_FCMP_S( 18, fle.s, 0, 1, 0xff800000, 0x7f800000)  /* -inf <= inf */
	TEST_FCMP_S( 19, fle.s, 0, 1, 0xff800000, 0xff7fffff)  /* -inf <= -max */
	TEST_FCMP_S( 20, fle.s, 0, 1, 0x3f800000, 0x3f800001)  /* 1 <= 1+2^-23 */
	TEST_FCMP_S( 21, fle.s, 0, 0, 0xbf800000, 0xbf800001)  /* -1 <= -(1+2^-23) */
	TEST_FCMP_S( 22, fle.s, FF_NV, 0, 0x7fc00000, 0x3f800000)  /* qNaN <= 1 */
	TEST_FCMP_S( 23, fle.s, FF_NV, 0, 0x3f800000, 0x7fc00000)  /* 1 <= qNaN */
	TEST_FCMP_S( 24, fle.s, FF_NV, 0, 0x7fc00000, 0x7fc00000)  /* qNaN <= qNaN */
	TEST_FCMP_S( 25, fle.s, FF_NV, 0, 0xffc12345, 0xffc12345)  /* NaN(0xffc12345) <= NaN(0xffc12345) */
	TEST_FCMP_S( 26, fle.s, FF_NV, 0, 0x7fc00000, 0x7f800000)  /* qNaN <= inf */
	TEST_FCMP_S( 27, fle.s, FF_NV, 0, 0x7f800001, 0x3f800000)  /* sNaN <= 1 */
	TEST_FCMP_S( 28, fle.s, FF_NV, 0, 0x3f800000, 0x7f800001)  /* 1 <= sNaN */
	TEST_FCMP_S( 29, fle.s, FF_NV, 0, 0x7f800001, 0x7f800001)  /* sNaN <= sNaN */
	TEST_FCMP_S( 30, fle.s, FF_NV, 0, 0x7f800001, 0x7fc00000)  /* sNaN <= qNaN */
	/* rd = x0 still sets the flags */
	li gp, 31; LOAD_S(f1, 0x7fc00000); LOAD_S(f2, 0x3f800000); csrwi fflags, 0
	fle.s x0, f1, f2; CHECK_FLAGS(FF_NV)
TEST_END
