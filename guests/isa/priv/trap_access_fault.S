# Loads, stores, AMOs and fetches to physical addresses with nothing behind
# them raise access faults: load 5, store/AMO 7, fetch 1, with mtval = the
# address (mepc = the fetch target for fetch faults).
#include "test.h"
#include "priv_macros.h"

#define HOLE  0x200000		/* no device, no memory */
#define HOLE2 0x4000000

TEST_START
PRIV_INIT

	li a0, HOLE + 0x18
	CHECK_TRAP(1, CAUSE_LOAD_ACCESS, l1: ld t1, 0(a0))
	CHECK_LABEL(2, s10, l1)
	CHECK_REG(3, s11, HOLE + 0x18)
	CHECK_TRAP(4, CAUSE_LOAD_ACCESS, lbu t1, 3(a0))
	CHECK_REG(5, s11, HOLE + 0x1b)
	CHECK_TRAP(6, CAUSE_STORE_ACCESS, s1: sw zero, 4(a0))
	CHECK_LABEL(7, s10, s1)
	CHECK_REG(8, s11, HOLE + 0x1c)
	CHECK_TRAP(9, CAUSE_STORE_ACCESS, sb zero, -1(a0))
	CHECK_REG(10, s11, HOLE + 0x17)

	# address 0
	li a0, 0
	CHECK_TRAP(11, CAUSE_LOAD_ACCESS, lw t1, 0(a0))
	CHECK_TRAP(12, CAUSE_STORE_ACCESS, sd t1, 8(a0))
	CHECK_REG(13, s11, 8)

	# a load that faults does not write its destination
	li a0, HOLE2
	li t1, 0x77
	CHECK_TRAP(14, CAUSE_LOAD_ACCESS, lw t1, 0(a0))
	CHECK_REG(15, t1, 0x77)
	CHECK_REG(16, s11, HOLE2)

	# FP load/store
	li t0, MSTATUS_FS_INITIAL
	csrs mstatus, t0
	CHECK_TRAP(17, CAUSE_LOAD_ACCESS, fld f1, 0x10(a0))
	CHECK_REG(18, s11, HOLE2 + 0x10)
	CHECK_TRAP(19, CAUSE_STORE_ACCESS, fsw f1, 0x20(a0))
	CHECK_REG(20, s11, HOLE2 + 0x20)

	# LR: load access fault
	li a0, HOLE + 0x40
	CHECK_TRAP(24, CAUSE_LOAD_ACCESS, lr.d t1, (a0))
	CHECK_REG(25, s11, HOLE + 0x40)

	# fetch: mepc and mtval are the target
	li a0, HOLE + 0x100
	la s8, after_fetch
	CHECK_TRAP(26, CAUSE_FETCH_ACCESS, jalr ra, 0(a0))
after_fetch:
	CHECK_REG(27, s10, HOLE + 0x100)
	CHECK_REG(28, s11, HOLE + 0x100)

	# the same from U (PMP allows everything; the hole still faults)
	ENTER_U(in_u)
in_u:
	li a0, HOLE + 0x8
	CHECK_TRAP(29, CAUSE_LOAD_ACCESS, lw t1, 0(a0))
	CHECK_REG(30, s11, HOLE + 0x8)
	CHECK_REG(31, s7, 0x03)
	CHECK_TRAP(32, CAUSE_STORE_ACCESS, sh t1, 2(a0))
	CHECK_REG(33, s11, HOLE + 0xa)
	la s8, after_fetch_u
	CHECK_TRAP(34, CAUSE_FETCH_ACCESS, jr a0)
after_fetch_u:
	CHECK_REG(35, s11, HOLE + 0x8)
	GOTO_M(m1)
m1:
TEST_END
