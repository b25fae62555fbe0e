/* Start-up for the race guest.
 *
 * Every hart enters _start in M-mode with a0 = its hart id. Each hart
 * takes the stack slot of its id. Hart 0 clears .bss (an emulator need not
 * hand us zeroed RAM) and then releases the others through a flag in
 * .data, which comes from the image and is therefore 0 before anyone runs;
 * until then the others touch no memory but the flag. Harts with an id
 * at or above RACE_MAX_HARTS have no stack slot and park at once.
 *
 * This path is short on purpose: hart 0 reaches its increment loop within
 * a few dozen instructions, which keeps the whole loop inside the first
 * scheduling quantum (see race.c). */

#define RACE_MAX_HARTS	 8
#define RACE_STACK_SHIFT 12	/* 4 KiB per hart; must match link.ld */

	.section .text.init, "ax", @progbits
	.globl _start
_start:
	csrw	mie, zero
	la	t0, trap_entry
	csrw	mtvec, t0

	/* gp must be loaded without relaxation, or the linker would turn
	 * this into an access relative to the (not yet set) gp itself. */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop

	li	t0, RACE_MAX_HARTS
	bgeu	a0, t0, park

	/* sp = top of slot a0: _stacks + (a0 + 1) * stack size. */
	la	sp, _stacks
	addi	t0, a0, 1
	slli	t0, t0, RACE_STACK_SHIFT
	add	sp, sp, t0

	bnez	a0, secondary

	/* Hart 0: zero .bss; the linker script keeps both ends aligned. */
	la	t0, _bss_start
	la	t1, _bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* Publish the cleared .bss before the release flag. */
	fence	rw, w
	li	t1, 1
	la	t0, race_bss_ready
	sw	t1, 0(t0)
	call	hart0_main	/* ends the run itself */
	j	park

secondary:
	la	t0, race_bss_ready
3:	lw	t1, 0(t0)
	beqz	t1, 3b
	fence	r, rw
	call	secondary_main	/* a0 still holds the hart id */
park:
	csrw	mie, zero
4:	wfi
	j	4b

/* The guest takes no interrupts, so any trap is an exception: hand it to
 * race_trap(mcause, mepc, mtval), which reports it and ends the run. It
 * never returns, so nothing needs saving. */
	.align 2
trap_entry:
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	j	race_trap

	.data
	.align 2
	.globl race_bss_ready
race_bss_ready:
	.word	0
