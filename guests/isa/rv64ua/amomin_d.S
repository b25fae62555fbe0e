/* amomin.d: atomically rd = old 64-bit memory value; stores the signed
 * minimum of old and rs2. */
#include "test_macros.h"

TEST_START
	/* signed and unsigned edge values */
	TEST_AMO_D(2, amomin.d, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
	TEST_AMO_D(3, amomin.d, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002)
	TEST_AMO_D(4, amomin.d, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002, 0x0000000000000001)
	TEST_AMO_D(5, amomin.d, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001)
	TEST_AMO_D(6, amomin.d, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff)
	TEST_AMO_D(7, amomin.d, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff)
	TEST_AMO_D(8, amomin.d, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
	TEST_AMO_D(9, amomin.d, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
	TEST_AMO_D(10, amomin.d, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff)
	TEST_AMO_D(11, amomin.d, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000)
	TEST_AMO_D(12, amomin.d, 0x7fffffffffffffff, 0x0000000000000001, 0x7fffffffffffffff, 0x0000000000000001)
	TEST_AMO_D(13, amomin.d, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000)
	TEST_AMO_D(14, amomin.d, 0x00000000ffffffff, 0x00000000ffffffff, 0x00000000ffffffff, 0x0000000100000000)
	TEST_AMO_D(15, amomin.d, 0xffffffff80000000, 0xffffffff80000000, 0xffffffff80000000, 0x0000000080000000)
	TEST_AMO_D(16, amomin.d, 0x0123456789abcdef, 0xfedcba9876543210, 0x0123456789abcdef, 0xfedcba9876543210)
	TEST_AMO_D(17, amomin.d, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
	/* acquire/release variants behave the same */
	TEST_AMO_D(18, amomin.d.aq, 0x8000000000000005, 0x8000000000000005, 0x8000000000000005, 0x7ffffffffffffff3)
	TEST_AMO_D(19, amomin.d.rl, 0x8000000000000005, 0x8000000000000005, 0x8000000000000005, 0x7ffffffffffffff3)
	TEST_AMO_D(20, amomin.d.aqrl, 0x8000000000000005, 0x8000000000000005, 0x8000000000000005, 0x7ffffffffffffff3)
	/* rd == rs2: rd gets the old value, memory uses the original rs2 */
	li gp, 21; la a1, amo_dat; li t0, 0x8000000000000001; sd t0, 0(a1); li a2, 0x0000000000000003
	amomin.d a2, a2, (a1)
	CHECK_X(a2, 0x8000000000000001); ld a3, 0(a1); CHECK_X(a3, 0x8000000000000001)
	/* rd == x0: memory is still updated */
	li gp, 22; la a1, amo_dat; li t0, 0x000000000000000c; sd t0, 0(a1); li a2, 0xfffffffffffffff0
	amomin.d x0, a2, (a1); ld a3, 0(a1); CHECK_X(a3, 0xfffffffffffffff0)
	/* rd == rs1: the address is read before rd is written */
	li gp, 23; la a1, amo_dat; li t0, 0x1111111111111111; sd t0, 0(a1); li a2, 0x2222222222222222
	amomin.d a1, a2, (a1); CHECK_X(a1, 0x1111111111111111)
	la a1, amo_dat; ld a3, 0(a1); CHECK_X(a3, 0x1111111111111111)
	/* two in a row accumulate */
	li gp, 24; la a1, amo_dat; li t0, 0x00000f0f00000f0f; sd t0, 0(a1); li a2, 0x000000ff000000ff; li a4, 0x000000ff00000100
	amomin.d a0, a2, (a1); amomin.d a0, a4, (a1)
	CHECK_X(a0, 0x000000ff000000ff); ld a3, 0(a1); CHECK_X(a3, 0x000000ff000000ff)
TEST_END

	.data
	.align 4
amo_dat:
	.dword 0, 0
