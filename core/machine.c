/* Machine construction, the round-robin scheduler and virtual time. */
#include "machine.h"
#include "dev/clint.h"
#include "dev/plic.h"
#include "prng.h"

#include "block.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct hart *hart_new(struct machine *m, uint64_t hartid);
void hart_free(struct hart *h);
uint64_t hart_run(struct hart *h, uint64_t budget);

static uint64_t machine_quantum(struct machine *m);
static uint64_t machine_irq_deadline(void *ctx);
static void machine_irq_fire(void *ctx, uint64_t now);

/* Every registered type's instances, in board order. */
static int machine_devices_create(struct machine *m,
				  const struct machine_config *cfg, char *err,
				  size_t errlen)
{
	int n;
	const struct dev_type *const *t = dev_types(&n);
	for (int i = 0; i < n; i++) {
		if (errlen)
			err[0] = '\0';
		if (dev_create(m, t[i], cfg, err, errlen)) {
			if (errlen && !err[0])
				snprintf(err, errlen,
					 "out of memory building the machine");
			return -1;
		}
	}
	/* The scheduler's timers and every interrupt line need these; a
	 * program that links the library without them has no board. */
	if (!m->clint || !m->plic) {
		snprintf(err, errlen,
			 "no CLINT or PLIC registered: link the library whole");
		return -1;
	}
	return 0;
}

struct machine *machine_new(const struct machine_config *cfg, char *err,
			    size_t errlen)
{
	if (cfg->nharts < 1 || cfg->nharts > MACHINE_MAX_HARTS) {
		snprintf(err, errlen, "--smp must be 1 to %d",
			 MACHINE_MAX_HARTS);
		return NULL;
	}
	if (cfg->ram_size < (1u << 20) || (cfg->ram_size & (PAGE_SIZE - 1)) ||
	    cfg->ram_size > (64ull << 30)) {
		snprintf(err, errlen,
			 "--mem must be a multiple of 4 KiB between 1 MiB "
			 "and 64 GiB");
		return NULL;
	}
	struct machine *m = calloc(1, sizeof(*m));
	if (!m)
		goto oom;
	m->bus.m = m;
	m->bp_hart = -1;
	m->idle_horizon = UINT64_MAX;
	const char *tune = getenv("REWIND_TUNE");
	if (tune && machine_tune_parse(tune, &m->tune)) {
		snprintf(err, errlen, "REWIND_TUNE: unknown switch in '%s'",
			 tune);
		free(m);
		return NULL;
	}
	if (cfg->identity && cfg->identity != MACHINE_IDENTITY_V1 &&
	    cfg->identity != MACHINE_IDENTITY_V2) {
		snprintf(err, errlen, "unknown machine version %d",
			 cfg->identity);
		free(m);
		return NULL;
	}
	m->identity = cfg->identity ? (enum machine_identity)cfg->identity
				    : MACHINE_IDENTITY_CURRENT;
	if (cfg->scheduler && cfg->scheduler != MACHINE_SCHEDULER_V1 &&
	    cfg->scheduler != MACHINE_SCHEDULER_V2) {
		snprintf(err, errlen, "unknown scheduler version %d",
			 cfg->scheduler);
		free(m);
		return NULL;
	}
	m->scheduler = cfg->scheduler ? (enum machine_scheduler)cfg->scheduler
				      : MACHINE_SCHEDULER_CURRENT;
	m->chaos = cfg->chaos;
	m->chaos_state = cfg->chaos_seed;
	m->chaos_seed = cfg->chaos_seed;
	m->chaos_keep_only = cfg->chaos_keep_only;
	m->chaos_faults = cfg->chaos_faults;
	if (cfg->chaos_nkeep) {
		m->chaos_keep = malloc(cfg->chaos_nkeep * sizeof(uint64_t));
		if (!m->chaos_keep) {
			free(m);
			snprintf(err, errlen, "out of memory");
			return NULL;
		}
		memcpy(m->chaos_keep, cfg->chaos_keep,
		       cfg->chaos_nkeep * sizeof(uint64_t));
		m->chaos_nkeep = cfg->chaos_nkeep;
	}
	m->ram = bus_add_memory(&m->bus, RAM_BASE, cfg->ram_size, false);
	if (!m->ram)
		goto oom;
	m->nharts = cfg->nharts;
	for (int i = 0; i < cfg->nharts; i++) {
		m->harts[i] = hart_new(m, (uint64_t)i);
		if (!m->harts[i])
			goto oom;
	}
	m->host = cfg->host;
	if (machine_devices_create(m, cfg, err, errlen)) {
		machine_free(m);
		return NULL;
	}
	m->quantum_left = 0; /* drawn when the first hart starts */
	/* Registered even without chaos: a restored state may turn chaos on,
	 * with interrupt rises on their way. Idle, it never fires. */
	struct timed_dev t = {.ctx = m,
			      .deadline = machine_irq_deadline,
			      .fire = machine_irq_fire};
	if (machine_add_timed(m, &t))
		goto oom;
	return m;
oom:
	snprintf(err, errlen, "out of memory building the machine");
	machine_free(m);
	return NULL;
}

