/* Sv39/Sv48/Sv57 translation, TLB fills, and the load/store/fetch slow
 * paths. */
#include "mmu.h"
#include "bus.h"
#include "machine.h"
#include "trigger.h"

static const uint64_t page_fault_cause[3] = {EXC_LOAD_PAGE, EXC_STORE_PAGE,
					     EXC_INSN_PAGE};
static const uint64_t access_fault_cause[3] = {
	EXC_LOAD_ACCESS, EXC_STORE_ACCESS, EXC_INSN_ACCESS};

/* Permission check of a leaf PTE; true when the access may proceed. */
static bool mmu_leaf_allows(const struct hart *h, uint64_t pte, enum access acc,
			    enum priv priv)
{
	if (priv == PRIV_U && !(pte & PTE_U))
		return false;
	if (priv == PRIV_S && (pte & PTE_U) &&
	    (acc == ACC_X || !(h->mstatus & MSTATUS_SUM)))
		return false;
	switch (acc) {
	case ACC_R:
		return (pte & PTE_R) ||
		       ((h->mstatus & MSTATUS_MXR) && (pte & PTE_X));
	case ACC_W: return (pte & PTE_W) != 0;
	default: return (pte & PTE_X) != 0;
	}
}

bool mmu_satp_legalize(const struct hart *h, uint64_t val, uint64_t *out)
{
	uint64_t mode = val >> 60;
	/* Version 1 machines offered Sv48 at most and no ASID bits (ASIDLEN
	 * 0); their recordings probed satp and must see the same. Version 2
	 * is QEMU virt's hart: Sv57 and 16 ASID bits. */
	bool v1 = h->m->identity == MACHINE_IDENTITY_V1;
	if (mode != SATP_MODE_BARE && mode != SATP_MODE_SV39 &&
	    mode != SATP_MODE_SV48 && (v1 || mode != SATP_MODE_SV57))
		return false;
	*out = v1 ? val & ~SATP_ASID_MASK : val;
	return true;
}

/* Page-table levels of a paged satp mode: Sv39 3, Sv48 4, Sv57 5. */
static int mmu_levels(uint64_t mode)
{
	return mode == SATP_MODE_SV57 ? 5 : mode == SATP_MODE_SV48 ? 4 : 3;
}

int mmu_translate(struct hart *h, uint64_t va, enum access acc, enum priv priv,
		  uint64_t *pa)
{
	uint64_t mode = h->satp >> 60;
	h->walk_level = 0;
	if (priv == PRIV_M || mode == SATP_MODE_BARE) {
		*pa = va;
		return 0;
	}
	int levels = mmu_levels(mode);
	int va_bits = 12 + 9 * levels;
	/* Bits above the VA width must copy its top bit. */
	int64_t top = (int64_t)va >> (va_bits - 1);
	if (top != 0 && top != -1)
		return (int)page_fault_cause[acc];
	struct bus *bus = &h->m->bus;
	uint64_t base = (h->satp & SATP_PPN_MASK) << 12;
	for (int level = levels - 1; level >= 0; level--) {
		uint64_t pte_pa = base + ((va >> (12 + 9 * level)) & 511) * 8;
		/* Page-table reads are checked by PMP as S-mode accesses. */
		uint64_t *ptep = bus_host_ptr(bus, pte_pa, 8);
		if (!ptep || !pmp_allows(h, pte_pa, 8, ACC_R, PRIV_S))
			return (int)access_fault_cause[acc];
		uint64_t pte = *ptep;
		if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) ||
		    (pte >> 54) != 0)
			return (int)page_fault_cause[acc];
		uint64_t ppn = (pte >> 10) & ((1ull << 44) - 1);
		if (!(pte & (PTE_R | PTE_X))) {
			if (level == 0)
				return (int)page_fault_cause[acc];
			base = ppn << 12;
			continue;
		}
		if (!mmu_leaf_allows(h, pte, acc, priv))
			return (int)page_fault_cause[acc];
		uint64_t low_mask = (1ull << (9 * level)) - 1;
		if (ppn & low_mask)
			return (int)page_fault_cause[acc]; /* misaligned
							      superpage */
		uint64_t need = PTE_A | (acc == ACC_W ? PTE_D : 0);
		if ((pte & need) != need) {
			if (!pmp_allows(h, pte_pa, 8, ACC_W, PRIV_S) ||
			    bus_region(bus, pte_pa, 8)->readonly)
				return (int)access_fault_cause[acc];
			*ptep = pte | need;
			bus_note_write(bus, pte_pa, 8);
		}
		*pa = ((ppn & ~low_mask) << 12) |
		      (va & ((1ull << (12 + 9 * level)) - 1));
		h->walk_level = (uint8_t)level;
		return 0;
	}
	return (int)page_fault_cause[acc];
}

