# Accessing a CSR that does not exist is illegal (mtval = the instruction),
# even as a pure read (csrrs/csrrsi with x0 / 0).
#include "test.h"
#include "priv_macros.h"

/* read with csrrs rd, csr, x0 and check mtval = the encoding */
#define NOCSR(n, csr)                               \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrr a0, csr)  \
	CHECK_REG(n, s11, ((csr) << 20) | (2 << 12) | (10 << 7) | 0x73)

TEST_START
PRIV_INIT
	NOCSR(1, 0x3ff)		# unallocated machine CSR
	NOCSR(2, 0x4ff)		# unallocated user CSR
	NOCSR(3, 0x1ff)		# unallocated supervisor CSR
	NOCSR(4, 0xfff)		# unallocated machine read-only CSR
	NOCSR(5, 0x0ff)
	NOCSR(6, 0x310)		# mstatush: RV32 only
	NOCSR(7, 0x3a1)		# pmpcfg1: RV32 only
	NOCSR(8, 0x3a3)		# pmpcfg3: RV32 only
	NOCSR(9, 0xb80)		# mcycleh: RV32 only
	NOCSR(10, 0xb82)	# minstreth
	NOCSR(11, 0xc80)	# cycleh
	NOCSR(12, 0xc81)	# timeh
	NOCSR(13, 0xc82)	# instreth
	NOCSR(14, 0x7b0)	# dcsr: debug mode only
	NOCSR(15, 0x7b1)	# dpc
	NOCSR(16, 0x7b2)	# dscratch0
	NOCSR(17, 0x000)	# ustatus (N extension, not implemented)
	NOCSR(18, 0x005)	# utvec
	NOCSR(19, 0x102)	# sedeleg
	NOCSR(20, 0x103)	# sideleg

	# every access form traps; the destination is not written
	li a0, 0x55
	CHECK_TRAP(21, CAUSE_ILLEGAL, csrrw a0, 0x3ff, zero)
	CHECK_TRAP(22, CAUSE_ILLEGAL, csrrs zero, 0x3ff, zero)
	CHECK_TRAP(23, CAUSE_ILLEGAL, csrrc a0, 0x3ff, zero)
	CHECK_TRAP(24, CAUSE_ILLEGAL, csrrwi a0, 0x3ff, 1)
	CHECK_TRAP(25, CAUSE_ILLEGAL, csrrsi a0, 0x3ff, 0)
	CHECK_TRAP(26, CAUSE_ILLEGAL, csrrci a0, 0x3ff, 0)
	CHECK_REG(27, a0, 0x55)

	# also from S and U
	ENTER_S(s1)
s1:	NOCSR(28, 0x1ff)
	NOCSR(29, 0xc80)
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	NOCSR(30, 0x4ff)
	NOCSR(31, 0xc82)
	GOTO_M(m2)
m2:
TEST_END
