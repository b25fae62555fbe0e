/* Reports failure code 42 through the test finisher: checks that the guest's
 * exit status reaches the process exit status. */
	.section .text.init
	.globl _start
_start:
	li a0, (42 << 16) | 0x3333
	li a1, 0x100000
	sw a0, 0(a1)
1:	j 1b
