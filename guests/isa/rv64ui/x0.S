/* x0 is hardwired to zero: writes of every instruction class are discarded
 * and reads always return 0. */
#include "test_macros.h"

TEST_START
	TEST_CASE( 2, x0, 0, li a1, 5; addi x0, a1, 1)
	TEST_CASE( 3, x0, 0, li a1, 5; li a2, 7; add x0, a1, a2)
	TEST_CASE( 4, x0, 0, lui x0, 0x12345)
	TEST_CASE( 5, x0, 0, auipc x0, 0x12345)
	TEST_CASE( 6, x0, 0, li a1, 5; slli x0, a1, 3)
	TEST_CASE( 7, x0, 0, li a1, 5; addiw x0, a1, 3)
	TEST_CASE( 8, x0, 0, li a1, 5; li a2, 7; mul x0, a1, a2)
	TEST_CASE( 9, x0, 0, li a1, 5; li a2, 7; divu x0, a1, a2)
	/* load into x0 */
	TEST_CASE(10, x0, 0, la a1, tdat; ld x0, 0(a1))
	TEST_CASE(11, x0, 0, la a1, tdat; lb x0, 0(a1))
	/* jal / jalr with rd = x0 */
	TEST_CASE(12, x0, 0, jal x0, 1f; 1:)
	TEST_CASE(13, x0, 0, la a1, 1f; jalr x0, 0(a1); 1:)
	/* CSR read into x0 */
	TEST_CASE(14, x0, 0, li a1, 9; csrrw x0, mscratch, a1; csrrs x0, mscratch, x0)
	/* AMO into x0: memory is still updated */
	TEST_CASE(15, a0, 0x0102030405060709, la a1, tdat; li a2, 1; amoadd.d x0, a2, (a1); ld a0, 0(a1))
	/* x0 as a source reads 0, even after "writing" it */
	TEST_CASE(16, a0, 0, li x0, 3; mv a0, x0)
	TEST_CASE(17, a0, 7, li a1, 7; addi x0, x0, 1; or a0, a1, x0)
	TEST_CASE(18, a0, 0, la a1, tdat; sd x0, 8(a1); ld a0, 8(a1))
TEST_END

	.data
	.align 3
tdat:	.dword 0x0102030405060708
	.dword 0xffffffffffffffff
