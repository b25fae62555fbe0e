/* Echoes console input: polls the UART for received bytes and writes each
 * back; a newline ends the run with a pass through the test finisher.
 * Two recordings given different lines part where the first differing
 * byte is delivered. */
	.section .text.init
	.globl _start
_start:
	csrr t0, mhartid
	bnez t0, park
	li t0, 0x10000000 /* UART 16550 */
1:	lbu t1, 5(t0) /* LSR */
	andi t1, t1, 1 /* data ready */
	beqz t1, 1b
	lbu t2, 0(t0) /* RBR */
	sb t2, 0(t0) /* THR */
	li t3, 10
	bne t2, t3, 1b
	li t0, 0x100000 /* finisher */
	li t1, 0x5555 /* pass */
	sw t1, 0(t0)
park:	wfi
	j park
