# U-mode reads of cycle/time/instret need the bit set in both mcounteren and
# scounteren; S-mode reads ignore scounteren.
#include "test.h"
#include "priv_macros.h"

#define U_READS(n, expect_cy, expect_tm, expect_ir) \
	ENTER_U(90f)                                \
90:	li s9, -1;                                  \
	csrr a0, cycle;                             \
	CHECK_REG(n, s9, expect_cy)                 \
	li s9, -1;                                  \
	csrr a0, time;                              \
	CHECK_REG(n, s9, expect_tm)                 \
	li s9, -1;                                  \
	csrr a0, instret;                           \
	CHECK_REG(n, s9, expect_ir)                 \
	GOTO_M(91f)                                 \
91:

#define OK -1
#define NO CAUSE_ILLEGAL

TEST_START
PRIV_INIT
	csrwi scounteren, 7
	csrr a0, scounteren
	andi a0, a0, 7
	CHECK_REG(1, a0, 7)

	csrwi mcounteren, 7
	csrwi scounteren, 0
	U_READS(2, NO, NO, NO)
	csrwi scounteren, 7
	U_READS(3, OK, OK, OK)
	csrwi mcounteren, 0
	U_READS(4, NO, NO, NO)
	csrwi mcounteren, 5
	csrwi scounteren, 3
	U_READS(5, OK, NO, NO)
	csrwi mcounteren, 7
	csrwi scounteren, 6
	U_READS(6, NO, OK, OK)

	# S ignores scounteren
	csrwi mcounteren, 7
	csrwi scounteren, 0
	ENTER_S(s1)
s1:	CHECK_NOTRAP(7, csrr a0, cycle; csrr a1, time; csrr a2, instret)
	# S can write scounteren
	csrwi scounteren, 2
	csrr a0, scounteren
	andi a0, a0, 7
	CHECK_REG(8, a0, 2)
	GOTO_M(m1)
m1:	U_READS(9, NO, OK, NO)
TEST_END
