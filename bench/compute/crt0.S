/* Start-up code for the compute benchmark guest.
 *
 * Entered in M-mode at 0x80000000 with every other state at reset values.
 * Sets up the stack, the global pointer and the FPU, clears .bss (an
 * emulator is not required to hand us zeroed RAM), calls main and reports
 * main's result through the test finisher:
 *   main returns 0  -> writes 0x5555              (pass, exit status 0)
 *   main returns n  -> writes (n << 16) | 0x3333  (fail, exit status n)
 * Any trap is unexpected (the program uses no interrupts or ecalls) and
 * fails with code 0x100 + mcause, so the cause can be read off the status. */

#define FINISHER 0x100000

	.section .text.init, "ax", @progbits
	.globl _start
_start:
	/* Only hart 0 runs the benchmark; any other hart parks for good. */
	csrr	t0, mhartid
	bnez	t0, park

	la	t0, trap
	csrw	mtvec, t0

	/* gp must be loaded without relaxation, or the linker would turn
	 * this into an access relative to the (not yet set) gp itself. */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop

	la	sp, _stack_top

	/* mstatus.FS is Off at reset, which makes every FP instruction
	 * (and fcsr access) illegal; set it to Initial. */
	li	t0, 1 << 13
	csrs	mstatus, t0
	csrwi	fcsr, 0			/* round to nearest, no flags */

	/* Zero .bss; the linker script keeps both ends 8-byte aligned. */
	la	t0, _bss_start
	la	t1, _bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	call	main

	li	t0, FINISHER
	bnez	a0, fail
	li	t1, 0x5555
	sw	t1, 0(t0)
	j	park

fail:
	slli	a0, a0, 16
	li	t1, 0x3333
	or	a0, a0, t1
	sw	a0, 0(t0)

	/* The finisher ends the run; loop in case the store is ignored. */
park:
	wfi
	j	park

	.align 2
trap:
	csrr	a0, mcause
	andi	a0, a0, 0xff
	addi	a0, a0, 0x100
	li	t0, FINISHER
	j	fail
