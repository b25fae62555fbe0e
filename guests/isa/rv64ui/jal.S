/* jal: rd = pc + 4, jump pc-relative (+-1 MiB). */
#include "test_macros.h"

TEST_START
	/* forward jump; link is the address of the next instruction */
	li gp, 2
	li ra, 0
	jal ra, 1f
2:	j fail
1:	la t0, 2b
	bne ra, t0, fail

	/* rd other than ra */
	li gp, 3
	jal a5, 1f
2:	j fail
1:	la t0, 2b
	bne a5, t0, fail

	/* backward jump */
	li gp, 4
	j 2f
1:	j 3f
2:	jal a5, 1b
	j fail
3:	la t0, 2b + 4
	bne a5, t0, fail

	/* jal x0 (j) does not link */
	li gp, 5
	j 1f
	j fail
1:
	/* jump to the next instruction (offset 4) */
	li gp, 6
	jal t1, 1f
1:	la t0, 1b
	bne t1, t0, fail

	/* the instructions between are skipped */
	li gp, 7
	li a0, 1
	jal x0, 1f
	li a0, 2
	li a0, 3
1:	li t0, 1
	bne a0, t0, fail

	/* largest forward offset (0xffffc: every offset bit set); the target */
	/* lies beyond TEST_END */
	li gp, 8
	jal a4, far_fwd
far_ret:
	/* largest backward offset (-0x100000: only the sign bit set) */
	li gp, 9
	la t0, far_back_from
	jr t0
far_back_target:
	la t0, far_back_from + 4
	bne a4, t0, fail
TEST_END

	.text
	.skip far_ret - 4 + 0xffffc - .
far_fwd:
	la t0, far_ret
	bne a4, t0, fail
	jr t0
	.skip far_back_target + 0x100000 - .
far_back_from:
	jal a4, far_back_target
	j fail
