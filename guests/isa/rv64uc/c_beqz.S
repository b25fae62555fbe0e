/* c.beqz: branch if rs1' == 0, offset -256..254. */
#include "test_macros.h"
.option rvc

#define J32(l) .option push; .option norvc; j l; .option pop

#define TAKEN(n, val)                                                 \
	li gp, n; li a0, val; c.beqz a0, 2f; j fail;                  \
1:	j 3f;                                                         \
2:	c.beqz a0, 1b; j fail;                                        \
3:
#define NOT_TAKEN(n, val)                                             \
	li gp, n; li a0, val; c.beqz a0, 1f; j 2f;                    \
1:	j fail;                                                       \
2:	c.beqz a0, 1b

TEST_START
	TAKEN(2, 0)
	NOT_TAKEN(3, 1)
	NOT_TAKEN(4, -1)
	NOT_TAKEN(5, 0x8000000000000000)   /* all 64 bits are compared */
	NOT_TAKEN(6, 0x100000000)
	/* other registers of the x8..x15 set */
	li gp, 7
	li s0, 0
	c.beqz s0, 1f
	j fail
1:	li a5, 0
	c.beqz a5, 1f
	j fail
1:
	/* offsets +254 and -256 (the 32-bit jumps have a fixed size) */
	li gp, 8
	li s1, 0
	c.beqz s1, 1f
	.fill 126, 2, 0
1:	J32(2f)
3:	J32(4f)
	.fill 126, 2, 0
2:	c.beqz s1, 3b
	j fail
4:
TEST_END
