/* fsgnj.s, fsgnjn.s, fsgnjx.s: sign injection is a pure bit operation: NaNs
 * are not canonicalised and no flags are set. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	/* fsgnj.s */
	TEST_FP_OP2_S(  2, fsgnj.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  /* 1, 2 */
	TEST_FP_OP2_S(  3, fsgnj.s, 0, 0xbf800000, 0x3f800000, 0xc0000000)  /* 1, -2 */
	TEST_FP_OP2_S(  4, fsgnj.s, 0, 0x3f800000, 0xbf800000, 0x40000000)  /* -1, 2 */
	TEST_FP_OP2_S(  5, fsgnj.s, 0, 0xbf800000, 0xbf800000, 0xc0000000)  /* -1, -2 */
	TEST_FP_OP2_S(  6, fsgnj.s, 0, 0x80000000, 0x00000000, 0x80000000)  /* 0, -0 */
	TEST_FP_OP2_S(  7, fsgnj.s, 0, 0x00000000, 0x80000000, 0x00000000)  /* -0, 0 */
	TEST_FP_OP2_S(  8, fsgnj.s, 0, 0xff800000, 0x7f800000, 0xbf800000)  /* inf, -1 */
	TEST_FP_OP2_S(  9, fsgnj.s, 0, 0x7f800000, 0xff800000, 0x3f800000)  /* -inf, 1 */
	TEST_FP_OP2_S( 10, fsgnj.s, 0, 0x80000001, 0x00000001, 0xff7fffff)  /* minsub, -max */
	TEST_FP_OP2_S( 11, fsgnj.s, 0, 0xffc12345, 0x7fc12345, 0xbf800000)  /* NaN(0x7fc12345), -1 */
	TEST_FP_OP2_S( 12, fsgnj.s, 0, 0x7fc12345, 0xffc12345, 0x3f800000)  /* NaN(0xffc12345), 1 */
	TEST_FP_OP2_S( 13, fsgnj.s, 0, 0xff800001, 0x7f800001, 0xbf800000)  /* sNaN, -1 */
	TEST_FP_OP2_S( 14, fsgnj.s, 0, 0xffa12345, 0xffa12345, 0xff800001)  /* sNaN(0xffa12345), sNaN(0xff800001) */
	TEST_FP_OP2_S( 15, fsgnj.s, 0, 0x40400000, 0x40400000, 0x7fc00000)  /* 3, qNaN */
	TEST_FP_OP2_S( 16, fsgnj.s, 0, 0xc0400000, 0x40400000, 0xffc00000)  /* 3, NaN(0xffc00000) */
	/* fsgnjn.s */
	TEST_FP_OP2_S( 17, fsgnjn.s, 0, 0xbf800000, 0x3f800000, 0x40000000)  /* 1, 2 */
	TEST_FP_OP2_S( 18, fsgnjn.s, 0, 0x3f800000, 0x3f800000, 0xc0000000)  /* 1, -2 */
	TEST_FP_OP2_S( 19, fsgnjn.s, 0, 0xbf800000, 0xbf800000, 0x40000000)  /* -1, 2 */
	TEST_FP_OP2_S( 20, fsgnjn.s, 0, 0x3f800000, 0xbf800000, 0xc0000000)  /* -1, -2 */
	TEST_FP_OP2_S( 21, fsgnjn.s, 0, 0x00000000, 0x00000000, 0x80000000)  /* 0, -0 */
	TEST_FP_OP2_S( 22, fsgnjn.s, 0, 0x80000000, 0x80000000, 0x00000000)  /* -0, 0 */
	TEST_FP_OP2_S( 23, fsgnjn.s, 0, 0x7f800000, 0x7f800000, 0xbf800000)  /* inf, -1 */
	TEST_FP_OP2_S( 24, fsgnjn.s, 0, 0xff800000, 0xff800000, 0x3f800000)  /* -inf, 1 */
	TEST_FP_OP2_S( 25, fsgnjn.s, 0, 0x00000001, 0x00000001, 0xff7fffff)  /* minsub, -max */
	TEST_FP_OP2_S( 26, fsgnjn.s, 0, 0x7fc12345, 0x7fc12345, 0xbf800000)  /* NaN(0x7fc12345), -1 */
	TEST_FP_OP2_S( 27, fsgnjn.s, 0, 0xffc12345, 0xffc12345, 0x3f800000)  /* NaN(0xffc12345), 1 */
	TEST_FP_OP2_S( 28, fsgnjn.s, 0, 0x7f800001, 0x7f800001, 0xbf800000)  /* sNaN, -1 */
	TEST_FP_OP2_S( 29, fsgnjn.s, 0, 0x7fa12345, 0xffa12345, 0xff800001)  /* sNaN(0xffa12345), sNaN(0xff800001) */
	TEST_FP_OP2_S( 30, fsgnjn.s, 0, 0xc0400000, 0x40400000, 0x7fc00000)  /* 3, qNaN */
	TEST_FP_OP2_S( 31, fsgnjn.s, 0, 0x40400000, 0x40400000, 0xffc00000)  /* 3, NaN(0xffc00000) */
	/* fsgnjx.s */
	TEST_FP_OP2_S( 32, fsgnjx.s, 0, 0x3f800000, 0x3f800000, 0x40000000)  /* 1, 2 */
	TEST_FP_OP2_S( 33, fsgnjx.s, 0, 0xbf800000, 0x3f800000, 0xc0000000)  /* 1, -2 */
	TEST_FP_OP2_S( 34, fsgnjx.s, 0, 0xbf800000, 0xbf800000, 0x40000000)  /* -1, 2 */
	TEST_FP_OP2_S( 35, fsgnjx.s, 0, 0x3f800000, 0xbf800000, 0xc0000000)  /* -1, -2 */
	TEST_FP_OP2_S( 36, fsgnjx.s, 0, 0x80000000, 0x00000000, 0x80000000)  /* 0, -0 */
	TEST_FP_OP2_S( 37, fsgnjx.s, 0, 0x80000000, 0x80000000, 0x00000000)  /* -0, 0 */
	TEST_FP_OP2_S( 38, fsgnjx.s, 0, 0xff800000, 0x7f800000, 0xbf800000)  /* inf, -1 */
	TEST_FP_OP2_S( 39, fsgnjx.s, 0, 0xff800000, 0xff800000, 0x3f800000)  /* -inf, 1 */
	TEST_FP_OP2_S( 40, fsgnjx.s, 0, 0x80000001, 0x00000001, 0xff7fffff)  /* minsub, -max */
	TEST_FP_OP2_S( 41, fsgnjx.s, 0, 0xffc12345, 0x7fc12345, 0xbf800000)  /* NaN(0x7fc12345), -1 */
	TEST_FP_OP2_S( 42, fsgnjx.s, 0, 0xffc12345, 0xffc12345, 0x3f800000)  /* NaN(0xffc12345), 1 */
	TEST_FP_OP2_S( 43, fsgnjx.s, 0, 0xff800001, 0x7f800001, 0xbf800000)  /* sNaN, -1 */
	TEST_FP_OP2_S( 44, fsgnjx.s, 0, 0x7fa12345, 0xffa12345, 0xff800001)  /* sNaN(0xffa12345), sNaN(0xff800001) */
	TEST_FP_OP2_S( 45, fsgnjx.s, 0, 0x40400000, 0x40400000, 0x7fc00000)  /* 3, qNaN */
	TEST_FP_OP2_S( 46, fsgnjx.s, 0, 0xc0400000, 0x40400000, 0xffc00000)  /* 3, NaN(0xffc00000) */
	/* rs1 == rs2: fmv, fneg and fabs */
	li gp, 47; LOAD_S(f1, 0xbfc00000); csrwi fflags, 0; fmv.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0xbfc00000)  /* fmv */
	li gp, 48; LOAD_S(f1, 0xbfc00000); csrwi fflags, 0; fneg.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0x3fc00000)  /* fneg */
	li gp, 49; LOAD_S(f1, 0x7f800001); csrwi fflags, 0; fneg.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0xff800001)  /* fneg */
	li gp, 50; LOAD_S(f1, 0xbfc00000); csrwi fflags, 0; fabs.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0x3fc00000)  /* fabs */
	li gp, 51; LOAD_S(f1, 0x3fc00000); csrwi fflags, 0; fabs.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0x3fc00000)  /* fabs */
	li gp, 52; LOAD_S(f1, 0xffc12345); csrwi fflags, 0; fabs.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0x7fc12345)  /* fabs */
	li gp, 53; LOAD_S(f1, 0x00000000); csrwi fflags, 0; fneg.s f3, f1; CHECK_FLAGS(0); CHECK_S(f3, 0x80000000)  /* fneg */
	/* rd == rs1 == rs2 */
	li gp, 54; LOAD_S(f1, 0xc0000000); fsgnjx.s f1, f1, f1; CHECK_S(f1, 0x40000000)
TEST_END
