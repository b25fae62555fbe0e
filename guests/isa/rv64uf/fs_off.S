/* With mstatus.FS = Off, every F instruction and every access to fcsr,
 * frm and fflags raises illegal instruction, and changes nothing. */
#include "test_macros.h"

#define FS_OFF li t0, 3 << 13; csrc mstatus, t0
#define FS_ON  li t0, 1 << 13; csrs mstatus, t0

#define TEST_FS_OFF(n, insn...)                                       \
	li gp, n; RESET_TRAPS; li a0, 0x55;                           \
	insn;                                                         \
	EXPECT_TRAP(2); CHECK_X(a0, 0x55)

TEST_START
	/* FS is Off at reset: the very first FP access traps */
	INSTALL_SKIP_HANDLER
	TEST_FS_OFF(2, csrr a0, fflags)

	/* known state, then switch FS off */
	FP_ENABLE
	LOAD_S(f1, S_ONE)
	LOAD_S(f2, S_TWO)
	LOAD_S(f3, 0x40400000)          /* 3.0 */
	li t0, 0x21                     /* frm = rtz, fflags = NX */
	csrw fcsr, t0
	la s2, tdat
	FS_OFF

	TEST_FS_OFF( 3, fadd.s f3, f1, f2)
	TEST_FS_OFF( 4, fmul.s f3, f1, f2, rtz)
	TEST_FS_OFF( 5, fsqrt.s f3, f1)
	TEST_FS_OFF( 6, fmadd.s f3, f1, f2, f1)
	TEST_FS_OFF( 7, fsgnj.s f3, f1, f2)
	TEST_FS_OFF( 8, fmin.s f3, f1, f2)
	TEST_FS_OFF( 9, feq.s a0, f1, f2)
	TEST_FS_OFF(10, flt.s a0, f1, f2)
	TEST_FS_OFF(11, fclass.s a0, f1)
	TEST_FS_OFF(12, fcvt.w.s a0, f1)
	TEST_FS_OFF(13, fcvt.s.w f3, a0)
	TEST_FS_OFF(14, fmv.x.w a0, f1)
	TEST_FS_OFF(15, fmv.w.x f3, a0)
	TEST_FS_OFF(16, flw f3, 0(s2))
	TEST_FS_OFF(17, fsw f1, 0(s2))
	/* the FP CSRs */
	TEST_FS_OFF(18, csrr a0, fcsr)
	TEST_FS_OFF(19, csrr a0, frm)
	TEST_FS_OFF(20, csrr a0, fflags)
	TEST_FS_OFF(21, csrw fcsr, x0)
	TEST_FS_OFF(22, csrwi fflags, 0)
	TEST_FS_OFF(23, fsrmi 0)
	TEST_FS_OFF(24, csrrs a0, fflags, x0)

	/* nothing changed: registers, CSR fields and memory */
	li gp, 25
	FS_ON
	EXPECT_NO_TRAP
	CHECK_S(f3, 0x40400000)
	csrr a0, fcsr
	CHECK_X(a0, 0x21)
	lwu a0, 0(s2)
	CHECK_X(a0, 0xdeadbeef)

	/* FS = Initial or Clean also allows FP instructions */
	li gp, 26
	li t0, 3 << 13
	csrc mstatus, t0
	li t0, 2 << 13                  /* Clean */
	csrs mstatus, t0
	fadd.s f3, f1, f2
	CHECK_S(f3, 0x40400000)
	EXPECT_NO_TRAP
TEST_END

TRAP_SKIP_HANDLER

	.data
	.align 3
tdat:	.word 0xdeadbeef, 0
