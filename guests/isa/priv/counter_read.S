# cycle, time and instret are readable in M and count up; mcycle and
# minstret are writable; time follows the CLINT mtime.
#include "test.h"
#include "priv_macros.h"

TEST_START
PRIV_INIT
	CHECK_NOTRAP(1, csrr a0, cycle; csrr a0, time; csrr a0, instret; csrr a0, mcycle; csrr a0, minstret)

	# instret strictly increases between two reads
	csrr a0, instret
	csrr a1, instret
	li gp, 2
	bgeu a0, a1, fail
	csrr a0, minstret
	nop
	nop
	csrr a1, minstret
	sub a1, a1, a0
	li gp, 3
	li t0, 3
	bltu a1, t0, fail		# at least the nops and one csrr retired

	# cycle does not go backwards and moves over a loop
	csrr a0, cycle
	li t0, 1000
1:	addi t0, t0, -1
	bnez t0, 1b
	csrr a1, cycle
	li gp, 4
	bgeu a0, a1, fail

	# cycle/instret are the same counters as mcycle/minstret
	csrr a0, mcycle
	csrr a1, cycle
	li gp, 5
	bltu a1, a0, fail
	csrr a0, minstret
	csrr a1, instret
	li gp, 6
	bgeu a0, a1, fail

	# time brackets mtime
	csrr a0, time
	li t0, CLINT_MTIME
	ld a1, 0(t0)
	csrr a2, time
	li gp, 7
	bltu a1, a0, fail
	bltu a2, a1, fail
	# and advances
	li t0, 1000
1:	addi t0, t0, -1
	bnez t0, 1b
	li t0, CLINT_MTIME
	ld a3, 0(t0)
	li gp, 8
	bgeu a1, a3, fail

	# writes to minstret / mcycle: counting resumes from the new value
	li t0, 1000000
	csrw minstret, t0
	csrr a0, minstret
	li gp, 9
	bltu a0, t0, fail
	li t1, 1000000 + 0x1000000
	bgeu a0, t1, fail
	csrr a1, instret
	li gp, 10
	bltu a1, t0, fail
	li t0, 1 << 40
	csrw mcycle, t0
	csrr a0, mcycle
	li gp, 11
	bltu a0, t0, fail
	li t1, (1 << 40) + 0x1000000
	bgeu a0, t1, fail
	csrr a1, cycle
	li gp, 12
	bltu a1, t0, fail
	csrw minstret, zero
	csrr a0, minstret
	li gp, 13
	li t1, 0x1000000
	bgeu a0, t1, fail
TEST_END
