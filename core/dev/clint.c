/* CLINT register map (the common layout firmware expects):
 *   0x0000 + 4*hart  msip      (bit 0 drives the hart's MSIP)
 *   0x4000 + 8*hart  mtimecmp
 *   0xbff8           mtime     (read-only here: time is virtual) */
#include "clint.h"
#include "../fdt_build.h"
#include "../machine.h"
#include "../state.h"

#include <errno.h>
#include <libfdt.h>
#include <stdlib.h>

struct clint {
	struct machine *m;
	uint64_t mtimecmp[MACHINE_MAX_HARTS];
	uint32_t msip[MACHINE_MAX_HARTS];
};

#define MSIP_OFF     0x0
#define MTIMECMP_OFF 0x4000
#define MTIME_OFF    0xbff8

uint64_t clint_mtimecmp(const struct clint *c, int hart)
{
	return c->mtimecmp[hart];
}

/* Read `size` bytes at byte `at` of a little-endian 64-bit register. */
static uint64_t reg_slice(uint64_t reg, uint64_t at, unsigned size)
{
	uint64_t v = reg >> (8 * at);
	return size == 8 ? v : v & ((1ull << (8 * size)) - 1);
}

static uint64_t reg_merge(uint64_t reg, uint64_t at, unsigned size,
			  uint64_t val)
{
	uint64_t mask = size == 8 ? UINT64_MAX : (1ull << (8 * size)) - 1;
	return (reg & ~(mask << (8 * at))) | ((val & mask) << (8 * at));
}

int clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct clint *c = opaque;
	int n = c->m->nharts;
	if (off < MSIP_OFF + 4u * n) {
		*val = reg_slice(c->msip[off / 4], off % 4, size);
		return 0;
	}
	if (off >= MTIMECMP_OFF && off < MTIMECMP_OFF + 8u * n) {
		uint64_t i = (off - MTIMECMP_OFF) / 8;
		*val = reg_slice(c->mtimecmp[i], off % 8, size);
		return 0;
	}
	if (off >= MTIME_OFF && off < MTIME_OFF + 8) {
		uint64_t now = machine_now(c->m) / TICK_INSNS;
		*val = reg_slice(now, off - MTIME_OFF, size);
		return 0;
	}
	*val = 0; /* unimplemented registers read as zero */
	return 0;
}

int clint_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct clint *c = opaque;
	int n = c->m->nharts;
	if (off < MSIP_OFF + 4u * n) {
		int i = (int)(off / 4);
		c->msip[i] =
			(uint32_t)reg_merge(c->msip[i], off % 4, size, val) & 1;
		machine_set_irq(c->m, i, MIP_MSIP, c->msip[i] != 0);
		machine_resched(c->m);
		return 0;
	}
	if (off >= MTIMECMP_OFF && off < MTIMECMP_OFF + 8u * n) {
		uint64_t i = (off - MTIMECMP_OFF) / 8;
		c->mtimecmp[i] = reg_merge(c->mtimecmp[i], off % 8, size, val);
		machine_resched(c->m); /* the next deadline moved */
		return 0;
	}
	return 0; /* mtime and holes ignore writes */
}

static void clint_reset(void *opaque)
{
	struct clint *c = opaque;
	/* No timer interrupt until software sets a compare value. */
	for (int i = 0; i < MACHINE_MAX_HARTS; i++) {
		c->mtimecmp[i] = UINT64_MAX;
		c->msip[i] = 0;
	}
}

/* msip and mtimecmp of every hart. */
static int clint_save(const void *dev, struct state_buf *b)
{
	const struct clint *c = dev;
	state_put_u32(b, (uint32_t)c->m->nharts);
	for (int i = 0; i < c->m->nharts; i++) {
		state_put_u32(b, c->msip[i]);
		state_put_u64(b, c->mtimecmp[i]);
	}
	return 0;
}

static int clint_load(void *dev, struct state_reader *r)
{
	struct clint *c = dev;
	struct clint t = *c;
	if (state_get_u32(r) != (uint32_t)c->m->nharts)
		return -EINVAL;
	for (int i = 0; i < c->m->nharts; i++) {
		t.msip[i] = state_get_u32(r);
		t.mtimecmp[i] = state_get_u64(r);
		if (t.msip[i] > 1)
			r->bad = true;
	}
	if (r->bad)
		return -EINVAL;
	/* mip.MSIP was saved with the hart: nothing to drive here. */
	*c = t;
	return 0;
}

static int clint_fdt(void *fdt, const struct machine *m)
{
	return fdt_build_irqs_per_hart(fdt, m, IRQ_MSI, IRQ_MTI);
}

static int clint_init(void *dev, struct machine *m)
{
	struct clint *c = dev;
	clint_reset(c);
	m->clint = c; /* the scheduler reads mtimecmp on every quantum */
	return 0;
}

static const struct dev_type clint_type = {
	.name = "clint",
	.order = 10,
	.mmio = {CLINT_BASE, CLINT_SIZE, clint_read, clint_write},
	DEV_NODE("clint", "sifive,clint0\0riscv,clint0"),
	.fdt = clint_fdt,
	DEV_INSTANCE(struct clint),
	.init = clint_init,
	.reset = clint_reset,
	.state = {.tag = "CLNT", .save = clint_save, .load = clint_load},
};
DEV_REGISTER(clint_type)