int mmu_debug_walk(const struct hart *h, uint64_t va, struct mmu_walk *w)
{
	uint64_t mode = h->satp >> 60;
	int levels = mmu_levels(mode);
	int va_bits = 12 + 9 * levels;
	*w = (struct mmu_walk){.mode = mode, .levels = levels, .fault = -1};
	int64_t top = (int64_t)va >> (va_bits - 1);
	if (top != 0 && top != -1)
		return -1;
	struct bus *bus = &h->m->bus;
	uint64_t base = (h->satp & SATP_PPN_MASK) << 12;
	for (int level = levels - 1; level >= 0; level--) {
		uint64_t pte_pa = base + ((va >> (12 + 9 * level)) & 511) * 8;
		struct mmu_walk_step *st = &w->step[w->nsteps++];
		st->level = level;
		st->pte_pa = pte_pa;
		w->fault = level;
		const uint64_t *ptep = bus_host_ptr(bus, pte_pa, 8);
		if (!ptep)
			return -1;
		uint64_t pte = *ptep;
		st->pte = pte;
		st->read = true;
		if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
			return -1;
		uint64_t ppn = (pte >> 10) & ((1ull << 44) - 1);
		if (!(pte & (PTE_R | PTE_X))) {
			base = ppn << 12;
			continue;
		}
		uint64_t low_mask = (1ull << (9 * level)) - 1;
		w->pa = ((ppn & ~low_mask) << 12) |
			(va & ((1ull << (12 + 9 * level)) - 1));
		w->fault = -1;
		return 0;
	}
	return -1;
}

int mmu_debug_translate(const struct hart *h, uint64_t va, uint64_t *pa)
{
	uint64_t mode = h->satp >> 60;
	/* satp holds only modes mmu_satp_legalize accepted. */
	bool paged = mode != SATP_MODE_BARE;
	if (h->priv == PRIV_M || !paged) {
		if (!paged || bus_region(&h->m->bus, va, 1)) {
			*pa = va;
			return 0;
		}
	}
	struct mmu_walk w;
	if (mmu_debug_walk(h, va, &w))
		return -1;
	*pa = w.pa;
	return 0;
}

static enum priv mmu_data_priv(const struct hart *h)
{
	if (h->priv == PRIV_M && (h->mstatus & MSTATUS_MPRV))
		return (enum priv)((h->mstatus & MSTATUS_MPP) >> 11);
	return h->priv;
}

/* The memory region holding [pa, pa+len), RAM first; NULL for devices. */
static inline struct mem_region *mmu_memory(struct hart *h, uint64_t pa,
					    uint64_t len)
{
	struct mem_region *r = h->m->ram;
	if (pa - r->base < r->size && len <= r->size - (pa - r->base))
		return r;
	return bus_region(&h->m->bus, pa, len);
}

/* Cache the translation of va's page (in memory region r) in TLB set `set`
 * for acc, when PMP gives the whole page one outcome. The walk that
 * translated va must be the hart's last (walk_level says whether it found
 * a superpage). */
