/* Prints a line on the UART, then passes: checks console output. */
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
2:	li t0, 0x5555
	li a1, 0x100000
	sw t0, 0(a1)
3:	j 3b
msg:	.string "hello from the guest\n"
