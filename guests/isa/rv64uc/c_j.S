/* c.j: pc-relative jump, offset -2048..2046, no link. Skipped halfwords
 * are 0x0000 (illegal), so a wrong target fails. */
#include "test_macros.h"
.option rvc

#define J32(l) .option push; .option norvc; j l; .option pop

TEST_START
	li gp, 2
	li ra, 0x77
	c.j 1f
	c.j fail_near
1:	CHECK_X(ra, 0x77)               /* no link */

	/* backwards */
	li gp, 3
	c.j 2f
1:	c.j 3f
2:	c.j 1b
	c.j fail_near
3:
	/* largest forward offset: +2046 */
	li gp, 4
	c.j 1f
	.fill 1022, 2, 0
1:
	/* largest backward offset: -2048 (the 32-bit jumps have a fixed size) */
	li gp, 5
	J32(2f)
1:	J32(3f)
	.fill 1022, 2, 0
2:	c.j 1b
	j fail
3:
	j 1f
fail_near:
	j fail
1:
TEST_END
