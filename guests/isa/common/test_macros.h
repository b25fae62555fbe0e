/* Helper macros for the unprivileged ISA tests (rv64u*), on top of test.h.
 *
 * Conventions: every macro sets gp to its case number first, so a failing
 * check reports it; t5/t6 are scratch for the checks; a0..a5 and f0..f5 are
 * operands/results. Values are given as raw bit patterns (hex), which keeps
 * FP special values (NaN, inf, subnormals) exact.
 *
 * Including this header switches the assembler to `.option norvc` so that
 * base-ISA tests really execute 32-bit encodings; the rv64uc tests switch
 * compression back on explicitly. */
#ifndef REWIND_ISA_TEST_MACROS_H
#define REWIND_ISA_TEST_MACROS_H

#include "test.h"

.option norvc

/* ------------------------------------------------------------------ */
/* Integer register-register / register-immediate                     */
/* ------------------------------------------------------------------ */

/* a0 = inst(a1 = v1, a2 = v2) */
#define TEST_RR(n, inst, res, v1, v2) \
	TEST_CASE(n, a0, res, li a1, v1; li a2, v2; inst a0, a1, a2)
/* rd == rs1 */
#define TEST_RR_SRC1_EQ_DEST(n, inst, res, v1, v2) \
	TEST_CASE(n, a1, res, li a1, v1; li a2, v2; inst a1, a1, a2)
/* rd == rs2 */
#define TEST_RR_SRC2_EQ_DEST(n, inst, res, v1, v2) \
	TEST_CASE(n, a2, res, li a1, v1; li a2, v2; inst a2, a1, a2)
/* rd == rs1 == rs2 */
#define TEST_RR_SRC12_EQ_DEST(n, inst, res, v1) \
	TEST_CASE(n, a1, res, li a1, v1; inst a1, a1, a1)
/* rs1 == x0 */
#define TEST_RR_ZERO1(n, inst, res, v2) \
	TEST_CASE(n, a0, res, li a2, v2; inst a0, x0, a2)
/* rs2 == x0 */
#define TEST_RR_ZERO2(n, inst, res, v1) \
	TEST_CASE(n, a0, res, li a1, v1; inst a0, a1, x0)
/* rd == x0: the result is discarded */
#define TEST_RR_ZERODEST(n, inst, v1, v2) \
	TEST_CASE(n, x0, 0, li a1, v1; li a2, v2; inst x0, a1, a2)

/* a0 = inst(a1 = v1, imm) */
#define TEST_IMM(n, inst, res, v1, imm) \
	TEST_CASE(n, a0, res, li a1, v1; inst a0, a1, imm)
#define TEST_IMM_SRC1_EQ_DEST(n, inst, res, v1, imm) \
	TEST_CASE(n, a1, res, li a1, v1; inst a1, a1, imm)
#define TEST_IMM_ZERO1(n, inst, res, imm) \
	TEST_CASE(n, a0, res, inst a0, x0, imm)
#define TEST_IMM_ZERODEST(n, inst, v1, imm) \
	TEST_CASE(n, x0, 0, li a1, v1; inst x0, a1, imm)

/* ------------------------------------------------------------------ */
/* Branches: taken forwards and backwards, or not taken either way.    */
/* ------------------------------------------------------------------ */

#define TEST_BR_TAKEN(n, inst, v1, v2)                               \
	li gp, n; li a1, v1; li a2, v2;                               \
	inst a1, a2, 2f;        /* forwards */                        \
	j fail;                                                       \
1:	j 3f;                                                         \
2:	inst a1, a2, 1b;        /* backwards */                       \
	j fail;                                                       \
3:

#define TEST_BR_NOTTAKEN(n, inst, v1, v2)                            \
	li gp, n; li a1, v1; li a2, v2;                               \
	inst a1, a2, 1f;        /* forwards target would fail */      \
	j 2f;                                                         \
