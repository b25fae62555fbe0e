/* Every FP register f0..f31 holds its own 64-bit pattern: written with
 * fmv.d.x, read back with fmv.x.d, and used once as rd, rs1, rs2 and rs3. */
#include "test_macros.h"

TEST_START
	FP_ENABLE
	li t0, 0x3ff0000000000000; fmv.d.x f0, t0
	li t0, 0x3ff0100000000001; fmv.d.x f1, t0
	li t0, 0x3ff0200000000002; fmv.d.x f2, t0
	li t0, 0x3ff0300000000003; fmv.d.x f3, t0
	li t0, 0x3ff0400000000004; fmv.d.x f4, t0
	li t0, 0x3ff0500000000005; fmv.d.x f5, t0
	li t0, 0x3ff0600000000006; fmv.d.x f6, t0
	li t0, 0x3ff0700000000007; fmv.d.x f7, t0
	li t0, 0x3ff0800000000008; fmv.d.x f8, t0
	li t0, 0x3ff0900000000009; fmv.d.x f9, t0
	li t0, 0x3ff0a0000000000a; fmv.d.x f10, t0
	li t0, 0x3ff0b0000000000b; fmv.d.x f11, t0
	li t0, 0x3ff0c0000000000c; fmv.d.x f12, t0
	li t0, 0x3ff0d0000000000d; fmv.d.x f13, t0
	li t0, 0x3ff0e0000000000e; fmv.d.x f14, t0
	li t0, 0x3ff0f0000000000f; fmv.d.x f15, t0
	li t0, 0x3ff1000000000010; fmv.d.x f16, t0
	li t0, 0x3ff1100000000011; fmv.d.x f17, t0
	li t0, 0x3ff1200000000012; fmv.d.x f18, t0
	li t0, 0x3ff1300000000013; fmv.d.x f19, t0
	li t0, 0x3ff1400000000014; fmv.d.x f20, t0
	li t0, 0x3ff1500000000015; fmv.d.x f21, t0
	li t0, 0x3ff1600000000016; fmv.d.x f22, t0
	li t0, 0x3ff1700000000017; fmv.d.x f23, t0
	li t0, 0x3ff1800000000018; fmv.d.x f24, t0
	li t0, 0x3ff1900000000019; fmv.d.x f25, t0
	li t0, 0x3ff1a0000000001a; fmv.d.x f26, t0
	li t0, 0x3ff1b0000000001b; fmv.d.x f27, t0
	li t0, 0x3ff1c0000000001c; fmv.d.x f28, t0
	li t0, 0x3ff1d0000000001d; fmv.d.x f29, t0
	li t0, 0x3ff1e0000000001e; fmv.d.x f30, t0
	li t0, 0x3ff1f0000000001f; fmv.d.x f31, t0
	li gp, 2; fmv.x.d a0, f0; CHECK_X(a0, 0x3ff0000000000000)
	li gp, 3; fmv.x.d a0, f1; CHECK_X(a0, 0x3ff0100000000001)
	li gp, 4; fmv.x.d a0, f2; CHECK_X(a0, 0x3ff0200000000002)
	li gp, 5; fmv.x.d a0, f3; CHECK_X(a0, 0x3ff0300000000003)
	li gp, 6; fmv.x.d a0, f4; CHECK_X(a0, 0x3ff0400000000004)
	li gp, 7; fmv.x.d a0, f5; CHECK_X(a0, 0x3ff0500000000005)
	li gp, 8; fmv.x.d a0, f6; CHECK_X(a0, 0x3ff0600000000006)
	li gp, 9; fmv.x.d a0, f7; CHECK_X(a0, 0x3ff0700000000007)
	li gp, 10; fmv.x.d a0, f8; CHECK_X(a0, 0x3ff0800000000008)
	li gp, 11; fmv.x.d a0, f9; CHECK_X(a0, 0x3ff0900000000009)
	li gp, 12; fmv.x.d a0, f10; CHECK_X(a0, 0x3ff0a0000000000a)
	li gp, 13; fmv.x.d a0, f11; CHECK_X(a0, 0x3ff0b0000000000b)
	li gp, 14; fmv.x.d a0, f12; CHECK_X(a0, 0x3ff0c0000000000c)
	li gp, 15; fmv.x.d a0, f13; CHECK_X(a0, 0x3ff0d0000000000d)
	li gp, 16; fmv.x.d a0, f14; CHECK_X(a0, 0x3ff0e0000000000e)
	li gp, 17; fmv.x.d a0, f15; CHECK_X(a0, 0x3ff0f0000000000f)
	li gp, 18; fmv.x.d a0, f16; CHECK_X(a0, 0x3ff1000000000010)
	li gp, 19; fmv.x.d a0, f17; CHECK_X(a0, 0x3ff1100000000011)
	li gp, 20; fmv.x.d a0, f18; CHECK_X(a0, 0x3ff1200000000012)
	li gp, 21; fmv.x.d a0, f19; CHECK_X(a0, 0x3ff1300000000013)
	li gp, 22; fmv.x.d a0, f20; CHECK_X(a0, 0x3ff1400000000014)
	li gp, 23; fmv.x.d a0, f21; CHECK_X(a0, 0x3ff1500000000015)
	li gp, 24; fmv.x.d a0, f22; CHECK_X(a0, 0x3ff1600000000016)
	li gp, 25; fmv.x.d a0, f23; CHECK_X(a0, 0x3ff1700000000017)
	li gp, 26; fmv.x.d a0, f24; CHECK_X(a0, 0x3ff1800000000018)
	li gp, 27; fmv.x.d a0, f25; CHECK_X(a0, 0x3ff1900000000019)
	li gp, 28; fmv.x.d a0, f26; CHECK_X(a0, 0x3ff1a0000000001a)
	li gp, 29; fmv.x.d a0, f27; CHECK_X(a0, 0x3ff1b0000000001b)
	li gp, 30; fmv.x.d a0, f28; CHECK_X(a0, 0x3ff1c0000000001c)
	li gp, 31; fmv.x.d a0, f29; CHECK_X(a0, 0x3ff1d0000000001d)
	li gp, 32; fmv.x.d a0, f30; CHECK_X(a0, 0x3ff1e0000000001e)
	li gp, 33; fmv.x.d a0, f31; CHECK_X(a0, 0x3ff1f0000000001f)
	/* each register as rd, rs1, rs2 and rs3 of fmadd.d (operands 1.0, 2.0, 0.5) */
	li gp, 34; LOAD_D(f1, D_ONE); LOAD_D(f2, D_TWO); LOAD_D(f3, 0x3fe0000000000000); fmadd.d f0, f1, f2, f3; CHECK_D(f0, 0x4004000000000000)
	li gp, 35; LOAD_D(f2, D_ONE); LOAD_D(f3, D_TWO); LOAD_D(f4, 0x3fe0000000000000); fmadd.d f1, f2, f3, f4; CHECK_D(f1, 0x4004000000000000)
	li gp, 36; LOAD_D(f3, D_ONE); LOAD_D(f4, D_TWO); LOAD_D(f5, 0x3fe0000000000000); fmadd.d f2, f3, f4, f5; CHECK_D(f2, 0x4004000000000000)
	li gp, 37; LOAD_D(f4, D_ONE); LOAD_D(f5, D_TWO); LOAD_D(f6, 0x3fe0000000000000); fmadd.d f3, f4, f5, f6; CHECK_D(f3, 0x4004000000000000)
	li gp, 38; LOAD_D(f5, D_ONE); LOAD_D(f6, D_TWO); LOAD_D(f7, 0x3fe0000000000000); fmadd.d f4, f5, f6, f7; CHECK_D(f4, 0x4004000000000000)
	li gp, 39; LOAD_D(f6, D_ONE); LOAD_D(f7, D_TWO); LOAD_D(f8, 0x3fe0000000000000); fmadd.d f5, f6, f7, f8; CHECK_D(f5, 0x4004000000000000)
	li gp, 40; LOAD_D(f7, D_ONE); LOAD_D(f8, D_TWO); LOAD_D(f9, 0x3fe0000000000000); fmadd.d f6, f7, f8, f9; CHECK_D(f6, 0x4004000000000000)
	li gp, 41; LOAD_D(f8, D_ONE); LOAD_D(f9, D_TWO); LOAD_D(f10, 0x3fe0000000000000); fmadd.d f7, f8, f9, f10; CHECK_D(f7, 0x4004000000000000)
	li gp, 42; LOAD_D(f9, D_ONE); LOAD_D(f10, D_TWO); LOAD_D(f11, 0x3fe0000000000000); fmadd.d f8, f9, f10, f11; CHECK_D(f8, 0x4004000000000000)
	li gp, 43; LOAD_D(f10, D_ONE); LOAD_D(f11, D_TWO); LOAD_D(f12, 0x3fe0000000000000); fmadd.d f9, f10, f11, f12; CHECK_D(f9, 0x4004000000000000)
	li gp, 44; LOAD_D(f11, D_ONE); LOAD_D(f12, D_TWO); LOAD_D(f13, 0x3fe0000000000000); fmadd.d f10, f11, f12, f13; CHECK_D(f10, 0x4004000000000000)
	li gp, 45; LOAD_D(f12, D_ONE); LOAD_D(f13, D_TWO); LOAD_D(f14, 0x3fe0000000000000); fmadd.d f11, f12, f13, f14; CHECK_D(f11, 0x4004000000000000)
	li gp, 46; LOAD_D(f13, D_ONE); LOAD_D(f14, D_TWO); LOAD_D(f15, 0x3fe0000000000000); fmadd.d f12, f13, f14, f15; CHECK_D(f12, 0x4004000000000000)
	li gp, 47; LOAD_D(f14, D_ONE); LOAD_D(f15, D_TWO); LOAD_D(f16, 0x3fe0000000000000); fmadd.d f13, f14, f15, f16; CHECK_D(f13, 0x4004000000000000)
	li gp, 48; LOAD_D(f15, D_ONE); LOAD_D(f16, D_TWO); LOAD_D(f17, 0x3fe0000000000000); fmadd.d f14, f15, f16, f17; CHECK_D(f14, 0x4004000000000000)
	li gp, 49; LOAD_D(f16, D_ONE); LOAD_D(f17, D_TWO); LOAD_D(f18, 0x3fe0000000000000); fmadd.d f15, f16, f17, f18; CHECK_D(f15, 0x4004000000000000)
	li gp, 50; LOAD_D(f17, D_ONE); LOAD_D(f18, D_TWO); LOAD_D(f19, 0x3fe0000000000000); fmadd.d f16, f17, f18, f19; CHECK_D(f16, 0x4004000000000000)
	li gp, 51; LOAD_D(f18, D_ONE); LOAD_D(f19, D_TWO); LOAD_D(f20, 0x3fe0000000000000); fmadd.d f17, f18, f19, f20; CHECK_D(f17, 0x4004000000000000)
	li gp, 52; LOAD_D(f19, D_ONE); LOAD_D(f20, D_TWO); LOAD_D(f21, 0x3fe0000000000000); fmadd.d f18, f19, f20, f21; CHECK_D(f18, 0x4004000000000000)
	li gp, 53; LOAD_D(f20, D_ONE); LOAD_D(f21, D_TWO); LOAD_D(f22, 0x3fe0000000000000); fmadd.d f19, f20, f21, f22; CHECK_D(f19, 0x4004000000000000)
	li gp, 54; LOAD_D(f21, D_ONE); LOAD_D(f22, D_TWO); LOAD_D(f23, 0x3fe0000000000000); fmadd.d f20, f21, f22, f23; CHECK_D(f20, 0x4004000000000000)
	li gp, 55; LOAD_D(f22, D_ONE); LOAD_D(f23, D_TWO); LOAD_D(f24, 0x3fe0000000000000); fmadd.d f21, f22, f23, f24; CHECK_D(f21, 0x4004000000000000)
	li gp, 56; LOAD_D(f23, D_ONE); LOAD_D(f24, D_TWO); LOAD_D(f25, 0x3fe0000000000000); fmadd.d f22, f23, f24, f25; CHECK_D(f22, 0x4004000000000000)
	li gp, 57; LOAD_D(f24, D_ONE); LOAD_D(f25, D_TWO); LOAD_D(f26, 0x3fe0000000000000); fmadd.d f23, f24, f25, f26; CHECK_D(f23, 0x4004000000000000)
	li gp, 58; LOAD_D(f25, D_ONE); LOAD_D(f26, D_TWO); LOAD_D(f27, 0x3fe0000000000000); fmadd.d f24, f25, f26, f27; CHECK_D(f24, 0x4004000000000000)
	li gp, 59; LOAD_D(f26, D_ONE); LOAD_D(f27, D_TWO); LOAD_D(f28, 0x3fe0000000000000); fmadd.d f25, f26, f27, f28; CHECK_D(f25, 0x4004000000000000)
	li gp, 60; LOAD_D(f27, D_ONE); LOAD_D(f28, D_TWO); LOAD_D(f29, 0x3fe0000000000000); fmadd.d f26, f27, f28, f29; CHECK_D(f26, 0x4004000000000000)
	li gp, 61; LOAD_D(f28, D_ONE); LOAD_D(f29, D_TWO); LOAD_D(f30, 0x3fe0000000000000); fmadd.d f27, f28, f29, f30; CHECK_D(f27, 0x4004000000000000)
	li gp, 62; LOAD_D(f29, D_ONE); LOAD_D(f30, D_TWO); LOAD_D(f31, 0x3fe0000000000000); fmadd.d f28, f29, f30, f31; CHECK_D(f28, 0x4004000000000000)
	li gp, 63; LOAD_D(f30, D_ONE); LOAD_D(f31, D_TWO); LOAD_D(f0, 0x3fe0000000000000); fmadd.d f29, f30, f31, f0; CHECK_D(f29, 0x4004000000000000)
	li gp, 64; LOAD_D(f31, D_ONE); LOAD_D(f0, D_TWO); LOAD_D(f1, 0x3fe0000000000000); fmadd.d f30, f31, f0, f1; CHECK_D(f30, 0x4004000000000000)
	li gp, 65; LOAD_D(f0, D_ONE); LOAD_D(f1, D_TWO); LOAD_D(f2, 0x3fe0000000000000); fmadd.d f31, f0, f1, f2; CHECK_D(f31, 0x4004000000000000)
TEST_END
