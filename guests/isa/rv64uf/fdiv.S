/* fdiv.s: division, correctly rounded, with every rounding mode and
 * exception flag. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* exact results and signs */
	TEST_FP_OP2_S_RM(  2, fdiv.s, rne, 0, 0x40000000, 0x40c00000, 0x40400000)  /* 6 / 3 */
	TEST_FP_OP2_S_RM(  3, fdiv.s, rne, 0, 0xc0000000, 0xc0c00000, 0x40400000)  /* -6 / 3 */
	TEST_FP_OP2_S_RM(  4, fdiv.s, rne, 0, 0xbe800000, 0x3f800000, 0xc0800000)  /* 1 / -4 */
	TEST_FP_OP2_S_RM(  5, fdiv.s, rne, FF_UF|FF_NX, 0x00200000, 0x3f800000, 0x7f7fffff)  /* 1 / max: subnormal result */
	TEST_FP_OP2_S_RM(  6, fdiv.s, rne, 0, 0x00400000, 0x00800000, 0x40000000)  /* min / 2: exact subnormal: no UF */
	/* 1/3 in every mode */
	TEST_FP_OP2_S_RM(  7, fdiv.s, rne, FF_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  /* 1 / 3 */
	TEST_FP_OP2_S_RM(  8, fdiv.s, rtz, FF_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  /* 1 / 3 */
	TEST_FP_OP2_S_RM(  9, fdiv.s, rdn, FF_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  /* 1 / 3 */
	TEST_FP_OP2_S_RM( 10, fdiv.s, rup, FF_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  /* 1 / 3 */
	TEST_FP_OP2_S_RM( 11, fdiv.s, rmm, FF_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  /* 1 / 3 */
	/* 2/3 in every mode */
	TEST_FP_OP2_S_RM( 12, fdiv.s, rne, FF_NX, 0x3f2aaaab, 0x40000000, 0x40400000)  /* 2 / 3 */
	TEST_FP_OP2_S_RM( 13, fdiv.s, rtz, FF_NX, 0x3f2aaaaa, 0x40000000, 0x40400000)  /* 2 / 3 */
	TEST_FP_OP2_S_RM( 14, fdiv.s, rdn, FF_NX, 0x3f2aaaaa, 0x40000000, 0x40400000)  /* 2 / 3 */
	TEST_FP_OP2_S_RM( 15, fdiv.s, rup, FF_NX, 0x3f2aaaab, 0x40000000, 0x40400000)  /* 2 / 3 */
	TEST_FP_OP2_S_RM( 16, fdiv.s, rmm, FF_NX, 0x3f2aaaab, 0x40000000, 0x40400000)  /* 2 / 3 */
	/* -1/3 in every mode */
	TEST_FP_OP2_S_RM( 17, fdiv.s, rne, FF_NX, 0xbeaaaaab, 0xbf800000, 0x40400000)  /* -1 / 3 */
	TEST_FP_OP2_S_RM( 18, fdiv.s, rtz, FF_NX, 0xbeaaaaaa, 0xbf800000, 0x40400000)  /* -1 / 3 */
	TEST_FP_OP2_S_RM( 19, fdiv.s, rdn, FF_NX, 0xbeaaaaab, 0xbf800000, 0x40400000)  /* -1 / 3 */
	TEST_FP_OP2_S_RM( 20, fdiv.s, rup, FF_NX, 0xbeaaaaaa, 0xbf800000, 0x40400000)  /* -1 / 3 */
	TEST_FP_OP2_S_RM( 21, fdiv.s, rmm, FF_NX, 0xbeaaaaab, 0xbf800000, 0x40400000)  /* -1 / 3 */
	/* division by zero */
	TEST_FP_OP2_S_RM( 22, fdiv.s, rne, FF_DZ, 0x7f800000, 0x3f800000, 0x00000000)  /* 1 / 0 */
	TEST_FP_OP2_S_RM( 23, fdiv.s, rne, FF_DZ, 0xff800000, 0xbf800000, 0x00000000)  /* -1 / 0 */
	TEST_FP_OP2_S_RM( 24, fdiv.s, rne, FF_DZ, 0xff800000, 0x3f800000, 0x80000000)  /* 1 / -0 */
	TEST_FP_OP2_S_RM( 25, fdiv.s, rne, FF_DZ, 0xff800000, 0x00800000, 0x80000000)  /* min / -0 */
	TEST_FP_OP2_S_RM( 26, fdiv.s, rne, 0, 0x7f800000, 0x7f800000, 0x00000000)  /* inf / 0: inf / 0 is exact: no DZ */
	TEST_FP_OP2_S_RM( 27, fdiv.s, rne, FF_NV, 0x7fc00000, 0x00000000, 0x00000000)  /* 0 / 0: invalid */
	TEST_FP_OP2_S_RM( 28, fdiv.s, rne, FF_NV, 0x7fc00000, 0x80000000, 0x00000000)  /* -0 / 0: invalid */
	TEST_FP_OP2_S_RM( 29, fdiv.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x00000000)  /* qNaN / 0: NaN / 0: no DZ */
	/* zeros and infinities */
	TEST_FP_OP2_S_RM( 30, fdiv.s, rne, 0, 0x00000000, 0x00000000, 0x40a00000)  /* 0 / 5 */
	TEST_FP_OP2_S_RM( 31, fdiv.s, rne, 0, 0x80000000, 0x80000000, 0x40a00000)  /* -0 / 5 */
	TEST_FP_OP2_S_RM( 32, fdiv.s, rne, 0, 0x00000000, 0x40a00000, 0x7f800000)  /* 5 / inf */
	TEST_FP_OP2_S_RM( 33, fdiv.s, rne, 0, 0x80000000, 0xc0a00000, 0x7f800000)  /* -5 / inf */
	TEST_FP_OP2_S_RM( 34, fdiv.s, rne, 0, 0xff800000, 0x7f800000, 0xc0a00000)  /* inf / -5 */
	TEST_FP_OP2_S_RM( 35, fdiv.s, rne, FF_NV, 0x7fc00000, 0x7f800000, 0x7f800000)  /* inf / inf: invalid */
	/* overflow */
	TEST_FP_OP2_S_RM( 36, fdiv.s, rne, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x3f000000)  /* max / 0.5 */
	TEST_FP_OP2_S_RM( 37, fdiv.s, rtz, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x3f000000)  /* max / 0.5 */
	TEST_FP_OP2_S_RM( 38, fdiv.s, rdn, FF_OF|FF_NX, 0x7f7fffff, 0x7f7fffff, 0x3f000000)  /* max / 0.5 */
	TEST_FP_OP2_S_RM( 39, fdiv.s, rup, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x3f000000)  /* max / 0.5 */
	TEST_FP_OP2_S_RM( 40, fdiv.s, rmm, FF_OF|FF_NX, 0x7f800000, 0x7f7fffff, 0x3f000000)  /* max / 0.5 */
	/* underflow */
	TEST_FP_OP2_S_RM( 41, fdiv.s, rne, FF_UF|FF_NX, 0x002aaaab, 0x00800000, 0x40400000)  /* min / 3 */
	TEST_FP_OP2_S_RM( 42, fdiv.s, rtz, FF_UF|FF_NX, 0x002aaaaa, 0x00800000, 0x40400000)  /* min / 3 */
	TEST_FP_OP2_S_RM( 43, fdiv.s, rdn, FF_UF|FF_NX, 0x002aaaaa, 0x00800000, 0x40400000)  /* min / 3 */
	TEST_FP_OP2_S_RM( 44, fdiv.s, rup, FF_UF|FF_NX, 0x002aaaab, 0x00800000, 0x40400000)  /* min / 3 */
	TEST_FP_OP2_S_RM( 45, fdiv.s, rmm, FF_UF|FF_NX, 0x002aaaab, 0x00800000, 0x40400000)  /* min / 3 */
	/* underflow to zero */
	TEST_FP_OP2_S_RM( 46, fdiv.s, rne, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x40400000)  /* minsub / 3 */
	TEST_FP_OP2_S_RM( 47, fdiv.s, rtz, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x40400000)  /* minsub / 3 */
	TEST_FP_OP2_S_RM( 48, fdiv.s, rdn, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x40400000)  /* minsub / 3 */
	TEST_FP_OP2_S_RM( 49, fdiv.s, rup, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x40400000)  /* minsub / 3 */
	TEST_FP_OP2_S_RM( 50, fdiv.s, rmm, FF_UF|FF_NX, 0x00000000, 0x00000001, 0x40400000)  /* minsub / 3 */
	/* NaNs */
	TEST_FP_OP2_S_RM( 51, fdiv.s, rne, 0, 0x7fc00000, 0x7fc00000, 0x3f800000)  /* qNaN / 1 */
	TEST_FP_OP2_S_RM( 52, fdiv.s, rne, FF_NV, 0x7fc00000, 0x3f800000, 0x7f800001)  /* 1 / sNaN */
	TEST_FP_OP2_S_RM( 53, fdiv.s, rne, FF_NV, 0x7fc00000, 0x7fa12345, 0x7fc00000)  /* sNaN(0x7fa12345) / qNaN */
	/* dynamic rounding mode */
	fsrmi 1                    /* frm = rtz */
	TEST_FP_OP2_S_RM( 54, fdiv.s, dyn, FF_NX, 0x3eaaaaaa, 0x3f800000, 0x40400000)  /* 1 / 3 */
	fsrmi 0
	fsrmi 3                    /* frm = rup */
	TEST_FP_OP2_S_RM( 55, fdiv.s, dyn, FF_NX, 0x3eaaaaab, 0x3f800000, 0x40400000)  /* 1 / 3 */
	fsrmi 0
	fsrmi 2                    /* frm = rdn */
	TEST_FP_OP2_S_RM( 56, fdiv.s, dyn, FF_NX, 0xbeaaaaab, 0xbf800000, 0x40400000)  /* -1 / 3 */
	fsrmi 0
	fsrmi 4                    /* frm = rmm */
	TEST_FP_OP2_S_RM( 57, fdiv.s, dyn, FF_NX, 0x3f2aaaab, 0x40000000, 0x40400000)  /* 2 / 3 */
	fsrmi 0
	/* register aliasing and register numbers 0 and 31 */
	li gp, 58; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fdiv.s f1, f1, f2; CHECK_S(f1, 0xbf0ba2e9)
	li gp, 59; LOAD_S(f1, 0x3fc00000); LOAD_S(f2, 0xc0300000); fdiv.s f2, f1, f2; CHECK_S(f2, 0xbf0ba2e9)
	li gp, 60; LOAD_S(f31, 0x3fc00000); LOAD_S(f0, 0xc0300000); fdiv.s f31, f31, f0; CHECK_S(f31, 0xbf0ba2e9)
	li gp, 61; LOAD_S(f7, 0x3fc00000); fdiv.s f7, f7, f7; CHECK_S(f7, 0x3f800000)
	li gp, 62; LOAD_S(f15, 0x3fc00000); fdiv.s f16, f15, f15; CHECK_S(f16, 0x3f800000); CHECK_S(f15, 0x3fc00000)
TEST_END
