/* A bare-metal guest for the snapshot tests: fills a 512 KiB buffer, then
 * stores pseudo-random values into a 16 KiB window that moves through it
 * every 16384 stores (so a later snapshot differs from an earlier one in
 * a few pages only), now and then clears a whole page (so that pages go
 * back to zero), prints a dot every 16384 stores, and passes through the
 * test finisher. Everything it does is a function of its
 * instruction count, so two runs to the same icount hold the same
 * machine. ITERS (from the command line) sets how long it runs. */
#ifndef ITERS
#define ITERS 400000
#endif
	.section .text.init
	.globl _start
_start:
	li s0, 0x80100000	/* the buffer */
	li s1, 0		/* stores so far */
	li s2, 12345		/* LCG state */
	li s3, ITERS
	li s4, 6364136223846793005
	li s5, 1442695040888963407
	li s6, 0x3ff8		/* 16 KiB, 8-byte aligned */
	li s7, 0x10000000	/* UART */
	mv t0, s0
	li t1, 0x80000
0:	sd t1, 0(t0)
	addi t0, t0, 8
	addi t1, t1, -8
	bnez t1, 0b
loop:
	mul s2, s2, s4
	add s2, s2, s5
	srli t2, s2, 40
	and t2, t2, s6
	srli t3, s1, 14		/* the window: (stores / 16384) % 32 */
	andi t3, t3, 31
	slli t3, t3, 14
	add t2, t2, t3
	add t2, t2, s0
	sd s2, 0(t2)
	addi s1, s1, 1
	li t0, 0xffff
	and t4, s1, t0
	bnez t4, 2f
	/* Every 65536 stores, clear page (stores >> 16) % 128. */
	srli t0, s1, 16
	andi t0, t0, 127
	slli t0, t0, 12
	add t0, t0, s0
	li t1, 4096
1:	sd zero, 0(t0)
	addi t0, t0, 8
	addi t1, t1, -8
	bnez t1, 1b
2:	li t0, 0x3fff
	and t4, s1, t0
	bnez t4, 3f
	li t5, '.'
	sb t5, 0(s7)
	/* A line every 64 dots, so that a terminal sees progress. */
	li t0, 0xfffff
	and t4, s1, t0
	bnez t4, 3f
	li t5, '\n'
	sb t5, 0(s7)
3:	blt s1, s3, loop
	li t5, '\n'
	sb t5, 0(s7)
	li t0, 0x100000
	li t1, 0x5555
	sw t1, 0(t0)
4:	j 4b
