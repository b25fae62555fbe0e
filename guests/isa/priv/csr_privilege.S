# CSR address bits 9:8 give the lowest privilege allowed: M CSRs are illegal
# from S and U, S CSRs are illegal from U.
#include "test.h"
#include "priv_macros.h"

#define DENY(n, csr) CHECK_TRAP(n, CAUSE_ILLEGAL, csrr a0, csr)
#define ALLOW(n, csr) CHECK_NOTRAP(n, csrr a0, csr)

TEST_START
PRIV_INIT
	li t0, MSTATUS_FS_INITIAL		# make fcsr accessible
	csrs mstatus, t0

	ENTER_S(s1)
s1:	DENY(1, mstatus)
	DENY(2, misa)
	DENY(3, medeleg)
	DENY(4, mideleg)
	DENY(5, mie)
	DENY(6, mtvec)
	DENY(7, mcounteren)
	DENY(8, mscratch)
	DENY(9, mepc)
	DENY(10, mcause)
	DENY(11, mtval)
	DENY(12, mip)
	DENY(13, pmpcfg0)
	DENY(14, pmpaddr0)
	DENY(15, mcycle)
	DENY(16, minstret)
	DENY(17, mhartid)
	DENY(18, mvendorid)
	DENY(19, 0x30a)				# menvcfg
	DENY(20, 0x320)				# mcountinhibit
	CHECK_TRAP(21, CAUSE_ILLEGAL, csrw mscratch, zero)
	CHECK_REG(22, s11, (0x340 << 20) | (1 << 12) | 0x73)
	ALLOW(23, sstatus)
	ALLOW(24, sie)
	ALLOW(25, stvec)
	ALLOW(26, scounteren)
	ALLOW(27, sscratch)
	ALLOW(28, sepc)
	ALLOW(29, scause)
	ALLOW(30, stval)
	ALLOW(31, sip)
	ALLOW(32, satp)
	ALLOW(33, fcsr)
	# S CSRs are read/write for S
	li t0, 0x1234
	csrw sscratch, t0
	csrr a0, sscratch
	CHECK_REG(34, a0, 0x1234)
	GOTO_M(m1)

m1:	ENTER_U(u1)
u1:	DENY(40, sstatus)
	DENY(41, sie)
	DENY(42, stvec)
	DENY(43, scounteren)
	DENY(44, sscratch)
	DENY(45, sepc)
	DENY(46, scause)
	DENY(47, stval)
	DENY(48, sip)
	DENY(49, satp)
	DENY(50, mstatus)
	DENY(51, mscratch)
	DENY(52, mhartid)
	CHECK_TRAP(53, CAUSE_ILLEGAL, csrw sscratch, zero)
	ALLOW(54, fcsr)
	ALLOW(55, fflags)
	ALLOW(56, frm)
	GOTO_M(m2)
m2:	csrr a0, sscratch			# the U write did not happen
	CHECK_REG(57, a0, 0x1234)
TEST_END
