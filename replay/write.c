#include "write.h"
#include "../core/csr.h"

#include <stdio.h>
#include <string.h>

/* A CSR as a debugger writes it: with M-mode's rights, whatever the
 * hart's privilege; the accrued flags and rounding mode directly, as
 * the CSR file keeps them apart. */
static int write_csr(struct hart *h, unsigned num, uint64_t val)
{
	switch (num) {
	case 0x001: h->fflags = val & 0x1f; return 0;
	case 0x002: h->frm = val & 7; return 0;
	case 0x003:
		h->fflags = val & 0x1f;
		h->frm = val >> 5 & 7;
		return 0;
	default: break;
	}
	enum priv p = h->priv;
	h->priv = PRIV_M;
	int rc = csr_write(h, num, val);
	h->priv = p;
	return rc;
}

static int write_reg(struct machine *m, const struct event *e, char *why,
		     size_t len)
{
	if (e->hart >= (uint32_t)m->nharts) {
		snprintf(why, len, "no hart %u", e->hart);
		return -1;
	}
	struct hart *h = m->harts[e->hart];
	uint32_t r = e->reg;
	if (r >= 1 && r < 32)
		h->x[r] = e->value;
	else if (r == WRITE_REG_PC)
		h->pc = e->value;
	else if (r >= WRITE_REG_F(0) && r < WRITE_REG_F(32))
		h->f[r - WRITE_REG_F(0)] = e->value;
	else if (r >= WRITE_REG_CSR(0) && r < WRITE_REG_CSR(4096)) {
		if (write_csr(h, r - WRITE_REG_CSR(0), e->value)) {
			snprintf(why, len, "CSR 0x%x cannot be written",
				 r - WRITE_REG_CSR(0));
			return -1;
		}
	} else {
		snprintf(why, len, "no register %u", r);
		return -1;
	}
	return 0;
}

static int write_mem(struct machine *m, const struct event *e, char *why,
		     size_t len)
{
	struct mem_region *r = bus_region(&m->bus, e->value, e->len);
	if (!r || r->readonly) {
		snprintf(why, len, "0x%llx (%u bytes) is not writable memory",
			 (unsigned long long)e->value, e->len);
		return -1;
	}
	memcpy(r->host + (e->value - r->base), e->bytes, e->len);
	/* Checkpoints must see the page, and decoded code on it must go: a
	 * patched instruction or a breakpoint written in takes effect. */
	bus_note_write_by(&m->bus, e->value, e->len, "debugger");
	return 0;
}

int write_apply(struct machine *m, const struct event *e, char *why, size_t len)
{
	switch (e->type) {
	case EV_REG_WRITE: return write_reg(m, e, why, len);
	case EV_MEM_WRITE: return write_mem(m, e, why, len);
	default: snprintf(why, len, "not a write"); return -1;
	}
}

int write_record(struct gate *g, struct event *e, char *why, size_t len)
{
	e->icount = g->m->icount;
	if (write_apply(g->m, e, why, len))
		return -1;
	gate_log(g, e);
	return 0;
}
