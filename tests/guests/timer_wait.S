/* Prints "waiting", then waits in WFI for a machine timer 1000 s of
 * virtual time away; when it fires, prints "tick" and passes. With no
 * one at a terminal the wait costs nothing and it passes at once; at a
 * terminal its time passes no faster than the wall's. */
	.section .text.init
	.globl _start
_start:
	la t0, trap
	csrw mtvec, t0
	la a0, waiting
	jal print
	li t0, 0x0200bff8 /* CLINT mtime */
	ld t1, 0(t0)
	li t2, 10000000000 /* 1000 s at the 10 MHz timebase */
	add t1, t1, t2
	li t0, 0x02004000 /* CLINT mtimecmp of hart 0 */
	sd t1, 0(t0)
	li t0, 0x80 /* MTIE */
	csrw mie, t0
	csrsi mstatus, 8 /* MIE */
1:	wfi
	j 1b

trap:
	la a0, tick
	jal print
	li t0, 0x5555
	li a1, 0x100000
	sw t0, 0(a1)
2:	j 2b

/* print: the string at a0 to the UART. */
print:
	li a1, 0x10000000
3:	lbu t0, 0(a0)
	beqz t0, 4f
	sb t0, 0(a1)
	addi a0, a0, 1
	j 3b
4:	ret

waiting: .string "waiting\n"
tick:	.string "tick\n"
