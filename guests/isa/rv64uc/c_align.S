/* With C, instructions are 2-byte aligned: 32-bit instructions at
 * addresses = 2 mod 4 are fetched and executed normally, reached by every
 * kind of jump and by falling through; and a 32-bit instruction may
 * straddle a page boundary. */
#include "test_macros.h"
.option rvc

/* a 32-bit instruction, never compressed */
#define I32(insn...) .option push; .option norvc; insn; .option pop

TEST_START
	/* fall through into a misaligned 32-bit instruction */
	li gp, 2
	li a0, 0
	.align 2
	c.nop
1:	I32(addi a0, a0, 1)
	I32(addi a0, a0, 2)
	la t0, 1b
	andi t0, t0, 3
	CHECK_X(t0, 2)
	CHECK_X(a0, 3)

	/* jal / jalr / branch / c.j / c.jr / c.jalr to target4 (= 2 mod 4) */
	li gp, 3
	li a0, 0
	I32(jal ra, target4)
	CHECK_X(a0, 1)
	li gp, 4
	la t1, target4
	andi t0, t1, 3
	CHECK_X(t0, 2)
	I32(jalr ra, 0(t1))
	CHECK_X(a0, 2)
	li gp, 5
	la ra, 1f
	I32(beq x0, x0, target4)
1:	CHECK_X(a0, 3)
	li gp, 6
	la ra, 1f
	c.j target4
1:	CHECK_X(a0, 4)
	li gp, 7
	la ra, 1f
	c.jr t1
1:	CHECK_X(a0, 5)
	li gp, 8
	c.jalr t1
	CHECK_X(a0, 6)

	/* the link of a 32-bit jal at a misaligned address is pc + 4 */
	li gp, 9
	.align 2
	c.nop
2:	I32(jal ra, 1f)
	j fail
1:	la t0, 2b + 4
	bne ra, t0, fail

	/* a 32-bit instruction straddling a page boundary */
	li gp, 10
	li a0, 0
	la t1, straddle
	li t0, 0xffe
	and t0, t1, t0
	li t2, 0xffe
	bne t0, t2, fail
	jalr ra, 0(t1)
	CHECK_X(a0, 0x123)
	/* ... and reached by falling through a compressed instruction */
	li gp, 11
	li a0, 0
	la t1, straddle - 2
	jalr ra, 0(t1)
	CHECK_X(a0, 0x124)
TEST_END

	.text
	.align 2
	c.nop
target4:
	I32(addi a0, a0, 1)
	I32(jalr x0, 0(ra))

	.balign 4096
	.skip 4096 - 4
	c.addi a0, 1                    /* straddle - 2 */
straddle:
	I32(addi a0, a0, 0x123)        /* bytes 0xffe..0x1001 of the page pair */
	c.jr ra
