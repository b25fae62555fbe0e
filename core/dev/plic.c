/* PLIC register map (the layout firmware and kernels expect on this board):
 *   0x000000 + 4*irq       source priority, 0..7 (0 never interrupts)
 *   0x001000 + 4*word      pending bits, read-only
 *   0x002000 + 0x80*ctx    per-context enable bits
 *   0x200000 + 0x1000*ctx  per-context priority threshold
 *   0x200004 + 0x1000*ctx  per-context claim (read) / complete (write)
 * Context 2*h is hart h's M-mode, 2*h+1 its S-mode. */
#include "plic.h"
#include "../fdt_build.h"
#include "../machine.h"
#include "../state.h"

#include <errno.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#define PLIC_WORDS     ((PLIC_SOURCES + 31) / 32)
#define PLIC_MAX_CTX   (2 * MACHINE_MAX_HARTS)
#define PLIC_PRIO_MASK 7u /* three priority bits: 0..7 */

#define PRIORITY_OFF   0x0
#define PENDING_OFF    0x1000
#define ENABLE_OFF     0x2000
#define ENABLE_STRIDE  0x80
#define CONTEXT_OFF    0x200000
#define CONTEXT_STRIDE 0x1000
#define THRESHOLD_REG  0x0
#define CLAIM_REG      0x4

struct plic {
	struct machine *m;
	int nctx;
	/* Source ids 0..nsrc-1 exist (0 only as "none"), in nwords words of
	 * bits: from the machine's identity (see plic_init). */
	unsigned nsrc, nwords;
	uint32_t priority[PLIC_SOURCES];
	uint32_t pending[PLIC_WORDS];
	/* The gateway: a claimed source forwards no new request until its
	 * completion arrives. */
	uint32_t claimed[PLIC_WORDS];
	uint32_t line[PLIC_WORDS]; /* each source's input level */
	uint32_t enable[PLIC_MAX_CTX][PLIC_WORDS];
	uint32_t threshold[PLIC_MAX_CTX];
	/* The level last driven on each context's hart line. */
	bool out[PLIC_MAX_CTX];
};

static bool bit_get(const uint32_t *bits, unsigned irq)
{
	return (bits[irq / 32] >> (irq % 32)) & 1;
}

static void bit_put(uint32_t *bits, unsigned irq, bool v)
{
	if (v)
		bits[irq / 32] |= 1u << (irq % 32);
	else
		bits[irq / 32] &= ~(1u << (irq % 32));
}

/* The bits of word w that name real sources: source 0 does not exist and
 * its enable bit is hardwired to zero. */
static uint32_t plic_word_mask(const struct plic *p, unsigned w)
{
	uint32_t mask = UINT32_MAX;
	if (w == 0)
		mask &= ~1u;
	unsigned first = 32 * w;
	if (first >= p->nsrc)
		return 0;
	if (first + 32 > p->nsrc)
		mask &= (1u << (p->nsrc - first)) - 1;
	return mask;
}

/* The highest-priority pending source enabled for ctx whose priority
 * exceeds the context's threshold (ties go to the lowest id), or 0. */
static unsigned plic_best(const struct plic *p, int ctx)
{
	unsigned best = 0;
	uint32_t best_prio = p->threshold[ctx];
	for (unsigned irq = 1; irq < p->nsrc; irq++) {
		if (!bit_get(p->pending, irq) || !bit_get(p->enable[ctx], irq))
			continue;
		if (p->priority[irq] > best_prio) {
			best = irq;
			best_prio = p->priority[irq];
		}
	}
	return best;
}

/* Drive every context's external-interrupt line from the current state. */
static void plic_update(struct plic *p)
{
	bool changed = false;
	for (int ctx = 0; ctx < p->nctx; ctx++) {
		bool level = plic_best(p, ctx) != 0;
		if (level == p->out[ctx])
			continue;
		p->out[ctx] = level;
		machine_set_irq(p->m, ctx / 2, (ctx & 1) ? MIP_SEIP : MIP_MEIP,
				level);
		changed = true;
	}
	/* The running hart may now have an interrupt to take. */
	if (changed)
		machine_resched(p->m);
}

void plic_set_line(struct plic *p, unsigned irq, bool level)
{
	if (irq == 0 || irq >= p->nsrc)
		return;
	bit_put(p->line, irq, level);
	/* A level-triggered gateway forwards a request while the line is
	 * high, unless the source is claimed and not yet completed. A
	 * request already pending stays pending if the line drops: the
	 * handler finds out the device no longer needs service. */
	if (level && !bit_get(p->claimed, irq))
		bit_put(p->pending, irq, true);
	plic_update(p);
}

