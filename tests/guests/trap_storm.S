/* Points mtvec at unmapped memory and faults: every trap faults again
 * without retiring anything. The machine must report it, not hang. */
	.section .text.init
	.globl _start
_start:
	li t0, 0x40000000
	csrw mtvec, t0
	jr t0
