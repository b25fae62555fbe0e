/* Reserved rounding modes: rm = 5 or 6 in an instruction, and rm = 7 (dyn)
 * while frm holds 5, 6 or 7, raise illegal instruction (mcause 2). The
 * trapping instruction writes nothing (rd and fflags unchanged). A valid
 * static rm, and instructions without rounding, work whatever frm holds. */
#include "test_macros.h"

#define OP_FP 0x53
#define MADD  0x43

/* run `insn` (writing f3 / a0), which must trap */
#define TEST_ILLEGAL(n, insn...)                                      \
	li gp, n; RESET_TRAPS;                                        \
	LOAD_S(f3, 0x12345678); li a0, 0x55; csrwi fflags, 0;         \
	insn;                                                         \
	EXPECT_TRAP(2);                                               \
	CHECK_S(f3, 0x12345678); CHECK_X(a0, 0x55); CHECK_FLAGS(0)

TEST_START
	FP_ENABLE
	INSTALL_SKIP_HANDLER
	LOAD_S(f1, S_ONE)
	LOAD_S(f2, 0x33800000)          /* 2^-24: 1 + 2^-24 is a tie */
	LOAD_S(f4, S_ONE)

	/* the encodings used below, with valid rm, compute normally */
	li gp, 2
	.insn r OP_FP, 1, 0x00, f3, f1, f2       /* fadd.s rtz */
	CHECK_S(f3, 0x3f800000)
	.insn r OP_FP, 3, 0x00, f3, f1, f2       /* fadd.s rup */
	CHECK_S(f3, 0x3f800001)
	.insn r OP_FP, 4, 0x00, f3, f1, f2       /* fadd.s rmm */
	CHECK_S(f3, 0x3f800001)
	.insn r OP_FP, 1, 0x60, a0, f1, x0       /* fcvt.w.s rtz */
	CHECK_X(a0, 1)
	CHECK_FLAGS(FF_NX)
	EXPECT_NO_TRAP

	/* rm = 5 and 6 encoded in the instruction */
	TEST_ILLEGAL( 3, .insn r OP_FP, 5, 0x00, f3, f1, f2)      /* fadd.s */
	TEST_ILLEGAL( 4, .insn r OP_FP, 6, 0x00, f3, f1, f2)
	TEST_ILLEGAL( 5, .insn r OP_FP, 5, 0x04, f3, f1, f2)      /* fsub.s */
	TEST_ILLEGAL( 6, .insn r OP_FP, 6, 0x08, f3, f1, f2)      /* fmul.s */
	TEST_ILLEGAL( 7, .insn r OP_FP, 5, 0x0c, f3, f1, f2)      /* fdiv.s */
	TEST_ILLEGAL( 8, .insn r OP_FP, 6, 0x2c, f3, f1, f0)      /* fsqrt.s */
	TEST_ILLEGAL( 9, .insn r OP_FP, 5, 0x60, a0, f1, x0)      /* fcvt.w.s */
	TEST_ILLEGAL(10, .insn r OP_FP, 6, 0x60, a0, f1, x3)      /* fcvt.lu.s */
	TEST_ILLEGAL(11, .insn r OP_FP, 5, 0x68, f3, a0, x0)      /* fcvt.s.w */
	TEST_ILLEGAL(12, .insn r OP_FP, 6, 0x68, f3, a0, x2)      /* fcvt.s.l */
	TEST_ILLEGAL(13, .insn r4 MADD, 5, 0, f3, f1, f2, f4)     /* fmadd.s */
	TEST_ILLEGAL(14, .insn r4 MADD, 6, 0, f3, f1, f2, f4)

	/* rm = 7 (dyn) with an invalid frm */
	fsrmi 5
	TEST_ILLEGAL(15, fadd.s f3, f1, f2, dyn)
	TEST_ILLEGAL(16, fmadd.s f3, f1, f2, f4, dyn)
	TEST_ILLEGAL(17, fcvt.w.s a0, f1, dyn)
	fsrmi 6
	TEST_ILLEGAL(18, fadd.s f3, f1, f2, dyn)
	TEST_ILLEGAL(19, fsqrt.s f3, f1, dyn)
	TEST_ILLEGAL(20, fcvt.s.wu f3, a0, dyn)
	fsrmi 7
	TEST_ILLEGAL(21, fadd.s f3, f1, f2, dyn)
	TEST_ILLEGAL(22, fdiv.s f3, f1, f2, dyn)
	TEST_ILLEGAL(23, fnmsub.s f3, f1, f2, f4, dyn)

	/* with frm = 7: static rm and non-rounding instructions still work */
	li gp, 24
	RESET_TRAPS
	fadd.s f3, f1, f2, rup
	CHECK_S(f3, 0x3f800001)
	fsgnjn.s f3, f1, f1
	CHECK_S(f3, 0xbf800000)
	fmin.s f3, f1, f2
	CHECK_S(f3, 0x33800000)
	feq.s a0, f1, f1
	CHECK_X(a0, 1)
	fclass.s a0, f1
	CHECK_X(a0, 0x40)
	fmv.x.w a0, f2
	CHECK_X(a0, 0x33800000)
	EXPECT_NO_TRAP
	frrm a0
	CHECK_X(a0, 7)

	/* back to a valid frm: dyn works again */
	li gp, 25
	fsrmi 3
	fadd.s f3, f1, f2, dyn
	CHECK_S(f3, 0x3f800001)
	EXPECT_NO_TRAP
TEST_END

TRAP_SKIP_HANDLER
