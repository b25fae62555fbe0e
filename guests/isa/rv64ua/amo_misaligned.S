/* Misaligned AMOs and LR raise an exception: address-misaligned
 * (4 load / 6 store/AMO) or access-fault (5 / 7), both allowed. The handler
 * skips the instruction; rd and memory must be unchanged.
 * (A misaligned SC must trap as well; that is not covered here.) */
#include "test_macros.h"

/* one trap with mcause in 4..7; then rd (a0) and memory are unchanged */
#define EXPECT_MA_TRAP                                                \
	li t6, 1; bne s11, t6, fail;                                  \
	addi t6, s10, -4; li t5, 3; bgtu t6, t5, fail;                \
	RESET_TRAPS;                                                  \
	CHECK_X(a0, 0x5555);                                          \
	ld t5, 0(s2); CHECK_X(t5, 0x0706050403020100);                \
	ld t5, 8(s2); CHECK_X(t5, 0x0f0e0d0c0b0a0908)

#define TEST_MA_AMO(n, inst, off)                                     \
	li gp, n; li a0, 0x5555; addi a1, s2, off; li a2, -1;         \
	inst a0, a2, (a1);                                            \
	EXPECT_MA_TRAP

TEST_START
	INSTALL_SKIP_HANDLER
	la s2, dat

	/* .w at offsets 1, 2, 3 */
	TEST_MA_AMO( 2, amoswap.w, 1)
	TEST_MA_AMO( 3, amoadd.w,  2)
	TEST_MA_AMO( 4, amoxor.w,  3)
	TEST_MA_AMO( 5, amoand.w,  1)
	TEST_MA_AMO( 6, amoor.w,   2)
	TEST_MA_AMO( 7, amomin.w,  3)
	TEST_MA_AMO( 8, amomax.w,  1)
	TEST_MA_AMO( 9, amominu.w, 2)
	TEST_MA_AMO(10, amomaxu.w, 6)
	/* .d at offsets 1, 2, 4 (4 is aligned for .w but not for .d) */
	TEST_MA_AMO(11, amoswap.d, 4)
	TEST_MA_AMO(12, amoadd.d,  1)
	TEST_MA_AMO(13, amoxor.d,  2)
	TEST_MA_AMO(14, amoand.d,  3)
	TEST_MA_AMO(15, amoor.d,   4)
	TEST_MA_AMO(16, amomin.d,  5)
	TEST_MA_AMO(17, amomax.d,  6)
	TEST_MA_AMO(18, amominu.d, 7)
	TEST_MA_AMO(19, amomaxu.d, 12)

	/* lr.w / lr.d */
	li gp, 20
	li a0, 0x5555
	addi a1, s2, 2
	lr.w a0, (a1)
	EXPECT_MA_TRAP
	li gp, 21
	li a0, 0x5555
	addi a1, s2, 4
	lr.d a0, (a1)
	EXPECT_MA_TRAP

	/* sanity: aligned AMOs on the same data do not trap */
	li gp, 22
	addi a1, s2, 8
	li a2, 0
	amoadd.d a0, a2, (a1)
	amoadd.w a0, a2, (a1)
	EXPECT_NO_TRAP
TEST_END

TRAP_SKIP_HANDLER

	.data
	.align 4
dat:
	.byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