1:	j fail;                                                       \
2:	inst a1, a2, 1b;        /* backwards target would fail */     \

/* ------------------------------------------------------------------ */
/* Loads and stores                                                    */
/* ------------------------------------------------------------------ */

/* a0 = load off(base) */
#define TEST_LD(n, inst, res, off, base) \
	TEST_CASE(n, a0, res, la a1, base; inst a0, off(a1))
/* store val at off(base), read it back with ld */
#define TEST_ST(n, ld, st, res, val, off, base) \
	TEST_CASE(n, a0, res, la a1, base; li a2, val; st a2, off(a1); ld a0, off(a1))

/* ------------------------------------------------------------------ */
/* AMOs: the test provides an 8-byte aligned 16-byte label amo_dat.    */
/* Memory holds `old`, rs2 = src; rd and the new memory value are      */
/* checked, and so is the guard word/doubleword after the operand.     */
/* ------------------------------------------------------------------ */

#define AMO_GUARD 0x5aa5c33c5aa5c33c

#define TEST_AMO_W(n, inst, rd_res, mem_res, old, src)                 \
	li gp, n; la a1, amo_dat; li t0, AMO_GUARD; sd t0, 0(a1);      \
	li t0, old; sw t0, 0(a1); li a2, src;                          \
	inst a0, a2, (a1);                                             \
	CHECK_X(a0, rd_res);                                           \
	lwu a3, 0(a1); CHECK_X(a3, mem_res);                           \
	lwu a3, 4(a1); CHECK_X(a3, AMO_GUARD >> 32)

#define TEST_AMO_D(n, inst, rd_res, mem_res, old, src)                 \
	li gp, n; la a1, amo_dat; li t0, AMO_GUARD; sd t0, 8(a1);      \
	li t0, old; sd t0, 0(a1); li a2, src;                          \
	inst a0, a2, (a1);                                             \
	CHECK_X(a0, rd_res);                                           \
	ld a3, 0(a1); CHECK_X(a3, mem_res);                            \
	ld a3, 8(a1); CHECK_X(a3, AMO_GUARD)

/* ------------------------------------------------------------------ */
/* Traps: a test may place TRAP_SKIP_HANDLER after TEST_END and point */
/* mtvec at it with INSTALL_SKIP_HANDLER. It records mcause in s10,   */
/* mtval in s9 and mepc in s8, counts traps in s11 and resumes after   */
/* the trapping instruction (2 or 4 bytes long). Clobbers t4..t6.     */
/* ------------------------------------------------------------------ */

#define INSTALL_SKIP_HANDLER                                          \
	la t0, skip_handler; csrw mtvec, t0; li s11, 0; li s10, -1

#define TRAP_SKIP_HANDLER                                             \
	.text;                                                        \
	.align 2;                                                     \
skip_handler:                                                         \
	csrr s10, mcause;                                             \
	csrr s9, mtval;                                               \
	addi s11, s11, 1;                                             \
	csrr t5, mepc;                                                \
	mv s8, t5;                                                    \
	lhu t6, 0(t5);          /* instruction length from low bits */ \
	andi t6, t6, 3;                                               \
	addi t5, t5, 2;                                               \
	li t4, 3;                                                     \
	bne t6, t4, 1f;                                               \
	addi t5, t5, 2;                                               \
1:	csrw mepc, t5;                                                \
	mret;

/* Expect exactly one trap since the last EXPECT_TRAP/RESET, with mcause c */
#define RESET_TRAPS li s11, 0; li s10, -1
#define EXPECT_TRAP(c)                                                \
	li t6, 1; bne s11, t6, fail;                                  \
	li t6, c; bne s10, t6, fail;                                  \
	RESET_TRAPS
#define EXPECT_NO_TRAP li t6, 0; bne s11, t6, fail

/* ------------------------------------------------------------------ */
/* Floating point                                                      */
/* ------------------------------------------------------------------ */

