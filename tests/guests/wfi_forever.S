/* Waits for an interrupt that nothing will ever raise: the machine must say
 * so and exit, not hang. */
	.section .text.init
	.globl _start
_start:
	csrw mie, zero
1:	wfi
	j 1b
