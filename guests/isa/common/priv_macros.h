/* Shared helpers for the privileged-architecture tests (guests/isa/priv).
 *
 * Include after test.h and put PRIV_INIT right after TEST_START. It installs
 * two generic trap handlers (mtvec = mtrap, stvec = strap, both direct) and a
 * lowest-priority PMP entry (15) that lets S/U reach all of memory.
 *
 * Registers owned by the handlers (tests must not keep other data there):
 *   tp   handler scratch, clobbered by every trap
 *   s7   who took the last trap: low nibble = handler level (3 = M, 1 = S),
 *        high nibble = the privilege the trap came from (MPP / SPP).
 *        0x03 = M handler, from U; 0x13 = M from S; 0x33 = M from M;
 *        0x01 = S handler, from U; 0x11 = S from S.
 *   s8   resume address: when non-zero, the next exception returns there
 *        (same privilege) instead of past the faulting instruction, and
 *        s8 is cleared. Needed for fetch faults.
 *   s9   xcause of the last trap (tests set it to -1 to mean "none yet")
 *   s10  xepc of the last trap
 *   s11  xtval of the last trap
 *   a6   interrupt log: every interrupt taken shifts in its cause (4 bits)
 *   a7   PRIV_MAGIC together with an ECALL asks for GOTO_M
 *
 * Exceptions return past the faulting instruction (2 or 4 bytes, read from
 * memory). Interrupts clear their enable bit in mie (M handler) or sie
 * (S handler) and return to the interrupted instruction.
 *
 * GOTO_M(label) continues in M at label with mstatus.MIE = 0. A failing
 * check may run in S or U with the finisher unreachable; any exception raised
 * by the fail code moves it to M, so the failure is still reported. Tests
 * that turn paging on must return to M before TEST_END.
 *
 * Tests that enable a timer interrupt must program mtimecmp first (its reset
 * value is not known). PMP changes are followed by SFENCE.VMA, as the spec
 * requires before they are relied on.
 *
 * Virtual-memory helpers use fixed physical addresses above the image (which
 * must stay below 8 MiB):
 *   PT_PAGE(k)   page-table pages  (0x80800000 + k * 4 KiB, k < 16)
 *   DATA_PAGE(k) data pages        (0x80900000 + k * 4 KiB, k < 256)
 * SV39_SETUP / SV48_SETUP / SV57_SETUP map the image 1:1 (1 GiB at VA
 * 0x80000000, S-only,
 * RWX) and again at VA 0xC0000000 with U set (U code runs there, see
 * ENTER_U_ALIAS; the M handler maps alias addresses back for GOTO_M and
 * instruction reads). Test pages live at VA 0x40000000 (TVA(k) = 0x40000000
 * + k * 4 KiB), mapped through one level-1 table (PT_PAGE(1)) and one leaf
 * table (PT_PAGE(2)); MAP_TVA(k, pa, flags) fills a slot.
 */
#ifndef REWIND_PRIV_MACROS_H
#define REWIND_PRIV_MACROS_H

/* mstatus fields */
#define MSTATUS_SIE  (1 << 1)
#define MSTATUS_MIE  (1 << 3)
#define MSTATUS_SPIE (1 << 5)
#define MSTATUS_MPIE (1 << 7)
#define MSTATUS_SPP  (1 << 8)
#define MSTATUS_MPP  (3 << 11)
#define MSTATUS_MPP_S (1 << 11)
#define MSTATUS_FS   (3 << 13)
#define MSTATUS_FS_INITIAL (1 << 13)
#define MSTATUS_FS_CLEAN   (2 << 13)
#define MSTATUS_XS   (3 << 15)
#define MSTATUS_MPRV (1 << 17)
#define MSTATUS_SUM  (1 << 18)
#define MSTATUS_MXR  (1 << 19)
#define MSTATUS_TVM  (1 << 20)
#define MSTATUS_TW   (1 << 21)
#define MSTATUS_TSR  (1 << 22)
#define MSTATUS_SD   (1 << 63)

