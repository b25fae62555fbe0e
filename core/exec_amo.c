/* The A extension: LR/SC with a reservation, and the AMOs. Memory is
 * sequentially consistent here (one host thread), so aq/rl need nothing. */
#include "exec.h"
#include "machine.h"
#include "mmu.h"

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

static int sc(struct hart *h, const struct insn *in, unsigned size)
{
	int r = mmu_rmw_ptr(h, in, h->x[in->rs1], size, &h->slow_ptr,
			    &h->slow_pa);
	if (r)
		return r;
	void *p = h->slow_ptr;
	bool ok = h->resv_valid && h->resv_addr == h->slow_pa;
	h->resv_valid = false;
	if (ok)
		memcpy(p, &h->x[in->rs2], size);
	h->x[in->rd] = !ok;
	return exec_next(h, in);
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
	int r = mmu_rmw_ptr(h, in, va, size, &h->slow_ptr, &h->slow_pa);
	*p = h->slow_ptr;
	return r;
}

#define AMO_W(name, expr)                                                      \
	int exec_##name##_w(struct hart *h, const struct insn *in)             \
	{                                                                      \
		void *p;                                                       \
		int r = amo_ptr(h, in, 4, &p);                                 \
		if (r)                                                         \
			return r;                                              \
		uint32_t a, b = (uint32_t)h->x[in->rs2];                       \
		memcpy(&a, p, 4);                                              \
		uint32_t v = (expr);                                           \
		memcpy(p, &v, 4);                                              \
		h->x[in->rd] = SEXT32(a);                                      \
		return exec_next(h, in);                                       \
	}

#define AMO_D(name, expr)                                                      \
	int exec_##name##_d(struct hart *h, const struct insn *in)             \
	{                                                                      \
		void *p;                                                       \
		int r = amo_ptr(h, in, 8, &p);                                 \
		if (r)                                                         \
			return r;                                              \
		uint64_t a, b = h->x[in->rs2];                                 \
		memcpy(&a, p, 8);                                              \
		uint64_t v = (expr);                                           \
		memcpy(p, &v, 8);                                              \
		h->x[in->rd] = a;                                              \
		return exec_next(h, in);                                       \
	}

AMO_W(amoswap, b)
AMO_W(amoadd, a + b)
AMO_W(amoxor, a ^ b)
AMO_W(amoand, a &b)
AMO_W(amoor, a | b)
AMO_W(amomin, (int32_t)a < (int32_t)b ? a : b)
AMO_W(amomax, (int32_t)a > (int32_t)b ? a : b)
AMO_W(amominu, a < b ? a : b)
AMO_W(amomaxu, a > b ? a : b)
AMO_D(amoswap, b)
AMO_D(amoadd, a + b)
AMO_D(amoxor, a ^ b)
AMO_D(amoand, a &b)
AMO_D(amoor, a | b)
AMO_D(amomin, (int64_t)a < (int64_t)b ? a : b)
AMO_D(amomax, (int64_t)a > (int64_t)b ? a : b)
AMO_D(amominu, a < b ? a : b)
AMO_D(amomaxu, a > b ? a : b)
