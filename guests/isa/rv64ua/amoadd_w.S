/* amoadd.w: atomically rd = old 32-bit memory value (sign-extended); stores
 * old + rs2. */
#include "test_macros.h"

TEST_START
	/* signed and unsigned edge values; rd is the old value sign-extended */
	TEST_AMO_W(2, amoadd.w, 0x0000000000000000, 0x00000000, 0x00000000, 0x0000000000000000)
	TEST_AMO_W(3, amoadd.w, 0x0000000000000001, 0x00000003, 0x00000001, 0x0000000000000002)
	TEST_AMO_W(4, amoadd.w, 0x0000000000000002, 0x00000003, 0x00000002, 0x0000000000000001)
	TEST_AMO_W(5, amoadd.w, 0xffffffffffffffff, 0x00000000, 0xffffffff, 0x0000000000000001)
	TEST_AMO_W(6, amoadd.w, 0x0000000000000001, 0x00000000, 0x00000001, 0x00000000ffffffff)
	TEST_AMO_W(7, amoadd.w, 0xffffffffffffffff, 0xfffffffe, 0xffffffff, 0x00000000ffffffff)
	TEST_AMO_W(8, amoadd.w, 0xffffffff80000000, 0xffffffff, 0x80000000, 0x000000007fffffff)
	TEST_AMO_W(9, amoadd.w, 0x000000007fffffff, 0xffffffff, 0x7fffffff, 0x0000000080000000)
	TEST_AMO_W(10, amoadd.w, 0xffffffff80000000, 0x7fffffff, 0x80000000, 0x00000000ffffffff)
	TEST_AMO_W(11, amoadd.w, 0xffffffffffffffff, 0x7fffffff, 0xffffffff, 0x0000000080000000)
	TEST_AMO_W(12, amoadd.w, 0x000000007fffffff, 0x80000000, 0x7fffffff, 0x0000000000000001)
	TEST_AMO_W(13, amoadd.w, 0x0000000000000000, 0x80000000, 0x00000000, 0x0000000080000000)
	TEST_AMO_W(14, amoadd.w, 0xffffffff89abcdef, 0xffffffff, 0x89abcdef, 0x0000000076543210)
	TEST_AMO_W(15, amoadd.w, 0xffffffffff00ff00, 0x0ef10ef0, 0xff00ff00, 0x000000000ff00ff0)
	/* the upper 32 bits of rs2 are ignored */
	TEST_AMO_W(16, amoadd.w, 0x0000000000000005, 0x00000008, 0x00000005, 0xffffffff00000003)
	TEST_AMO_W(17, amoadd.w, 0xffffffff80000000, 0x7fffffff, 0x80000000, 0x12345678ffffffff)
	TEST_AMO_W(18, amoadd.w, 0x000000007fffffff, 0x80000000, 0x7fffffff, 0x8000000000000001)
	TEST_AMO_W(19, amoadd.w, 0xfffffffffffffffe, 0xffffffff, 0xfffffffe, 0x0000000100000001)
	/* acquire/release variants behave the same */
	TEST_AMO_W(20, amoadd.w.aq, 0xffffffff80000005, 0xfffffff8, 0x80000005, 0x000000007ffffff3)
	TEST_AMO_W(21, amoadd.w.rl, 0xffffffff80000005, 0xfffffff8, 0x80000005, 0x000000007ffffff3)
	TEST_AMO_W(22, amoadd.w.aqrl, 0xffffffff80000005, 0xfffffff8, 0x80000005, 0x000000007ffffff3)
	/* rd == rs2: rd gets the old value, memory uses the original rs2 */
	li gp, 23; la a1, amo_dat; li t0, 0x80000001; sw t0, 0(a1); li a2, 0x0000000000000003
	amoadd.w a2, a2, (a1)
	CHECK_X(a2, 0xffffffff80000001); lwu a3, 0(a1); CHECK_X(a3, 0x80000004)
	/* rd == x0: memory is still updated */
	li gp, 24; la a1, amo_dat; li t0, 0x000000000000000c; sw t0, 0(a1); li a2, 0x00000000fffffff0
	amoadd.w x0, a2, (a1); lwu a3, 0(a1); CHECK_X(a3, 0x00000000fffffffc)
	/* rd == rs1: the address is read before rd is written */
	li gp, 25; la a1, amo_dat; li t0, 0x0000000011111111; sw t0, 0(a1); li a2, 0x0000000022222222
	amoadd.w a1, a2, (a1); CHECK_X(a1, 0x0000000011111111)
	la a1, amo_dat; lwu a3, 0(a1); CHECK_X(a3, 0x0000000033333333)
	/* two in a row accumulate */
	li gp, 26; la a1, amo_dat; li t0, 0x0000000000000f0f; sw t0, 0(a1); li a2, 0x00000000000000ff; li a4, 0x0000000000000100
	amoadd.w a0, a2, (a1); amoadd.w a0, a4, (a1)
	CHECK_X(a0, 0x000000000000100e); lwu a3, 0(a1); CHECK_X(a3, 0x000000000000110e)
	/* .w on the upper word of a doubleword */
	li gp, 27; la a1, amo_dat; li t0, 0x800000007fffffff; sd t0, 0(a1); addi a1, a1, 4; li a2, 0x0000000000000001
	amoadd.w a0, a2, (a1); CHECK_X(a0, 0xffffffff80000000)
	la a1, amo_dat; ld a3, 0(a1); CHECK_X(a3, 0x800000017fffffff)
TEST_END

	.data
	.align 4
amo_dat:
	.dword 0, 0
