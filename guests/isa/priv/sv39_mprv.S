# mstatus.MPRV = 1 makes M-mode loads and stores translate and check
# permissions as the privilege in MPP (S or U), with SUM and MXR applying;
# instruction fetch stays untranslated. MPP = M means no translation.
#include "test.h"
#include "priv_macros.h"

#define MPRV_AS(mpp)                                \
	li t0, MSTATUS_MPP;                         \
	csrc mstatus, t0;                           \
	li t0, ((mpp) << 11) | MSTATUS_MPRV;        \
	csrs mstatus, t0;

#define MPRV_OFF                                    \
	li t0, MSTATUS_MPRV;                        \
	csrc mstatus, t0;

TEST_START
PRIV_INIT
	SV39_SETUP
	MAP_TVA(0, DATA_PAGE(0), PTE_LEAF | PTE_R | PTE_W)		# S RW
	MAP_TVA(1, DATA_PAGE(1), PTE_LEAF | PTE_R | PTE_W | PTE_U)	# U RW
	MAP_TVA(2, DATA_PAGE(2), PTE_LEAF | PTE_X)			# S X-only
	MAP_TVA(3, DATA_PAGE(3), PTE_LEAF | PTE_R)			# S RO
	STORE64(DATA_PAGE(0), 0x11)
	STORE64(DATA_PAGE(1), 0x22)
	STORE64(DATA_PAGE(2), 0x33)
	SV39_ON

	# MPP = S
	MPRV_AS(1)
	li a0, TVA(0)
	CHECK_NOTRAP(1, ld a1, 0(a0))
	CHECK_REG(2, a1, 0x11)
	li t0, 0x44
	sd t0, 8(a0)
	li a0, TVA(3)
	CHECK_TRAP(3, CAUSE_STORE_PAGE, sd t0, 0(a0))
	CHECK_REG(4, s11, TVA(3))
	CHECK_REG(5, s7, 0x33)			# trap from M, into M
	# the trap's mret (back to M) kept MPRV but left MPP = U
	csrr a2, mstatus
	li t0, MSTATUS_MPRV | MSTATUS_MPP
	and a2, a2, t0
	CHECK_REG(6, a2, MSTATUS_MPRV)

	# SUM for S accesses to U pages
	MPRV_AS(1)
	li a0, TVA(1)
	CHECK_TRAP(7, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	MPRV_AS(1)
	li t0, MSTATUS_SUM
	csrs mstatus, t0
	CHECK_NOTRAP(8, ld a1, 0(a0))
	CHECK_REG(9, a1, 0x22)
	li t0, MSTATUS_SUM
	csrc mstatus, t0

	# MXR for the execute-only page
	li a0, TVA(2)
	CHECK_TRAP(10, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	MPRV_AS(1)
	li t0, MSTATUS_MXR
	csrs mstatus, t0
	CHECK_NOTRAP(11, ld a1, 0(a0))
	CHECK_REG(12, a1, 0x33)
	li t0, MSTATUS_MXR
	csrc mstatus, t0

	# MPP = U: the U page is fine, the S page is not. This code keeps
	# running from the S-only identity map: fetches are not translated.
	MPRV_AS(0)
	li a0, TVA(1)
	CHECK_NOTRAP(13, ld a1, 0(a0); sd a1, 8(a0))
	li a0, TVA(0)
	CHECK_TRAP(14, CAUSE_LOAD_PAGE, ld a1, 0(a0))
	CHECK_REG(15, s11, TVA(0))

	# MPP = M: untranslated (physical address works)
	MPRV_AS(3)
	li a0, DATA_PAGE(0)
	CHECK_NOTRAP(16, ld a1, 8(a0))
	CHECK_REG(17, a1, 0x44)			# written through TVA(0) above

	# MPRV = 0: untranslated
	MPRV_OFF
	li a0, DATA_PAGE(1)
	ld a1, 8(a0)
	CHECK_REG(18, a1, 0x22)
TEST_END
