/* fadd.d: addition, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP2_D_RM(  2, fadd.d, rne, 0, 0x4008000000000000, 0x3ff0000000000000, 0x4000000000000000)  /* 1.0 + 2.0 */
	TEST_FP_OP2_D_RM(  3, fadd.d, rne, 0, 0x3ff4000000000000, 0x4004000000000000, 0xbff4000000000000)  /* 2.5 + -1.25 */
	TEST_FP_OP2_D_RM(  4, fadd.d, rne, 0, 0xc000000000000000, 0xbff0000000000000, 0xbff0000000000000)  /* -1.0 + -1.0 */
	TEST_FP_OP2_D_RM(  5, fadd.d, rne, FF_NX, 0x3ff8000000000000, 0x3ff8000000000000, 0x0010000000000000)  /* 1.5 + min */
	TEST_FP_OP2_D_RM(  6, fadd.d, rne, 0, 0x0000000000000002, 0x0000000000000001, 0x0000000000000001)  /* minsub + minsub: subnormal sum is exact: no UF */
	TEST_FP_OP2_D_RM(  7, fadd.d, rne, 0, 0x000fffffffffffff, 0x0010000000000000, 0x8000000000000001)  /* min + -minsub: exact subnormal result: no UF */
	TEST_FP_OP2_D_RM(  8, fadd.d, rne, 0, 0x0010000000000000, 0x000fffffffffffff, 0x0000000000000001)  /* maxsub + minsub: subnormal + subnormal = min normal */
	/* exact cancellation gives +0, or -0 when rounding down */
	TEST_FP_OP2_D_RM(  9, fadd.d, rne, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	TEST_FP_OP2_D_RM( 10, fadd.d, rtz, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	TEST_FP_OP2_D_RM( 11, fadd.d, rup, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	TEST_FP_OP2_D_RM( 12, fadd.d, rmm, 0, 0x0000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	TEST_FP_OP2_D_RM( 13, fadd.d, rdn, 0, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	TEST_FP_OP2_D_RM( 14, fadd.d, rdn, 0, 0x8000000000000000, 0x7fefffffffffffff, 0xffefffffffffffff)  /* max + -max */
	/* signed zeros */
	TEST_FP_OP2_D_RM( 15, fadd.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x8000000000000000)  /* 0 + -0 */
	TEST_FP_OP2_D_RM( 16, fadd.d, rdn, 0, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000)  /* 0 + -0 */
	TEST_FP_OP2_D_RM( 17, fadd.d, rne, 0, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000)  /* -0 + -0 */
	TEST_FP_OP2_D_RM( 18, fadd.d, rup, 0, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000)  /* -0 + -0 */
	TEST_FP_OP2_D_RM( 19, fadd.d, rne, 0, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)  /* 0 + 0 */
	TEST_FP_OP2_D_RM( 20, fadd.d, rdn, 0, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)  /* 0 + 0 */
	TEST_FP_OP2_D_RM( 21, fadd.d, rne, 0, 0x4008000000000000, 0x8000000000000000, 0x4008000000000000)  /* -0 + 3.0: x + -0 = x */
	TEST_FP_OP2_D_RM( 22, fadd.d, rdn, 0, 0xc008000000000000, 0xc008000000000000, 0x0000000000000000)  /* -3.0 + 0 */
	/* halfway case 1 + ulp/2 in every mode (tie to even goes down) */
	TEST_FP_OP2_D_RM( 23, fadd.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	TEST_FP_OP2_D_RM( 24, fadd.d, rtz, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	TEST_FP_OP2_D_RM( 25, fadd.d, rdn, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	TEST_FP_OP2_D_RM( 26, fadd.d, rup, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	TEST_FP_OP2_D_RM( 27, fadd.d, rmm, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	/* halfway case with an odd neighbour below (tie to even goes up) */
	TEST_FP_OP2_D_RM( 28, fadd.d, rne, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	TEST_FP_OP2_D_RM( 29, fadd.d, rtz, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	TEST_FP_OP2_D_RM( 30, fadd.d, rdn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	TEST_FP_OP2_D_RM( 31, fadd.d, rup, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	TEST_FP_OP2_D_RM( 32, fadd.d, rmm, FF_NX, 0x3ff0000000000002, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	/* negative halfway case */
	TEST_FP_OP2_D_RM( 33, fadd.d, rne, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	TEST_FP_OP2_D_RM( 34, fadd.d, rtz, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	TEST_FP_OP2_D_RM( 35, fadd.d, rdn, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	TEST_FP_OP2_D_RM( 36, fadd.d, rup, FF_NX, 0xbff0000000000000, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	TEST_FP_OP2_D_RM( 37, fadd.d, rmm, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	/* just above and below halfway */
	TEST_FP_OP2_D_RM( 38, fadd.d, rne, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x3ca8000000000000)  /* 1.0 + 1.6653345369377348e-16 */
	TEST_FP_OP2_D_RM( 39, fadd.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3c98000000000000)  /* 1.0 + 8.326672684688674e-17 */
	TEST_FP_OP2_D_RM( 40, fadd.d, rtz, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca8000000000000)  /* 1.0 + 1.6653345369377348e-16 */
	TEST_FP_OP2_D_RM( 41, fadd.d, rup, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x3c80000000000000)  /* 1.0 + 2^-55 */
	TEST_FP_OP2_D_RM( 42, fadd.d, rdn, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0xbc80000000000000)  /* -1.0 + -2^-55 */
	/* tiny addend: only the directed modes move */
	TEST_FP_OP2_D_RM( 43, fadd.d, rne, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	TEST_FP_OP2_D_RM( 44, fadd.d, rtz, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	TEST_FP_OP2_D_RM( 45, fadd.d, rdn, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	TEST_FP_OP2_D_RM( 46, fadd.d, rup, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	TEST_FP_OP2_D_RM( 47, fadd.d, rmm, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	/* overflow: max + max */
	TEST_FP_OP2_D_RM( 48, fadd.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	TEST_FP_OP2_D_RM( 49, fadd.d, rtz, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	TEST_FP_OP2_D_RM( 50, fadd.d, rdn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	TEST_FP_OP2_D_RM( 51, fadd.d, rup, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	TEST_FP_OP2_D_RM( 52, fadd.d, rmm, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	/* overflow: -max - max */
	TEST_FP_OP2_D_RM( 53, fadd.d, rne, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max + -max */
	TEST_FP_OP2_D_RM( 54, fadd.d, rtz, FF_OF|FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max + -max */
	TEST_FP_OP2_D_RM( 55, fadd.d, rdn, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max + -max */
	TEST_FP_OP2_D_RM( 56, fadd.d, rup, FF_OF|FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max + -max */
	TEST_FP_OP2_D_RM( 57, fadd.d, rmm, FF_OF|FF_NX, 0xfff0000000000000, 0xffefffffffffffff, 0xffefffffffffffff)  /* -max + -max */
	/* max + half ulp ties away from max (max is odd) and overflows */
	TEST_FP_OP2_D_RM( 58, fadd.d, rne, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  /* max + 2^970 */
	TEST_FP_OP2_D_RM( 59, fadd.d, rtz, FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c90000000000000)  /* max + 2^970 */
	TEST_FP_OP2_D_RM( 60, fadd.d, rdn, FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c90000000000000)  /* max + 2^970 */
	TEST_FP_OP2_D_RM( 61, fadd.d, rup, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  /* max + 2^970 */
	TEST_FP_OP2_D_RM( 62, fadd.d, rmm, FF_OF|FF_NX, 0x7ff0000000000000, 0x7fefffffffffffff, 0x7c90000000000000)  /* max + 2^970 */
	/* max + less than half ulp stays max */
	TEST_FP_OP2_D_RM( 63, fadd.d, rne, FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7c80000000000000)  /* max + 2^969 */
	/* infinities */
	TEST_FP_OP2_D_RM( 64, fadd.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x3ff0000000000000)  /* inf + 1.0 */
	TEST_FP_OP2_D_RM( 65, fadd.d, rne, 0, 0xfff0000000000000, 0xfff0000000000000, 0x7fefffffffffffff)  /* -inf + max */
	TEST_FP_OP2_D_RM( 66, fadd.d, rne, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0x7ff0000000000000)  /* inf + inf */
	TEST_FP_OP2_D_RM( 67, fadd.d, rne, 0, 0xfff0000000000000, 0xfff0000000000000, 0xfff0000000000000)  /* -inf + -inf */
	TEST_FP_OP2_D_RM( 68, fadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000000, 0xfff0000000000000)  /* inf + -inf: invalid */
	TEST_FP_OP2_D_RM( 69, fadd.d, rdn, FF_NV, 0x7ff8000000000000, 0xfff0000000000000, 0x7ff0000000000000)  /* -inf + inf: invalid */
	/* NaNs: any NaN gives the canonical NaN; only sNaN sets NV */
	TEST_FP_OP2_D_RM( 70, fadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x3ff0000000000000)  /* qNaN + 1.0 */
	TEST_FP_OP2_D_RM( 71, fadd.d, rne, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff8000000000000)  /* 1.0 + qNaN */
	TEST_FP_OP2_D_RM( 72, fadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000)  /* sNaN + 1.0 */
	TEST_FP_OP2_D_RM( 73, fadd.d, rne, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, 0x7ff0000000000001)  /* 1.0 + sNaN */
	TEST_FP_OP2_D_RM( 74, fadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff8000000012345, 0x7ff4000000012345)  /* NaN(0x7ff8000000012345) + sNaN(0x7ff4000000012345) */
	TEST_FP_OP2_D_RM( 75, fadd.d, rne, 0, 0x7ff8000000000000, 0xfff8000000012345, 0x3ff0000000000000)  /* NaN(0xfff8000000012345) + 1.0: payload and sign are dropped */
	TEST_FP_OP2_D_RM( 76, fadd.d, rne, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x7ff0000000000000)  /* qNaN + inf */
	TEST_FP_OP2_D_RM( 77, fadd.d, rne, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0xfff0000000000000)  /* sNaN + -inf */
	/* dynamic rounding mode from frm */
	fsrmi 0                    /* frm = rne */
	TEST_FP_OP2_D_RM( 78, fadd.d, dyn, FF_NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_D_RM( 79, fadd.d, dyn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ca0000000000000)  /* 1+2^-52 + 2^-53 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_D_RM( 80, fadd.d, dyn, FF_NX, 0xbff0000000000001, 0xbff0000000000000, 0xbca0000000000000)  /* -1.0 + -2^-53 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_D_RM( 81, fadd.d, dyn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x0000000000000001)  /* 1.0 + minsub */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_D_RM( 82, fadd.d, dyn, FF_NX, 0x3ff0000000000001, 0x3ff0000000000000, 0x3ca0000000000000)  /* 1.0 + 2^-53 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_D_RM( 83, fadd.d, dyn, 0, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000)  /* 1.0 + -1.0 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_D_RM( 84, fadd.d, dyn, FF_OF|FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff)  /* max + max */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 85; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fadd.d f1, f1, f2; CHECK_D(f1, 0xbff4000000000000)
	li gp, 86; LOAD_D(f1, 0x3ff8000000000000); LOAD_D(f2, 0xc006000000000000); fadd.d f2, f1, f2; CHECK_D(f2, 0xbff4000000000000)
	li gp, 87; LOAD_D(f31, 0x3ff8000000000000); LOAD_D(f0, 0xc006000000000000); fadd.d f31, f31, f0; CHECK_D(f31, 0xbff4000000000000)
	li gp, 88; LOAD_D(f7, 0x3ff8000000000000); fadd.d f7, f7, f7; CHECK_D(f7, 0x4008000000000000)
	li gp, 89; LOAD_D(f15, 0x3ff8000000000000); fadd.d f16, f15, f15; CHECK_D(f16, 0x4008000000000000); CHECK_D(f15, 0x3ff8000000000000)
TEST_END
