/* The debugger's views of machine state: `monitor info version`,
 * `info registers`, `info mtree` and `pagetable VA` (alias `info tlb
 * VA`). Every reply is bounded by the monitor's buffer (debug_say). */
#include "../core/dev/registry.h"
#include "../core/machine.h"
#include "../core/mmu.h"
#include "../gdb/target_xml.h"
#include "debug_impl.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The CSRs `info registers` shows: trap setup and handling of both
 * privileged levels, and translation. Names come from the register
 * table gdb is served, so the two never disagree. */
static const unsigned info_csrs[] = {
	0x300, 0x301, 0x302, 0x303, 0x304, 0x305, 0x340,
	0x341, 0x342, 0x343, 0x344, 0x100, 0x104, 0x105,
	0x140, 0x141, 0x142, 0x143, 0x144, 0x180, 0x003,
};

/* A hart index from arg ("" for the selected one): 0 with *thread, or -1
 * having said why. */
static int info_hart_arg(struct debugger *d, const char *arg, int *thread,
			 char *out, size_t outlen)
{
	while (*arg == ' ')
		arg++;
	*thread = d->stop.thread;
	if (!*arg)
		return 0;
	char *end;
	unsigned long n = strtoul(arg, &end, 10);
	if (*end || *arg < '0' || *arg > '9' ||
	    n >= (unsigned long)d->m->nharts) {
		debug_say(out, outlen, "no hart '%s' (harts 0-%d)\n", arg,
			  d->m->nharts - 1);
		return -1;
	}
	*thread = (int)n;
	return 0;
}

static void info_reg(struct debugger *d, int thread, int regno, char *out,
		     size_t outlen, const char *sep)
{
	const struct gdb_reg_desc *r = gdb_tdesc_find(regno);
	uint64_t v;
	if (!r)
		return;
	if (debug_ops.reg_read(d, thread, regno, &v) < 0)
		debug_say(out, outlen, "%-8s <unavailable>%s", r->name, sep);
	else
		debug_say(out, outlen, "%-8s 0x%016" PRIx64 "%s", r->name, v,
			  sep);
}

static int info_registers(struct debugger *d, const char *arg, char *out,
			  size_t outlen)
{
	int t;
	if (info_hart_arg(d, arg, &t, out, outlen))
		return -1;
	struct hart *h = d->m->harts[t];
	debug_say(out, outlen, "hart %d, %s-mode%s, retired %" PRIu64 "\n", t,
		  debug_priv_name(h->priv), h->wfi ? ", waiting" : "",
		  h->icount);
	info_reg(d, t, GDB_REG_PC, out, outlen, "\n");
	for (int r = 1; r < 32; r++)
		info_reg(d, t, r, out, outlen, r % 4 == 3 ? "\n" : "  ");
	debug_say(out, outlen, "\n");
	size_t n = sizeof(info_csrs) / sizeof(info_csrs[0]);
	for (size_t i = 0; i < n; i++)
		info_reg(d, t, GDB_REG_CSR_BASE + (int)info_csrs[i], out,
			 outlen, i % 4 == 3 || i + 1 == n ? "\n" : "  ");
	return 0;
}

struct info_window {
	uint64_t base, size;
	char name[64];
};

static int info_window_cmp(const void *a, const void *b)
{
	const struct info_window *x = a, *y = b;
	return x->base < y->base ? -1 : x->base > y->base;
}

/* The machine map: memory regions from the bus, device windows from the
 * device registry's instances, by address. */
static int info_mtree(struct debugger *d, char *out, size_t outlen)
{
	struct machine *m = d->m;
	struct info_window w[BUS_MAX_REGIONS + MACHINE_MAX_DEVICES];
	int n = 0;
	for (int i = 0; i < m->bus.nregions; i++) {
		const struct mem_region *r = &m->bus.region[i];
		w[n].base = r->base;
		w[n].size = r->size;
		snprintf(w[n].name, sizeof w[n].name, "%s",
			 r == m->ram   ? "ram"
			 : r->readonly ? "rom"
				       : "memory");
		n++;
	}
	for (int i = 0; i < m->ndevices; i++) {
		const struct device *dv = &m->devices[i];
		const struct dev_type *t = dv->type;
		const struct dev_type *tw = t->transport ? t->transport : t;
		if (!tw->mmio.size)
			continue;
		w[n].base = dev_base(tw, dv->slot < 0 ? 0 : dv->slot);
		w[n].size = tw->mmio.size;
		if (dv->slot >= 0)
			snprintf(w[n].name, sizeof w[n].name, "%s (%s slot %d)",
				 t->name, tw->name, dv->slot);
		else
			snprintf(w[n].name, sizeof w[n].name, "%s", t->name);
		n++;
	}
	qsort(w, (size_t)n, sizeof w[0], info_window_cmp);
	for (int i = 0; i < n; i++)
		debug_say(out, outlen,
			  "0x%016" PRIx64 "-0x%016" PRIx64 "  %s\n", w[i].base,
			  w[i].base + w[i].size - 1, w[i].name);
	return 0;
}

