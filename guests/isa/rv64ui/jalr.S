/* jalr: target = (rs1 + imm) & ~1, rd = pc + 4 (rs1 is read before rd is written). */
#include "test_macros.h"

TEST_START
	/* plain indirect call; link = next instruction */
	li gp, 2
	la t0, 1f
	jalr ra, 0(t0)
2:	j fail
1:	la t1, 2b
	bne ra, t1, fail

	/* positive and negative immediates */
	li gp, 3
	la t0, 1f - 12
	jalr a5, 12(t0)
2:	j fail
1:	la t1, 2b
	bne a5, t1, fail

	li gp, 4
	la t0, 1f + 2048
	jalr a5, -2048(t0)
	j fail
1:
	li gp, 5
	la t0, 1f - 2047 + 1
	jalr a5, 2047(t0)       /* 1f + 1: bit 0 cleared */
	j fail
1:
	/* bit 0 of the target is cleared: from rs1 ... */
	li gp, 6
	la t0, 1f + 1
	jalr a5, 0(t0)
	j fail
1:
	/* ... and from the immediate */
	li gp, 7
	la t0, 1f
	jalr a5, 1(t0)
	j fail
1:
	li gp, 8
	la t0, 1f + 2
	jalr a5, -1(t0)         /* 1f + 1 -> 1f */
	j fail
1:
	/* rd == rs1: the target uses the old value, rd gets the link */
	li gp, 9
	la t0, 1f
	jalr t0, 0(t0)
2:	j fail
1:	la t1, 2b
	bne t0, t1, fail

	li gp, 10
	la t0, 1f - 8
	jalr t0, 8(t0)
2:	j fail
1:	la t1, 2b
	bne t0, t1, fail

	/* rd == x0 (jr / ret) does not link */
	li gp, 11
	la t0, 1f
	jalr x0, 0(t0)
	j fail
1:
	/* call and return through a subroutine */
	li gp, 12
	li a0, 0
	call sub_inc
	call sub_inc
	li t1, 2
	bne a0, t1, fail

	/* backward target */
	li gp, 13
	j 2f
1:	j 3f
2:	la t0, 1b
	jalr a5, 0(t0)
4:	j fail
3:	la t1, 4b
	bne a5, t1, fail
TEST_END

	.text
sub_inc:
	addi a0, a0, 1
	ret
