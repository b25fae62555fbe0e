/* One RV64GC hart: architectural state, the pre-decoded instruction record
 * and the inline fast paths that every execute handler uses. */
#ifndef REWIND_CORE_HART_H
#define REWIND_CORE_HART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct machine;
struct hart;
struct insn;
struct block;
struct state_buf;
struct state_reader;

/* How an execute handler leaves its block: the kind in the low two bits,
 * the instructions of the block retired so far above them (exec_leave).
 * Helpers return EXEC_NEXT (0) for "go on". */
enum {
	EXEC_NEXT = 0, /* (helpers) retired; the handler goes on */
	EXEC_EXIT = 1, /* retired; h->pc already holds the next pc */
	EXEC_TRAP =
		2, /* did not retire; a trap was entered (h->pc = handler) */
};

typedef int (*insn_fn)(struct hart *h, const struct insn *in);

/* A decoded instruction. Decoding happens once per block build, never per
 * execution. Integer destination 0 is decoded as XREG_SINK so that handlers
 * can write rd unconditionally and x0 stays zero. Each field means one
 * thing; a field the instruction's format lacks is 0 (isa.h). */
struct insn {
	insn_fn fn;
	/* The immediate operand: sign-extended, a shift amount, or the 5-bit
	 * zimm of a Zicsr instruction. */
	int64_t imm;
	/* The encoding as fetched (16 bits when len is 2): the trap value of
	 * an illegal instruction. */
	uint32_t raw;
	/* Register numbers. */
	uint8_t rd, rs1, rs2, rs3;
	uint8_t len;  /* 2 or 4: bytes this instruction occupies */
	uint8_t idx;  /* position in its block: retired-so-far when it starts */
	uint8_t rm;   /* FP rounding-mode field (FP_DYN: use frm) */
	uint8_t aqrl; /* AMO ordering bits: aq << 1 | rl */
	uint16_t csr; /* Zicsr: the CSR number */
	uint16_t off; /* byte offset from the block start: pc = h->pc + off */
};
/* Blocks are arrays of these that every handler walks: keep it small. */
_Static_assert(sizeof(struct insn) == 32, "struct insn grew");

#define XREG_SINK 32
static inline uint8_t xrd(uint32_t r)
{
	return r ? (uint8_t)r : XREG_SINK;
}

/* A block runs as a chain: a handler that falls through calls the next
 * record's handler in tail position (a jump when optimised), so each
 * handler has its own indirect branch for the host to predict, and the
 * block's terminator record (block_end) leaves with the count. */
static inline int exec_next(struct hart *h, const struct insn *in)
{
	return in[1].fn(h, in + 1);
}
static inline int exec_leave(int kind, unsigned retired)
{
	return kind | (int)(retired << 2);
}
/* Leave the block after `in` retired; h->pc holds the next pc. */
static inline int exec_exit(const struct insn *in)
{
	return exec_leave(EXEC_EXIT, in->idx + 1u);
}
/* Instructions retired in its block by the handler result r. */
static inline unsigned exec_retired(int r)
{
	return (unsigned)r >> 2;
}

