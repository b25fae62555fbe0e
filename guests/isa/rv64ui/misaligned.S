/* Misaligned loads and stores of every width complete without trapping
 * (this machine handles them in hardware), within a page and across a
 * page boundary. Results are checked against aligned byte accesses. */
#include "test_macros.h"

/* load `inst` at page + off and compare with the little-endian bytes */
#define TEST_MA_LD(n, inst, res, off) \
	TEST_CASE(n, a0, res, la a1, page; li t0, off; add a1, a1, t0; inst a0, 0(a1))

TEST_START
	/* trap on any exception: the default handler fails with 0xfff */

	/* page holds bytes 0x00 0x01 ... 0xff repeated; byte i = i & 0xff,
	   except near the boundary at page + 0x1000 (see the data below) */

	/* ---- loads within a page ---- */
	TEST_MA_LD( 2, lh,  0x0000000000000201, 0x001)
	TEST_MA_LD( 3, lhu, 0x0000000000000403, 0x003)
	TEST_MA_LD( 4, lh,  0xffffffffffff8180, 0x080)      /* aligned, for reference */
	TEST_MA_LD( 5, lh,  0xffffffffffff8281, 0x081)
	TEST_MA_LD( 6, lhu, 0x0000000000008281, 0x081)
	TEST_MA_LD( 7, lw,  0x0000000004030201, 0x001)
	TEST_MA_LD( 8, lw,  0x0000000005040302, 0x002)
	TEST_MA_LD( 9, lw,  0x0000000006050403, 0x003)
	TEST_MA_LD(10, lw,  0xffffffff84838281, 0x081)
	TEST_MA_LD(11, lwu, 0x0000000084838281, 0x081)
	TEST_MA_LD(12, lwu, 0x0000000085848382, 0x082)
	TEST_MA_LD(13, ld,  0x0807060504030201, 0x001)
	TEST_MA_LD(14, ld,  0x0908070605040302, 0x002)
	TEST_MA_LD(15, ld,  0x0a09080706050403, 0x003)
	TEST_MA_LD(16, ld,  0x0b0a090807060504, 0x004)
	TEST_MA_LD(17, ld,  0x0c0b0a0908070605, 0x005)
	TEST_MA_LD(18, ld,  0x0d0c0b0a09080706, 0x006)
	TEST_MA_LD(19, ld,  0x0e0d0c0b0a090807, 0x007)
	TEST_MA_LD(20, ld,  0x8887868584838281, 0x081)
	/* ---- loads crossing the page boundary (page + 0x1000) ---- */
	/* bytes at 0xff8..0xfff are f8..ff, at 0x1000..0x1007 are a0..a7 */
	TEST_MA_LD(21, lh,  0xffffffffffffa0ff, 0xfff)
	TEST_MA_LD(22, lhu, 0x000000000000a0ff, 0xfff)
	TEST_MA_LD(23, lw,  0xffffffffa0fffefd, 0xffd)
	TEST_MA_LD(24, lw,  0xffffffffa1a0fffe, 0xffe)
	TEST_MA_LD(25, lw,  0xffffffffa2a1a0ff, 0xfff)
	TEST_MA_LD(26, lwu, 0x00000000a2a1a0ff, 0xfff)
	TEST_MA_LD(27, ld,  0xa0fffefdfcfbfaf9, 0xff9)
	TEST_MA_LD(28, ld,  0xa1a0fffefdfcfbfa, 0xffa)
	TEST_MA_LD(29, ld,  0xa2a1a0fffefdfcfb, 0xffb)
	TEST_MA_LD(30, ld,  0xa3a2a1a0fffefdfc, 0xffc)
	TEST_MA_LD(31, ld,  0xa4a3a2a1a0fffefd, 0xffd)
	TEST_MA_LD(32, ld,  0xa5a4a3a2a1a0fffe, 0xffe)
	TEST_MA_LD(33, ld,  0xa6a5a4a3a2a1a0ff, 0xfff)

	/* ---- stores: write misaligned, read back aligned ---- */
	la s2, scratch           /* page-aligned, two pages */
	li s3, -1
	/* sh at offset 1 */
	li gp, 40
	sd s3, 0(s2)
	li a2, 0x1234
	sh a2, 1(s2)
	ld a0, 0(s2)
	CHECK_X(a0, 0xffffffffff1234ff)
	/* sw at offsets 1, 2, 3 */
	li gp, 41
	sd s3, 0(s2)
	li a2, 0x89abcdef
	sw a2, 1(s2)
	ld a0, 0(s2)
	CHECK_X(a0, 0xffffff89abcdefff)
	li gp, 42
	sd s3, 0(s2)
	sw a2, 2(s2)
	ld a0, 0(s2)
	CHECK_X(a0, 0xffff89abcdefffff)
	li gp, 43
	sd s3, 0(s2)
	sw a2, 3(s2)
	ld a0, 0(s2)
	CHECK_X(a0, 0xff89abcdefffffff)
	/* sd at offsets 1..7, spanning two doublewords */
	li a2, 0x0123456789abcdef
	.irp off, 1, 2, 3, 4, 5, 6, 7
	li gp, 43 + \off
	sd s3, 0(s2)
	sd s3, 8(s2)
	sd a2, \off(s2)
	ld a0, 0(s2)
	ld a1, 8(s2)
	li t0, 8 * \off
	sll t1, a2, t0          /* low part lands in the first doubleword */
	sll t2, s3, t0
	not t2, t2
	or t1, t1, t2           /* untouched low bytes stay 0xff */
	bne a0, t1, fail
	li t0, 64 - 8 * \off
	srl t1, a2, t0          /* high part lands in the second */
	srl t2, s3, t0
	not t2, t2
	or t1, t1, t2
	bne a1, t1, fail
	.endr
	/* ---- stores crossing the page boundary ---- */
	li t0, 0x1000
	add s4, s2, t0           /* s4 = boundary */
	li gp, 60
	sd s3, -8(s4)
	sd s3, 0(s4)
	li a2, 0xbeef
	sh a2, -1(s4)
	lbu a0, -1(s4)
	CHECK_X(a0, 0xef)
	lbu a0, 0(s4)
	CHECK_X(a0, 0xbe)
	ld a0, -8(s4)
	CHECK_X(a0, 0xefffffffffffffff)
	ld a0, 0(s4)
	CHECK_X(a0, 0xffffffffffffffbe)
	li gp, 61
	li a2, 0x44332211
	sw a2, -2(s4)
	ld a0, -8(s4)
	CHECK_X(a0, 0x2211ffffffffffff)
	ld a0, 0(s4)
	CHECK_X(a0, 0xffffffffffff4433)
	li gp, 62
	li a2, 0x8877665544332211
	sd a2, -3(s4)
	ld a0, -8(s4)
	CHECK_X(a0, 0x332211ffffffffff)
	ld a0, 0(s4)
	CHECK_X(a0, 0xffffff8877665544)
	li gp, 63
	sd a2, -7(s4)
	ld a0, -8(s4)
	CHECK_X(a0, 0x77665544332211ff)
	ld a0, 0(s4)
	CHECK_X(a0, 0xffffff8877665588)
	/* read back the crossing value with a crossing load */
	li gp, 64
	ld a0, -7(s4)
	bne a0, a2, fail
	lw a0, -1(s4)
	CHECK_X(a0, 0x0000000066558877)
TEST_END

	.data
	.align 12
page:
	.set i, 0
	.rept 0x1000
	.byte i & 0xff
	.set i, i + 1
	.endr
	.byte 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7

	.align 12
scratch:
	.fill 0x2000, 1, 0
