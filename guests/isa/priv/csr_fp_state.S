# mstatus.FS tracks FP state: an instruction or CSR write that changes FP
# state sets FS = Dirty (3) and SD = 1, from any FS other than Off.
#include "test.h"
#include "priv_macros.h"

#define SET_FS(v)                                   \
	li t0, MSTATUS_FS;                          \
	csrc mstatus, t0;                           \
	li t0, (v) << 13;                           \
	csrs mstatus, t0;

/* FS must be 3 and SD 1 */
#define CHECK_DIRTY(n)                              \
	csrr a0, mstatus;                           \
	srli a1, a0, 13;                            \
	andi a1, a1, 3;                             \
	CHECK_REG(n, a1, 3)                         \
	srli a1, a0, 63;                            \
	CHECK_REG(n, a1, 1)

TEST_START
PRIV_INIT
	la a2, fpdata

	SET_FS(1)				# Initial
	fmv.d.x f1, zero
	CHECK_DIRTY(1)

	SET_FS(2)				# Clean
	fadd.d f2, f1, f1
	CHECK_DIRTY(2)

	SET_FS(2)
	fld f3, 0(a2)
	CHECK_DIRTY(3)

	SET_FS(2)
	c.fld f8, 0(a2)
	CHECK_DIRTY(4)

	SET_FS(2)
	fcvt.s.w f4, zero
	CHECK_DIRTY(5)

	SET_FS(2)
	csrwi fflags, 1
	CHECK_DIRTY(6)

	SET_FS(2)
	csrwi frm, 1
	CHECK_DIRTY(7)

	SET_FS(1)
	csrw fcsr, zero
	CHECK_DIRTY(8)

	# Clean stays Clean with SD = 0 when nothing changes
	SET_FS(2)
	csrr a0, mstatus
	srli a1, a0, 63
	CHECK_REG(9, a1, 0)
	csrr a0, fcsr				# a read is not a change
	csrr a0, mstatus
	srli a1, a0, 13
	andi a1, a1, 3
	CHECK_REG(10, a1, 2)

	# from S, seen through sstatus
	SET_FS(2)
	ENTER_S(s1)
s1:	csrr a0, sstatus
	srli a1, a0, 63
	CHECK_REG(11, a1, 0)
	fmv.w.x f5, zero
	csrr a0, sstatus
	srli a1, a0, 13
	andi a1, a1, 3
	CHECK_REG(12, a1, 3)
	srli a1, a0, 63
	CHECK_REG(13, a1, 1)
	GOTO_M(m1)

	# from U
m1:	SET_FS(1)
	ENTER_U(u1)
u1:	fmv.d.x f6, zero
	GOTO_M(m2)
m2:	CHECK_DIRTY(14)

	.data
	.align 3
fpdata:	.dword 0x3ff0000000000000
	.text
TEST_END
