# With mstatus.FS = Off every FP instruction and FP CSR access is illegal
# (mtval = the instruction), in M, S and U.
#include "test.h"
#include "priv_macros.h"

#define OFF32(n, bits)                              \
	CHECK_TRAP(n, CAUSE_ILLEGAL, .4byte bits)   \
	CHECK_REG(n, s11, bits)

TEST_START
PRIV_INIT
	li t0, MSTATUS_FS
	csrc mstatus, t0
	la a2, fpdata			# a2 = x12; encodings below use it

	OFF32(1, 0x00063087)		# fld f1, 0(a2)
	OFF32(2, 0x00162027)		# fsw f1, 0(a2)
	OFF32(3, 0x021080d3)		# fadd.d f1, f1, f1 (rne... dyn rm)
	OFF32(4, 0xf20000d3)		# fmv.d.x f1, x0
	OFF32(5, 0xe2008553)		# fmv.x.d a0, f1
	OFF32(6, 0x00302573)		# csrr a0, fcsr
	OFF32(7, 0x00102573)		# csrr a0, fflags
	OFF32(8, 0x00202573)		# csrr a0, frm
	OFF32(9, 0x00305073)		# csrwi fcsr, 0
	CHECK_TRAP(10, CAUSE_ILLEGAL, c.fld f8, 0(a2))
	CHECK_REG(11, s11, 0x2200)	# c.fld f8, 0(a2)
	CHECK_TRAP(12, CAUSE_ILLEGAL, c.fsdsp f1, 0(sp))
	CHECK_TRAP(13, CAUSE_ILLEGAL, fmadd.d f1, f2, f3, f4)
	CHECK_TRAP(14, CAUSE_ILLEGAL, fcvt.d.l f1, a0)
	CHECK_TRAP(15, CAUSE_ILLEGAL, fcvt.l.d a0, f1)
	CHECK_TRAP(16, CAUSE_ILLEGAL, feq.d a0, f1, f2)
	CHECK_TRAP(17, CAUSE_ILLEGAL, fclass.s a0, f1)

	# FS stays Off after all that
	csrr a0, mstatus
	li t0, MSTATUS_FS
	and a0, a0, t0
	CHECK_REG(18, a0, 0)

	ENTER_S(s1)
s1:	OFF32(19, 0x00063087)
	CHECK_REG(20, s7, 0x13)
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	OFF32(21, 0x00302573)
	CHECK_REG(22, s7, 0x03)
	GOTO_M(m2)

	# any FS other than Off makes them legal
m2:	li t0, MSTATUS_FS_INITIAL
	csrs mstatus, t0
	CHECK_NOTRAP(23, fld f1, 0(a2); fadd.d f1, f1, f1; csrr a0, fcsr)

	.data
	.align 3
fpdata:	.dword 0x3ff0000000000000
	.text
TEST_END
