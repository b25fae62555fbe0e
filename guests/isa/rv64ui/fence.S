/* fence: memory ordering only; on a single hart every form behaves as a no-op
 * that must not disturb registers or memory. Reserved fields (rd, rs1, fm
 * values other than 0000/1000) must be ignored. */
#include "test_macros.h"

TEST_START
	/* the common forms */
	li gp, 2
	la a1, tdat
	li a2, 0x1122334455667788
	sd a2, 0(a1)
	fence
	fence rw, rw
	fence r, r
	fence w, w
	fence r, w
	fence w, r
	fence iorw, iorw
	fence io, io
	fence o, i
	fence.tso
	ld a0, 0(a1)
	bne a0, a2, fail

	/* store -> fence -> load sees the store */
	li gp, 3
	li a2, 0x0f0f0f0f
	sw a2, 4(a1)
	fence w, r
	lwu a0, 4(a1)
	bne a0, a2, fail

	/* fence with pred/succ empty (the pause hint is fence w, 0) */
	li gp, 4
	.word 0x0100000f        /* pause: fence pred=w succ=0 */
	.word 0x0000000f        /* fence 0, 0 */

	/* rd and rs1 fields are reserved and ignored: rd must not be written */
	li gp, 5
	li a0, 0x55
	li a1, 0x66
	.word 0x0ff5850f        /* fence iorw, iorw with rd=a0, rs1=a1 */
	li t0, 0x55
	bne a0, t0, fail
	li t0, 0x66
	bne a1, t0, fail

	/* reserved fm values are treated as a normal fence */
	li gp, 6
	.word 0x5ff0000f        /* fm=0101 */
	.word 0xf330000f        /* fm=1111 pred=rw succ=rw */
TEST_END

	.data
	.align 3
tdat:	.dword 0
