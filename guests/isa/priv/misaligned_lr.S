# A misaligned LR is not handled by the hart: it traps with a load
# address-misaligned or load access-fault exception (4 or 5), mtval = the
# address, and leaves rd unchanged. (Misaligned AMOs and SCs must raise the
# store/AMO forms, 6 or 7; not checked here.)
#include "test.h"
#include "priv_macros.h"

/* s9 must be 4 or 5 and s11 the address in a0 */
#define LR_MIS(n, insn...)                          \
	li s9, -1;                                  \
	li a1, 0x5a;                                \
	insn;                                       \
	li gp, n;                                   \
	bne s11, a0, fail;                          \
	li t6, 0x5a;                                \
	bne a1, t6, fail;                           \
	li t6, CAUSE_LOAD_MISALIGNED;               \
	beq s9, t6, 90f;                            \
	li t6, CAUSE_LOAD_ACCESS;                   \
	bne s9, t6, fail;                           \
90:

TEST_START
PRIV_INIT
	la a2, buf
	addi a0, a2, 2
	LR_MIS(1, lr.w a1, (a0))
	addi a0, a2, 1
	LR_MIS(2, lr.w a1, (a0))
	addi a0, a2, 7
	LR_MIS(3, lr.w.aq a1, (a0))
	addi a0, a2, 4
	LR_MIS(4, lr.d a1, (a0))
	addi a0, a2, 2
	LR_MIS(5, lr.d.aqrl a1, (a0))

	# from U too
	ENTER_U(u1)
u1:	la a2, buf
	addi a0, a2, 6
	LR_MIS(6, lr.d a1, (a0))
	CHECK_REG(7, s7, 0x03)
	GOTO_M(m1)

	# aligned ones work, and so does a misaligned plain load there
m1:	la a2, buf
	addi a3, a2, 8
	CHECK_NOTRAP(8, lr.d a1, (a2); sc.d t0, a1, (a2); lr.w a1, (a3))
	CHECK_NOTRAP(9, ld a1, 4(a2))
	CHECK_REG(10, a1, 0x0c0b0a0908070605)

	.data
	.align 4
buf:	.byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
	.text
TEST_END