enum priv { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* Software TLB: a direct-mapped cache from virtual page to host pointer.
 * host = va + addend. The tag is the page's virtual address, so that one
 * mask and compare check the page and, for an aligned access, that it stays
 * inside it (a misaligned one takes the slow path). TLB_INVALID never
 * matches: a masked address has bits 3..11 clear.
 * 4096 slots a set: buffers 4 MiB apart (a 1024-page stride) no longer
 * share a slot, and an 8 MiB working set fits. */
#define TLB_BITS    12
#define TLB_SIZE    (1u << TLB_BITS)
#define TLB_INVALID UINT64_MAX
/* A valid entry set aside at a checkpoint (core/dirty.c): its tag has this
 * bit, which no masked address has, so the next access misses, and the
 * slow path puts it back (hart_unpark_*) without walking the page tables
 * and notes the page. Everything else treats it as the entry it was. */
#define TLB_PARKED 0x800ull
/* Slots filled since the last flush are logged so that a flush clears only
 * those: Linux writes satp on every context switch and a set is 192 KiB. */
#define TLB_LOG 1024
struct tlb_entry {
	uint64_t tag; /* va & ~0xfff */
	uintptr_t addend;
};
struct tlb_set {
	struct tlb_entry r[TLB_SIZE], w[TLB_SIZE], x[TLB_SIZE];
	uint32_t nlog;		     /* entries in log; > TLB_LOG: overflowed */
	uint16_t log[TLB_LOG];	     /* (access << TLB_BITS) | slot */
	uint64_t super_lo, super_hi; /* virtual range of the entries that
					come from superpages; empty: lo > hi */
};
/* The host address of the page a valid entry maps. */
static inline uintptr_t tlb_host_page(const struct tlb_entry *e)
{
	return (uintptr_t)(e->tag & ~0xfffull) + e->addend;
}
static inline unsigned tlb_index(uint64_t va)
{
	return (unsigned)(va >> 12) & (TLB_SIZE - 1);
}

/* Address spaces: on a machine with ASIDs (version 2), the S- and U-mode
 * sets of the last TLB_SPACES address spaces stay filled while satp
 * names another, so a kernel switching between processes finds each one's
 * translations again instead of walking its page tables anew. A space is
 * keyed by the whole satp (mode, ASID, root), never used while satp holds
 * another value, and dropped by a fence for its ASID; one with ASID 0 is
 * emptied whenever it becomes current again. Version 1 machines
 * have one space, emptied by every satp write, as they always did. */
#define TLB_SPACES	  4
#define TLB_SPACE_NONE	  UINT64_MAX /* mode 15: no satp holds it */
#define TLB_SPACE_SETS(k) (4 + 2 * ((k)-1))
#define TLB_SETS	  TLB_SPACE_SETS(TLB_SPACES)

/* Jump cache: the block last found at a pc, per privilege, so that most
 * blocks are found without the fetch TLB and the code-page table. Valid
 * while translations and blocks are: flushed with the TLB and whenever a
 * block is freed. Filled slots are logged like the TLB's. */
#define JCACHE_BITS 12
#define JCACHE_SIZE (1u << JCACHE_BITS)
#define JCACHE_LOG  256
struct jcache_entry {
	uint64_t pc;
	struct block *block;
};
struct jcache_set {
	struct jcache_entry e[JCACHE_SIZE];
	uint32_t nlog; /* > JCACHE_LOG: overflowed */
	uint16_t log[JCACHE_LOG];
	/* A bit per (virtual page & 4095) that may have entries, so that
	 * sfence.vma of a data page (the common case) skips the search. */
	uint64_t pages[64];
};
static inline unsigned jcache_index(uint64_t pc)
{
	return (unsigned)(pc >> 1) & (JCACHE_SIZE - 1);
}

#define PMP_COUNT 16
/* Sdtrig triggers (core/trigger.c), as many as QEMU's virt board has. */
#define TRIG_COUNT 2
struct trigger {
	uint64_t tdata1, tdata2;
};
/* Remembered PMP outcomes of whole pages (core/pmp.c). key: page address
 * | access << 1 | privilege << 3 | 1; 0 is empty. */
#define PMP_MEMO 64
struct pmp_memo {
	uint64_t key;
	bool ok;
};

/* Trap causes (mcause values without the interrupt bit). */
enum {
	EXC_INSN_MISALIGNED = 0,
	EXC_INSN_ACCESS = 1,
	EXC_ILLEGAL = 2,
	EXC_BREAKPOINT = 3,
	EXC_LOAD_MISALIGNED = 4,
	EXC_LOAD_ACCESS = 5,
	EXC_STORE_MISALIGNED = 6,
	EXC_STORE_ACCESS = 7,
	EXC_ECALL_U = 8,
	EXC_ECALL_S = 9,
	EXC_ECALL_M = 11,
	EXC_INSN_PAGE = 12,
	EXC_LOAD_PAGE = 13,
	EXC_STORE_PAGE = 15,
};
enum {
	IRQ_SSI = 1,
	IRQ_MSI = 3,
	IRQ_STI = 5,
	IRQ_MTI = 7,
	IRQ_SEI = 9,
	IRQ_MEI = 11,
};
#define MIP_SSIP (1ull << IRQ_SSI)
#define MIP_MSIP (1ull << IRQ_MSI)
#define MIP_STIP (1ull << IRQ_STI)
#define MIP_MTIP (1ull << IRQ_MTI)
#define MIP_SEIP (1ull << IRQ_SEI)
#define MIP_MEIP (1ull << IRQ_MEI)

/* Why hart_run returned before its budget was used. */
enum hart_stop {
	STOP_NONE = 0,	 /* budget exhausted */
	STOP_WFI,	 /* waiting for an interrupt; pc is past the wfi */
	STOP_BREAKPOINT, /* pc matches a breakpoint set through the run API */
	STOP_RESCHED,	 /* back to the scheduler: a deadline, a line or exit
			    changed */
	STOP_WATCH,	 /* an access touched a watchpoint (m->watch_hit) */
	STOP_YIELD,	 /* spinning: the rest of its turn goes to another
			    hart (machine_yield) */
};

struct hart {
	/* hot: touched by nearly every handler */
	uint64_t x[33]; /* x[32] is the sink for writes to x0 */
	uint64_t pc;
	struct tlb_set *dtlb; /* data TLB for the effective data privilege */
	struct tlb_set *itlb; /* fetch TLB for the current privilege */
	uint64_t f[32];	      /* FP registers, NaN-boxed singles */
	uint32_t fflags;      /* accrued exceptions, 5 bits */
	uint32_t frm;	      /* dynamic rounding mode, 3 bits */