/* interrupt bits (mip / mie / mideleg) */
#define MIP_SSIP (1 << 1)
#define MIP_MSIP (1 << 3)
#define MIP_STIP (1 << 5)
#define MIP_MTIP (1 << 7)
#define MIP_SEIP (1 << 9)
#define MIP_MEIP (1 << 11)
#define IRQ_BIT  (1 << 63)

/* exception causes */
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL      2
#define CAUSE_BREAKPOINT   3
#define CAUSE_LOAD_MISALIGNED 4
#define CAUSE_LOAD_ACCESS  5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U      8
#define CAUSE_ECALL_S      9
#define CAUSE_ECALL_M      11
#define CAUSE_FETCH_PAGE   12
#define CAUSE_LOAD_PAGE    13
#define CAUSE_STORE_PAGE   15

/* machine devices */
#define CLINT_MSIP     0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME    0x200bff8

#define PRIV_MAGIC 0x4d4d

/* mtimecmp = v (64-bit constant); clobbers t0, t1 */
#define SET_MTIMECMP(v)                             \
	li t0, CLINT_MTIMECMP;                      \
	li t1, v;                                   \
	sd t1, 0(t0);

/* mtimecmp = mtime + delta; clobbers t0, t1 */
#define MTIMECMP_IN(delta)                          \
	li t0, CLINT_MTIME;                         \
	ld t1, 0(t0);                               \
	li t0, delta;                               \
	add t1, t1, t0;                             \
	li t0, CLINT_MTIMECMP;                      \
	sd t1, 0(t0);

#define TIMER_OFF  SET_MTIMECMP(-1)
#define TIMER_NOW  SET_MTIMECMP(0)

/* CLINT msip for hart 0 = v; clobbers t0, t1 */
#define SET_MSIP(v)                                 \
	li t0, CLINT_MSIP;                          \
	li t1, v;                                   \
	sw t1, 0(t0);

/* Spin until (mip & bits) != 0; clobbers t0, t1 */
#define WAIT_MIP(bits)                              \
	li t1, bits;                                \
	91: csrr t0, mip;                           \
	and t0, t0, t1;                             \
	beqz t0, 91b;

/* ------------------------------------------------------------------ */
/* Checks                                                              */

/* reg == constant */
#define CHECK_REG(n, reg, val)                      \
	li gp, n;                                   \
	li t6, val;                                 \
	bne reg, t6, fail;

/* reg == address of label */
#define CHECK_LABEL(n, reg, label)                  \
	li gp, n;                                   \
	la t6, label;                               \
	bne reg, t6, fail;

/* Run `code`; the last trap must have had cause `cause`. */
#define CHECK_TRAP(n, cause, code...)               \
	li gp, n;                                   \
	li s9, -1;                                  \
	code;                                       \
	li t6, cause;                               \
	bne s9, t6, fail;

/* Run `code`; no trap may happen. */
#define CHECK_NOTRAP(n, code...)                    \
	li gp, n;                                   \
	li s9, -1;                                  \
	code;                                       \
	li t6, -1;                                  \
	bne s9, t6, fail;

/* ------------------------------------------------------------------ */
/* Privilege changes                                                   */

/* From M: mret into S / U at `label` (MPRV is cleared by the mret). */
#define ENTER_S(label)                              \
	li t0, MSTATUS_MPP;                         \
	csrc mstatus, t0;                           \
	li t0, MSTATUS_MPP_S;                       \
	csrs mstatus, t0;                           \
	la t0, label;                               \
	csrw mepc, t0;                              \
	mret;

#define ENTER_U(label)                              \
	li t0, MSTATUS_MPP;                         \
	csrc mstatus, t0;                           \
	la t0, label;                               \
	csrw mepc, t0;                              \
	mret;

