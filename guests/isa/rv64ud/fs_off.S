/* With mstatus.FS = Off, every D instruction raises illegal instruction
 * and changes nothing. */
#include "test_macros.h"

#define FS_OFF li t0, 3 << 13; csrc mstatus, t0
#define FS_ON  li t0, 1 << 13; csrs mstatus, t0

#define TEST_FS_OFF(n, insn...)                                       \
	li gp, n; RESET_TRAPS; li a0, 0x55;                           \
	insn;                                                         \
	EXPECT_TRAP(2); CHECK_X(a0, 0x55)

TEST_START
	INSTALL_SKIP_HANDLER
	/* FS is Off at reset */
	TEST_FS_OFF(2, fmv.x.d a0, f0)

	FP_ENABLE
	LOAD_D(f1, D_ONE)
	LOAD_D(f2, D_TWO)
	LOAD_D(f3, 0x4008000000000000)  /* 3.0 */
	la s2, tdat
	FS_OFF

	TEST_FS_OFF( 3, fadd.d f3, f1, f2)
	TEST_FS_OFF( 4, fdiv.d f3, f1, f2)
	TEST_FS_OFF( 5, fsqrt.d f3, f1)
	TEST_FS_OFF( 6, fnmadd.d f3, f1, f2, f1)
	TEST_FS_OFF( 7, fsgnjn.d f3, f1, f2)
	TEST_FS_OFF( 8, fmax.d f3, f1, f2)
	TEST_FS_OFF( 9, fle.d a0, f1, f2)
	TEST_FS_OFF(10, fclass.d a0, f1)
	TEST_FS_OFF(11, fcvt.l.d a0, f1)
	TEST_FS_OFF(12, fcvt.d.lu f3, a0)
	TEST_FS_OFF(13, fcvt.s.d f3, f1)
	TEST_FS_OFF(14, fcvt.d.s f3, f1)
	TEST_FS_OFF(15, fmv.x.d a0, f1)
	TEST_FS_OFF(16, fmv.d.x f3, a0)
	TEST_FS_OFF(17, fld f3, 0(s2))
	TEST_FS_OFF(18, fsd f1, 0(s2))

	li gp, 19
	FS_ON
	EXPECT_NO_TRAP
	CHECK_D(f3, 0x4008000000000000)
	ld a0, 0(s2)
	CHECK_X(a0, 0x0123456789abcdef)
	csrr a0, fflags
	CHECK_X(a0, 0)
TEST_END

TRAP_SKIP_HANDLER

	.data
	.align 3
tdat:	.dword 0x0123456789abcdef
