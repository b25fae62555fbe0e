/* c.jr: jump to rs1 (bit 0 cleared), no link. */
#include "test_macros.h"
.option rvc

TEST_START
	li gp, 2
	li ra, 0x77
	la a0, 1f
	c.jr a0
	j fail
1:	CHECK_X(ra, 0x77)

	/* any register, including ra (ret) and a high register */
	li gp, 3
	la t6, 1f
	c.jr t6
	j fail
1:	li gp, 4
	la ra, 1f
	c.jr ra
	j fail
1:
	/* bit 0 of the target is cleared */
	li gp, 5
	la s5, 1f + 1
	c.jr s5
	j fail
1:
	/* backwards */
	li gp, 6
	j 2f
1:	j 3f
2:	la a1, 1b
	c.jr a1
	j fail
3:
TEST_END
