# Read-only CSRs (address bits 11:10 = 11): reading is fine, any write form
# is illegal: csrrw/csrrwi always, csrrs/csrrc/csrrsi/csrrci when rs1 is
# not x0 / uimm is not 0. Checked on the machine ID CSRs and the user
# counters. (csrrs/csrrc with a non-x0 rs1 that holds 0 is a write attempt
# too and so illegal; that case is not checked here.)
#include "test.h"
#include "priv_macros.h"

#define RO(n, csr)                                          \
	CHECK_NOTRAP(n, csrr a0, csr)                       \
	CHECK_NOTRAP(n, csrrs a0, csr, zero)                \
	CHECK_NOTRAP(n, csrrc a0, csr, zero)                \
	CHECK_NOTRAP(n, csrrsi a0, csr, 0)                  \
	CHECK_NOTRAP(n, csrrci a0, csr, 0)                  \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrw csr, a0)          \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrw zero, csr, zero) \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrwi a0, csr, 0)     \
	li t1, 1;                                           \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrs a0, csr, t1)     \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrc a0, csr, t1)     \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrsi a0, csr, 1)     \
	CHECK_TRAP(n, CAUSE_ILLEGAL, csrrci a0, csr, 1)

TEST_START
PRIV_INIT
	RO(1, mvendorid)
	RO(2, marchid)
	RO(3, mimpid)
	RO(4, mhartid)
	RO(5, 0xf15)		# mconfigptr
	RO(6, cycle)
	RO(7, time)
	RO(8, instret)

	# mtval holds the offending instruction
	CHECK_TRAP(9, CAUSE_ILLEGAL, csrw mhartid, zero)
	CHECK_REG(10, s11, (0xf14 << 20) | (1 << 12) | 0x73)

	# a trapping write leaves the value and rd unchanged
	csrr a1, mhartid
	li a0, 0x77
	li t1, -1
	CHECK_TRAP(11, CAUSE_ILLEGAL, csrrw a0, mhartid, t1)
	CHECK_REG(12, a0, 0x77)
	csrr a0, mhartid
	li gp, 13
	bne a0, a1, fail
TEST_END
