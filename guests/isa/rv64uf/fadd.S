/* fadd.s: addition, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results */
	TEST_FP_OP2_S_RM(  2, fadd.s, rne, 0, 0x40400000, 0x3f800000, 0x40000000)  /* 1 + 2 */
	TEST_FP_OP2_S_RM(  3, fadd.s, rne, 0, 0x3fa00000, 0x40200000, 0xbfa00000)  /* 2.5 + -1.25 */
	TEST_FP_OP2_S_RM(  4, fadd.s, rne, 0, 0xc0000000, 0xbf800000, 0xbf800000)  /* -1 + -1 */
	TEST_FP_OP2_S_RM(  5, fadd.s, rne, FF_NX, 0x3fc00000, 0x3fc00000, 0x00800000)  /* 1.5 + min */
	TEST_FP_OP2_S_RM(  6, fadd.s, rne, 0, 0x00000002, 0x00000001, 0x00000001)  /* minsub + minsub: subnormal sum is exact: no UF */
	TEST_FP_OP2_S_RM(  7, fadd.s, rne, 0, 0x007fffff, 0x00800000, 0x80000001)  /* min + -minsub: exact subnormal result: no UF */
	TEST_FP_OP2_S_RM(  8, fadd.s, rne, 0, 0x00800000, 0x007fffff, 0x00000001)  /* maxsub + minsub: subnormal + subnormal = min normal */
	/* exact cancellation gives +0, or -0 when rounding down */
	TEST_FP_OP2_S_RM(  9, fadd.s, rne, 0, 0x00000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	TEST_FP_OP2_S_RM( 10, fadd.s, rtz, 0, 0x00000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	TEST_FP_OP2_S_RM( 11, fadd.s, rup, 0, 0x00000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	TEST_FP_OP2_S_RM( 12, fadd.s, rmm, 0, 0x00000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	TEST_FP_OP2_S_RM( 13, fadd.s, rdn, 0, 0x80000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	TEST_FP_OP2_S_RM( 14, fadd.s, rdn, 0, 0x80000000, 0x7f7fffff, 0xff7fffff)  /* max + -max */
	/* signed zeros */
	TEST_FP_OP2_S_RM( 15, fadd.s, rne, 0, 0x00000000, 0x00000000, 0x80000000)  /* 0 + -0 */
	TEST_FP_OP2_S_RM( 16, fadd.s, rdn, 0, 0x80000000, 0x00000000, 0x80000000)  /* 0 + -0 */
	TEST_FP_OP2_S_RM( 17, fadd.s, rne, 0, 0x80000000, 0x80000000, 0x80000000)  /* -0 + -0 */
	TEST_FP_OP2_S_RM( 18, fadd.s, rup, 0, 0x80000000, 0x80000000, 0x80000000)  /* -0 + -0 */
	TEST_FP_OP2_S_RM( 19, fadd.s, rne, 0, 0x00000000, 0x00000000, 0x00000000)  /* 0 + 0 */
	TEST_FP_OP2_S_RM( 20, fadd.s, rdn, 0, 0x00000000, 0x00000000, 0x00000000)  /* 0 + 0 */
	TEST_FP_OP2_S_RM( 21, fadd.s, rne, 0, 0x40400000, 0x80000000, 0x40400000)  /* -0 + 3: x + -0 = x */
	TEST_FP_OP2_S_RM( 22, fadd.s, rdn, 0, 0xc0400000, 0xc0400000, 0x00000000)  /* -3 + 0 */
	/* halfway case 1 + ulp/2 in every mode (tie to even goes down) */
	TEST_FP_OP2_S_RM( 23, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 24, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 25, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 26, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 27, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	/* halfway case with an odd neighbour below (tie to even goes up) */
	TEST_FP_OP2_S_RM( 28, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 29, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 30, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 31, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 32, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	/* negative halfway case */
	TEST_FP_OP2_S_RM( 33, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 34, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 35, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 36, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 37, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	/* just above and below halfway */
	TEST_FP_OP2_S_RM( 38, fadd.s, rne, FF_NX, 0x3f800001, 0x3f800000, 0x33c00000)  /* 1 + 8.940697e-08 */
	TEST_FP_OP2_S_RM( 39, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33400000)  /* 1 + 4.4703484e-08 */
	TEST_FP_OP2_S_RM( 40, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33c00000)  /* 1 + 8.940697e-08 */
	TEST_FP_OP2_S_RM( 41, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x32800000)  /* 1 + 2^-26 */
	TEST_FP_OP2_S_RM( 42, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb2800000)  /* -1 + -2^-26 */
	/* tiny addend: only the directed modes move */
	TEST_FP_OP2_S_RM( 43, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 + minsub */
	TEST_FP_OP2_S_RM( 44, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 + minsub */
	TEST_FP_OP2_S_RM( 45, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 + minsub */
	TEST_FP_OP2_S_RM( 46, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x00000001)  /* 1 + minsub */
	TEST_FP_OP2_S_RM( 47, fadd.s, rmm, FF_NX, 0x3f800000, 0x3f800000, 0x00000001)  /* 1 + minsub */
	/* overflow: max + max */
	TEST_FP_OP2_S_RM( 48, fadd.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	TEST_FP_OP2_S_RM( 49, fadd.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	TEST_FP_OP2_S_RM( 50, fadd.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	TEST_FP_OP2_S_RM( 51, fadd.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	TEST_FP_OP2_S_RM( 52, fadd.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	/* overflow: -max - max */
	TEST_FP_OP2_S_RM( 53, fadd.s, rne, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0xff7fffff)  /* -max + -max */
	TEST_FP_OP2_S_RM( 54, fadd.s, rtz, FF_OF|FF_NX, 0xff7fffff, 0xff7fffff, 0xff7fffff)  /* -max + -max */
	TEST_FP_OP2_S_RM( 55, fadd.s, rdn, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0xff7fffff)  /* -max + -max */
	TEST_FP_OP2_S_RM( 56, fadd.s, rup, FF_OF|FF_NX, 0xff7fffff, 0xff7fffff, 0xff7fffff)  /* -max + -max */
	TEST_FP_OP2_S_RM( 57, fadd.s, rmm, FF_OF|FF_NX, 0xff800000, 0xff7fffff, 0xff7fffff)  /* -max + -max */
	/* max + half ulp ties away from max (max is odd) and overflows */
	TEST_FP_OP2_S_RM( 58, fadd.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  /* max + 2^103 */
	TEST_FP_OP2_S_RM( 59, fadd.s, rtz, FF_NX, 0x7f7fffff, 0x7f7fffff, 0x73000000)  /* max + 2^103 */
	TEST_FP_OP2_S_RM( 60, fadd.s, rdn, FF_NX, 0x7f7fffff, 0x7f7fffff, 0x73000000)  /* max + 2^103 */
	TEST_FP_OP2_S_RM( 61, fadd.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  /* max + 2^103 */
	TEST_FP_OP2_S_RM( 62, fadd.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x73000000)  /* max + 2^103 */
	/* max + less than half ulp stays max */
	TEST_FP_OP2_S_RM( 63, fadd.s, rne, FF_NX, 0x7f7fffff, 0x7f7fffff, 0x72800000)  /* max + 2^102 */
	/* infinities */
	TEST_FP_OP2_S_RM( 64, fadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x3f800000)  /* inf + 1 */
	TEST_FP_OP2_S_RM( 65, fadd.s, rne, 0, 0xff800000, 0xff800000, 0x7f7fffff)  /* -inf + max */
	TEST_FP_OP2_S_RM( 66, fadd.s, rne, 0, 0x7f800000, 0x7f800000, 0x7f800000)  /* inf + inf */
	TEST_FP_OP2_S_RM( 67, fadd.s, rne, 0, 0xff800000, 0xff800000, 0xff800000)  /* -inf + -inf */
	TEST_FP_OP2_S_RM( 68, fadd.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0xff800000)  /* inf + -inf: invalid */
	TEST_FP_OP2_S_RM( 69, fadd.s, rdn, FF_NV, 0x7fc00000, 0xff800000, 0x7f800000)  /* -inf + inf: invalid */
	/* NaNs: any NaN gives the canonical NaN; only sNaN sets NV */
	TEST_FP_OP2_S_RM( 70, fadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  /* qNaN + 1 */
	TEST_FP_OP2_S_RM( 71, fadd.s, rne, 0, 0x7fc00000, 0x3f800000, 0x7fc00000)  /* 1 + qNaN */
	TEST_FP_OP2_S_RM( 72, fadd.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000)  /* sNaN + 1 */
	TEST_FP_OP2_S_RM( 73, fadd.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001)  /* 1 + sNaN */
	TEST_FP_OP2_S_RM( 74, fadd.s, rne, FF_NV, 0x7fc00000, 0x7fc12345, 0x7fa12345)  /* NaN(0x7fc12345) + sNaN(0x7fa12345) */
	TEST_FP_OP2_S_RM( 75, fadd.s, rne, 0, 0x7fc00000, 0xffc12345, 0x3f800000)  /* NaN(0xffc12345) + 1: payload and sign are dropped */
	TEST_FP_OP2_S_RM( 76, fadd.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x7f800000)  /* qNaN + inf */
	TEST_FP_OP2_S_RM( 77, fadd.s, rne, FF_NV, 0x7fc00000, 0x7f800001, 0xff800000)  /* sNaN + -inf */
	/* dynamic rounding mode from frm */
	fsrmi 0                    /* frm = rne */
	TEST_FP_OP2_S_RM( 78, fadd.s, dyn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 79, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_S_RM( 80, fadd.s, dyn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_S_RM( 81, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800000, 0x00000001)  /* 1 + minsub */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_S_RM( 82, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_S_RM( 83, fadd.s, dyn, 0, 0x80000000, 0x3f800000, 0xbf800000)  /* 1 + -1 */
	fsrmi 0
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 84, fadd.s, dyn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff)  /* max + max */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 85; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fadd.s f1, f1, f2; CHECK_S(f1, 0xbfa00000)
	li gp, 86; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fadd.s f2, f1, f2; CHECK_S(f2, 0xbfa00000)
	li gp, 87; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); fadd.s f31, f31, f0; CHECK_S(f31, 0xbfa00000)
	li gp, 88; LOAD_S(f7, 0x3fc00000); fadd.s f7, f7, f7; CHECK_S(f7, 0x40400000)
	li gp, 89; LOAD_S(f15, 0x3fc00000); fadd.s f16, f15, f15; CHECK_S(f16, 0x40400000); CHECK_S(f15, 0x3fc00000)
TEST_END
