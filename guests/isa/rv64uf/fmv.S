/* fmv.x.w / fmv.w.x: raw bit transfers. fmv.x.w sign-extends bit 31;
 * fmv.w.x ignores the upper 32 bits and NaN-boxes. No NaN is changed and
 * no flag is ever set. */
#include "test_macros.h"

#define TEST_FMV_X_W(n, res, bits) \
	li gp, n; li t0, bits; fmv.w.x f1, t0; csrwi fflags, 0; \
	fmv.x.w a0, f1; CHECK_FLAGS(0); CHECK_X(a0, res)
#define TEST_FMV_W_X(n, boxed, ival) \
	li gp, n; li a1, ival; csrwi fflags, 0; \
	fmv.w.x f1, a1; CHECK_FLAGS(0); fmv.x.d a0, f1; CHECK_X(a0, boxed)

TEST_START
	FP_ENABLE
	/* fmv.x.w: bit 31 is copied into bits 63..32 */
	TEST_FMV_X_W( 2, 0x000000003f800000, 0x3f800000)
	TEST_FMV_X_W( 3, 0xffffffffbf800000, 0xbf800000)
	TEST_FMV_X_W( 4, 0x0000000000000000, 0x00000000)
	TEST_FMV_X_W( 5, 0xffffffff80000000, 0x80000000)
	TEST_FMV_X_W( 6, 0x000000007f800001, 0x7f800001)   /* sNaN unchanged */
	TEST_FMV_X_W( 7, 0xffffffffffc12345, 0xffc12345)   /* NaN payload kept */
	TEST_FMV_X_W( 8, 0x000000007fffffff, 0x7fffffff)
	/* fmv.w.x: low 32 bits, NaN-boxed */
	TEST_FMV_W_X( 9, 0xffffffff3f800000, 0x000000003f800000)
	TEST_FMV_W_X(10, 0xffffffff3f800000, 0x123456783f800000)
	TEST_FMV_W_X(11, 0xffffffffbf800000, 0xffffffffbf800000)
	TEST_FMV_W_X(12, 0xffffffff7f800001, 0x000000007f800001)
	TEST_FMV_W_X(13, 0xffffffff00000000, 0xffffffff00000000)
	TEST_FMV_W_X(14, 0xffffffffffffffff, 0xffffffffffffffff)
	/* the moved value is usable as a single */
	li gp, 15
	li a1, 0x40400000               /* 3.0 */
	fmv.w.x f1, a1
	fadd.s f2, f1, f1
	fmv.x.w a0, f2
	CHECK_X(a0, 0x40c00000)         /* 6.0 */
	/* fmv.x.w transfers the low 32 bits even of a register that is not
	   a valid NaN-boxed single */
	li gp, 16
	li t0, 0x00000000c0490fdb
	fmv.d.x f1, t0
	fmv.x.w a0, f1
	CHECK_X(a0, 0xffffffffc0490fdb)
	li gp, 17
	li t0, 0x400921fb54442d18       /* a double */
	fmv.d.x f1, t0
	fmv.x.w a0, f1
	CHECK_X(a0, 0x0000000054442d18)
	/* rd = x0 */
	TEST_CASE(18, x0, 0, fmv.x.w x0, f1)
	/* fmv.w.x from x0 gives +0 */
	li gp, 19
	fmv.w.x f1, x0
	fmv.x.d a0, f1
	CHECK_X(a0, 0xffffffff00000000)
TEST_END
