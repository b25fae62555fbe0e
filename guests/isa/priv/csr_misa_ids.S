# misa: MXL = 2 (RV64) and the I, M, A, F, D, C, S, U bits; E clear.
# mhartid = 0 on the single hart; the ID CSRs are readable.
#include "test.h"
#include "priv_macros.h"

#define EXT(c) (1 << ((c) - 'A'))
#define RV64GC_SU (EXT('I') | EXT('M') | EXT('A') | EXT('F') | EXT('D') | EXT('C') | EXT('S') | EXT('U'))

TEST_START
PRIV_INIT
	csrr a0, misa
	srli a1, a0, 62
	CHECK_REG(1, a1, 2)
	li t0, RV64GC_SU
	and a1, a0, t0
	CHECK_REG(2, a1, RV64GC_SU)
	andi a1, a0, EXT('E')
	CHECK_REG(3, a1, 0)
	# bits 61:26 are zero
	slli a1, a0, 2
	srli a1, a1, 28
	CHECK_REG(4, a1, 0)

	csrr a0, mhartid
	CHECK_REG(5, a0, 0)
	CHECK_NOTRAP(6, csrr a0, mvendorid; csrr a0, marchid; csrr a0, mimpid)

	# the boot state: M-mode, MIE = 0, MPRV = 0
	csrr a0, mstatus
	li t0, MSTATUS_MIE | MSTATUS_MPRV
	and a0, a0, t0
	CHECK_REG(7, a0, 0)
TEST_END
