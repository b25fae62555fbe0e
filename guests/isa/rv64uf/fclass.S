/* fclass.s: one-hot class mask, never sets flags. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* bit 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 sNaN, 9 qNaN */
	TEST_FCLASS_S(  2, 0x001, 0xff800000)  /* -inf */
	TEST_FCLASS_S(  3, 0x002, 0xbf800000)  /* -1 */
	TEST_FCLASS_S(  4, 0x002, 0xff7fffff)  /* -max */
	TEST_FCLASS_S(  5, 0x002, 0x80800000)  /* -min */
	TEST_FCLASS_S(  6, 0x004, 0x80000001)  /* -minsub */
	TEST_FCLASS_S(  7, 0x004, 0x807fffff)  /* -maxsub */
	TEST_FCLASS_S(  8, 0x008, 0x80000000)  /* -0 */
	TEST_FCLASS_S(  9, 0x010, 0x00000000)  /* 0 */
	TEST_FCLASS_S( 10, 0x020, 0x00000001)  /* minsub */
	TEST_FCLASS_S( 11, 0x020, 0x007fffff)  /* maxsub */
	TEST_FCLASS_S( 12, 0x040, 0x00800000)  /* min */
	TEST_FCLASS_S( 13, 0x040, 0x3f800000)  /* 1 */
	TEST_FCLASS_S( 14, 0x040, 0x7f7fffff)  /* max */
	TEST_FCLASS_S( 15, 0x080, 0x7f800000)  /* inf */
	TEST_FCLASS_S( 16, 0x100, 0x7f800001)  /* sNaN */
	TEST_FCLASS_S( 17, 0x100, 0xff800001)  /* sNaN(0xff800001) */
	TEST_FCLASS_S( 18, 0x100, 0x7fa12345)  /* sNaN(0x7fa12345) */
	TEST_FCLASS_S( 19, 0x100, 0x7fbfffff)  /* sNaN(0x7fbfffff) */
	TEST_FCLASS_S( 20, 0x200, 0x7fc00000)  /* qNaN */
	TEST_FCLASS_S( 21, 0x200, 0xffc00000)  /* NaN(0xffc00000) */
	TEST_FCLASS_S( 22, 0x200, 0x7fc12345)  /* NaN(0x7fc12345) */
	TEST_FCLASS_S( 23, 0x200, 0xffffffff)  /* NaN(0xffffffff) */
TEST_END
