/* A long recording with a breakpoint target hit once near its start:
 * `once` (on a page of its own) runs once, then the guest spins until
 * --limit ends the recording. bench/workloads/60-skip.sh times a reverse
 * search from the end back to `once`, which skips every interval where
 * that page ran no code. */
	.section .text.init
	.globl _start
_start:
	call once
1:	addi t0, t0, 1
	j 1b

	.p2align 12
	.globl once
once:
	addi t1, t1, 1
	ret
