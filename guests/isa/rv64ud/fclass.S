/* fclass.d: one-hot class mask, never sets flags. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* bit 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 sNaN, 9 qNaN */
	TEST_FCLASS_D(  2, 0x001, 0xfff0000000000000)  /* -inf */
	TEST_FCLASS_D(  3, 0x002, 0xbff0000000000000)  /* -1.0 */
	TEST_FCLASS_D(  4, 0x002, 0xffefffffffffffff)  /* -max */
	TEST_FCLASS_D(  5, 0x002, 0x8010000000000000)  /* -min */
	TEST_FCLASS_D(  6, 0x004, 0x8000000000000001)  /* -minsub */
	TEST_FCLASS_D(  7, 0x004, 0x800fffffffffffff)  /* -maxsub */
	TEST_FCLASS_D(  8, 0x008, 0x8000000000000000)  /* -0 */
	TEST_FCLASS_D(  9, 0x010, 0x0000000000000000)  /* 0 */
	TEST_FCLASS_D( 10, 0x020, 0x0000000000000001)  /* minsub */
	TEST_FCLASS_D( 11, 0x020, 0x000fffffffffffff)  /* maxsub */
	TEST_FCLASS_D( 12, 0x040, 0x0010000000000000)  /* min */
	TEST_FCLASS_D( 13, 0x040, 0x3ff0000000000000)  /* 1.0 */
	TEST_FCLASS_D( 14, 0x040, 0x7fefffffffffffff)  /* max */
	TEST_FCLASS_D( 15, 0x080, 0x7ff0000000000000)  /* inf */
	TEST_FCLASS_D( 16, 0x100, 0x7ff0000000000001)  /* sNaN */
	TEST_FCLASS_D( 17, 0x100, 0xfff0000000000001)  /* sNaN(0xfff0000000000001) */
	TEST_FCLASS_D( 18, 0x100, 0x7ff4000000012345)  /* sNaN(0x7ff4000000012345) */
	TEST_FCLASS_D( 19, 0x100, 0x7ff7ffffffffffff)  /* sNaN(0x7ff7ffffffffffff) */
	TEST_FCLASS_D( 20, 0x200, 0x7ff8000000000000)  /* qNaN */
	TEST_FCLASS_D( 21, 0x200, 0xfff8000000000000)  /* NaN(0xfff8000000000000) */
	TEST_FCLASS_D( 22, 0x200, 0x7ff8000000012345)  /* NaN(0x7ff8000000012345) */
	TEST_FCLASS_D( 23, 0x200, 0xffffffffffffffff)  /* NaN(0xffffffffffffffff) */
TEST_END
