/* Address translation (Sv39/Sv48/Sv57), PMP, and the memory slow paths. */
#ifndef REWIND_CORE_MMU_H
#define REWIND_CORE_MMU_H

#include "hart.h"

enum access { ACC_R = 0, ACC_W = 1, ACC_X = 2 };

#define SATP_MODE_BARE	0
#define SATP_MODE_SV39	8
#define SATP_MODE_SV48	9
#define SATP_MODE_SV57	10
#define SATP_ASID_SHIFT 44
#define SATP_ASID_MASK	(0xffffull << SATP_ASID_SHIFT)
#define SATP_PPN_MASK	((1ull << 44) - 1)

/* satp after a write of val: true with *out set, or false when the mode is
 * one this machine does not offer (satp is WARL: it keeps its value). What
 * is offered depends on the machine version (core/machine.h). */
bool mmu_satp_legalize(const struct hart *h, uint64_t val, uint64_t *out);

/* PTE bits */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

/* Translate va for an access of kind acc at privilege priv. On success
 * returns 0 and the physical address. On failure returns the exception
 * cause (page fault or access fault of the access kind); never 0. Sets A/D
 * bits in the PTE as hardware does. A va that fails is left untouched. */
int mmu_translate(struct hart *h, uint64_t va, enum access acc, enum priv priv,
		  uint64_t *pa);

/* Translate va as a debugger sees hart h's memory now, with no side
 * effects (no A/D updates, no faults raised, permissions not checked): in
 * M-mode or with translation off an address is physical, unless it is
 * not memory and satp names page tables, which then translate it (so
 * kernel virtual addresses work while the hart is in firmware). 0, or -1
 * when nothing is mapped there. */
int mmu_debug_translate(const struct hart *h, uint64_t va, uint64_t *pa);

/* One page-table walk as a debugger shows it: each level's PTE. */
struct mmu_walk_step {
	int level;	 /* levels - 1 down to 0 */
	uint64_t pte_pa; /* where the PTE is */
	uint64_t pte;	 /* its value, when read */
	bool read;	 /* false: pte_pa is not memory */
};
struct mmu_walk {
	uint64_t mode; /* satp's MODE field */
	int levels;
	int nsteps;
	struct mmu_walk_step step[5];
	int fault;   /* the level where the walk stopped, or -1 */
	uint64_t pa; /* the translation, when the walk succeeded */
};

/* Walk hart h's page tables (satp, whatever the privilege) for va as
 * mmu_debug_translate does, recording each level in *w: 0 with w->pa,
 * or -1 with w->fault the failing level (-1 too for a va outside the
 * mode's range, with no steps). satp must name a paged mode. */
int mmu_debug_walk(const struct hart *h, uint64_t va, struct mmu_walk *w);

/* Translate pc for execution and cache the page in the fetch TLB when it
 * can be; returns 0, or EXEC_TRAP after raising the fetch fault. */
int mmu_fetch_map(struct hart *h, uint64_t pc);
/* Fetch 16 bits at va through the MMU without caching; 0 or EXEC_TRAP. */
int mmu_fetch_slow(struct hart *h, const struct insn *in, uint64_t va,
		   uint64_t *out);

/* A host pointer for an aligned read-modify-write of size bytes at va (AMOs
 * and SC), translated for write; 0 or EXEC_TRAP. trig_kind: the triggers
 * it answers to (TRIG_LOAD | TRIG_STORE for an AMO, TRIG_STORE for SC). */
int mmu_rmw_ptr(struct hart *h, const struct insn *in, uint64_t va,
		unsigned size, unsigned trig_kind, void **host, uint64_t *pa);
/* Translate for a load (LR): 0 or EXEC_TRAP. */
int mmu_load_pa(struct hart *h, const struct insn *in, uint64_t va,
		unsigned size, uint64_t *pa);

/* PMP: may priv access [pa, pa+len) with acc? */
bool pmp_allows(struct hart *h, uint64_t pa, uint64_t len, enum access acc,
		enum priv priv);
/* Does one PMP outcome hold for the whole 4 KiB page at page_pa, so that a
 * TLB entry may cache it? Sets *ok to that outcome. */
bool pmp_page_uniform(struct hart *h, uint64_t page_pa, enum access acc,
		      enum priv priv, bool *ok);
/* CSR access to pmpcfg/pmpaddr (number is the CSR number). */
uint64_t pmp_read_cfg(const struct hart *h, unsigned reg);
void pmp_write_cfg(struct hart *h, unsigned reg, uint64_t val);
uint64_t pmp_read_addr(const struct hart *h, unsigned i);
/* Recompute pmp_active from the entries and drop cached translations, after
 * pmpcfg or pmpaddr changed. */
void pmp_refresh(struct hart *h);
void pmp_write_addr(struct hart *h, unsigned i, uint64_t val);

#endif