static void mmu_tlb_fill(struct hart *h, struct tlb_set *set, uint64_t va,
			 uint64_t pa, struct mem_region *r, enum access acc,
			 enum priv priv)
{
	uint64_t page_pa = pa & ~(PAGE_SIZE - 1);
	bool ok;
	if (!pmp_page_uniform(h, page_pa, acc, priv, &ok) || !ok)
		return;
	/* Watched pages, and pages a load or store trigger may match, stay
	 * uncached so that every access is checked. */
	if (__builtin_expect(h->m->nwatch != 0, 0) && acc != ACC_X &&
	    machine_watch_page(h->m, va))
		return;
	if (__builtin_expect(h->trig_data, 0) && acc != ACC_X &&
	    trig_data_page(h, va))
		return;
	uint8_t *host = r->host + (page_pa - r->base);
	if (acc == ACC_W) {
		/* Writes to code pages go the slow way to drop stale blocks;
		 * a read-modify-write needs read permission too. So do writes
		 * to a page the bus's write watch covers. */
		if (__builtin_expect(h->m->bus.watch.fn != NULL, 0) &&
		    page_pa <= h->m->bus.watch.hi &&
		    h->m->bus.watch.lo <= page_pa + (PAGE_SIZE - 1))
			return;
		if (r->readonly || r->code[(page_pa - r->base) >> PAGE_SHIFT] ||
		    !pmp_page_uniform(h, page_pa, ACC_R, priv, &ok) || !ok)
			return;
		bus_mark_dirty(r, page_pa, PAGE_SIZE);
	}
	if (h->walk_level) {
		uint64_t span = 1ull << (12 + 9 * h->walk_level);
		uint64_t lo = va & ~(span - 1), hi = lo + span - 1;
		if (lo < set->super_lo)
			set->super_lo = lo;
		if (hi > set->super_hi)
			set->super_hi = hi;
	}
	hart_tlb_put(set, (unsigned)acc, tlb_index(va), va >> 12,
		     (uintptr_t)host - (uintptr_t)(va & ~(PAGE_SIZE - 1)));
	if (acc == ACC_W && __builtin_expect(h->m->touch_on, 0))
		machine_fill_write(h, &set->w[tlb_index(va)], page_pa);
}

/* Translate one access that lies within a page and check PMP on the
 * physical range. Returns 0 or the exception cause. */
static int mmu_access(struct hart *h, uint64_t va, unsigned size,
		      enum access acc, enum priv priv, uint64_t *pa)
{
	int cause = mmu_translate(h, va, acc, priv, pa);
	if (cause)
		return cause;
	if (!pmp_allows(h, *pa, size, acc, priv))
		return (int)access_fault_cause[acc];
	return 0;
}

int mmu_fetch_map(struct hart *h, uint64_t pc)
{
	uint64_t pa;
	machine_touch(h->m, &h->m->touched_x, pc); /* see core/dirty.c */
	int cause = mmu_access(h, pc, 2, ACC_X, h->priv, &pa);
	if (cause) {
		struct insn in = {.len = 2};
		h->pc = pc;
		return hart_trap(h, &in, (uint64_t)cause, pc);
	}
	struct mem_region *r = mmu_memory(h, pa, 2);
	if (r)
		mmu_tlb_fill(h, h->itlb, pc, pa, r, ACC_X, h->priv);
	return 0;
}

int mmu_fetch_slow(struct hart *h, const struct insn *in, uint64_t va,
		   uint64_t *out)
{
	uint64_t pa;
	machine_touch(h->m, &h->m->touched_x, va);
	int cause = mmu_access(h, va, 2, ACC_X, h->priv, &pa);
	/* Instructions come from memory only, never from a device. */
	if (!cause && !bus_region(&h->m->bus, pa, 2))
		cause = EXC_INSN_ACCESS;
	if (cause)
		return hart_trap(h, in, (uint64_t)cause, va);
	return bus_read(&h->m->bus, pa, 2, out)
		       ? hart_trap(h, in, EXC_INSN_ACCESS, va)
		       : 0;
}