const char *const machine_tune_names[] = {
	"no-flush-log",	  /* TUNE_NO_FLUSH_LOG */
	"no-sfence-page", /* TUNE_NO_SFENCE_PAGE */
	"no-jcache",	  /* TUNE_NO_JCACHE */
	"no-branch-in",	  /* TUNE_NO_BRANCH_IN */
	"no-blocks",	  /* TUNE_NO_BLOCKS */
	"no-chain",	  /* TUNE_NO_CHAIN */
	"no-skip",	  /* TUNE_NO_SKIP */
	"no-jit",	  /* TUNE_NO_JIT */
	"no-jit-delay",	  /* TUNE_NO_JIT_DELAY */
	NULL,
};

int machine_tune_parse(const char *s, unsigned *out)
{
	unsigned bits = 0;
	while (*s) {
		size_t len = strcspn(s, ",");
		int i = 0;
		while (machine_tune_names[i] &&
		       (strlen(machine_tune_names[i]) != len ||
			strncmp(machine_tune_names[i], s, len) != 0))
			i++;
		if (len && !machine_tune_names[i])
			return -EINVAL;
		if (len)
			bits |= 1u << i;
		s += len + (s[len] == ',');
	}
	*out = bits;
	return 0;
}

/* Anonymous memory reads back as zeros once dropped: all of r, or the
 * runs of pages not in keep. */
static void machine_drop_ram(struct mem_region *r, const uint64_t *keep)
{
	uint64_t pages = r->size >> PAGE_SHIFT;
	if (!keep) {
		madvise(r->host, r->size, MADV_DONTNEED);
		return;
	}
	for (uint64_t p = 0; p < pages;) {
		uint64_t q = p;
		while (q < pages && !(keep[q / 64] >> (q % 64) & 1))
			q++;
		if (q > p)
			madvise(r->host + (p << PAGE_SHIFT),
				(q - p) << PAGE_SHIFT, MADV_DONTNEED);
		while (q < pages && keep[q / 64] >> (q % 64) & 1)
			q++;
		p = q;
	}
}

void machine_reboot(struct machine *m)
{
	machine_reboot_keeping(m, NULL);
}

void machine_reboot_keeping(struct machine *m, const uint64_t *keep)
{
	m->bp_hart = -1;
	for (int i = 0; i < m->bus.nregions; i++) {
		struct mem_region *r = &m->bus.region[i];
		block_free_region(r);
		if (r->readonly)
			continue;
		machine_drop_ram(r, r == m->ram ? keep : NULL);
		bus_mark_dirty(r, r->base, r->size);
		lineset_add_all(&m->touched_p); /* all of RAM changed */
		memset(r->written, 0, ((r->size >> PAGE_SHIFT) + 63) / 64 * 8);
	}
	block_reap(&m->bus);
	for (int i = 0; i < m->nharts; i++)
		hart_reset(m->harts[i]);
	for (int i = 0; i < m->ndevices; i++) {
		const struct device *d = &m->devices[i];
		const struct dev_type *tr = d->type->transport;
		if (tr && tr->reset)
			tr->reset(d->dev);
		if (d->type->reset)
			d->type->reset(d->dev);
	}
	memset(m->irq_rise_at, 0, sizeof(m->irq_rise_at));
	m->exit = MEXIT_RUNNING;
	m->exit_code = 0;
	m->next_hart = 0;
	m->quantum_left = 0; /* drawn when the first hart starts */
	m->last = NULL;
}

