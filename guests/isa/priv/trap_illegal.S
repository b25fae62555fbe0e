# Illegal instructions: mcause 2, mepc = the instruction, mtval = its bits
# (32-bit encodings whole, 16-bit encodings zero-extended), from M, S and U.
#include "test.h"
#include "priv_macros.h"

#define ILLEGAL32(n, bits)                          \
	CHECK_TRAP(n, CAUSE_ILLEGAL, 80: .4byte bits) \
	CHECK_LABEL(n, s10, 80b)                    \
	CHECK_REG(n, s11, bits)

#define ILLEGAL16(n, bits)                          \
	CHECK_TRAP(n, CAUSE_ILLEGAL, li a0, 0; 80: .2byte bits; c.addi a0, 1) \
	CHECK_LABEL(n, s10, 80b)                    \
	CHECK_REG(n, s11, bits)                     \
	CHECK_REG(n, a0, 1)

TEST_START
PRIV_INIT

	ILLEGAL32(1, 0xc0001073)	# csrrw x0, cycle, x0: write to read-only CSR
	ILLEGAL32(2, 0xfe000033)	# OP with an undefined funct7
	ILLEGAL32(3, 0x40001013)	# slli with a non-zero funct6
	ILLEGAL32(4, 0x0000700f)	# MISC-MEM with undefined funct3 7
	ILLEGAL32(5, 0x4ff02073)	# csrr x0, 0x4ff: CSR that does not exist
	ILLEGAL16(6, 0x6081)		# c.lui x1, 0 (reserved: nzimm = 0)
	ILLEGAL16(7, 0x0004)		# c.addi4spn with nzuimm = 0 (reserved)
	ILLEGAL16(8, 0x4002)		# c.lwsp x0 (reserved: rd = 0)

	# the all-zero halfword is defined to be illegal
	CHECK_TRAP(9, CAUSE_ILLEGAL, 81: .2byte 0)
	CHECK_LABEL(10, s10, 81b)
	CHECK_REG(11, s11, 0)

	ENTER_S(in_s)
in_s:
	ILLEGAL32(12, 0xfe000033)
	CHECK_REG(13, s7, 0x13)
	ILLEGAL16(14, 0x6081)
	GOTO_M(m1)
m1:	ENTER_U(in_u)
in_u:
	ILLEGAL32(15, 0x40001013)
	CHECK_REG(16, s7, 0x03)
	ILLEGAL16(17, 0x0004)
	GOTO_M(m2)
m2:
TEST_END