static const char *info_satp_mode(uint64_t mode)
{
	return mode == SATP_MODE_SV39	? "Sv39"
	       : mode == SATP_MODE_SV48 ? "Sv48"
	       : mode == SATP_MODE_SV57 ? "Sv57"
					: "Bare";
}

/* A PTE's flag bits as letters, '-' for each one clear. */
static void info_pte_flags(uint64_t pte, char f[9])
{
	static const char letters[] = "VRWXUGAD";
	for (int i = 0; i < 8; i++)
		f[i] = pte & (1u << i) ? letters[i] : '-';
	f[8] = 0;
}

/* monitor pagetable VA: the walk of the selected hart's satp for VA,
 * level by level, with the MMU's own debugger walk. */
static int info_pagetable(struct debugger *d, const char *arg, char *out,
			  size_t outlen)
{
	while (*arg == ' ')
		arg++;
	char *end;
	uint64_t va = strtoull(arg, &end, 0);
	if (!*arg || *end || *arg == '-') {
		debug_say(out, outlen, "usage: monitor pagetable VA\n");
		return -1;
	}
	struct hart *h = debug_hart(d, -1);
	uint64_t mode = h->satp >> 60;
	debug_say(out, outlen,
		  "hart %d, %s-mode, satp 0x%016" PRIx64 " (%s, root table at "
		  "0x%" PRIx64 ")\n",
		  d->stop.thread, debug_priv_name(h->priv), h->satp,
		  info_satp_mode(mode),
		  (uint64_t)((h->satp & SATP_PPN_MASK) << 12));
	if (mode == SATP_MODE_BARE) {
		debug_say(out, outlen,
			  "translation is off: 0x%" PRIx64 " is physical\n",
			  va);
		return 0;
	}
	struct mmu_walk w;
	int rc = mmu_debug_walk(h, va, &w);
	for (int i = 0; i < w.nsteps; i++) {
		const struct mmu_walk_step *s = &w.step[i];
		if (!s->read) {
			debug_say(out, outlen,
				  "level %d: PTE at 0x%016" PRIx64
				  " is not memory\n",
				  s->level, s->pte_pa);
			continue;
		}
		char f[9];
		info_pte_flags(s->pte, f);
		bool leaf = s->pte & (PTE_R | PTE_X);
		debug_say(out, outlen,
			  "level %d: PTE at 0x%016" PRIx64 " = 0x%016" PRIx64
			  " %s ppn 0x%" PRIx64 "%s\n",
			  s->level, s->pte_pa, s->pte, f,
			  (uint64_t)((s->pte >> 10) & ((1ull << 44) - 1)),
			  !(s->pte & PTE_V) ? " (invalid)"
			  : leaf	    ? " (leaf)"
					    : " (next table)");
	}
	if (!rc)
		debug_say(out, outlen,
			  "va 0x%016" PRIx64 " -> pa 0x%016" PRIx64 "\n", va,
			  w.pa);
	else if (w.fault < 0)
		debug_say(out, outlen,
			  "va 0x%016" PRIx64 " is outside the %s address "
			  "range: page fault\n",
			  va, info_satp_mode(mode));
	else
		debug_say(out, outlen,
			  "va 0x%016" PRIx64 ": the walk faults at level %d\n",
			  va, w.fault);
	/* A walk that faults is an answer too. */
	return 0;
}

int debug_monitor_info(struct debugger *d, const char *cmd, char *out,
		       size_t outlen)
{
	if (!strcmp(cmd, "info version")) {
		debug_say(out, outlen,
			  "rewind record/replay machine, identity %d\n",
			  (int)d->m->identity);
		return 0;
	}
	if (!strncmp(cmd, "info registers", 14) && (cmd[14] == ' ' || !cmd[14]))
		return info_registers(d, cmd + 14, out, outlen);
	if (!strcmp(cmd, "info mtree"))
		return info_mtree(d, out, outlen);
	if (!strncmp(cmd, "pagetable", 9) && (cmd[9] == ' ' || !cmd[9]))
		return info_pagetable(d, cmd + 9, out, outlen);
	if (!strncmp(cmd, "info tlb", 8) && (cmd[8] == ' ' || !cmd[8]))
		return info_pagetable(d, cmd + 8, out, outlen);
	return 1;
}