/* One access of up to 8 bytes that does not cross a page. */
static int mmu_load_page(struct hart *h, const struct insn *in, uint64_t va,
			 unsigned size, uint64_t *out)
{
	enum priv priv = mmu_data_priv(h);
	uint64_t pa;
	int cause = mmu_access(h, va, size, ACC_R, priv, &pa);
	if (cause)
		return hart_trap(h, in, (uint64_t)cause, va);
	struct mem_region *r = mmu_memory(h, pa, size);
	if (r) {
		uint64_t v = 0;
		memcpy(&v, r->host + (pa - r->base), size);
		*out = v;
		mmu_tlb_fill(h, h->dtlb, va, pa, r, ACC_R, priv);
	} else {
		h->live_idx = in->idx; /* a device may read the clock */
		if (bus_read(&h->m->bus, pa, size, out))
			return hart_trap(h, in, EXC_LOAD_ACCESS, va);
	}
	if (__builtin_expect(h->m->nwatch != 0, 0))
		machine_watch_access(h, va, size, false);
	return 0;
}

/* A load or store trigger fires before the access (so it has no effect)
 * and outranks its faults: a breakpoint exception with tval = va. */
static int mmu_trig_check(struct hart *h, const struct insn *in, uint64_t va,
			  unsigned size, unsigned kind)
{
	if (__builtin_expect(h->trig_data, 0) &&
	    trig_data_fires(h, va, size, kind))
		return hart_trap(h, in, EXC_BREAKPOINT, va);
	return 0;
}

int mmu_load_slow(struct hart *h, const struct insn *in, uint64_t va,
		  unsigned size, uint64_t *out)
{
	int t = mmu_trig_check(h, in, va, size, TRIG_LOAD);
	if (t)
		return t;
	if ((va & 0xfff) + size <= PAGE_SIZE)
		return mmu_load_page(h, in, va, size, out);
	/* Misaligned across a page boundary: two accesses, first page first,
	 * so a fault reports the address of the part that faulted. */
	unsigned first = (unsigned)(PAGE_SIZE - (va & 0xfff));
	uint64_t lo, hi;
	int r = mmu_load_page(h, in, va, first, &lo);
	if (!r)
		r = mmu_load_page(h, in, va + first, size - first, &hi);
	if (r)
		return r;
	uint64_t v = lo | hi << (8 * first);
	*out = size == 8 ? v : v & ((1ull << (8 * size)) - 1);
	return 0;
}

static int mmu_store_page(struct hart *h, const struct insn *in, uint64_t va,
			  unsigned size, uint64_t *pa_out, bool *memory)
{
	enum priv priv = mmu_data_priv(h);
	uint64_t pa;
	int cause = mmu_access(h, va, size, ACC_W, priv, &pa);
	if (cause)
		return hart_trap(h, in, (uint64_t)cause, va);
	/* Every store that misses the write TLB, and so every one that
	 * fills it, comes through here (see core/dirty.c). */
	machine_touch_store(h->m, va, size);
	*pa_out = pa;
	*memory = bus_region(&h->m->bus, pa, size) != NULL;
	return 0;
}