	enum priv priv;
	uint64_t icount; /* retired instructions on this hart (minstret base) */

	/* LR/SC reservation: physical address, valid flag */
	uint64_t resv_addr;
	bool resv_valid;

	bool wfi;     /* waiting for interrupt */
	bool bp_skip; /* resuming: a breakpoint at pc does not stop again */
	enum hart_stop stop;
	uint8_t live_idx; /* idx of the executing record, for exact mid-block
			     time */

	/* machine-level CSRs */
	uint64_t mstatus, misa, medeleg, mideleg, mie, mip, mtvec, mscratch,
		mepc, mcause, mtval, mcounteren, menvcfg, mcountinhibit;
	uint64_t stvec, sscratch, sepc, scause, stval, satp, scounteren,
		senvcfg, stimecmp;
	uint64_t mcycle_off,
		minstret_off; /* writes to counters store offsets */
	uint8_t pmpcfg[PMP_COUNT];
	uint64_t pmpaddr[PMP_COUNT];
	bool pmp_active; /* an entry is on: M-mode accesses are checked too */
	struct pmp_memo pmp_memo[PMP_MEMO]; /* cleared by pmp_refresh */
	uint32_t trap_streak; /* traps taken with nothing retired in between */
	uint64_t hartid;

	struct machine *m;
	/* Out-parameters of the slow paths. Handlers pass these rather than
	 * locals of their own: a local whose address escapes stops the
	 * compiler from chaining to the next handler with a jump. */
	uint64_t slow_val, slow_pa;
	void *slow_ptr;
	uint32_t slow_flags;
	unsigned tune; /* machine's TUNE_* switches, copied at creation */
	/* Chaining (hart_goto in core/chain.h): instructions that blocks
	 * entered without a return to the run loop may still retire; 0
	 * forbids chaining (breakpoints, copies of blocks, no-chain). */
	uint64_t chain_left;
	uint8_t walk_level; /* leaf level of the last successful walk: 0 for
			       a 4 KiB page, more for a superpage */
	/* mip.SEIP is the PLIC's line OR the bit M-mode software wrote. */
	bool seip_line, seip_sw;
	/* Sdtrig (core/trigger.c). trig_exec / trig_data: some trigger may
	 * fire on execution / on a load or store, derived by trig_refresh;
	 * while both are clear no trigger costs anything. */
	struct trigger trig[TRIG_COUNT];
	uint64_t tselect, tcontrol;
	bool trig_exec, trig_data;
	/* The address spaces whose S- and U-mode translations are cached,
	 * each named by the satp it was filled under (TLB_SPACE_NONE: free),
	 * the current one, and when each was last current. */
	uint64_t space_satp[TLB_SPACES], space_used[TLB_SPACES];
	uint64_t space_clock;
	unsigned space;
	/* The caches come last, megabytes of them: hart_state_load and
	 * hart_reset touch only what precedes them (the caches are emptied
	 * through their fill logs). tlb[priv] are the sets of space 0 (and
	 * M-mode's, tlb[PRIV_M], which no satp concerns; tlb[2] is unused);
	 * tlb[TLB_SPACE_SETS(k)] and the next are the U and S sets of space
	 * k > 0. */
	struct tlb_set tlb[TLB_SETS];
	struct jcache_set jcache[4]; /* indexed by enum priv */
};

/* While a block runs, h->pc stays at the block's first instruction; blocks
 * are keyed by physical address and so shared by every virtual alias. */
static inline uint64_t insn_pc(const struct hart *h, const struct insn *in)
{
	return h->pc + in->off;
}

/* The power-on state: M-mode, registers and CSRs at their reset values. */
void hart_reset(struct hart *h);

/* The architectural state (registers, CSRs, privilege, reservation, wait
 * state, instruction count) as bytes, for snapshots. Load checks every
 * value and changes nothing unless all are valid: 0, -EINVAL for a
 * truncated or invalid state, -ENOMEM. Cached translations and decoded
 * blocks found through the jump cache are dropped. */
void hart_state_save(const struct hart *h, struct state_buf *b);
int hart_state_load(struct hart *h, struct state_reader *r);
/* The translation and jump caches, for snapshots. Unlike a real TLB these
 * are not invisible: whether an access walks the page tables decides when
 * A/D bits are set, and a guest that skips sfence.vma sees the cached
 * translation. Host pointers are saved as (region, offset) and blocks are
 * decoded again from RAM, so load needs RAM and the code pages restored
 * first (block_state_load). Load checks every entry before applying any:
 * 0, -EINVAL changing nothing, or -ENOMEM (decoding a block). */
void hart_cache_save(const struct hart *h, struct state_buf *b);
int hart_cache_load(struct hart *h, struct state_reader *r);

/* Point dtlb/itlb at the sets for the current privilege and MPRV/MPP;
 * call after any change of priv, mstatus.MPRV or mstatus.MPP. */
void hart_update_mode(struct hart *h);
/* Forget every cached translation of this hart. */
void hart_flush_tlb(struct hart *h);
/* Forget every block found through the jump cache (blocks were freed). */
void hart_flush_jcache(struct hart *h);
/* Forget the translations that depend on satp and the page tables (the S
 * and U sets of every address space; M-mode accesses are never
 * translated). */
void hart_flush_tlb_paged(struct hart *h);
/* Forget the S- and U-mode translations of the page holding va in every
 * address space (what sfence.vma with an address asks for). */
void hart_flush_tlb_page(struct hart *h, uint64_t va);
/* Forget the translations of the address spaces with this ASID (what
 * sfence.vma x0, rs2 asks for). */
void hart_flush_tlb_asid(struct hart *h, uint64_t asid);
/* satp takes the legal value satp: its address space's cached
 * translations become current, if it has any (machine version 2). */
void hart_satp_set(struct hart *h, uint64_t satp);
/* Put the translation of virtual page vpn into slot k of array acc (0 r,
 * 1 w, 2 x) of a set. Entries are set only through here: the log must
 * know every valid slot. */
void hart_tlb_put(struct tlb_set *s, unsigned acc, unsigned k, uint64_t vpn,
		  uintptr_t addend);
/* Remember a jump-cache entry. */
void hart_jcache_put(struct jcache_set *j, uint64_t pc, struct block *b);
/* Take the highest-priority pending and enabled interrupt, if any. */
bool hart_take_interrupt(struct hart *h);

/* The Sstc extension's stimecmp drives STIP when menvcfg.STCE is set. */
#define MENVCFG_STCE (1ull << 63)
static inline bool hart_sstc_enabled(const struct hart *h)
{
	return (h->menvcfg & MENVCFG_STCE) != 0;
}

/* FP and the rest of the core call these. */
int hart_trap(struct hart *h, const struct insn *in, uint64_t cause,
	      uint64_t tval);
int hart_illegal(struct hart *h, const struct insn *in);

/* Slow paths (core/mmu.c); return 0 or EXEC_TRAP after raising the trap. */
int mmu_load_slow(struct hart *h, const struct insn *in, uint64_t va,
		  unsigned size, uint64_t *out);
int mmu_store_slow(struct hart *h, const struct insn *in, uint64_t va,
		   unsigned size, uint64_t val);

/* The fast paths: a hit in the data TLB on an access that stays inside
 * the page. Loads zero-extend into *out; the caller sign-extends.
 * Little-endian host. On a miss the caller takes the slow path
 * (mmu_load_slow / mmu_store_slow), which handlers call from a separate
 * function so that the fast path needs no stack frame. */
static inline bool hart_load_fast(struct hart *h, uint64_t va, unsigned size,
				  uint64_t *out)
{
	const struct tlb_entry *e = &h->dtlb->r[tlb_index(va)];
	if (__builtin_expect((va & (~0xfffull | (size - 1))) != e->tag, 0))
		return false;
	const void *p = (const void *)(e->addend + (uintptr_t)va);
	switch (size) {
	case 1: *out = *(const uint8_t *)p; break;
	case 2: {
		uint16_t v;
		memcpy(&v, p, 2);
		*out = v;
		break;
	}
	case 4: {
		uint32_t v;
		memcpy(&v, p, 4);
		*out = v;
		break;
	}
	default: memcpy(out, p, 8); break;
	}
	return true;
}

static inline bool hart_store_fast(struct hart *h, uint64_t va, unsigned size,
				   uint64_t val)
{
	const struct tlb_entry *e = &h->dtlb->w[tlb_index(va)];
	if (__builtin_expect((va & (~0xfffull | (size - 1))) != e->tag, 0))
		return false;
	memcpy((void *)(e->addend + (uintptr_t)va), &val, size);
	return true;
}

/* A load or store through the fast path or else the slow one: 0, or the
 * handler result to leave the block with. */
static inline int hart_load(struct hart *h, const struct insn *in, uint64_t va,
			    unsigned size, uint64_t *out)
{
	if (hart_load_fast(h, va, size, out))
		return 0;
	int r = mmu_load_slow(h, in, va, size, &h->slow_val);
	*out = h->slow_val;
	return r;
}

static inline int hart_store(struct hart *h, const struct insn *in, uint64_t va,
			     unsigned size, uint64_t val)
{
	if (hart_store_fast(h, va, size, val))
		return 0;
	return mmu_store_slow(h, in, va, size, val);
}

/* mstatus fields */
#define MSTATUS_SIE	 (1ull << 1)
#define MSTATUS_MIE	 (1ull << 3)
#define MSTATUS_SPIE	 (1ull << 5)
#define MSTATUS_UBE	 (1ull << 6)
#define MSTATUS_MPIE	 (1ull << 7)
#define MSTATUS_SPP	 (1ull << 8)
#define MSTATUS_VS	 (3ull << 9)
#define MSTATUS_MPP	 (3ull << 11)
#define MSTATUS_FS	 (3ull << 13)
#define MSTATUS_XS	 (3ull << 15)
#define MSTATUS_MPRV	 (1ull << 17)
#define MSTATUS_SUM	 (1ull << 18)
#define MSTATUS_MXR	 (1ull << 19)
#define MSTATUS_TVM	 (1ull << 20)
#define MSTATUS_TW	 (1ull << 21)
#define MSTATUS_TSR	 (1ull << 22)
#define MSTATUS_UXL	 (3ull << 32)
#define MSTATUS_SXL	 (3ull << 34)
#define MSTATUS_SD	 (1ull << 63)
#define MSTATUS_FS_SHIFT 13

/* The pending interrupts that may be taken now: enabled in mie, and in a
 * mode whose global enable allows them (a lower privilege always does).
 * A hart in a wait loop with interrupts off sees some pending but none
 * ready, and must not pay for the priority search on every block. */
static inline uint64_t hart_irq_ready(const struct hart *h)
{
	uint64_t pending = h->mip & h->mie;
	if (!pending)
		return 0;
	bool m_on = h->priv < PRIV_M || (h->mstatus & MSTATUS_MIE);
	bool s_on = h->priv < PRIV_S ||
		    (h->priv == PRIV_S && (h->mstatus & MSTATUS_SIE));
	return (m_on ? pending & ~h->mideleg : 0) |
	       (s_on ? pending & h->mideleg : 0);
}

/* FP is usable only when mstatus.FS is not Off. */
static inline bool hart_fp_enabled(const struct hart *h)
{
	return (h->mstatus & MSTATUS_FS) != 0;
}
/* Any write to FP state marks FS Dirty (and so SD). */
static inline void hart_fp_dirty(struct hart *h)
{
	h->mstatus |= MSTATUS_FS | MSTATUS_SD;
}

#endif