#define FF_NV 0x10
#define FF_DZ 0x08
#define FF_OF 0x04
#define FF_UF 0x02
#define FF_NX 0x01

/* mstatus.FS is Off at reset: set it to Initial and clear fcsr. */
#define FP_ENABLE li t0, 1 << 13; csrs mstatus, t0; csrwi fcsr, 0

#define LOAD_S(freg, bits) li t0, bits; fmv.w.x freg, t0
#define LOAD_D(freg, bits) li t0, bits; fmv.d.x freg, t0

/* fflags must equal `flags`; they are cleared again afterwards. */
#define CHECK_FLAGS(flags) \
	csrrci t5, fflags, 0x1f; li t6, flags; bne t5, t6, fail
/* A single result must be NaN-boxed (upper 32 bits all ones). */
#define CHECK_S(freg, bits) \
	fmv.x.d t5, freg; li t6, ((bits) & 0xffffffff) | 0xffffffff00000000; bne t5, t6, fail
#define CHECK_D(freg, bits) \
	fmv.x.d t5, freg; li t6, bits; bne t5, t6, fail
#define CHECK_X(reg, val) \
	li t6, val; bne reg, t6, fail

/* f3 = inst(f1, f2[, rm]) */
#define TEST_FP_OP2_S(n, inst, flags, res, a, b) \
	li gp, n; LOAD_S(f1, a); LOAD_S(f2, b); csrwi fflags, 0; \
	inst f3, f1, f2; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FP_OP2_S_RM(n, inst, rm, flags, res, a, b) \
	li gp, n; LOAD_S(f1, a); LOAD_S(f2, b); csrwi fflags, 0; \
	inst f3, f1, f2, rm; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FP_OP2_D(n, inst, flags, res, a, b) \
	li gp, n; LOAD_D(f1, a); LOAD_D(f2, b); csrwi fflags, 0; \
	inst f3, f1, f2; CHECK_FLAGS(flags); CHECK_D(f3, res)
#define TEST_FP_OP2_D_RM(n, inst, rm, flags, res, a, b) \
	li gp, n; LOAD_D(f1, a); LOAD_D(f2, b); csrwi fflags, 0; \
	inst f3, f1, f2, rm; CHECK_FLAGS(flags); CHECK_D(f3, res)

/* f3 = inst(f1, f2, f4, rm) (fused multiply-add family) */
#define TEST_FP_OP3_S_RM(n, inst, rm, flags, res, a, b, c) \
	li gp, n; LOAD_S(f1, a); LOAD_S(f2, b); LOAD_S(f4, c); \
	csrwi fflags, 0; inst f3, f1, f2, f4, rm; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FP_OP3_D_RM(n, inst, rm, flags, res, a, b, c) \
	li gp, n; LOAD_D(f1, a); LOAD_D(f2, b); LOAD_D(f4, c); \
	csrwi fflags, 0; inst f3, f1, f2, f4, rm; CHECK_FLAGS(flags); CHECK_D(f3, res)

/* f3 = inst(f1, rm) (fsqrt, fcvt.s.d, fcvt.d.s) */
#define TEST_FP_OP1_S_RM(n, inst, rm, flags, res, a) \
	li gp, n; LOAD_S(f1, a); csrwi fflags, 0; \
	inst f3, f1, rm; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FP_OP1_D_RM(n, inst, rm, flags, res, a) \
	li gp, n; LOAD_D(f1, a); csrwi fflags, 0; \
	inst f3, f1, rm; CHECK_FLAGS(flags); CHECK_D(f3, res)

/* a0 = inst(f1, f2) (feq, flt, fle) */
#define TEST_FCMP_S(n, inst, flags, res, a, b) \
	li gp, n; LOAD_S(f1, a); LOAD_S(f2, b); csrwi fflags, 0; \
	inst a0, f1, f2; CHECK_FLAGS(flags); CHECK_X(a0, res)
