/* Spins forever: only --limit (or a signal) ends it. */
	.section .text.init
	.globl _start
_start:
1:	addi t0, t0, 1
	j 1b
