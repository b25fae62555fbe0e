/* Compressed HINT encodings execute as no-ops: they change no register
 * and do not trap (encoded by hand; assemblers reject most of them). */
#include "test_macros.h"
.option rvc

TEST_START
	INSTALL_SKIP_HANDLER
	li a0, 0x0123456789abcdef
	li s0, 0x0123456789abcdef
	li gp, 2
	.half 0x0005            /* c.nop with imm = 1 */
	.half 0x107d            /* c.nop with imm = -1 */
	.half 0x0501            /* c.addi a0, 0 */
	.half 0x4015            /* c.li x0, 5 */
	.half 0x6005            /* c.lui x0, 1 */
	.half 0x802a            /* c.mv x0, a0 */
	.half 0x902a            /* c.add x0, a0 */
	.half 0x0006            /* c.slli x0, 1 */
	.half 0x0502            /* c.slli a0, 0 */
	.half 0x8101            /* c.srli a0, 0 */
	.half 0x8501            /* c.srai a0, 0 */
	.half 0x8001            /* c.srli s0, 0 */
	.half 0x8401            /* c.srai s0, 0 */
	EXPECT_NO_TRAP
	CHECK_X(a0, 0x0123456789abcdef)
	CHECK_X(s0, 0x0123456789abcdef)
	CHECK_X(x0, 0)
TEST_END

TRAP_SKIP_HANDLER
