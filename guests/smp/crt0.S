/* Start-up and trap entry for the multi-hart test guest.
 *
 * Every hart enters _start in M-mode with a0 = its hart id, a1 = the
 * address of the device tree, and the rest of the state at reset values. Each hart takes the stack slot of its id, so
 * no two harts ever share a stack. Hart 0 clears .bss (an emulator need
 * not hand us zeroed RAM) and then releases the others through a flag in
 * .data, which comes from the image and is therefore 0 before anyone runs.
 * Until the flag is set the other harts touch no memory but the flag, so
 * nothing they store can be wiped by the clearing.
 *
 * Hart ids at or above SMP_MAX_HARTS have no stack slot: they count
 * themselves in smp_extra_harts (also .data) and park with interrupts off,
 * which the C side reports as a failure. */

#define SMP_MAX_HARTS	8
#define SMP_STACK_SHIFT	14	/* 16 KiB per hart; must match link.ld */

	.section .text.init, "ax", @progbits
	.globl _start
_start:
	/* No interrupt sources until a test enables the one it needs. */
	csrw	mie, zero
	la	t0, trap_entry
	csrw	mtvec, t0

	/* gp must be loaded without relaxation, or the linker would turn
	 * this into an access relative to the (not yet set) gp itself. */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop

	li	t0, SMP_MAX_HARTS
	bgeu	a0, t0, extra_hart

	/* sp = top of slot a0: _stacks + (a0 + 1) * stack size. */
	la	sp, _stacks
	addi	t0, a0, 1
	slli	t0, t0, SMP_STACK_SHIFT
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
	la	t0, smp_bss_ready
	sw	t1, 0(t0)
	call	hart0_main	/* a1 = device tree; ends the run itself */
	j	park

secondary:
	la	t0, smp_bss_ready
3:	lw	t1, 0(t0)
	beqz	t1, 3b
	fence	r, rw
	call	secondary_main	/* a0 still holds the hart id */
	j	park

extra_hart:
	la	t0, smp_extra_harts
	li	t1, 1
	amoadd.w zero, t1, (t0)
park:
	csrw	mie, zero
4:	wfi
	j	4b

/* Trap entry: save the registers the C calling convention lets the handler
 * clobber, call smp_trap(mcause, mepc, mtval) on the interrupted stack, and
 * return. The guest uses no floating point (mstatus.FS stays Off, so any FP
 * instruction would trap and be reported), hence no FP state to save. */
	.align 2
trap_entry:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	call	smp_trap
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 128
	mret

	.data
	.align 2
	.globl smp_bss_ready, smp_extra_harts
smp_bss_ready:
	.word	0
smp_extra_harts:
	.word	0
