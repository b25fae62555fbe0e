/* Reserved rounding modes for D instructions: rm = 5/6, or dyn with frm =
 * 5/6/7, raise illegal instruction. This includes conversions that can
 * never round (fcvt.d.s, fcvt.d.w): their rm field decodes as usual. */
#include "test_macros.h"

#define OP_FP 0x53
#define MADD  0x43

#define TEST_ILLEGAL(n, insn...)                                      \
	li gp, n; RESET_TRAPS;                                        \
	LOAD_D(f3, 0x123456789abcdef0); li a0, 0x55; csrwi fflags, 0; \
	insn;                                                         \
	EXPECT_TRAP(2);                                               \
	CHECK_D(f3, 0x123456789abcdef0); CHECK_X(a0, 0x55); CHECK_FLAGS(0)

TEST_START
	FP_ENABLE
	INSTALL_SKIP_HANDLER
	LOAD_D(f1, D_ONE)
	LOAD_D(f2, 0x3ca0000000000000)  /* 2^-53 */
	LOAD_D(f4, D_ONE)
	LOAD_S(f5, S_ONE)
	li a1, 7

	/* valid encodings compute normally */
	li gp, 2
	.insn r OP_FP, 3, 0x01, f3, f1, f2       /* fadd.d rup */
	CHECK_D(f3, 0x3ff0000000000001)
	.insn r OP_FP, 0, 0x21, f3, f5, x0       /* fcvt.d.s */
	CHECK_D(f3, D_ONE)
	.insn r OP_FP, 0, 0x69, f3, a1, x0       /* fcvt.d.w */
	CHECK_D(f3, 0x401c000000000000)
	EXPECT_NO_TRAP

	/* rm = 5 and 6 */
	TEST_ILLEGAL( 3, .insn r OP_FP, 5, 0x01, f3, f1, f2)      /* fadd.d */
	TEST_ILLEGAL( 4, .insn r OP_FP, 6, 0x05, f3, f1, f2)      /* fsub.d */
	TEST_ILLEGAL( 5, .insn r OP_FP, 5, 0x09, f3, f1, f2)      /* fmul.d */
	TEST_ILLEGAL( 6, .insn r OP_FP, 6, 0x0d, f3, f1, f2)      /* fdiv.d */
	TEST_ILLEGAL( 7, .insn r OP_FP, 5, 0x2d, f3, f1, f0)      /* fsqrt.d */
	TEST_ILLEGAL( 8, .insn r OP_FP, 6, 0x61, a0, f1, x2)      /* fcvt.l.d */
	TEST_ILLEGAL( 9, .insn r OP_FP, 5, 0x69, f3, a1, x3)      /* fcvt.d.lu */
	TEST_ILLEGAL(10, .insn r OP_FP, 5, 0x20, f3, f1, x1)      /* fcvt.s.d */
	TEST_ILLEGAL(11, .insn r4 MADD, 6, 1, f3, f1, f2, f4)     /* fmadd.d */
	TEST_ILLEGAL(12, .insn r OP_FP, 5, 0x21, f3, f5, x0)      /* fcvt.d.s */
	TEST_ILLEGAL(13, .insn r OP_FP, 6, 0x69, f3, a1, x0)      /* fcvt.d.w */

	/* dyn with invalid frm */
	fsrmi 5
	TEST_ILLEGAL(14, fadd.d f3, f1, f2, dyn)
	TEST_ILLEGAL(15, fcvt.s.d f3, f1, dyn)
	fsrmi 6
	TEST_ILLEGAL(16, fmsub.d f3, f1, f2, f4, dyn)
	TEST_ILLEGAL(17, fcvt.wu.d a0, f1, dyn)
	fsrmi 7
	TEST_ILLEGAL(18, fsqrt.d f3, f1, dyn)
	TEST_ILLEGAL(19, fcvt.d.l f3, a1, dyn)
	TEST_ILLEGAL(20, .insn r OP_FP, 7, 0x21, f3, f5, x0)      /* fcvt.d.s dyn */

	/* static rm and non-rounding instructions still work with frm = 7 */
	li gp, 21
	RESET_TRAPS
	fadd.d f3, f1, f2, rup
	CHECK_D(f3, 0x3ff0000000000001)
	fmax.d f3, f1, f2
	CHECK_D(f3, D_ONE)
	fsgnjx.d f3, f1, f1
	CHECK_D(f3, D_ONE)
	flt.d a0, f2, f1
	CHECK_X(a0, 1)
	EXPECT_NO_TRAP
	csrwi frm, 0
TEST_END

TRAP_SKIP_HANDLER
