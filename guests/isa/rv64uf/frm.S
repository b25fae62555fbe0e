/* Rounding mode selection: rm = dyn uses frm; a static rm overrides frm.
 * Three additions give a different signature per mode: a positive tie with
 * an even lower neighbour, one with an odd lower neighbour, and a negative
 * tie. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* frm = rne */
	fsrmi 0
	TEST_FP_OP2_S_RM(  2, fadd.s, dyn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM(  3, fadd.s, dyn, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM(  4, fadd.s, dyn, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM(  5, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM(  6, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM(  7, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM(  8, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM(  9, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 10, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 11, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 12, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 13, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 14, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 15, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 16, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 17, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 18, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 19, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	li gp, 20; frrm a0; CHECK_X(a0, 0)  /* frm is not changed by the instructions */
	/* frm = rtz */
	fsrmi 1
	TEST_FP_OP2_S_RM( 21, fadd.s, dyn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 22, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 23, fadd.s, dyn, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 24, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 25, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 26, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 27, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 28, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 29, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 30, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 31, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 32, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 33, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 34, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 35, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 36, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 37, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 38, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	li gp, 39; frrm a0; CHECK_X(a0, 1)  /* frm is not changed by the instructions */
	/* frm = rdn */
	fsrmi 2
	TEST_FP_OP2_S_RM( 40, fadd.s, dyn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 41, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 42, fadd.s, dyn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 43, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 44, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 45, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 46, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 47, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 48, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 49, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 50, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 51, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 52, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 53, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 54, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 55, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 56, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 57, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	li gp, 58; frrm a0; CHECK_X(a0, 2)  /* frm is not changed by the instructions */
	/* frm = rup */
	fsrmi 3
	TEST_FP_OP2_S_RM( 59, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 60, fadd.s, dyn, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 61, fadd.s, dyn, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 62, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 63, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 64, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 65, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 66, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 67, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 68, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 69, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 70, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 71, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 72, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 73, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 74, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 75, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 76, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	li gp, 77; frrm a0; CHECK_X(a0, 3)  /* frm is not changed by the instructions */
	/* frm = rmm */
	fsrmi 4
	TEST_FP_OP2_S_RM( 78, fadd.s, dyn, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 79, fadd.s, dyn, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 80, fadd.s, dyn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 81, fadd.s, rne, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 82, fadd.s, rne, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 83, fadd.s, rne, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 84, fadd.s, rtz, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 85, fadd.s, rtz, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 86, fadd.s, rtz, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 87, fadd.s, rdn, FF_NX, 0x3f800000, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 88, fadd.s, rdn, FF_NX, 0x3f800001, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 89, fadd.s, rdn, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 90, fadd.s, rup, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 91, fadd.s, rup, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 92, fadd.s, rup, FF_NX, 0xbf800000, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	TEST_FP_OP2_S_RM( 93, fadd.s, rmm, FF_NX, 0x3f800001, 0x3f800000, 0x33800000)  /* 1 + 2^-24 */
	TEST_FP_OP2_S_RM( 94, fadd.s, rmm, FF_NX, 0x3f800002, 0x3f800001, 0x33800000)  /* 1+2^-23 + 2^-24 */
	TEST_FP_OP2_S_RM( 95, fadd.s, rmm, FF_NX, 0xbf800001, 0xbf800000, 0xb3800000)  /* -1 + -2^-24 */
	li gp, 96; frrm a0; CHECK_X(a0, 4)  /* frm is not changed by the instructions */
TEST_END