static uint32_t plic_claim(struct plic *p, int ctx)
{
	unsigned irq = plic_best(p, ctx);
	if (irq) {
		bit_put(p->pending, irq, false);
		bit_put(p->claimed, irq, true);
		plic_update(p);
	}
	return irq;
}

static void plic_complete(struct plic *p, int ctx, uint32_t irq)
{
	/* A completion for a source not enabled for this context is
	 * silently ignored. */
	if (irq == 0 || irq >= p->nsrc || !bit_get(p->enable[ctx], irq))
		return;
	bit_put(p->claimed, irq, false);
	/* The gateway forwards the next request if the line is still up. */
	if (bit_get(p->line, irq))
		bit_put(p->pending, irq, true);
	plic_update(p);
}

/* Context registers (threshold, claim/complete): the context and the
 * register offset inside its block, or -1 outside every context. */
static int plic_context_of(const struct plic *p, uint64_t off, uint64_t *reg)
{
	if (off < CONTEXT_OFF)
		return -1;
	uint64_t ctx = (off - CONTEXT_OFF) / CONTEXT_STRIDE;
	if (ctx >= (uint64_t)p->nctx)
		return -1;
	*reg = (off - CONTEXT_OFF) % CONTEXT_STRIDE;
	return (int)ctx;
}

/* Enable words: the context and the word index, or -1. */
static int plic_enable_of(const struct plic *p, uint64_t off, unsigned *word)
{
	if (off < ENABLE_OFF)
		return -1;
	uint64_t ctx = (off - ENABLE_OFF) / ENABLE_STRIDE;
	uint64_t w = (off - ENABLE_OFF) % ENABLE_STRIDE / 4;
	if (ctx >= (uint64_t)p->nctx || w >= p->nwords)
		return -1;
	*word = (unsigned)w;
	return (int)ctx;
}

int plic_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct plic *p = opaque;
	/* Every PLIC register is 32 bits wide and only word accesses are
	 * defined. */
	if (size != 4 || (off & 3))
		return -1;
	*val = 0; /* holes and absent sources read as zero */
	uint64_t reg;
	unsigned w;
	int ctx;
	if (off < PENDING_OFF) {
		uint64_t irq = (off - PRIORITY_OFF) / 4;
		if (irq >= 1 && irq < p->nsrc)
			*val = p->priority[irq];
	} else if (off < PENDING_OFF + 4 * p->nwords) {
		*val = p->pending[(off - PENDING_OFF) / 4];
	} else if ((ctx = plic_enable_of(p, off, &w)) >= 0) {
		*val = p->enable[ctx][w];
	} else if ((ctx = plic_context_of(p, off, &reg)) >= 0) {
		if (reg == THRESHOLD_REG)
			*val = p->threshold[ctx];
		else if (reg == CLAIM_REG)
			*val = plic_claim(p, ctx);
	}
	return 0;
}

int plic_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct plic *p = opaque;
	if (size != 4 || (off & 3))
		return -1;
	uint32_t v = (uint32_t)val;
	uint64_t reg;
	unsigned w;
	int ctx;
	if (off < PENDING_OFF) {
		uint64_t irq = (off - PRIORITY_OFF) / 4;
		if (irq >= 1 && irq < p->nsrc) {
			/* WARL: all three priority bits are writable. */
			p->priority[irq] = v & PLIC_PRIO_MASK;
			plic_update(p);
		}
	} else if (off < PENDING_OFF + 4 * p->nwords) {
		/* Pending bits are read-only: only gateways set them. */
	} else if ((ctx = plic_enable_of(p, off, &w)) >= 0) {
		p->enable[ctx][w] = v & plic_word_mask(p, w);
		plic_update(p);
	} else if ((ctx = plic_context_of(p, off, &reg)) >= 0) {
		if (reg == THRESHOLD_REG) {
			p->threshold[ctx] = v & PLIC_PRIO_MASK;
			plic_update(p);
		} else if (reg == CLAIM_REG) {
			plic_complete(p, ctx, v);
		}
	}
	return 0;
}

/* Priorities, pending, claimed and line bits, enables, thresholds and the
 * levels driven on the harts' lines. The layout follows the source count,
 * which the machine's identity fixes and the snapshot's header names, so
 * a version 1 machine's state is the same bytes as before version 2. */
