# mtvec vectored mode (MODE = 1): interrupts go to BASE + 4 * cause,
# exceptions to BASE. Direct mode (MODE = 0) sends everything to BASE.
#include "test.h"
#include "priv_macros.h"

/* take one pending interrupt in M through the vector table: s6 = vector */
#define TAKE_IRQ(n, bit, cause)                     \
	li s6, -1;                                  \
	li s9, -1;                                  \
	li t0, bit;                                 \
	csrs mie, t0;                               \
	csrsi mstatus, MSTATUS_MIE;                 \
	nop;                                        \
	csrci mstatus, MSTATUS_MIE;                 \
	CHECK_REG(n, s9, IRQ_BIT | cause)           \
	CHECK_REG(n, s6, cause)

TEST_START
PRIV_INIT

	la a0, vtable
	ori a0, a0, 1
	csrw mtvec, a0
	csrr a1, mtvec
	li gp, 1
	bne a0, a1, fail

	# exceptions use BASE
	li s6, -1
	CHECK_TRAP(2, CAUSE_ECALL_M, ecall)
	CHECK_REG(3, s6, 0)
	li s6, -1
	CHECK_TRAP(4, CAUSE_ILLEGAL, .4byte 0xfe000033)
	CHECK_REG(5, s6, 0)

	# machine software interrupt: BASE + 12
	SET_MSIP(1)
	WAIT_MIP(MIP_MSIP)
	TAKE_IRQ(6, MIP_MSIP, 3)
	SET_MSIP(0)

	# machine timer interrupt: BASE + 28
	TIMER_NOW
	WAIT_MIP(MIP_MTIP)
	TAKE_IRQ(7, MIP_MTIP, 7)
	TIMER_OFF

	# supervisor software / timer / external, not delegated: 4, 20, 36
	csrsi mip, MIP_SSIP
	TAKE_IRQ(8, MIP_SSIP, 1)
	csrci mip, MIP_SSIP
	li t0, MIP_STIP
	csrs mip, t0
	TAKE_IRQ(9, MIP_STIP, 5)
	li t0, MIP_STIP
	csrc mip, t0
	li t0, MIP_SEIP
	csrs mip, t0
	TAKE_IRQ(10, MIP_SEIP, 9)
	li t0, MIP_SEIP
	csrc mip, t0

	# an interrupt taken from U uses the same vector
	TIMER_NOW
	WAIT_MIP(MIP_MTIP)
	li s6, -1
	li s9, -1
	li t0, MIP_MTIP
	csrs mie, t0
	ENTER_U(in_u)
in_u:
	nop
	mv s5, s6			# GOTO_M itself goes through vector 0
	GOTO_M(m1)
m1:	CHECK_REG(11, s9, IRQ_BIT | 7)
	CHECK_REG(12, s5, 7)
	TIMER_OFF

	# back to direct mode: an interrupt goes to BASE (the generic handler)
	la t0, mtrap
	csrw mtvec, t0
	csrsi mip, MIP_SSIP
	li s6, -1
	li s9, -1
	csrsi mie, MIP_SSIP
	csrsi mstatus, MSTATUS_MIE
	nop
	csrci mstatus, MSTATUS_MIE
	CHECK_REG(13, s9, IRQ_BIT | 1)
	CHECK_REG(14, s6, -1)
	csrci mip, MIP_SSIP
	j done

	.align 8
vtable:
	.option push
	.option norvc
	j vec0
	j vec1
	j vbad
	j vec3
	j vbad
	j vec5
	j vbad
	j vec7
	j vbad
	j vec9
	j vbad
	j vbad
	.option pop
vec0:	li s6, 0
	j mtrap
vec1:	li s6, 1
	j mtrap
vec3:	li s6, 3
	j mtrap
vec5:	li s6, 5
	j mtrap
vec7:	li s6, 7
	j mtrap
vec9:	li s6, 9
	j mtrap
vbad:	li gp, 99
	j fail

done:
TEST_END