void machine_free(struct machine *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nharts; i++)
		hart_free(m->harts[i]);
	lineset_free(&m->touched_w);
	lineset_free(&m->touched_p);
	pageset_free(&m->touched_x);
	for (int i = m->ndevices - 1; i >= 0; i--)
		dev_free(&m->devices[i]);
	bus_free(&m->bus);
	free(m->chaos_keep);
	free(m);
}

/* Is draw number ordinal among the kept ones (sorted)? */
static bool machine_chaos_kept(const struct machine *m, uint64_t ordinal)
{
	size_t lo = 0, hi = m->chaos_nkeep;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->chaos_keep[mid] == ordinal)
			return true;
		if (m->chaos_keep[mid] < ordinal)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* A draw's outcome: v, or dflt when the draw is not kept; a departure
 * is reported. */
static uint64_t machine_chaos_decide(struct machine *m, enum chaos_kind kind,
				     uint32_t who, uint64_t ordinal, uint64_t v,
				     uint64_t dflt)
{
	if (v == dflt ||
	    (m->chaos_keep_only && !machine_chaos_kept(m, ordinal)))
		return dflt;
	if (m->host.schedule) {
		struct chaos_decision d = {.kind = kind,
					   .who = who,
					   .icount = machine_now(m),
					   .ordinal = ordinal,
					   .value = v,
					   .dflt = dflt};
		m->host.schedule(m->host.ctx, &d);
	}
	return v;
}

uint64_t machine_chaos(struct machine *m, enum chaos_kind kind, uint32_t who,
		       uint64_t n, uint64_t dflt)
{
	if (!m->chaos || n == 0)
		return dflt;
	/* Every draw advances the PRNG, kept or not, so that draw k has
	 * the same value in every subset of the schedule. */
	uint64_t ordinal = prng_index(m->chaos_state, m->chaos_seed);
	uint64_t v = prng_next(&m->chaos_state) % n;
	return machine_chaos_decide(m, kind, who, ordinal, v, dflt);
}

bool machine_chaos_fault(struct machine *m, enum chaos_kind kind, uint32_t who,
			 uint64_t odds)
{
	/* No draw at all without faults: other chaos schedules stay as
	 * they were. */
	if (!m->chaos || !m->chaos_faults || odds == 0)
		return false;
	uint64_t ordinal = prng_index(m->chaos_state, m->chaos_seed);
	bool fault = prng_next(&m->chaos_state) % odds == 0;
	return machine_chaos_decide(m, kind, who, ordinal, fault, 0) != 0;
}

/* The next hart's quantum: fixed, or anywhere from 1 to twice the fixed
 * length under chaos. */
static uint64_t machine_quantum(struct machine *m)
{
	return 1 + machine_chaos(m, CHAOS_QUANTUM, (uint32_t)m->next_hart,
				 2 * QUANTUM_INSNS, QUANTUM_INSNS - 1);
}

uint64_t machine_now(const struct machine *m)
{
	const struct hart *h = m->cur;
	if (!h)
		return m->icount;
	return m->icount + (h->icount - m->cur_icount0) + h->live_idx;
}

void machine_exit(struct machine *m, enum machine_exit why, int code)
{
	if (m->exit == MEXIT_RUNNING) {
		m->exit = why;
		m->exit_code = code;
	}
	machine_resched(m);
}

void machine_resched(struct machine *m)
{
	if (m->cur)
		m->cur->stop = STOP_RESCHED;
}

void machine_set_irq(struct machine *m, int hart, uint64_t bits, bool level)
{
	struct hart *h = m->harts[hart];
	if (bits & MIP_SEIP) {
		/* SEIP is the line OR what M-mode software wrote to it. */
		h->seip_line = level;
		bits &= ~MIP_SEIP;
		if (h->seip_line || h->seip_sw)
			h->mip |= MIP_SEIP;
		else
			h->mip &= ~MIP_SEIP;
	}
	if (level)
		h->mip |= bits;
	else
		h->mip &= ~bits;
	/* Another hart's line changed under the running one: let the
	 * scheduler look again so a woken hart is not left waiting. */
	if (m->cur && m->cur != h)
		machine_resched(m);
}

