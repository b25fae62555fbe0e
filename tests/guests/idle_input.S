/* Waits in WFI for a machine timer 1000 s of virtual time away or for
 * console input, whichever comes first: prints "waiting", then echoes
 * every byte received (UART receive interrupt through the PLIC) and
 * passes at the end of a line; the timer prints "tick" and fails with
 * code 3. At a terminal the wait is paced against the wall, so a line
 * typed after a second arrives long before the timer. */
	.section .text.init
	.globl _start
_start:
	la t0, trap
	csrw mtvec, t0
	la a0, waiting
	jal print
	li t0, 0x0c000000 /* PLIC: source 10 (the UART) at priority 1 */
	li t1, 1
	sw t1, 40(t0)
	li t0, 0x0c002000 /* enable it for context 0 (hart 0, M-mode) */
	li t1, 1 << 10
	sw t1, 0(t0)
	li t0, 0x0c200000 /* context 0's threshold: 0 */
	sw zero, 0(t0)
	li t0, 0x10000000
	li t1, 1
	sb t1, 1(t0) /* IER: receive data available */
	li t0, 0x0200bff8 /* CLINT mtime */
	ld t1, 0(t0)
	li t2, 10000000000 /* 1000 s at the 10 MHz timebase */
	add t1, t1, t2
	li t0, 0x02004000 /* CLINT mtimecmp of hart 0 */
	sd t1, 0(t0)
	li t0, 0x880 /* MEIE | MTIE */
	csrw mie, t0
	csrsi mstatus, 8 /* MIE */
1:	wfi
	j 1b

	.balign 4 /* mtvec ignores the low two bits */
trap:
	csrr t0, mcause
	bgez t0, fail /* an exception: nothing here raises one */
	slli t0, t0, 1
	srli t0, t0, 1
	li t1, 7
	beq t0, t1, timer
	li t0, 0x0c200004 /* claim */
	lw t3, 0(t0)
	li t1, 0x10000000
2:	lbu t2, 5(t1) /* LSR: data ready? */
	andi t2, t2, 1
	beqz t2, 3f
	lbu t2, 0(t1) /* RBR */
	sb t2, 0(t1) /* THR: echo */
	li t4, 10
	beq t2, t4, pass
	li t4, 13
	beq t2, t4, pass
	j 2b
3:	sw t3, 0(t0) /* complete */
	mret

timer:
	la a0, tick
	jal print
fail:
	li t0, 0x33333 /* fail (0x3333), code 3 */
	li a1, 0x100000
	sw t0, 0(a1)
4:	j 4b

pass:
	li t0, 0x5555
	li a1, 0x100000
	sw t0, 0(a1)
5:	j 5b

/* print: the string at a0 to the UART. */
print:
	li a1, 0x10000000
6:	lbu t0, 0(a0)
	beqz t0, 7f
	sb t0, 0(a1)
	addi a0, a0, 1
	j 6b
7:	ret

waiting: .string "waiting\n"
tick:	.string "tick\n"
