# menvcfg and senvcfg exist (S and U are implemented): menvcfg is M-only,
# senvcfg is accessible from S but not from U.
#include "test.h"
#include "priv_macros.h"

#define MENVCFG 0x30a
#define SENVCFG 0x10a

TEST_START
PRIV_INIT
	CHECK_NOTRAP(1, csrr a0, MENVCFG; csrr a1, SENVCFG)
	# writing back what was read is allowed
	CHECK_NOTRAP(2, csrw MENVCFG, a0; csrw SENVCFG, a1)

	ENTER_S(s1)
s1:	CHECK_NOTRAP(3, csrr a1, SENVCFG; csrw SENVCFG, a1)
	CHECK_TRAP(4, CAUSE_ILLEGAL, csrr a0, MENVCFG)
	GOTO_M(m1)
m1:	ENTER_U(u1)
u1:	CHECK_TRAP(5, CAUSE_ILLEGAL, csrr a1, SENVCFG)
	CHECK_TRAP(6, CAUSE_ILLEGAL, csrr a0, MENVCFG)
	GOTO_M(m2)
m2:
TEST_END