int machine_breakpoint_add(struct machine *m, uint64_t pc)
{
	for (int i = 0; i < m->nbreakpoints; i++)
		if (m->breakpoints[i] == pc)
			return 0;
	if (m->nbreakpoints == MACHINE_MAX_BREAKPOINTS)
		return -ENOSPC;
	m->breakpoints[m->nbreakpoints++] = pc;
	return 0;
}

int machine_breakpoint_remove(struct machine *m, uint64_t pc)
{
	for (int i = 0; i < m->nbreakpoints; i++) {
		if (m->breakpoints[i] == pc) {
			m->breakpoints[i] = m->breakpoints[--m->nbreakpoints];
			return 0;
		}
	}
	return -ENOENT;
}

uint32_t machine_breakpoint_limit(const struct machine *m, const struct hart *h,
				  const struct block *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		uint64_t pc = h->pc + b->insns[i].off;
		if (i == 0 && h->bp_skip)
			continue;
		for (int k = 0; k < m->nbreakpoints; k++)
			if (m->breakpoints[k] == pc)
				return i;
	}
	return n;
}

void machine_irq_line(struct machine *m, unsigned irq, bool level)
{
	if (!m->plic || irq >= MACHINE_IRQ_LINES)
		return;
	if (m->chaos && level) {
		/* Delay the rise; a rise already on its way keeps its time. */
		if (!m->irq_rise_at[irq]) {
			m->irq_rise_at[irq] =
				machine_now(m) + 1 +
				machine_chaos(m, CHAOS_IRQ_DELAY, irq,
					      CHAOS_IRQ_DELAY_MAX, 0);
			machine_resched(m);
		}
		return;
	}
	m->irq_rise_at[irq] = 0; /* lowered before the rise arrived */
	plic_set_line(m->plic, irq, level);
}

/* The timed work of delayed interrupt lines (chaos only). */
static uint64_t machine_irq_deadline(void *ctx)
{
	struct machine *m = ctx;
	uint64_t next = UINT64_MAX;
	for (unsigned i = 0; i < MACHINE_IRQ_LINES; i++)
		if (m->irq_rise_at[i] && m->irq_rise_at[i] < next)
			next = m->irq_rise_at[i];
	return next;
}

static void machine_irq_fire(void *ctx, uint64_t now)
{
	struct machine *m = ctx;
	for (unsigned i = 0; i < MACHINE_IRQ_LINES; i++) {
		if (m->irq_rise_at[i] && m->irq_rise_at[i] <= now) {
			m->irq_rise_at[i] = 0;
			plic_set_line(m->plic, i, true);
		}
	}
}

int machine_add_timed(struct machine *m, const struct timed_dev *t)
{
	if (m->ntimed == MACHINE_MAX_TIMED)
		return -ENOSPC;
	m->timed[m->ntimed++] = *t;
	return 0;
}

/* Run the timed work that is due at icount `now`. */
static void machine_fire_timed(struct machine *m, uint64_t now)
{
	for (int i = 0; i < m->ntimed; i++)
		if (m->timed[i].deadline(m->timed[i].ctx) <= now)
			m->timed[i].fire(m->timed[i].ctx, now);
}

void machine_flush_tlbs(struct machine *m)
{
	for (int i = 0; i < m->nharts; i++)
		hart_flush_tlb(m->harts[i]);
}

/* The first icount at which a timer comparison becomes true, so no quantum
 * runs past it. A compare value of t ticks fires at icount t * TICK_INSNS. */
static uint64_t deadline_of(uint64_t cmp_ticks, uint64_t now)
{
	if (cmp_ticks > UINT64_MAX / TICK_INSNS)
		return UINT64_MAX;
	uint64_t at = cmp_ticks * TICK_INSNS;
	return at > now ? at : UINT64_MAX;
}

static uint64_t machine_next_deadline(const struct machine *m, uint64_t now)
{
	uint64_t next = UINT64_MAX;
	for (int i = 0; i < m->ntimed; i++) {
		uint64_t d = m->timed[i].deadline(m->timed[i].ctx);
		if (d > now && d < next)
			next = d;
	}
	for (int i = 0; i < m->nharts; i++) {
		uint64_t d = deadline_of(clint_mtimecmp(m->clint, i), now);
		if (d < next)
			next = d;
		const struct hart *h = m->harts[i];
		if (hart_sstc_enabled(h)) {
			d = deadline_of(h->stimecmp, now);
			if (d < next)
				next = d;
		}
	}
	return next;
}

