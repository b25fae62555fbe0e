/* NaN boxing: a single operand whose upper 32 bits are not all ones is read
 * as the canonical NaN (a quiet NaN: no NV by itself). Transfers (fmv.x.w,
 * fsw) move the low 32 bits regardless. Results of single operations are
 * always boxed (every CHECK_S in the suite verifies that). */
#include "test_macros.h"

/* f1 = raw 64-bit pattern (not a valid boxed single) */
#define UNBOXED  0x000000003f800000     /* 1.0 without the box */
#define PARTIAL  0xfffffffe3f800000     /* one box bit clear */

TEST_START
	FP_ENABLE
	LOAD_S(f2, S_ONE)

	/* arithmetic sees the canonical NaN */
	li gp, 2
	LOAD_D(f1, UNBOXED)
	fadd.s f3, f1, f2
	CHECK_FLAGS(0)
	CHECK_S(f3, S_QNAN)
	li gp, 3
	LOAD_D(f1, PARTIAL)
	fmul.s f3, f2, f1
	CHECK_FLAGS(0)
	CHECK_S(f3, S_QNAN)
	li gp, 4
	LOAD_D(f1, UNBOXED)
	fmadd.s f3, f2, f2, f1
	CHECK_FLAGS(0)
	CHECK_S(f3, S_QNAN)
	li gp, 5
	fsqrt.s f3, f1
	CHECK_FLAGS(0)
	CHECK_S(f3, S_QNAN)

	/* the upper half of a double is not a single either */
	li gp, 6
	LOAD_D(f1, D_ONE)
	fadd.s f3, f2, f1
	CHECK_S(f3, S_QNAN)

	/* a boxed sNaN is an sNaN; an unboxed sNaN pattern is a qNaN */
	li gp, 7
	LOAD_D(f1, 0xffffffff7f800001)
	fadd.s f3, f1, f2
	CHECK_FLAGS(FF_NV)
	CHECK_S(f3, S_QNAN)
	li gp, 8
	LOAD_D(f1, 0x000000007f800001)
	fadd.s f3, f1, f2
	CHECK_FLAGS(0)
	CHECK_S(f3, S_QNAN)

	/* sign injection uses the canonical NaN as the magnitude source ... */
	li gp, 9
	LOAD_D(f1, 0x00000000bf800000)
	fsgnj.s f3, f1, f2              /* sign from +1.0 */
	CHECK_S(f3, 0x7fc00000)
	li gp, 10
	fsgnjn.s f3, f1, f2
	CHECK_S(f3, 0xffc00000)
	li gp, 11
	/* ... and as the sign source: the canonical NaN is positive */
	LOAD_S(f4, 0xc0000000)          /* -2.0 */
	fsgnj.s f3, f4, f1
	CHECK_S(f3, 0x40000000)
	fsgnjx.s f3, f4, f1
	CHECK_S(f3, 0xc0000000)
	li gp, 12
	fsgnj.s f3, f1, f1              /* fmv.s of an unboxed value */
	CHECK_S(f3, S_QNAN)
	CHECK_FLAGS(0)

	/* classification, compares, min/max, conversions */
	li gp, 13
	fclass.s a0, f1
	CHECK_X(a0, 0x200)              /* quiet NaN */
	li gp, 14
	feq.s a0, f1, f1
	CHECK_X(a0, 0)
	CHECK_FLAGS(0)                  /* quiet compare of a qNaN */
	li gp, 15
	flt.s a0, f2, f1
	CHECK_X(a0, 0)
	CHECK_FLAGS(FF_NV)
	li gp, 16
	fmin.s f3, f1, f2
	CHECK_FLAGS(0)
	CHECK_S(f3, S_ONE)
	fmax.s f3, f2, f1
	CHECK_S(f3, S_ONE)
	li gp, 17
	fcvt.w.s a0, f1, rtz
	CHECK_FLAGS(FF_NV)
	CHECK_X(a0, 0x7fffffff)
	li gp, 18
	fcvt.d.s f3, f1
	CHECK_FLAGS(0)
	CHECK_D(f3, D_QNAN)

	/* transfers ignore the box */
	li gp, 19
	fmv.x.w a0, f1                  /* f1 = 0x00000000bf800000 */
	CHECK_X(a0, 0xffffffffbf800000)
	li gp, 20
	la a1, tdat
	fsw f1, 0(a1)
	lwu a0, 0(a1)
	CHECK_X(a0, 0xbf800000)

	/* loads and moves into a register box the value */
	li gp, 21
	flw f3, 0(a1)
	fmv.x.d a0, f3
	CHECK_X(a0, 0xffffffffbf800000)
	li gp, 22
	li t0, 0x12345678
	fmv.w.x f3, t0
	fmv.x.d a0, f3
	CHECK_X(a0, 0xffffffff12345678)
	/* single results overwrite the whole register, boxed */
	li gp, 23
	LOAD_D(f3, 0x0123456789abcdef)
	fcvt.s.w f3, x0
	CHECK_D(f3, 0xffffffff00000000)
	li gp, 24
	LOAD_D(f3, 0x0123456789abcdef)
	fcvt.s.d f3, f3                 /* double -> single, boxed */
	fmv.x.d a0, f3
	srli a0, a0, 32
	CHECK_X(a0, 0xffffffff)
TEST_END

	.data
	.align 3
tdat:	.dword 0
