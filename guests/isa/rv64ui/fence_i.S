/* fence.i: after stores to instruction memory, fence.i makes later
 * instruction fetches see them. Each case patches code that has already
 * run (so a decoded copy may be cached) and runs it again. */
#include "test_macros.h"

#define ADDI_A0(v) (0x00000513 | ((v) << 20))   /* addi a0, x0, v */

TEST_START
	/* patch an instruction in a subroutine */
	li gp, 2
	call patch_me
	li t0, 1
	bne a0, t0, fail
	la a1, patch_me
	li a2, ADDI_A0(2)
	sw a2, 0(a1)
	fence.i
	call patch_me
	li t0, 2
	bne a0, t0, fail

	/* patch it back: the cache must be invalidated every time */
	li gp, 3
	li a2, ADDI_A0(3)
	sw a2, 0(a1)
	fence.i
	call patch_me
	li t0, 3
	bne a0, t0, fail

	/* patch with two halfword stores */
	li gp, 4
	li a2, ADDI_A0(4) & 0xffff
	sh a2, 0(a1)
	li a2, ADDI_A0(4) >> 16
	sh a2, 2(a1)
	fence.i
	call patch_me
	li t0, 4
	bne a0, t0, fail

	/* patch the instruction right after the fence.i, in a loop:
	   the first pass sees 5, the second (after patching) 6 */
	li gp, 5
	li s2, 0                /* pass counter */
	li s3, 0                /* sum of a0 over the passes */
	la a1, 1f
	li a2, ADDI_A0(6)
2:	beqz s2, 3f
	sw a2, 0(a1)
3:	fence.i
1:	addi a0, x0, 5          /* patched to addi a0, x0, 6 */
	add s3, s3, a0
	addi s2, s2, 1
	li t0, 2
	bne s2, t0, 2b
	li t0, 11
	bne s3, t0, fail

	/* code written entirely at run time into data memory */
	li gp, 6
	la a1, code_buf
	li a2, ADDI_A0(7)
	sw a2, 0(a1)
	li a2, 0x00008067       /* ret */
	sw a2, 4(a1)
	fence.i
	jalr ra, 0(a1)
	li t0, 7
	bne a0, t0, fail
	/* ... and rewritten */
	li gp, 7
	li a2, ADDI_A0(-8)
	sw a2, 0(a1)
	fence.i
	jalr ra, 0(a1)
	li t0, -8
	bne a0, t0, fail
TEST_END

	.text
	.align 2
patch_me:
	addi a0, x0, 1
	ret

	.data
	.align 3
code_buf:
	.fill 4, 4, 0
