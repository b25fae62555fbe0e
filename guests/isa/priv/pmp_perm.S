# PMP R/W/X for S and U: a load without R -> 5, a store without W -> 7, a
# fetch without X -> 1 (mepc = mtval = the target).
#include "test.h"
#include "priv_macros.h"

#define PR  DATA_PAGE(0)	/* R   */
#define PRW DATA_PAGE(1)	/* RW  */
#define PX  DATA_PAGE(2)	/* X   */
#define PRX DATA_PAGE(3)	/* RX  */
#define PN  DATA_PAGE(4)	/* none */

TEST_START
PRIV_INIT
	COPY_CODE(snippet, PRW, 8)
	COPY_CODE(snippet, PX, 8)
	COPY_CODE(snippet, PRX, 8)
	COPY_CODE(snippet, PN, 8)
	STORE64(PR, 0x1234)
	PMP_OFF_ALL
	PMP_IMAGE_RWX
	PMP_ENTRY_0(0, NAPOT(PR, 0x1000), PMP_NAPOT | PMP_R)
	PMP_ENTRY_0(1, NAPOT(PRW, 0x1000), PMP_NAPOT | PMP_R | PMP_W)
	PMP_ENTRY_0(2, NAPOT(PX, 0x1000), PMP_NAPOT | PMP_X)
	PMP_ENTRY_0(3, NAPOT(PRX, 0x1000), PMP_NAPOT | PMP_R | PMP_X)
	PMP_ENTRY_0(4, NAPOT(PN, 0x1000), PMP_NAPOT)

	ENTER_U(u1)
u1:	# R
	li a0, PR
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0x1234)
	CHECK_TRAP(3, CAUSE_STORE_ACCESS, s1: sd a1, 8(a0))
	CHECK_REG(4, s11, PR + 8)
	CHECK_LABEL(5, s10, s1)
	CHECK_TRAP(6, CAUSE_STORE_ACCESS, amoadd.d a1, a1, (a0))
	la s8, f1
	CHECK_TRAP(7, CAUSE_FETCH_ACCESS, jalr a0)
f1:	CHECK_REG(8, s10, PR)
	CHECK_REG(9, s11, PR)
	# RW
	li a0, PRW
	CHECK_NOTRAP(10, sd a0, 16(a0); ld a1, 16(a0); amoadd.d a1, a1, (a0))
	la s8, f2
	CHECK_TRAP(11, CAUSE_FETCH_ACCESS, jalr a0)
f2:	CHECK_REG(12, s11, PRW)
	# X only: runs, but cannot be read or written
	li a0, PX
	li a1, 0
	CHECK_NOTRAP(13, jalr a0)
	CHECK_REG(14, a1, 42)
	CHECK_TRAP(15, CAUSE_LOAD_ACCESS, lw a1, 0(a0))
	CHECK_REG(16, s11, PX)
	CHECK_TRAP(17, CAUSE_STORE_ACCESS, sw a1, 0(a0))
	CHECK_TRAP(18, CAUSE_LOAD_ACCESS, lr.w a1, (a0))
	# RX
	li a0, PRX
	li a1, 0
	CHECK_NOTRAP(19, jalr a0; lw t1, 0(a0))
	CHECK_REG(20, a1, 42)
	CHECK_TRAP(21, CAUSE_STORE_ACCESS, sw a1, 4(a0))
	CHECK_REG(22, s11, PRX + 4)
	# none
	li a0, PN
	CHECK_TRAP(23, CAUSE_LOAD_ACCESS, lb a1, 0(a0))
	CHECK_TRAP(24, CAUSE_STORE_ACCESS, sb a1, 0(a0))
	la s8, f3
	CHECK_TRAP(25, CAUSE_FETCH_ACCESS, jalr a0)
f3:	GOTO_M(m1)

	# the same for S
m1:	ENTER_S(s_1)
s_1:	li a0, PR
	CHECK_TRAP(26, CAUSE_STORE_ACCESS, sd a1, 0(a0))
	CHECK_REG(27, s7, 0x13)
	li a0, PX
	CHECK_TRAP(28, CAUSE_LOAD_ACCESS, ld a1, 0(a0))
	la s8, f4
	li a0, PRW
	CHECK_TRAP(29, CAUSE_FETCH_ACCESS, jalr a0)
f4:	GOTO_M(m2)

	# M ignores unlocked entries: it may read X-only, write R-only, run RW
m2:	li a0, PX
	CHECK_NOTRAP(30, ld a1, 0(a0))
	li a0, PR
	CHECK_NOTRAP(31, sd a1, 8(a0))
	li a0, PN
	li a1, 0
	CHECK_NOTRAP(32, jalr a0)
	CHECK_REG(33, a1, 42)
	j done

	.align 3
snippet:
	li a1, 42
	ret
	.align 3
done:
TEST_END
