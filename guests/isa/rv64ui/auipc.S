/* auipc: rd = pc + (imm20 << 12, sign-extended). The pc is taken from a jal link. */
#include "test_macros.h"

TEST_START
	/* offset 0: rd = address of the auipc itself */
	li gp, 2
	jal a1, 1f
1:	auipc a0, 0
	bne a0, a1, fail

	/* positive offset */
	li gp, 3
	jal a1, 1f
1:	auipc a0, 0x1
	li t0, 0x1000; add a1, a1, t0
	bne a0, a1, fail

	li gp, 4
	jal a1, 1f
1:	auipc a0, 0x7ffff
	li t0, 0x7ffff000; add a1, a1, t0
	bne a0, a1, fail

	/* negative offsets: the immediate is sign-extended to 64 bits */
	li gp, 5
	jal a1, 1f
1:	auipc a0, 0xfffff
	li t0, -0x1000; add a1, a1, t0
	bne a0, a1, fail

	li gp, 6
	jal a1, 1f
1:	auipc a0, 0x80000
	li t0, 0xffffffff80000000; add a1, a1, t0
	bne a0, a1, fail

	/* auipc + addi pair reaching a label */
	li gp, 7
1:	auipc a0, %pcrel_hi(2f)
	addi a0, a0, %pcrel_lo(1b)
	jal a1, 2f
2:	bne a0, a1, fail
	/* auipc into x0 is discarded */
	TEST_CASE(8, x0, 0, auipc x0, 0x12345)
TEST_END
