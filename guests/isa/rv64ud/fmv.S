/* fmv.x.d / fmv.d.x: raw 64-bit transfers; no NaN is changed and no flag
 * is set. */
#include "test_macros.h"

#define TEST_FMV_D(n, bits) \
	li gp, n; li a1, bits; csrwi fflags, 0; fmv.d.x f1, a1; \
	fmv.x.d a0, f1; CHECK_FLAGS(0); CHECK_X(a0, bits)

TEST_START
	FP_ENABLE
	TEST_FMV_D( 2, 0x3ff0000000000000)
	TEST_FMV_D( 3, 0xbff0000000000000)
	TEST_FMV_D( 4, 0x0000000000000000)
	TEST_FMV_D( 5, 0x8000000000000000)
	TEST_FMV_D( 6, 0x7ff0000000000001)   /* sNaN kept */
	TEST_FMV_D( 7, 0xfff8000000012345)   /* NaN payload kept */
	TEST_FMV_D( 8, 0x000000003f800000)   /* an unboxed single */
	TEST_FMV_D( 9, 0xffffffffffffffff)
	TEST_FMV_D(10, 0x0123456789abcdef)
	/* the moved value computes as a double */
	li gp, 11
	li a1, 0x4008000000000000       /* 3.0 */
	fmv.d.x f1, a1
	fadd.d f2, f1, f1
	fmv.x.d a0, f2
	CHECK_X(a0, 0x4018000000000000) /* 6.0 */
	/* fmv.d.x from x0, fmv.x.d to x0 */
	li gp, 12
	fmv.d.x f1, x0
	fmv.x.d a0, f1
	CHECK_X(a0, 0)
	TEST_CASE(13, x0, 0, fmv.x.d x0, f2)
	/* fmv.d (fsgnj.d rd, rs, rs) copies all 64 bits */
	li gp, 14
	li a1, 0x7ff4000000000000
	fmv.d.x f1, a1
	fmv.d f5, f1
	fmv.x.d a0, f5
	CHECK_X(a0, 0x7ff4000000000000)
TEST_END
