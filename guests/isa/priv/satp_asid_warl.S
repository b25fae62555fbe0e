# satp's ASID field holds 16 bits: every one of them can be set and
# cleared, in each paged mode and in Bare, from M and from S, and a write
# with an unsupported mode changes no field, the ASID included.
#include "test.h"
#include "priv_macros.h"

#define PPN 0x80800

TEST_START
PRIV_INIT
	li t0, SATP_SV39 | SATP_ASID(0xffff) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(1, a0, SATP_SV39 | SATP_ASID(0xffff) | PPN)
	li t0, SATP_SV48 | SATP_ASID(0x5a5a) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(2, a0, SATP_SV48 | SATP_ASID(0x5a5a) | PPN)
	li t0, SATP_SV57 | SATP_ASID(0xa5a5) | PPN
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(3, a0, SATP_SV57 | SATP_ASID(0xa5a5) | PPN)
	# an unsupported mode: nothing changes
	li t0, (11 << 60) | SATP_ASID(0x1234) | 0x12345
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(4, a0, SATP_SV57 | SATP_ASID(0xa5a5) | PPN)
	# set and clear single bits
	li t0, SATP_ASID(0x8000)
	csrc satp, t0
	csrr a0, satp
	CHECK_REG(5, a0, SATP_SV57 | SATP_ASID(0x25a5) | PPN)
	li t0, SATP_ASID(0x4a5a)
	csrs satp, t0
	csrr a0, satp
	CHECK_REG(6, a0, SATP_SV57 | SATP_ASID(0x6fff) | PPN)
	csrw satp, zero
	csrr a0, satp
	CHECK_REG(7, a0, 0)

	# from S too (TVM = 0), with the image mapped 1:1 so that S runs on
	SV39_SETUP
	ENTER_S(s1)
s1:	li t0, SATP_SV39 | SATP_ASID(0xffff) | (PT_PAGE(0) >> 12)
	csrw satp, t0
	csrr a0, satp
	CHECK_REG(8, a0, SATP_SV39 | SATP_ASID(0xffff) | (PT_PAGE(0) >> 12))
	li t0, SATP_ASID(0xfffe)
	csrc satp, t0
	csrr a0, satp
	CHECK_REG(9, a0, SATP_SV39 | SATP_ASID(1) | (PT_PAGE(0) >> 12))
	GOTO_M(m1)
m1:	csrw satp, zero
TEST_END
