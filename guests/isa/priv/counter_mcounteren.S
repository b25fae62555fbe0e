# mcounteren gates S-mode (and U-mode) reads of cycle/time/instret: with the
# bit clear the read is illegal.
#include "test.h"
#include "priv_macros.h"

#define CY 1
#define TM 2
#define IR 4

TEST_START
PRIV_INIT
	# CY, TM, IR are writable
	csrwi mcounteren, 7
	csrr a0, mcounteren
	andi a0, a0, 7
	CHECK_REG(1, a0, 7)

	csrwi mcounteren, 0
	ENTER_S(s1)
s1:	CHECK_TRAP(2, CAUSE_ILLEGAL, csrr a0, cycle)
	CHECK_REG(3, s11, (0xc00 << 20) | (2 << 12) | (10 << 7) | 0x73)
	CHECK_TRAP(4, CAUSE_ILLEGAL, csrr a0, time)
	CHECK_TRAP(5, CAUSE_ILLEGAL, csrr a0, instret)
	GOTO_M(m1)

m1:	csrwi mcounteren, CY
	ENTER_S(s2)
s2:	CHECK_NOTRAP(6, csrr a0, cycle)
	CHECK_TRAP(7, CAUSE_ILLEGAL, csrr a0, time)
	CHECK_TRAP(8, CAUSE_ILLEGAL, csrr a0, instret)
	GOTO_M(m2)

m2:	csrwi mcounteren, TM
	ENTER_S(s3)
s3:	CHECK_TRAP(9, CAUSE_ILLEGAL, csrr a0, cycle)
	CHECK_NOTRAP(10, csrr a0, time)
	CHECK_TRAP(11, CAUSE_ILLEGAL, csrr a0, instret)
	GOTO_M(m3)

m3:	csrwi mcounteren, IR
	ENTER_S(s4)
s4:	CHECK_TRAP(12, CAUSE_ILLEGAL, csrr a0, cycle)
	CHECK_TRAP(13, CAUSE_ILLEGAL, csrr a0, time)
	CHECK_NOTRAP(14, csrr a0, instret)
	GOTO_M(m4)

m4:	csrwi mcounteren, 7
	ENTER_S(s5)
s5:	CHECK_NOTRAP(15, csrr a0, cycle; csrr a1, time; csrr a2, instret)
	# S can never read the M counters
	CHECK_TRAP(16, CAUSE_ILLEGAL, csrr a0, mcycle)
	CHECK_TRAP(17, CAUSE_ILLEGAL, csrr a0, minstret)
	GOTO_M(m5)

	# M reads them whatever mcounteren says
m5:	csrwi mcounteren, 0
	CHECK_NOTRAP(18, csrr a0, cycle; csrr a1, time; csrr a2, instret)
TEST_END