#define TEST_FCMP_D(n, inst, flags, res, a, b) \
	li gp, n; LOAD_D(f1, a); LOAD_D(f2, b); csrwi fflags, 0; \
	inst a0, f1, f2; CHECK_FLAGS(flags); CHECK_X(a0, res)

/* a0 = fclass(f1); never sets flags */
#define TEST_FCLASS_S(n, res, a) \
	li gp, n; LOAD_S(f1, a); csrwi fflags, 0; \
	fclass.s a0, f1; CHECK_FLAGS(0); CHECK_X(a0, res)
#define TEST_FCLASS_D(n, res, a) \
	li gp, n; LOAD_D(f1, a); csrwi fflags, 0; \
	fclass.d a0, f1; CHECK_FLAGS(0); CHECK_X(a0, res)

/* a0 = inst(f1, rm): FP -> integer */
#define TEST_FCVT_X_S(n, inst, rm, flags, res, a) \
	li gp, n; LOAD_S(f1, a); csrwi fflags, 0; \
	inst a0, f1, rm; CHECK_FLAGS(flags); CHECK_X(a0, res)
#define TEST_FCVT_X_D(n, inst, rm, flags, res, a) \
	li gp, n; LOAD_D(f1, a); csrwi fflags, 0; \
	inst a0, f1, rm; CHECK_FLAGS(flags); CHECK_X(a0, res)

/* f3 = inst(a1 = ival, rm): integer -> FP */
#define TEST_FCVT_S_X(n, inst, rm, flags, res, ival) \
	li gp, n; li a1, ival; csrwi fflags, 0; \
	inst f3, a1, rm; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FCVT_D_X(n, inst, flags, res, ival) \
	li gp, n; li a1, ival; csrwi fflags, 0; \
	inst f3, a1; CHECK_FLAGS(flags); CHECK_D(f3, res)
#define TEST_FCVT_D_X_RM(n, inst, rm, flags, res, ival) \
	li gp, n; li a1, ival; csrwi fflags, 0; \
	inst f3, a1, rm; CHECK_FLAGS(flags); CHECK_D(f3, res)

/* fcvt.s.d / fcvt.d.s */
#define TEST_FCVT_S_D(n, rm, flags, res, a) \
	li gp, n; LOAD_D(f1, a); csrwi fflags, 0; \
	fcvt.s.d f3, f1, rm; CHECK_FLAGS(flags); CHECK_S(f3, res)
#define TEST_FCVT_D_S(n, flags, res, a) \
	li gp, n; LOAD_S(f1, a); csrwi fflags, 0; \
	fcvt.d.s f3, f1; CHECK_FLAGS(flags); CHECK_D(f3, res)

/* Useful single-precision bit patterns */
#define S_ZERO   0x00000000
#define S_NZERO  0x80000000
#define S_ONE    0x3f800000
#define S_NONE   0xbf800000
#define S_TWO    0x40000000
#define S_INF    0x7f800000
#define S_NINF   0xff800000
#define S_QNAN   0x7fc00000   /* canonical NaN */
#define S_SNAN   0x7f800001
#define S_MAX    0x7f7fffff   /* largest finite */
#define S_MIN    0x00800000   /* smallest normal */
#define S_SUB    0x00000001   /* smallest subnormal */

#define D_ZERO   0x0000000000000000
#define D_NZERO  0x8000000000000000
#define D_ONE    0x3ff0000000000000
#define D_NONE   0xbff0000000000000
#define D_TWO    0x4000000000000000
#define D_INF    0x7ff0000000000000
#define D_NINF   0xfff0000000000000
#define D_QNAN   0x7ff8000000000000   /* canonical NaN */
#define D_SNAN   0x7ff0000000000001
#define D_MAX    0x7fefffffffffffff
#define D_MIN    0x0010000000000000
#define D_SUB    0x0000000000000001

#endif
