/* Trace guest: a short, fixed instruction sequence whose trace the tests
 * in tests/trace check line by line (mnemonics and pcs against objdump,
 * register values against the comments here).
 *
 * Two harts enter _start in M-mode with a0 = hart id. Hart 0 computes a
 * few values, stores and loads one back, then waits for hart 1's flag and
 * ends the run through the test finisher with a pass. Hart 1 sets the flag
 * and parks. Hart 0 runs first, so under the default schedule it spins on
 * the flag until its quantum ends, hart 1 runs, and hart 0 finishes. (Its
 * loop counts, so that the scheduler does not take it for a loop that
 * only waits and end the turn early: core/waitloop.h.)
 *
 * Run: build/rewind run --bios none --smp 2 --kernel build/guests/trace.elf
 */
	.section .text.init, "ax", @progbits
	.globl _start
_start:
	bnez	a0, hart1
	.globl compute
compute:
	li	a1, 5			/* a1 = 0x5 */
	li	a2, 37			/* a2 = 0x25 */
	add	a3, a1, a2		/* a3 = 0x2a */
	c.addi	a3, 1			/* compressed: a3 = 0x2b */
	slli	a4, a3, 4		/* a4 = 0x2b0 */
	la	t0, slot		/* t0 = &slot */
	sd	a4, 0(t0)		/* slot = 0x2b0; writes no register */
	ld	a5, 0(t0)		/* a5 = 0x2b0 */
	bne	a5, a4, fail		/* not taken */
	.globl wait
wait:
	la	t0, flag
1:	lw	t1, 0(t0)
	addi	t2, t2, 1		/* counts the turns round: a loop that
					   carries a register is not a wait
					   loop, so the hart keeps its turn */
	beqz	t1, 1b
	.globl finish
finish:
	li	t2, 0x5555		/* finisher: pass */
	li	t3, 0x100000		/* the test finisher */
	sw	t2, 0(t3)		/* ends the run */
2:	j	2b

	.globl hart1
hart1:
	li	a6, 7			/* a6 = 0x7 */
	la	t0, flag
	sw	a6, 0(t0)		/* flag = 7: hart 0 may finish */
	csrw	mie, zero
3:	wfi
	j	3b

fail:
	li	t2, 0x13333		/* finisher: fail with code 1 */
	li	t3, 0x100000
	sw	t2, 0(t3)
4:	j	4b

	.data
	.align 3
slot:	.dword	0
flag:	.word	0
