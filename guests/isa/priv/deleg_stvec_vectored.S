# stvec vectored mode: delegated interrupts go to BASE + 4 * cause, delegated
# exceptions to BASE.
#include "test.h"
#include "priv_macros.h"

#define S_BITS (MIP_SSIP | MIP_STIP | MIP_SEIP)

/* in S: raise `bit` (from M beforehand), enable, take; s6 = vector */
#define TAKE_S(n, bit, cause)                       \
	li s6, -1;                                  \
	li s9, -1;                                  \
	li t0, bit;                                 \
	csrs sie, t0;                               \
	csrsi sstatus, MSTATUS_SIE;                 \
	nop;                                        \
	csrci sstatus, MSTATUS_SIE;                 \
	CHECK_REG(n, s9, IRQ_BIT | cause)           \
	CHECK_REG(n, s6, cause)                     \
	CHECK_REG(n, s7, 0x11)

TEST_START
PRIV_INIT
	li t0, S_BITS
	csrw mideleg, t0
	csrs mip, t0
	li t0, 1 << CAUSE_ILLEGAL
	csrw medeleg, t0
	la t0, svec
	ori t0, t0, 1
	csrw stvec, t0
	csrr a0, stvec
	li gp, 1
	bne a0, t0, fail

	ENTER_S(s1)
s1:	# SEI, SSI, STI (taken one at a time, highest first is not the point)
	TAKE_S(2, MIP_SEIP, 9)
	TAKE_S(3, MIP_SSIP, 1)
	TAKE_S(4, MIP_STIP, 5)
	# exception: BASE
	li s6, -1
	CHECK_TRAP(5, CAUSE_ILLEGAL, .4byte 0xfe000033)
	CHECK_REG(6, s6, 0)
	CHECK_REG(7, s7, 0x11)
	GOTO_M(m1)
m1:	li t0, S_BITS
	csrc mip, t0
	j done

	.align 8
svec:
	.option push
	.option norvc
	j sv0
	j sv1
	j svbad
	j svbad
	j svbad
	j sv5
	j svbad
	j svbad
	j svbad
	j sv9
	.option pop
sv0:	li s6, 0
	j strap
sv1:	li s6, 1
	j strap
sv5:	li s6, 5
	j strap
sv9:	li s6, 9
	j strap
svbad:	li gp, 99
	j fail
done:
TEST_END
