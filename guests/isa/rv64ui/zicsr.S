/* Zicsr: csrrw/csrrs/csrrc and the immediate forms, on mscratch (a plain
 * read/write 64-bit register). rd always gets the old value. */
#include "test_macros.h"

TEST_START
	INSTALL_SKIP_HANDLER

	/* csrrw: swap */
	li gp, 2
	li a1, 0x0123456789abcdef
	csrw mscratch, a1                  /* csrrw x0 */
	li a2, 0xfedcba9876543210
	csrrw a0, mscratch, a2
	bne a0, a1, fail
	csrr a0, mscratch                  /* csrrs rd, csr, x0 */
	bne a0, a2, fail

	/* rd == rs1: old value out, new value in */
	li gp, 3
	li a0, 0x55
	csrrw a0, mscratch, a0
	bne a0, a2, fail
	csrr a0, mscratch
	CHECK_X(a0, 0x55)

	/* csrrs: set bits */
	li gp, 4
	li a1, 0xf000000000000f00
	csrrs a0, mscratch, a1
	CHECK_X(a0, 0x55)
	csrr a0, mscratch
	CHECK_X(a0, 0xf000000000000f55)

	/* csrrc: clear bits */
	li gp, 5
	li a1, 0x7000000000000f05
	csrrc a0, mscratch, a1
	CHECK_X(a0, 0xf000000000000f55)
	csrr a0, mscratch
	CHECK_X(a0, 0x8000000000000050)

	/* csrrs/csrrc with rs1 = x0 only read */
	li gp, 6
	csrrs a0, mscratch, x0
	CHECK_X(a0, 0x8000000000000050)
	csrrc a0, mscratch, x0
	CHECK_X(a0, 0x8000000000000050)
	csrr a0, mscratch
	CHECK_X(a0, 0x8000000000000050)

	/* csrrs/csrrc with a zero-valued register change nothing */
	li gp, 7
	li a1, 0
	csrrs a0, mscratch, a1
	csrrc a0, mscratch, a1
	csrr a0, mscratch
	CHECK_X(a0, 0x8000000000000050)

	/* immediate forms: uimm is 5 bits, zero-extended */
	li gp, 8
	csrrwi a0, mscratch, 31
	CHECK_X(a0, 0x8000000000000050)
	csrr a0, mscratch
	CHECK_X(a0, 31)                    /* not sign-extended */
	li gp, 9
	csrrci a0, mscratch, 0x15
	CHECK_X(a0, 31)
	csrr a0, mscratch
	CHECK_X(a0, 0x0a)
	li gp, 10
	csrrsi a0, mscratch, 0x11
	CHECK_X(a0, 0x0a)
	csrr a0, mscratch
	CHECK_X(a0, 0x1b)
	li gp, 11
	csrrsi a0, mscratch, 0             /* uimm 0: no write */
	CHECK_X(a0, 0x1b)
	csrrci a0, mscratch, 0
	CHECK_X(a0, 0x1b)
	csrrwi a0, mscratch, 0             /* csrrwi always writes */
	CHECK_X(a0, 0x1b)
	csrr a0, mscratch
	CHECK_X(a0, 0)

	/* pseudo-instructions csrs/csrc/csrsi/csrci/csrwi (rd = x0) */
	li gp, 12
	li a1, 0x300
	csrs mscratch, a1
	csrsi mscratch, 0x3
	csrc mscratch, a1
	csrci mscratch, 0x1
	csrwi mscratch, 0                  /* leaves 0 */
	csrsi mscratch, 4
	csrr a0, mscratch
	CHECK_X(a0, 4)

	/* rd == x0 with rs1 != x0 still writes */
	li gp, 13
	li a1, -1
	csrrs x0, mscratch, a1
	csrr a0, mscratch
	CHECK_X(a0, -1)

	/* read-only CSR (mhartid): reads with csrrs/csrrc rs1 = x0 and with
	   csrrsi/csrrci uimm = 0 must not trap, as they do not write */
	li gp, 14
	RESET_TRAPS
	csrrs a0, mhartid, x0
	csrrc a0, mhartid, x0
	csrrsi a0, mhartid, 0
	csrrci a0, mhartid, 0
	EXPECT_NO_TRAP
	/* ... but any write attempt does: csrrw, even with rd = x0 or a
	   zero-valued source, and csrrs/csrrc with a nonzero mask */
	li gp, 15
	li a1, 0
	csrrw a0, mhartid, a1
	EXPECT_TRAP(2)
	li gp, 16
	csrrw x0, mhartid, x0
	EXPECT_TRAP(2)
	li gp, 17
	csrrwi a0, mhartid, 0
	EXPECT_TRAP(2)
	li gp, 18
	li a1, 1
	csrrs a0, mhartid, a1
	EXPECT_TRAP(2)
	li gp, 19
	csrrci a0, mhartid, 1
	EXPECT_TRAP(2)
	/* a trapping CSR instruction leaves rd unchanged */
	li gp, 20
	li a0, 0x77
	li a1, 1
	csrrw a0, mhartid, a1
	EXPECT_TRAP(2)
	CHECK_X(a0, 0x77)
TEST_END

TRAP_SKIP_HANDLER