/* From M: enter U at the U-accessible alias of `label` (paging on). */
#define ALIAS_OFFSET 0x40000000
#define ENTER_U_ALIAS(label)                        \
	li t0, MSTATUS_MPP;                         \
	csrc mstatus, t0;                           \
	la t0, label;                               \
	li t1, ALIAS_OFFSET;                        \
	add t0, t0, t1;                             \
	csrw mepc, t0;                              \
	mret;

/* From S: sret into U at `label` (or its alias). */
#define S_ENTER_U(label)                            \
	li t0, MSTATUS_SPP;                         \
	csrc sstatus, t0;                           \
	la t0, label;                               \
	csrw sepc, t0;                              \
	sret;

#define S_ENTER_U_ALIAS(label)                      \
	li t0, MSTATUS_SPP;                         \
	csrc sstatus, t0;                           \
	la t0, label;                               \
	li t1, ALIAS_OFFSET;                        \
	add t0, t0, t1;                             \
	csrw sepc, t0;                              \
	sret;

/* From any mode: continue in M at `label` (through the M handler), with
 * mstatus.MIE = 0. From U
 * with ecall-from-U delegated, the S handler forwards it (ecall-from-S must
 * then stay undelegated). */
#define GOTO_M(label)                               \
	la s8, label;                               \
	li a7, PRIV_MAGIC;                          \
	ecall;

/* ------------------------------------------------------------------ */
/* PMP: entry 15 = NAPOT over the whole address space, RWX.            */
#define PMP_ALLOW_ALL                               \
	li t0, -1;                                  \
	csrw pmpaddr15, t0;                         \
	li t0, 0xff << 56;                          \
	csrc pmpcfg2, t0;                           \
	li t0, 0x1f << 56;                          \
	csrs pmpcfg2, t0;                           \
	sfence.vma;

#define PMP_R     0x01
#define PMP_W     0x02
#define PMP_X     0x04
#define PMP_TOR   0x08
#define PMP_NA4   0x10
#define PMP_NAPOT 0x18
#define PMP_L     0x80
#define PMP_RWX   (PMP_R | PMP_W | PMP_X)

/* pmpaddr value of a NAPOT region (size a power of two >= 8, base aligned) */
#define NAPOT(base, size) (((base) >> 2) | (((size) >> 3) - 1))

/* Entry i (0..7 in pmpcfg0, 8..15 in pmpcfg2): pmpaddr = a, cfg = c.
 * The cfg byte is replaced, then SFENCE.VMA synchronises address-translation
 * caches with the new PMP settings, as the spec requires; clobbers t0. */
#define PMP_ENTRY_0(i, a, c)                        \
	li t0, a;                                   \
	csrw pmpaddr##i, t0;                        \
	li t0, 0xff << (8 * (i));                   \
	csrc pmpcfg0, t0;                           \
	li t0, (c) << (8 * (i));                    \
	csrs pmpcfg0, t0;                           \
	sfence.vma;
#define PMP_ENTRY_2(i, a, c)                        \
	li t0, a;                                   \
	csrw pmpaddr##i, t0;                        \
	li t0, 0xff << (8 * ((i) - 8));             \
	csrc pmpcfg2, t0;                           \
	li t0, (c) << (8 * ((i) - 8));              \
	csrs pmpcfg2, t0;                           \
	sfence.vma;

/* Turn every entry off (the allow-all entry 15 too) */
#define PMP_OFF_ALL                                 \
	csrw pmpcfg0, zero;                         \
	csrw pmpcfg2, zero;                         \
	sfence.vma;

/* Entry 14: the first 8 MiB of RAM (the image), RWX, so that S/U code runs
 * while other entries restrict the rest. Page tables and data pages lie
 * above it. */
#define PMP_IMAGE_RWX PMP_ENTRY_2(14, NAPOT(0x80000000, 0x800000), PMP_NAPOT | PMP_RWX)

/* ------------------------------------------------------------------ */
/* The handlers. PRIV_INIT must appear once, right after TEST_START.   */

/* tp = length (2 or 4) of the instruction whose low half is in tp,
 * then tp = reg + length */
