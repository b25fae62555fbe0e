/* lr.w/lr.d and sc.w/sc.d on a single hart. Only behaviour the spec fixes is
 * asserted: sc succeeds (rd = 0) after a matching lr with nothing in between,
 * fails (rd != 0, memory untouched) without a reservation, and every sc,
 * successful or not, ends the reservation. Where the spec allows either
 * outcome, the test checks only that rd and memory agree. */
#include "test_macros.h"

TEST_START
	la s2, dat
	/* sc.d with no lr since reset fails and leaves memory alone */
	li gp, 2
	li a2, 0x1111111111111111
	sd a2, 0(s2)
	li a3, 0x2222222222222222
	sc.d a0, a3, (s2)
	beqz a0, fail
	ld a4, 0(s2)
	bne a4, a2, fail

	/* sc.w with no reservation fails too */
	li gp, 3
	sc.w a0, a3, (s2)
	beqz a0, fail
	ld a4, 0(s2)
	bne a4, a2, fail

	/* lr.d / sc.d: success writes 0 to rd and stores rs2 */
	li gp, 4
	lr.d a0, (s2)
	bne a0, a2, fail
	sc.d a1, a3, (s2)
	bnez a1, fail
	ld a4, 0(s2)
	bne a4, a3, fail

	/* a second sc after a successful one fails */
	li gp, 5
	li a5, 0x3333333333333333
	sc.d a1, a5, (s2)
	beqz a1, fail
	ld a4, 0(s2)
	bne a4, a3, fail

	/* lr.w sign-extends; sc.w stores only the low 32 bits of rs2 */
	li gp, 6
	li a2, 0x12345678deadbeef
	sd a2, 0(s2)
	lr.w a0, (s2)
	CHECK_X(a0, 0xffffffffdeadbeef)
	li a3, 0xffffffff0badcafe
	sc.w a1, a3, (s2)
	bnez a1, fail
	ld a4, 0(s2)
	CHECK_X(a4, 0x123456780badcafe)

	/* lr.w of a positive word zero-fills the upper half; works on the
	   upper word of a doubleword */
	li gp, 7
	addi s3, s2, 4
	lr.w a0, (s3)
	CHECK_X(a0, 0x12345678)
	li a3, 0x7fffffff
	sc.w a1, a3, (s3)
	bnez a1, fail
	ld a4, 0(s2)
	CHECK_X(a4, 0x7fffffff0badcafe)

	/* a second sc.w after a successful one fails */
	li gp, 8
	sc.w a1, x0, (s3)
	beqz a1, fail
	ld a4, 0(s2)
	CHECK_X(a4, 0x7fffffff0badcafe)

	/* rd == rs2: rs2 is read before rd gets the status */
	li gp, 9
	lr.d a0, (s2)
	li a2, 0x4444444444444444
	sc.d a2, a2, (s2)
	bnez a2, fail
	ld a4, 0(s2)
	CHECK_X(a4, 0x4444444444444444)

	/* rd == rs1 for lr: the address is read before rd is written */
	li gp, 10
	mv a0, s2
	lr.d a0, (a0)
	CHECK_X(a0, 0x4444444444444444)
	sc.d a1, x0, (s2)             /* stores zero */
	bnez a1, fail
	ld a4, 0(s2)
	bnez a4, fail

	/* aq/rl variants */
	li gp, 11
	lr.d.aq a0, (s2)
	li a2, 5
	sc.d.rl a1, a2, (s2)
	bnez a1, fail
	lr.w.aqrl a0, (s2)
	CHECK_X(a0, 5)
	li a2, 6
	sc.w.aqrl a1, a2, (s2)
	bnez a1, fail
	ld a4, 0(s2)
	CHECK_X(a4, 6)

	/* lr then sc to a different doubleword: the spec allows either
	   outcome (the reservation set may be larger); rd and memory must
	   agree. The reservation is gone afterwards either way. */
	li gp, 12
	addi s4, s2, 64
	sd x0, 0(s4)
	li a2, 0x77
	lr.d a0, (s2)
	sc.d a1, a2, (s4)
	ld a4, 0(s4)
	bnez a1, 1f
	bne a4, a2, fail              /* succeeded: stored */
	j 2f
1:	bnez a4, fail                 /* failed: untouched */
2:	li gp, 13
	li a3, 0x88
	sc.d a1, a3, (s2)             /* the first sc ended the reservation */
	beqz a1, fail
	ld a4, 0(s2)
	CHECK_X(a4, 6)

	/* a store by this hart to the reserved address between lr and sc:
	   the sc may succeed or fail; rd and memory must agree */
	li gp, 14
	lr.d a0, (s2)
	li a2, 0x99
	sd a2, 0(s2)
	li a3, 0xaa
	sc.d a1, a3, (s2)
	ld a4, 0(s2)
	bnez a1, 1f
	bne a4, a3, fail
	j 2f
1:	bne a4, a2, fail
2:
	/* lr (s4), sc (s4) succeeds; then sc (s2) has no reservation, fails
	   and leaves memory alone */
	li gp, 15
	ld s6, 0(s2)
	lr.w a0, (s4)
	li a2, 0x12
	sc.w a1, a2, (s4)
	bnez a1, fail
	li a3, 0x34
	sc.w a1, a3, (s2)
	beqz a1, fail
	ld a4, 0(s2)
	bne a4, s6, fail
	lwu a4, 0(s4)
	CHECK_X(a4, 0x12)

	/* the usual retry loop: atomic increment, 100 times */
	li gp, 16
	sd x0, 0(s2)
	li s5, 100
1:	lr.d a0, (s2)
	addi a0, a0, 1
	sc.d a1, a0, (s2)
	bnez a1, 1b
	addi s5, s5, -1
	bnez s5, 1b
	ld a4, 0(s2)
	CHECK_X(a4, 100)

	/* the same with lr.w/sc.w across the 32-bit sign boundary */
	li gp, 17
	li a2, 0x7ffffffe
	sw a2, 0(s2)
	li s5, 3
1:	lr.w a0, (s2)
	addi a0, a0, 1
	sc.w a1, a0, (s2)
	bnez a1, 1b
	addi s5, s5, -1
	bnez s5, 1b
	/* 0x7ffffffe -> 0x7fffffff -> 0x80000000 -> (sign-extended) +1 */
	CHECK_X(a0, 0xffffffff80000001)
	lwu a4, 0(s2)
	CHECK_X(a4, 0x80000001)
	lwu a4, 4(s2)                 /* the upper word was not touched */
	bnez a4, fail
TEST_END

	.data
	.align 6
dat:
	.fill 32, 8, 0
