/* c.jalr: jump to rs1 (bit 0 cleared) and link ra = pc + 2 (the compressed
 * instruction's length). */
#include "test_macros.h"
.option rvc

TEST_START
	li gp, 2
	la a0, 1f
2:	c.jalr a0
	j fail
1:	la t0, 2b + 2
	bne ra, t0, fail

	/* rs1 == ra: the old ra is the target */
	li gp, 3
	la ra, 1f
2:	c.jalr ra
	j fail
1:	la t0, 2b + 2
	bne ra, t0, fail

	/* bit 0 cleared */
	li gp, 4
	la t5, 1f + 1
2:	c.jalr t5
	j fail
1:	la t0, 2b + 2
	bne ra, t0, fail

	/* call and return with compressed instructions */
	li gp, 5
	li a0, 0
	la a1, sub_inc
	c.jalr a1
	c.jalr a1
	c.jalr a1
	CHECK_X(a0, 3)
TEST_END

	.text
sub_inc:
	c.addi a0, 1
	c.jr ra
