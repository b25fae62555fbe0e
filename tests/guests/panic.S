/* Prints a kernel's panic line and spins without a finisher code: checks
 * that a guest failure without a code exits 1, not rewind's own 125. */
	.section .text.init
	.globl _start
_start:
	la a0, msg
	li a1, 0x10000000
1:	lbu t0, 0(a0)
	beqz t0, 2f
	sb t0, 0(a1)
	addi a0, a0, 1
	j 1b
2:	j 2b
msg:	.string "Kernel panic - not syncing: a test guest gives up\n"