#define PRIV_NEXT_PC(reg)                           \
	andi tp, tp, 3;                             \
	xori tp, tp, 3;                             \
	seqz tp, tp;                                \
	slli tp, tp, 1;                             \
	addi tp, tp, 2;                             \
	add tp, tp, reg;

/* tp = reg, moved back from the U alias (VA 0xC0000000..0xFFFFFFFF) to the
 * identity address */
#define PRIV_UNALIAS(reg)                           \
	srli tp, reg, 30;                           \
	xori tp, tp, 3;                             \
	seqz tp, tp;                                \
	slli tp, tp, 30;                            \
	sub tp, reg, tp;

/* tp = 1 if s10 lies in the fail code (or its U alias), else 0 */
#define PRIV_IN_FAIL                                \
	la tp, fail;                                \
	sub tp, s10, tp;                            \
	slli tp, tp, 34;                            \
	srli tp, tp, 34;                            \
	sltiu tp, tp, 64;

#define PRIV_INIT                                   \
	la t0, mtrap;                               \
	csrw mtvec, t0;                             \
	la t0, strap;                               \
	csrw stvec, t0;                             \
	PMP_ALLOW_ALL                               \
	li s8, 0;                                   \
	li s9, -1;                                  \
	li a6, 0;                                   \
	li a7, 0;                                   \
	j priv_init_done;                           \
	.align 2;                                   \
mtrap:                                              \
	/* GOTO_M request: any ecall with a7 = PRIV_MAGIC */ \
	csrr tp, mcause;                            \
	addi tp, tp, -8;                            \
	sltiu tp, tp, 4;                            \
	beqz tp, 1f;                                \
	li tp, PRIV_MAGIC;                          \
	bne a7, tp, 1f;                             \
	li a7, 0;                                   \
	li tp, MSTATUS_MPP;                         \
	csrs mstatus, tp;                           \
	li tp, MSTATUS_MPIE;                        \
	csrc mstatus, tp;                           \
	PRIV_UNALIAS(s8)                            \
	csrw mepc, tp;                              \
	li s8, 0;                                   \
	mret;                                       \
1:	csrr s9, mcause;                            \
	csrr s10, mepc;                             \
	csrr s11, mtval;                            \
	csrr tp, mstatus;                           \
	srli tp, tp, 11;                            \
	andi tp, tp, 3;                             \
	slli tp, tp, 4;                             \
	ori s7, tp, 3;                              \
	bgez s9, 2f;                                \
	/* interrupt: log it, disable its source */ \
	slli a6, a6, 4;                             \
	andi tp, s9, 15;                            \
	or a6, a6, tp;                              \
	li tp, 1;                                   \
	sll tp, tp, s9;                             \
	csrc mie, tp;                               \
	mret;                                       \
2:	PRIV_IN_FAIL                                \
	beqz tp, 3f;                                \
	li tp, MSTATUS_MPP;                         \
	csrs mstatus, tp;                           \
	la tp, fail;                                \
	csrw mepc, tp;                              \
	mret;                                       \
3:	beqz s8, 4f;                                \
	csrw mepc, s8;                              \
	li s8, 0;                                   \
	mret;                                       \
4:	/* physical address of the instruction */   \
	PRIV_UNALIAS(s10)                           \
	lhu tp, 0(tp);                              \
	PRIV_NEXT_PC(s10)                           \
	csrw mepc, tp;                              \
	mret;                                       \
	.align 2;                                   \
strap:                                              \
	csrr tp, scause;                            \
	addi tp, tp, -8;                            \
	sltiu tp, tp, 4;                            \
	beqz tp, 1f;                                \
	li tp, PRIV_MAGIC;                          \
	bne a7, tp, 1f;                             \
	ecall; /* forward the GOTO_M request */     \
