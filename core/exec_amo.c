/* The A extension: LR/SC with a reservation, and the AMOs. Memory is
 * sequentially consistent here (one host thread), so aq/rl need nothing. */
#include "exec.h"
#include "machine.h"
#include "mmu.h"
#include "trigger.h"

#define SEXT32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))

static int lr(struct hart *h, const struct insn *in, unsigned size)
{
	uint64_t va = h->x[in->rs1], v;
	int r = mmu_load_pa(h, in, va, size, &h->slow_pa);
	if (r)
		return r;
	uint64_t pa = h->slow_pa;
	h->live_idx = in->idx;
	const void *p = bus_host_ptr(&h->m->bus, pa, size);
	if (size == 4) {
		uint32_t w;
		memcpy(&w, p, 4);
		v = SEXT32(w);
	} else {
		memcpy(&v, p, 8);
	}
	h->resv_addr = pa;
	h->resv_valid = true;
	h->x[in->rd] = v;
	return exec_next(h, in);
}

/* On to the next instruction, unless a watched access stopped the hart:
 * then out of the block right after this one (hart_run runs whole blocks
 * while only writes are watched). */
static inline int amo_next(struct hart *h, const struct insn *in)
{
	if (__builtin_expect(h->stop == STOP_WATCH, 0)) {
		h->pc = insn_pc(h, in) + in->len;
		return exec_exit(in);
	}
	return exec_next(h, in);
}

static int sc(struct hart *h, const struct insn *in, unsigned size)
{
	int r = mmu_rmw_ptr(h, in, h->x[in->rs1], size, TRIG_STORE,
			    &h->slow_ptr, &h->slow_pa);
	if (r)
		return r;
	void *p = h->slow_ptr;
	bool ok = h->resv_valid && h->resv_addr == h->slow_pa;
	h->resv_valid = false;
	if (ok) {
		memcpy(p, &h->x[in->rs2], size);
		bus_watch_host(&h->m->bus, p, size);
	}
	h->x[in->rd] = !ok;
	return amo_next(h, in);
}

int exec_lr_w(struct hart *h, const struct insn *in)
{
	return lr(h, in, 4);
}
int exec_lr_d(struct hart *h, const struct insn *in)
{
	return lr(h, in, 8);
}
int exec_sc_w(struct hart *h, const struct insn *in)
{
	return sc(h, in, 4);
}
int exec_sc_d(struct hart *h, const struct insn *in)
{
	return sc(h, in, 8);
}

/* The host pointer for an AMO: the write TLB when it hits (its pages are
 * readable, writable, dirty-marked and hold no code), else the slow path. */
static inline int amo_ptr(struct hart *h, const struct insn *in, unsigned size,
			  void **p)
{
	uint64_t va = h->x[in->rs1];
	const struct tlb_entry *e = &h->dtlb->w[tlb_index(va)];
	if (__builtin_expect((va & (~0xfffull | (size - 1))) == e->tag, 1)) {
		*p = (void *)(e->addend + (uintptr_t)va);
		return 0;
	}
	/* Parked at a checkpoint (core/dirty.c): noted, used as it was. */
	*p = machine_store_parked(h, va, size);
	if (*p)
		return 0;
	int r = mmu_rmw_ptr(h, in, va, size, TRIG_LOAD | TRIG_STORE,
			    &h->slow_ptr, &h->slow_pa);
	*p = h->slow_ptr;
	return r;
}

/* One AMO at one width: T the memory word, S its signed type (for the
 * min/max orders and for sign-extending the old value into rd). */
#define AMO(name, w, T, S, expr)                                               \
	int exec_##name##_##w(struct hart *h, const struct insn *in)           \
	{                                                                      \
		void *p;                                                       \
		int r = amo_ptr(h, in, sizeof(T), &p);                         \
		if (r)                                                         \
			return r;                                              \
		T a, b = (T)h->x[in->rs2];                                     \
		memcpy(&a, p, sizeof(T));                                      \
		T v = (expr);                                                  \
		memcpy(p, &v, sizeof(T));                                      \
		bus_watch_host(&h->m->bus, p, sizeof(T));                      \
		h->x[in->rd] = (uint64_t)(int64_t)(S)a;                        \
		return amo_next(h, in);                                        \
	}

/* Each AMO's new memory value from the old one (a) and rs2 (b). */
#define AMO_OPS(X, w, T, S)                                                    \
	X(amoswap, w, T, S, b)                                                 \
	X(amoadd, w, T, S, a + b)                                              \
	X(amoxor, w, T, S, a ^ b)                                              \
	X(amoand, w, T, S, a &b)                                               \
	X(amoor, w, T, S, a | b)                                               \
	X(amomin, w, T, S, (S)a < (S)b ? a : b)                                \
	X(amomax, w, T, S, (S)a > (S)b ? a : b)                                \
	X(amominu, w, T, S, a < b ? a : b)                                     \
	X(amomaxu, w, T, S, a > b ? a : b)

AMO_OPS(AMO, w, uint32_t, int32_t)
AMO_OPS(AMO, d, uint64_t, int64_t)