int mmu_store_slow(struct hart *h, const struct insn *in, uint64_t va,
		   unsigned size, uint64_t val)
{
	struct bus *bus = &h->m->bus;
	uint64_t pa[2];
	bool memory[2];
	unsigned first = size;
	/* As if the translation had never been parked (core/dirty.c). */
	void *parked = machine_store_parked(h, va, size);
	if (parked) {
		memcpy(parked, &val, size);
		return 0;
	}
	int t = mmu_trig_check(h, in, va, size, TRIG_STORE);
	if (t)
		return t;
	if ((va & 0xfff) + size > PAGE_SIZE)
		first = (unsigned)(PAGE_SIZE - (va & 0xfff));
	/* Translate both parts before writing either, so a fault on the
	 * second page leaves memory unchanged. */
	int r = mmu_store_page(h, in, va, first, &pa[0], &memory[0]);
	if (!r && first < size)
		r = mmu_store_page(h, in, va + first, size - first, &pa[1],
				   &memory[1]);
	if (r)
		return r;
	h->live_idx = in->idx;
	bool left_block = false;
	for (int part = 0; part < (first < size ? 2 : 1); part++) {
		unsigned n = part ? size - first : first;
		uint64_t v = part ? val >> (8 * first) : val;
		struct mem_region *reg = bus_region(bus, pa[part], n);
		bool had_code =
			reg && reg->code[(pa[part] - reg->base) >> PAGE_SHIFT];
		if (bus_write(bus, pa[part], n, v))
			return hart_trap(h, in, EXC_STORE_ACCESS,
					 part ? va + first : va);
		/* A device write may raise an interrupt or move a deadline;
		 * a write into code drops blocks, perhaps this one. Either
		 * way the block must not go on. */
		if (!memory[part] || had_code)
			left_block = true;
	}
	if (h->resv_valid && pa[0] <= h->resv_addr + 7 &&
	    h->resv_addr <= pa[0] + size - 1)
		h->resv_valid = false;
	if (__builtin_expect(h->m->nwatch != 0, 0)) {
		machine_watch_access(h, va, size, true);
		/* A hit stops the hart right after this store: hart_run runs
		 * whole blocks while only writes are watched. */
		if (h->stop == STOP_WATCH)
			left_block = true;
	}
	if (left_block) {
		h->pc = insn_pc(h, in) + in->len;
		return exec_exit(in);
	}
	if (first == size && memory[0])
		mmu_tlb_fill(h, h->dtlb, va, pa[0], mmu_memory(h, pa[0], size),
			     ACC_W, mmu_data_priv(h));
	return 0;
}

int mmu_rmw_ptr(struct hart *h, const struct insn *in, uint64_t va,
		unsigned size, unsigned trig_kind, void **host, uint64_t *pa)
{
	int t = mmu_trig_check(h, in, va, size, trig_kind);
	if (t)
		return t;
	if (va & (size - 1))
		return hart_trap(h, in, EXC_STORE_MISALIGNED, va);
	enum priv priv = mmu_data_priv(h);
	int cause = mmu_access(h, va, size, ACC_W, priv, pa);
	if (!cause && !pmp_allows(h, *pa, size, ACC_R, priv))
		cause = EXC_STORE_ACCESS;
	struct mem_region *r = cause ? NULL : bus_region(&h->m->bus, *pa, size);
	/* Atomics need memory: devices do not support them. */
	if (!cause && (!r || r->readonly))
		cause = EXC_STORE_ACCESS;
	if (cause)
		return hart_trap(h, in, (uint64_t)cause, va);
	bus_note_rmw(&h->m->bus, *pa, size);
	machine_touch_store(h->m, va, size);
	*host = r->host + (*pa - r->base);
	if (__builtin_expect(h->m->nwatch != 0, 0)) {
		machine_watch_access(h, va, size, false);
		machine_watch_access(h, va, size, true);
	}
	return 0;
}

int mmu_load_pa(struct hart *h, const struct insn *in, uint64_t va,
		unsigned size, uint64_t *pa)
{
	int t = mmu_trig_check(h, in, va, size, TRIG_LOAD);
	if (t)
		return t;
	if (va & (size - 1))
		return hart_trap(h, in, EXC_LOAD_MISALIGNED, va);
	int cause = mmu_access(h, va, size, ACC_R, mmu_data_priv(h), pa);
	if (!cause && !bus_region(&h->m->bus, *pa, size))
		cause = EXC_LOAD_ACCESS;
	if (cause)
		return hart_trap(h, in, (uint64_t)cause, va);
	if (__builtin_expect(h->m->nwatch != 0, 0))
		machine_watch_access(h, va, size, false);
	return 0;
}