1:	csrr s9, scause;                            \
	csrr s10, sepc;                             \
	csrr s11, stval;                            \
	csrr tp, sstatus;                           \
	srli tp, tp, 8;                             \
	andi tp, tp, 1;                             \
	slli tp, tp, 4;                             \
	ori s7, tp, 1;                              \
	bgez s9, 2f;                                \
	slli a6, a6, 4;                             \
	andi tp, s9, 15;                            \
	or a6, a6, tp;                              \
	li tp, 1;                                   \
	sll tp, tp, s9;                             \
	csrc sie, tp;                               \
	sret;                                       \
2:	PRIV_IN_FAIL                                \
	beqz tp, 3f;                                \
	la s8, fail;                                \
	li a7, PRIV_MAGIC;                          \
	ecall;                                      \
3:	beqz s8, 4f;                                \
	csrw sepc, s8;                              \
	li s8, 0;                                   \
	sret;                                       \
4:	/* read the instruction with SUM and MXR set */ \
	csrr tp, sstatus;                           \
	csrw sscratch, tp;                          \
	li tp, MSTATUS_SUM | MSTATUS_MXR;           \
	csrs sstatus, tp;                           \
	lhu tp, 0(s10);                             \
	csrrw tp, sscratch, tp;                     \
	csrw sstatus, tp;                           \
	csrr tp, sscratch;                          \
	PRIV_NEXT_PC(s10)                           \
	csrw sepc, tp;                              \
	sret;                                       \
priv_init_done:

/* ------------------------------------------------------------------ */
/* Page tables                                                         */

#define PTE_V (1 << 0)
#define PTE_R (1 << 1)
#define PTE_W (1 << 2)
#define PTE_X (1 << 3)
#define PTE_U (1 << 4)
#define PTE_G (1 << 5)
#define PTE_A (1 << 6)
#define PTE_D (1 << 7)
#define PTE_RWX   (PTE_R | PTE_W | PTE_X)
#define PTE_LEAF  (PTE_V | PTE_A | PTE_D)

#define PT_PAGE(k)   (0x80800000 + (k) * 0x1000)
#define DATA_PAGE(k) (0x80900000 + (k) * 0x1000)
#define TVA(k)       (0x40000000 + (k) * 0x1000)

#define PTE(pa, flags) ((((pa) >> 12) << 10) | (flags))

#define SATP_SV39 (8 << 60)
#define SATP_SV48 (9 << 60)
#define SATP_SV57 (10 << 60)
#define SATP_ASID(a) ((a) << 44)

/* table[idx] = PTE(pa, flags); clobbers t0, t1 */
#define SET_PTE(table, idx, pa, flags)              \
	li t0, (table) + (idx) * 8;                 \
	li t1, PTE(pa, flags);                      \
	sd t1, 0(t0);

/* t1 = table[idx]; clobbers t0 */
#define GET_PTE(table, idx)                         \
	li t0, (table) + (idx) * 8;                 \
	ld t1, 0(t0);

/* Zero n bytes at constant address a (n a multiple of 8); clobbers t0, t1 */
#define ZERO_MEM(a, n)                              \
	li t0, a;                                   \
	li t1, (a) + (n);                           \
	1: sd zero, 0(t0);                          \
	addi t0, t0, 8;                             \
	bltu t0, t1, 1b;

/* Store the 64-bit constant v at address a; clobbers t0, t1 */
#define STORE64(a, v)                               \
	li t0, a;                                   \
	li t1, v;                                   \
	sd t1, 0(t0);

/* Sv39 layout: PT_PAGE(0) root, PT_PAGE(1) level 1 for VA 0x40000000,
 * PT_PAGE(2) leaf table for VA 0x40000000..0x401fffff. */
#define SV39_SETUP                                  \
	ZERO_MEM(PT_PAGE(0), 16 * 0x1000)           \
	SET_PTE(PT_PAGE(0), 2, 0x80000000, PTE_LEAF | PTE_RWX) \
	SET_PTE(PT_PAGE(0), 3, 0x80000000, PTE_LEAF | PTE_RWX | PTE_U) \
	SET_PTE(PT_PAGE(0), 1, PT_PAGE(1), PTE_V)   \
	SET_PTE(PT_PAGE(1), 0, PT_PAGE(2), PTE_V)