static int plic_save(const void *dev, struct state_buf *b)
{
	const struct plic *p = dev;
	state_put_u32(b, (uint32_t)p->nctx);
	for (unsigned i = 0; i < p->nsrc; i++)
		state_put_u32(b, p->priority[i]);
	for (unsigned w = 0; w < p->nwords; w++) {
		state_put_u32(b, p->pending[w]);
		state_put_u32(b, p->claimed[w]);
		state_put_u32(b, p->line[w]);
	}
	for (int ctx = 0; ctx < p->nctx; ctx++) {
		for (unsigned w = 0; w < p->nwords; w++)
			state_put_u32(b, p->enable[ctx][w]);
		state_put_u32(b, p->threshold[ctx]);
		state_put_u8(b, p->out[ctx]);
	}
	return 0;
}

/* Every value is one the register rules could have produced. */
static bool plic_state_valid(const struct plic *t)
{
	if (t->priority[0] != 0)
		return false;
	for (unsigned i = 0; i < t->nsrc; i++)
		if (t->priority[i] > PLIC_PRIO_MASK)
			return false;
	for (unsigned w = 0; w < t->nwords; w++) {
		uint32_t bad = ~plic_word_mask(t, w);
		if ((t->pending[w] | t->claimed[w] | t->line[w]) & bad)
			return false;
		for (int ctx = 0; ctx < t->nctx; ctx++)
			if (t->enable[ctx][w] & bad)
				return false;
	}
	for (int ctx = 0; ctx < t->nctx; ctx++)
		if (t->threshold[ctx] > PLIC_PRIO_MASK)
			return false;
	return true;
}

static int plic_load(void *dev, struct state_reader *r)
{
	struct plic *p = dev;
	struct plic t = *p;
	if (state_get_u32(r) != (uint32_t)p->nctx)
		return -EINVAL;
	for (unsigned i = 0; i < t.nsrc; i++)
		t.priority[i] = state_get_u32(r);
	for (unsigned w = 0; w < t.nwords; w++) {
		t.pending[w] = state_get_u32(r);
		t.claimed[w] = state_get_u32(r);
		t.line[w] = state_get_u32(r);
	}
	for (int ctx = 0; ctx < t.nctx; ctx++) {
		for (unsigned w = 0; w < t.nwords; w++)
			t.enable[ctx][w] = state_get_u32(r);
		t.threshold[ctx] = state_get_u32(r);
		t.out[ctx] = state_get_bool(r);
	}
	if (r->bad || !plic_state_valid(&t))
		return -EINVAL;
	/* The harts' MEIP/SEIP bits were saved with them, consistent with
	 * `out`: nothing is driven here. */
	*p = t;
	return 0;
}

static void plic_reset(void *opaque)
{
	struct plic *p = opaque;
	struct machine *m = p->m;
	int nctx = p->nctx;
	unsigned nsrc = p->nsrc, nwords = p->nwords;
	memset(p, 0, sizeof(*p));
	p->m = m;
	p->nctx = nctx;
	p->nsrc = nsrc;
	p->nwords = nwords;
}

static int plic_fdt(void *fdt, const struct machine *m)
{
	FDT_TRY(fdt_property_u32(fdt, "#address-cells", 0));
	FDT_TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
	FDT_TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	FDT_TRY(fdt_property_u32(fdt, "riscv,ndev", m->plic->nsrc - 1));
	/* Context 2h is hart h's M-mode (MEI), 2h+1 its S-mode (SEI). */
	FDT_TRY(fdt_build_irqs_per_hart(fdt, m, IRQ_MEI, IRQ_SEI));
	return fdt_property_u32(fdt, "phandle", FDT_PH_PLIC);
}

static int plic_init(void *dev, struct machine *m)
{
	struct plic *p = dev;
	p->nctx = 2 * m->nharts;
	/* QEMU 7.2's virt advertises riscv,ndev = 96 (Linux: "mapped 96
	 * interrupts") and its priority registers reach source 96; we give
	 * sources 1..96 every register the specification does. Version 1
	 * had 1..31. */
	p->nsrc = m->identity == MACHINE_IDENTITY_V1 ? PLIC_SOURCES_V1
						     : PLIC_SOURCES;
	p->nwords = (p->nsrc + 31) / 32;
	m->plic = p; /* every device's interrupt line ends here */
	return 0;
}

static const struct dev_type plic_type = {
	.name = "plic",
	.order = 20,
	.mmio = {PLIC_BASE, PLIC_SIZE, plic_read, plic_write},
	DEV_NODE("plic", "sifive,plic-1.0.0\0riscv,plic0"),
	.fdt = plic_fdt,
	DEV_INSTANCE(struct plic),
	.init = plic_init,
	.reset = plic_reset,
	.state = {.tag = "PLIC", .save = plic_save, .load = plic_load},
};
DEV_REGISTER(plic_type)
