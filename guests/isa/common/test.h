/* Harness for the ISA tests (assembly, included by every test .S).
 *
 * A test is entered in M-mode at _start with every other state at reset
 * values. It reports through the test finisher at 0x100000:
 *   PASS      -> writes 0x5555            (rewind exits 0)
 *   FAIL(n)   -> writes (n << 16) | 0x3333 (rewind exits n; n = failing case)
 * gp holds the number of the case being checked, so a failure names it.
 * An unexpected trap fails with code 0xfff (mtvec points at trap_unexpected
 * until a test installs its own handler). */
#ifndef REWIND_ISA_TEST_H
#define REWIND_ISA_TEST_H

#define FINISHER 0x100000

#define TEST_START                                  \
	.section .text.init;                        \
	.globl _start;                              \
	_start:                                     \
	la t0, trap_unexpected;                     \
	csrw mtvec, t0;                             \
	la sp, _stack_top;                          \
	li gp, 0;                                   \
	j test_body;                                \
	.align 2;                                   \
	trap_unexpected:                            \
	li a0, (0xfff << 16) | 0x3333;              \
	li a1, FINISHER;                            \
	sw a0, 0(a1);                               \
	1: j 1b;                                    \
	.text;                                      \
	test_body:

#define PASS                                        \
	li a0, 0x5555;                              \
	li a1, FINISHER;                            \
	sw a0, 0(a1);                               \
	1: j 1b;

/* Fail with the case number held in gp. The exit status has 8 bits, so
 * a case number that does not fit reports 255 rather than wrapping to a
 * pass. */
#define FAIL                                        \
	li a0, 255;                                 \
	bltu gp, a0, 2f;                            \
	mv gp, a0;                                  \
	2: slli a0, gp, 16;                         \
	li a1, 0x3333;                              \
	or a0, a0, a1;                              \
	li a1, FINISHER;                            \
	sw a0, 0(a1);                               \
	1: j 1b;

/* Check that register `reg` equals `val` after running `code`; case `n`. */
#define TEST_CASE(n, reg, val, code...)             \
	li gp, n;                                   \
	code;                                       \
	li t6, val;                                 \
	bne reg, t6, fail;

/* Every test ends with TEST_END: the pass path, the shared fail target,
 * and a 16 KiB stack. */
#define TEST_END                                    \
	PASS                                        \
	fail:                                       \
	FAIL                                        \
	.bss;                                       \
	.align 4;                                   \
	.space 16384;                               \
	_stack_top:;

#endif
