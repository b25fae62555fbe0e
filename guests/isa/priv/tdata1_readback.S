# tdata1 is WARL: type 2 (mcontrol) whatever is written, maskmax 63, and
# only the fields offered read back (hit, size 0-3 and 5, match 0-3, m, s,
# u, execute, store, load); dmode, select, timing, action and chain read
# 0. tinfo says version 1, type 2; tdata3 reads 0; tcontrol keeps only mte
# and mpte. Reset: nothing armed.
#include "test.h"
#include "priv_macros.h"

#define FIXED (MC_TYPE2 | MC_MASKMAX)

TEST_START
PRIV_INIT
	csrw CSR_TSELECT, zero
	csrr a0, CSR_TDATA1
	CHECK_REG(1, a0, FIXED)
	csrr a0, CSR_TDATA2
	CHECK_REG(2, a0, 0)
	li t0, -1
	csrw CSR_TDATA1, t0
	csrr a0, CSR_TDATA1
	# match 15 and size 15 are not offered: both read 0
	CHECK_REG(3, a0, FIXED | MC_HIT | MC_M | MC_S | MC_U | MC_EXEC | MC_STORE | MC_LOAD)
	li t0, MC_SIZE(MC_D) | MC_MATCH(MC_LT) | MC_M | MC_LOAD
	csrw CSR_TDATA1, t0
	csrr a0, CSR_TDATA1
	CHECK_REG(4, a0, FIXED | MC_SIZE(MC_D) | MC_MATCH(MC_LT) | MC_M | MC_LOAD)
	# action 1, timing, select, chain, dmode, type 6: dropped
	li t0, (6 << 60) | (1 << 59) | (1 << 19) | (1 << 18) | (1 << 12) | (1 << 11) | MC_SIZE(4) | MC_MATCH(4) | MC_U
	csrw CSR_TDATA1, t0
	csrr a0, CSR_TDATA1
	CHECK_REG(5, a0, FIXED | MC_U)
	csrw CSR_TDATA1, zero
	csrr a0, CSR_TDATA1
	CHECK_REG(6, a0, FIXED)
	li t0, -1
	csrw CSR_TDATA2, t0
	csrr a0, CSR_TDATA2
	CHECK_REG(7, a0, -1)
	csrw CSR_TDATA3, t0
	csrr a0, CSR_TDATA3
	CHECK_REG(8, a0, 0)
	csrr a0, CSR_TINFO
	CHECK_REG(9, a0, (1 << 24) | (1 << 2))
	csrw CSR_TINFO, zero
	csrr a0, CSR_TINFO
	CHECK_REG(10, a0, (1 << 24) | (1 << 2))
	csrw CSR_TCONTROL, t0
	csrr a0, CSR_TCONTROL
	CHECK_REG(11, a0, TCONTROL_MTE | TCONTROL_MPTE)
	csrw CSR_TCONTROL, zero
	# not from S or U
	ENTER_S(s1)
s1:	CHECK_TRAP(12, CAUSE_ILLEGAL, csrr a0, CSR_TDATA1)
	CHECK_TRAP(13, CAUSE_ILLEGAL, csrr a0, CSR_TSELECT)
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	CHECK_TRAP(14, CAUSE_ILLEGAL, csrr a0, CSR_TINFO)
	GOTO_M(m2)
m2:
TEST_END
