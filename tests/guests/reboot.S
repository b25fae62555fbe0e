/* Reboot: the first boot sets the RTC near zero and asks the finisher for
 * a reboot (0x7777). A reboot zeroes RAM but keeps the battery-backed RTC
 * running, so the second boot sees a time under an hour and passes. A
 * machine that does not reboot, or loses the RTC, fails or loops forever
 * (the test's timeout catches that). */
	.section .text.init
	.globl _start
_start:
	li t0, 0x101000		/* Goldfish RTC */
	lw t1, 0(t0)		/* TIME_LOW latches TIME_HIGH */
	lw t2, 4(t0)		/* TIME_HIGH */
	slli t2, t2, 32
	slli t1, t1, 32
	srli t1, t1, 32
	or t1, t1, t2		/* ns since the epoch */
	li t3, 3600000000000	/* one hour in ns */
	bltu t1, t3, second_boot
	sw zero, 4(t0)		/* time = 0 */
	sw zero, 0(t0)
	li t4, 0x80100000	/* outside the image: only a reboot zeroes it */
	li t5, 1
	sd t5, 0(t4)
	li t0, 0x7777		/* reboot */
	li t1, 0x100000
	sw t0, 0(t1)
1:	j 1b
second_boot:
	li t4, 0x80100000
	ld t5, 0(t4)
	bnez t5, fail		/* memory survived the reboot: wrong */
	li t0, 0x5555
	li t1, 0x100000
	sw t0, 0(t1)
1:	j 1b
fail:
	li t0, (3 << 16) | 0x3333
	li t1, 0x100000
	sw t0, 0(t1)
1:	j 1b
