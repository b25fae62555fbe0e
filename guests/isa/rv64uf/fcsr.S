/* fcsr, frm and fflags: frm and fflags are views of fcsr bits 7..5 and
 * 4..0; writes are masked to the field width; fcsr bits 63..8 read 0.
 * Exception flags accrue and are only cleared by CSR writes. */
#include "test_macros.h"

TEST_START
	FP_ENABLE

	/* fcsr write/read, upper bits ignored */
	li gp, 2
	li a1, -1
	csrw fcsr, a1
	csrr a0, fcsr
	CHECK_X(a0, 0xff)
	csrr a0, frm
	CHECK_X(a0, 7)
	csrr a0, fflags
	CHECK_X(a0, 0x1f)

	/* fflags writes touch only bits 4..0 */
	li gp, 3
	li a1, 0xe3                     /* bits above 4 are dropped */
	csrrw a0, fflags, a1
	CHECK_X(a0, 0x1f)               /* old value */
	csrr a0, fflags
	CHECK_X(a0, 0x03)
	csrr a0, frm
	CHECK_X(a0, 7)                  /* unchanged */
	csrr a0, fcsr
	CHECK_X(a0, 0xe3)

	/* frm writes touch only bits 7..5 of fcsr */
	li gp, 4
	li a1, 0xfa                     /* masked to 2 */
	csrrw a0, frm, a1
	CHECK_X(a0, 7)
	csrr a0, frm
	CHECK_X(a0, 2)
	csrr a0, fcsr
	CHECK_X(a0, 0x43)
	csrr a0, fflags
	CHECK_X(a0, 0x03)

	/* set/clear forms on the views */
	li gp, 5
	csrrsi a0, fflags, 0x14
	CHECK_X(a0, 0x03)
	csrrci a0, fflags, 0x01
	CHECK_X(a0, 0x17)
	csrr a0, fcsr
	CHECK_X(a0, 0x56)
	csrrsi a0, frm, 1
	CHECK_X(a0, 2)
	csrr a0, fcsr
	CHECK_X(a0, 0x76)
	csrrci a0, frm, 2
	csrr a0, frm
	CHECK_X(a0, 1)

	/* csrrs/csrrc on fcsr reach both fields */
	li gp, 6
	li a1, 0x88
	csrrs a0, fcsr, a1
	CHECK_X(a0, 0x36)
	csrr a0, fcsr
	CHECK_X(a0, 0xbe)
	li a1, 0xff
	csrrc a0, fcsr, a1
	csrr a0, fcsr
	CHECK_X(a0, 0)

	/* pseudo-instructions */
	li gp, 7
	li a1, 3
	fsrm a2, a1                     /* csrrw a2, frm, a1 */
	CHECK_X(a2, 0)
	frrm a0
	CHECK_X(a0, 3)
	li a1, 0x0a
	fsflags a2, a1
	CHECK_X(a2, 0)
	frflags a0
	CHECK_X(a0, 0x0a)
	frcsr a0
	CHECK_X(a0, 0x6a)
	li a1, 0x81
	fscsr a2, a1
	CHECK_X(a2, 0x6a)
	frcsr a0
	CHECK_X(a0, 0x81)
	fsrmi a2, 2
	CHECK_X(a2, 4)
	fsflagsi a2, 0x10
	CHECK_X(a2, 1)
	frcsr a0
	CHECK_X(a0, 0x50)
	csrwi fcsr, 0

	/* flags accrue over instructions and are not cleared by them */
	li gp, 8
	LOAD_S(f1, S_ONE)
	LOAD_S(f2, 0x40400000)          /* 3.0 */
	fdiv.s f3, f1, f2               /* NX */
	frflags a0
	CHECK_X(a0, FF_NX)
	LOAD_S(f4, S_ZERO)
	fdiv.s f3, f1, f4               /* DZ */
	frflags a0
	CHECK_X(a0, FF_NX | FF_DZ)
	fadd.s f3, f1, f1               /* exact: no flag, nothing cleared */
	frflags a0
	CHECK_X(a0, FF_NX | FF_DZ)
	LOAD_S(f5, S_SNAN)
	feq.s a1, f5, f5                /* NV */
	frflags a0
	CHECK_X(a0, FF_NX | FF_DZ | FF_NV)
	LOAD_S(f6, S_MAX)
	fmul.s f3, f6, f6               /* OF | NX */
	LOAD_S(f7, S_MIN)
	fmul.s f3, f7, f7               /* UF | NX */
	frflags a0
	CHECK_X(a0, 0x1f)
	frcsr a0
	CHECK_X(a0, 0x1f)

	/* an instruction with a static rounding mode leaves frm alone */
	li gp, 9
	fsrmi 3
	fadd.s f3, f1, f2, rtz
	frrm a0
	CHECK_X(a0, 3)
	csrwi fcsr, 0

	/* rd = x0 write, and a read of fcsr after writing frm only */
	li gp, 10
	csrwi fflags, 0x1f
	csrw frm, x0
	csrr a0, fcsr
	CHECK_X(a0, 0x1f)
TEST_END
