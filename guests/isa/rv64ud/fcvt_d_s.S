/* fcvt.d.s: widen single to double: always exact; NaNs become the canonical
 * double NaN. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* every class of input */
	TEST_FCVT_D_S(  2, 0, 0x3ff0000000000000, 0x3f800000)  /* 1 */
	TEST_FCVT_D_S(  3, 0, 0xbff8000000000000, 0xbfc00000)  /* -1.5 */
	TEST_FCVT_D_S(  4, 0, 0x3fb99999a0000000, 0x3dcccccd)  /* 0.1 */
	TEST_FCVT_D_S(  5, 0, 0x47efffffe0000000, 0x7f7fffff)  /* max */
	TEST_FCVT_D_S(  6, 0, 0xc7efffffe0000000, 0xff7fffff)  /* -max */
	TEST_FCVT_D_S(  7, 0, 0x3810000000000000, 0x00800000)  /* min */
	TEST_FCVT_D_S(  8, 0, 0x36a0000000000000, 0x00000001)  /* minsub */
	TEST_FCVT_D_S(  9, 0, 0xb6a0000000000000, 0x80000001)  /* -minsub */
	TEST_FCVT_D_S( 10, 0, 0x380fffffc0000000, 0x007fffff)  /* maxsub */
	TEST_FCVT_D_S( 11, 0, 0x0000000000000000, 0x00000000)  /* 0 */
	TEST_FCVT_D_S( 12, 0, 0x8000000000000000, 0x80000000)  /* -0 */
	TEST_FCVT_D_S( 13, 0, 0x7ff0000000000000, 0x7f800000)  /* inf */
	TEST_FCVT_D_S( 14, 0, 0xfff0000000000000, 0xff800000)  /* -inf */
	TEST_FCVT_D_S( 15, 0, 0x7ff8000000000000, 0x7fc00000)  /* qNaN */
	TEST_FCVT_D_S( 16, 0, 0x7ff8000000000000, 0xffc00000)  /* NaN(0xffc00000) */
	TEST_FCVT_D_S( 17, 0, 0x7ff8000000000000, 0x7fc12345)  /* NaN(0x7fc12345) */
	TEST_FCVT_D_S( 18, FF_NV, 0x7ff8000000000000, 0x7f800001)  /* sNaN */
	TEST_FCVT_D_S( 19, FF_NV, 0x7ff8000000000000, 0xffa12345)  /* sNaN(0xffa12345) */
TEST_END