void machine_update_timers(struct machine *m, uint64_t now)
{
	uint64_t mtime = now / TICK_INSNS;
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		if (mtime >= clint_mtimecmp(m->clint, i))
			h->mip |= MIP_MTIP;
		else
			h->mip &= ~MIP_MTIP;
		if (hart_sstc_enabled(h)) {
			if (mtime >= h->stimecmp)
				h->mip |= MIP_STIP;
			else
				h->mip &= ~MIP_STIP;
		}
	}
}

uint64_t machine_deadline(const struct machine *m)
{
	return machine_next_deadline(m, m->icount);
}

static bool hart_runnable(const struct hart *h)
{
	return !h->wfi || (h->mip & h->mie);
}

bool machine_yield(struct machine *m, struct hart *h)
{
	if (m->scheduler < MACHINE_SCHEDULER_V2)
		return false;
	for (int i = 0; i < m->nharts; i++) {
		if (m->harts[i] != h && hart_runnable(m->harts[i])) {
			h->stop = STOP_YIELD;
			return true;
		}
	}
	return false;
}

/* The hart to run next in round-robin order, or NULL when all wait. */
static struct hart *machine_pick(struct machine *m)
{
	for (int k = 0; k < m->nharts; k++) {
		struct hart *h = m->harts[m->next_hart];
		if (hart_runnable(h))
			return h;
		m->next_hart = (m->next_hart + 1) % m->nharts;
		m->quantum_left = 0;
	}
	return NULL;
}

/* The next hart's turn. Its quantum is drawn when it starts running, not
 * here: how often harts are skipped while idle depends on how a run is
 * cut into machine_run calls, and chaos draws must not. */
static void machine_rotate(struct machine *m)
{
	m->next_hart = (m->next_hart + 1) % m->nharts;
	m->quantum_left = 0;
}

enum machine_stop machine_run(struct machine *m, uint64_t budget)
{
	uint64_t end = UINT64_MAX - m->icount < budget ? UINT64_MAX
						       : m->icount + budget;
	/* Resuming steps over the breakpoint a hart stopped at. */
	if (m->bp_hart >= 0)
		m->harts[m->bp_hart]->bp_skip = true;
	m->bp_hart = -1;
	while (m->icount < end) {
		if (m->exit != MEXIT_RUNNING)
			return MSTOP_EXIT;
		machine_fire_timed(m, m->icount);
		machine_update_timers(m, m->icount);
		uint64_t deadline = machine_next_deadline(m, m->icount);
		struct hart *h = machine_pick(m);
		if (!h) {
			/* Every hart waits: virtual time jumps to the next
			 * deadline, or nothing can ever happen again. */
			if (deadline == UINT64_MAX)
				return MSTOP_IDLE;
			uint64_t to = deadline < end ? deadline : end;
			if (to > m->idle_horizon) {
				if (m->icount >= m->idle_horizon)
					return MSTOP_WAIT;
				to = m->idle_horizon;
			}
			m->icount = to;
			continue;
		}
		if (m->quantum_left == 0)
			m->quantum_left = machine_quantum(m);
		uint64_t slice = m->quantum_left;
		if (deadline - m->icount < slice)
			slice = deadline - m->icount;
		if (end - m->icount < slice)
			slice = end - m->icount;
		/* Another hart may have stored to this one's reserved
		 * address since it last ran: an SC must then fail. */
		if (m->last != h) {
			h->resv_valid = false;
			m->last = h;
		}
		m->cur = h;
		m->cur_icount0 = h->icount;
		h->live_idx = 0;
		uint64_t done = hart_run(h, slice);
		m->cur = NULL;
		h->live_idx = 0;
		m->icount += done;
		m->quantum_left -= done;
		enum hart_stop why = h->stop;
		h->stop = STOP_NONE;
		if (why == STOP_WFI || why == STOP_YIELD ||
		    m->quantum_left == 0)
			machine_rotate(m);
		if (why == STOP_BREAKPOINT || why == STOP_WATCH) {
			h->stop = why;
			if (why == STOP_BREAKPOINT)
				m->bp_hart = (int)h->hartid;
			return MSTOP_HART;
		}
	}
	return m->exit != MEXIT_RUNNING ? MSTOP_EXIT : MSTOP_BUDGET;
}
