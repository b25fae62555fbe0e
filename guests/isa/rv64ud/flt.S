/* flt.d: signaling less-than: any NaN sets NV; NaN compares false. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* ordered, signed-zero and NaN operands */
	TEST_FCMP_D(  2, flt.d, 0, 0, 0x3ff0000000000000, 0x3ff0000000000000)  /* 1.0 < 1.0 */
	TEST_FCMP_D(  3, flt.d, 0, 1, 0x3ff0000000000000, 0x4000000000000000)  /* 1.0 < 2.0 */
	TEST_FCMP_D(  4, flt.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000)  /* 2.0 < 1.0 */
	TEST_FCMP_D(  5, flt.d, 0, 0, 0xbff0000000000000, 0xc000000000000000)  /* -1.0 < -2.0 */
	TEST_FCMP_D(  6, flt.d, 0, 1, 0xc000000000000000, 0xbff0000000000000)  /* -2.0 < -1.0 */
	TEST_FCMP_D(  7, flt.d, 0, 1, 0xbff0000000000000, 0x3ff0000000000000)  /* -1.0 < 1.0 */
	TEST_FCMP_D(  8, flt.d, 0, 0, 0x0000000000000000, 0x8000000000000000)  /* 0 < -0 */
	TEST_FCMP_D(  9, flt.d, 0, 0, 0x8000000000000000, 0x0000000000000000)  /* -0 < 0 */
	TEST_FCMP_D( 10, flt.d, 0, 0, 0x8000000000000000, 0x8000000000000000)  /* -0 < -0 */
	TEST_FCMP_D( 11, flt.d, 0, 0, 0x0000000000000001, 0x0000000000000000)  /* minsub < 0 */
	TEST_FCMP_D( 12, flt.d, 0, 1, 0x8000000000000001, 0x0000000000000000)  /* -minsub < 0 */
	TEST_FCMP_D( 13, flt.d, 0, 1, 0x0000000000000001, 0x0010000000000000)  /* minsub < min */
	TEST_FCMP_D( 14, flt.d, 0, 1, 0x000fffffffffffff, 0x0010000000000000)  /* maxsub < min */
	TEST_FCMP_D( 15, flt.d, 0, 1, 0x7fefffffffffffff, 0x7ff0000000000000)  /* max < inf */
	TEST_FCMP_D( 16, flt.d, 0, 0, 0x7ff0000000000000, 0x7ff0000000000000)  /* inf < inf */
	TEST_FCMP_D( 17, flt.d, 0, 0, 0xfff0000000000000, 0xfff0000000000000)  /* -inf < -inf */
	TEST_FCMP_D( 18, flt.d, 0, 1, 0xfff0000000000000, 0x7ff0000000000000)  /* -inf < inf */
	TEST_FCMP_D( 19, flt.d, 0, 1, 0xfff0000000000000, 0xffefffffffffffff)  /* -inf < -max */
	TEST_FCMP_D( 20, flt.d, 0, 1, 0x3ff0000000000000, 0x3ff0000000000001)  /* 1.0 < 1+2^-52 */
	TEST_FCMP_D( 21, flt.d, 0, 0, 0xbff0000000000000, 0xbff0000000000001)  /* -1.0 < -(1+2^-52) */
	TEST_FCMP_D( 22, flt.d, FF_NV, 0, 0x7ff8000000000000, 0x3ff0000000000000)  /* qNaN < 1.0 */
	TEST_FCMP_D( 23, flt.d, FF_NV, 0, 0x3ff0000000000000, 0x7ff8000000000000)  /* 1.0 < qNaN */
	TEST_FCMP_D( 24, flt.d, FF_NV, 0, 0x7ff8000000000000, 0x7ff8000000000000)  /* qNaN < qNaN */
	TEST_FCMP_D( 25, flt.d, FF_NV, 0, 0xfff8000000012345, 0xfff8000000012345)  /* NaN(0xfff8000000012345) < NaN(0xfff8000000012345) */
	TEST_FCMP_D( 26, flt.d, FF_NV, 0, 0x7ff8000000000000, 0x7ff0000000000000)  /* qNaN < inf */
	TEST_FCMP_D( 27, flt.d, FF_NV, 0, 0x7ff0000000000001, 0x3ff0000000000000)  /* sNaN < 1.0 */
	TEST_FCMP_D( 28, flt.d, FF_NV, 0, 0x3ff0000000000000, 0x7ff0000000000001)  /* 1.0 < sNaN */
	TEST_FCMP_D( 29, flt.d, FF_NV, 0, 0x7ff0000000000001, 0x7ff0000000000001)  /* sNaN < sNaN */
	TEST_FCMP_D( 30, flt.d, FF_NV, 0, 0x7ff0000000000001, 0x7ff8000000000000)  /* sNaN < qNaN */
	/* rd = x0 still sets the flags */
	li gp, 31; LOAD_D(f1, 0x7ff8000000000000); LOAD_D(f2, 0x3ff0000000000000); csrwi fflags, 0
	flt.d x0, f1, f2; CHECK_FLAGS(FF_NV)
TEST_END