/* Map test page TVA(k) -> pa with flags (Sv39 and Sv48 share the leaf) */
#define MAP_TVA(k, pa, flags) SET_PTE(PT_PAGE(2), k, pa, flags)

/* Sv48 layout: PT_PAGE(3) root, whose entry 0 points to PT_PAGE(0), which
 * then holds the same tree as SV39_SETUP. */
#define SV48_SETUP                                  \
	SV39_SETUP                                  \
	SET_PTE(PT_PAGE(3), 0, PT_PAGE(0), PTE_V)

/* Sv57 layout: PT_PAGE(15) root, whose entry 0 points to PT_PAGE(3), which
 * then holds the same tree as SV48_SETUP. */
#define SV57_SETUP                                  \
	SV48_SETUP                                  \
	SET_PTE(PT_PAGE(15), 0, PT_PAGE(3), PTE_V)

/* Copy nbytes (multiple of 8) from label src to physical address dst, then
 * fence.i; clobbers t0-t3 */
#define COPY_CODE(src, dst, nbytes)                 \
	la t0, src;                                 \
	li t1, dst;                                 \
	li t2, nbytes;                              \
	1: ld t3, 0(t0);                            \
	sd t3, 0(t1);                               \
	addi t0, t0, 8;                             \
	addi t1, t1, 8;                             \
	addi t2, t2, -8;                            \
	bnez t2, 1b;                                \
	fence.i;

#define SATP_ON(value)                              \
	li t0, value;                               \
	csrw satp, t0;                              \
	sfence.vma;

#define SV39_ON SATP_ON(SATP_SV39 | (PT_PAGE(0) >> 12))
#define SV48_ON SATP_ON(SATP_SV48 | (PT_PAGE(3) >> 12))
#define SV57_ON SATP_ON(SATP_SV57 | (PT_PAGE(15) >> 12))

/* ------------------------------------------------------------------ */
/* Sdtrig triggers (mcontrol, type 2)                                   */
#define CSR_TSELECT  0x7a0
#define CSR_TDATA1   0x7a1
#define CSR_TDATA2   0x7a2
#define CSR_TDATA3   0x7a3
#define CSR_TINFO    0x7a4
#define CSR_TCONTROL 0x7a5
#define TCONTROL_MTE  (1 << 3)
#define TCONTROL_MPTE (1 << 7)
#define MC_TYPE2   (2 << 60)
#define MC_MASKMAX (63 << 53)
#define MC_HIT     (1 << 20)
#define MC_SIZE(c) ((((c) >> 2) << 21) | (((c) & 3) << 16))
#define MC_MATCH(m) ((m) << 7)
#define MC_M       (1 << 6)
#define MC_S       (1 << 4)
#define MC_U       (1 << 3)
#define MC_EXEC    (1 << 2)
#define MC_STORE   (1 << 1)
#define MC_LOAD    (1 << 0)
/* size codes */
#define MC_ANY 0
#define MC_B   1
#define MC_H   2
#define MC_W   3
#define MC_D   5
/* match modes */
#define MC_EQ    0
#define MC_NAPOT 1
#define MC_GE    2
#define MC_LT    3

/* Trigger i: tdata2 = addr (a register), tdata1 = ctl; clobbers t0 */
#define TRIG_SET(i, ctl, addr)                      \
	li t0, i;                                   \
	csrw CSR_TSELECT, t0;                       \
	li t0, MC_TYPE2 | (ctl);                    \
	csrw CSR_TDATA1, t0;                        \
	csrw CSR_TDATA2, addr;
/* Trigger i armed for nothing; clobbers t0 */
#define TRIG_OFF(i)                                 \
	li t0, i;                                   \
	csrw CSR_TSELECT, t0;                       \
	csrw CSR_TDATA1, zero;
/* M-mode triggers may fire */
#define TRIG_MTE_ON                                 \
	li t0, TCONTROL_MTE;                        \
	csrs CSR_TCONTROL, t0;

#endif
