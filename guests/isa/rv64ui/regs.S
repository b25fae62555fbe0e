/* Every integer register x1..x31 holds its own 64-bit value: all are written
 * first, then each is compared, so a wrong register-field decode shows up. */
#include "test_macros.h"

TEST_START
	/* write all but gp (x3, the case number) and t6 (x31, the check scratch) */
	li x1, 0x8101010101010101
	li x2, 0x8202020202020202
	li x4, 0x8404040404040404
	li x5, 0x8505050505050505
	li x6, 0x8606060606060606
	li x7, 0x8707070707070707
	li x8, 0x8808080808080808
	li x9, 0x8909090909090909
	li x10, 0x8a0a0a0a0a0a0a0a
	li x11, 0x8b0b0b0b0b0b0b0b
	li x12, 0x8c0c0c0c0c0c0c0c
	li x13, 0x8d0d0d0d0d0d0d0d
	li x14, 0x8e0e0e0e0e0e0e0e
	li x15, 0x8f0f0f0f0f0f0f0f
	li x16, 0x9010101010101010
	li x17, 0x9111111111111111
	li x18, 0x9212121212121212
	li x19, 0x9313131313131313
	li x20, 0x9414141414141414
	li x21, 0x9515151515151515
	li x22, 0x9616161616161616
	li x23, 0x9717171717171717
	li x24, 0x9818181818181818
	li x25, 0x9919191919191919
	li x26, 0x9a1a1a1a1a1a1a1a
	li x27, 0x9b1b1b1b1b1b1b1b
	li x28, 0x9c1c1c1c1c1c1c1c
	li x29, 0x9d1d1d1d1d1d1d1d
	li x30, 0x9e1e1e1e1e1e1e1e
	/* check each */
	li gp, 2; li t6, 0x8101010101010101; bne x1, t6, fail
	li gp, 3; li t6, 0x8202020202020202; bne x2, t6, fail
	li gp, 4; li t6, 0x8404040404040404; bne x4, t6, fail
	li gp, 5; li t6, 0x8505050505050505; bne x5, t6, fail
	li gp, 6; li t6, 0x8606060606060606; bne x6, t6, fail
	li gp, 7; li t6, 0x8707070707070707; bne x7, t6, fail
	li gp, 8; li t6, 0x8808080808080808; bne x8, t6, fail
	li gp, 9; li t6, 0x8909090909090909; bne x9, t6, fail
	li gp, 10; li t6, 0x8a0a0a0a0a0a0a0a; bne x10, t6, fail
	li gp, 11; li t6, 0x8b0b0b0b0b0b0b0b; bne x11, t6, fail
	li gp, 12; li t6, 0x8c0c0c0c0c0c0c0c; bne x12, t6, fail
	li gp, 13; li t6, 0x8d0d0d0d0d0d0d0d; bne x13, t6, fail
	li gp, 14; li t6, 0x8e0e0e0e0e0e0e0e; bne x14, t6, fail
	li gp, 15; li t6, 0x8f0f0f0f0f0f0f0f; bne x15, t6, fail
	li gp, 16; li t6, 0x9010101010101010; bne x16, t6, fail
	li gp, 17; li t6, 0x9111111111111111; bne x17, t6, fail
	li gp, 18; li t6, 0x9212121212121212; bne x18, t6, fail
	li gp, 19; li t6, 0x9313131313131313; bne x19, t6, fail
	li gp, 20; li t6, 0x9414141414141414; bne x20, t6, fail
	li gp, 21; li t6, 0x9515151515151515; bne x21, t6, fail
	li gp, 22; li t6, 0x9616161616161616; bne x22, t6, fail
	li gp, 23; li t6, 0x9717171717171717; bne x23, t6, fail
	li gp, 24; li t6, 0x9818181818181818; bne x24, t6, fail
	li gp, 25; li t6, 0x9919191919191919; bne x25, t6, fail
	li gp, 26; li t6, 0x9a1a1a1a1a1a1a1a; bne x26, t6, fail
	li gp, 27; li t6, 0x9b1b1b1b1b1b1b1b; bne x27, t6, fail
	li gp, 28; li t6, 0x9c1c1c1c1c1c1c1c; bne x28, t6, fail
	li gp, 29; li t6, 0x9d1d1d1d1d1d1d1d; bne x29, t6, fail
	li gp, 30; li t6, 0x9e1e1e1e1e1e1e1e; bne x30, t6, fail
	/* x31 and x3 themselves */
	li gp, 31; li x31, 0x9f1f1f1f1f1f1f1f; add x30, x31, x0; li t6, 0x9f1f1f1f1f1f1f1f; bne x30, t6, fail
	li x3, 0x8303030303030303; add x30, x3, x0; li gp, 32; li t6, 0x8303030303030303; bne x30, t6, fail
	/* rd, rs1 and rs2 fields with x31 and x1 */
	li gp, 33; li x1, 5; li x31, 7; add x31, x31, x1; li x30, 12; bne x31, x30, fail
	li gp, 34; li x1, 5; li x31, 7; sub x1, x31, x1; li x30, 2; bne x1, x30, fail
	la sp, _stack_top
TEST_END
