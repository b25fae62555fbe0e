# 16 PMP entries: pmpaddr0..15 hold every address bit (granularity 4 bytes,
# so NA4 is available) and pmpcfg0/pmpcfg2 hold every entry's byte.
#include "test.h"
#include "priv_macros.h"

#define PAT(i) (0x2a5a5a5a5a5a5a ^ ((i) * 0x1111) & ((1 << 54) - 1))

#define ADDR_RW(i)                                  \
	li t0, PAT(i);                              \
	csrw pmpaddr##i, t0;                        \
	csrr a0, pmpaddr##i;                        \
	li gp, 1 + (i);                             \
	bne a0, t0, fail;

/* bytes with R set (R = 0, W = 1 is reserved) in every mode */
#define CFG_BYTES 0x171f0f0d1b191109

TEST_START
PRIV_INIT
	PMP_OFF_ALL
	ADDR_RW(0)
	ADDR_RW(1)
	ADDR_RW(2)
	ADDR_RW(3)
	ADDR_RW(4)
	ADDR_RW(5)
	ADDR_RW(6)
	ADDR_RW(7)
	ADDR_RW(8)
	ADDR_RW(9)
	ADDR_RW(10)
	ADDR_RW(11)
	ADDR_RW(12)
	ADDR_RW(13)
	ADDR_RW(14)
	ADDR_RW(15)

	# the largest address and all-ones NAPOT
	li t0, (1 << 54) - 1
	csrw pmpaddr0, t0
	csrr a0, pmpaddr0
	and a0, a0, t0
	li gp, 17
	bne a0, t0, fail

	li t0, CFG_BYTES
	csrw pmpcfg0, t0
	csrr a0, pmpcfg0
	li gp, 18
	bne a0, t0, fail
	csrw pmpcfg2, t0
	csrr a0, pmpcfg2
	li gp, 19
	bne a0, t0, fail

	# NA4 (A = 2) sticks: granularity is 4 bytes
	li t0, PMP_NA4 | PMP_R
	csrw pmpcfg0, t0
	csrr a0, pmpcfg0
	CHECK_REG(20, a0, PMP_NA4 | PMP_R)
	# a NAPOT entry reads back its address as written (G = 0)
	li t0, NAPOT(DATA_PAGE(0), 0x1000)
	csrw pmpaddr1, t0
	li t0, (PMP_NAPOT | PMP_R) << 8
	csrw pmpcfg0, t0
	csrr a0, pmpaddr1
	CHECK_REG(21, a0, NAPOT(DATA_PAGE(0), 0x1000))

	PMP_OFF_ALL
	csrr a0, pmpcfg0
	CHECK_REG(22, a0, 0)
	csrr a0, pmpcfg2
	CHECK_REG(23, a0, 0)
TEST_END
