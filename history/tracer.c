/* Stepping a replay one icount at a time and describing each retired
 * instruction. Nothing here may change the machine beyond what the replay
 * itself does: the code is read through a side-effect-free translation,
 * so a traced run stays the recorded one. */
#include "tracer.h"
#include "../core/mmu.h"
#include "disasm.h"
#include "symbols.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tracer_regs_take(const struct hart *h, struct tracer_regs *r)
{
	memcpy(r->x, h->x, sizeof(r->x));
	memcpy(r->f, h->f, sizeof(r->f));
	r->pc = h->pc;
	r->icount = h->icount;
	r->priv = h->priv;
	r->fflags = h->fflags;
	r->frm = h->frm;
	r->mstatus = h->mstatus;
	r->mepc = h->mepc;
	r->mcause = h->mcause;
	r->mtval = h->mtval;
	r->mtvec = h->mtvec;
	r->mscratch = h->mscratch;
	r->mie = h->mie;
	r->medeleg = h->medeleg;
	r->mideleg = h->mideleg;
	r->sepc = h->sepc;
	r->scause = h->scause;
	r->stval = h->stval;
	r->stvec = h->stvec;
	r->sscratch = h->sscratch;
	r->satp = h->satp;
}

/* Copy n bytes of code at virtual va as h would fetch them now; they
 * may not cross a page. False when unmapped or not memory. */
static bool tracer_read(struct hart *h, uint64_t va, uint8_t *out, unsigned n)
{
	uint64_t pa;
	if (mmu_debug_translate(h, va, &pa))
		return false;
	const uint8_t *p = bus_host_ptr(&h->m->bus, pa, n);
	if (!p)
		return false;
	memcpy(out, p, n);
	return true;
}

/* The instruction at pc: its length, or 0 when it cannot be read. Each
 * halfword is translated on its own: a 4-byte instruction may straddle a
 * page boundary. */
unsigned tracer_fetch(struct hart *h, uint64_t pc, uint8_t bytes[4])
{
	if (!tracer_read(h, pc, bytes, 2))
		return 0;
	unsigned len = disasm_insn_len((uint16_t)(bytes[0] | bytes[1] << 8));
	if (len == 4 && !tracer_read(h, pc + 2, bytes + 2, 2))
		return 0;
	return len;
}

/* Did the hart enter a trap before retiring its instruction? A trap at pc
 * sets [ms]epc to pc and changes the privilege, the cause, the value or
 * the previous-privilege field (which xRET resets to U and a trap sets to
 * the trapped mode), so one that went unseen needs an instruction at pc
 * that writes xcause or xtval while xepc already held pc. */
static bool tracer_trapped(const struct tracer_regs *b,
			   const struct tracer_regs *a, uint64_t *cause,
			   uint64_t *epc, uint64_t *vec)
{
	bool changed;
	uint64_t tvec;
	if (a->priv == PRIV_M) {
		changed = a->mepc != b->mepc || a->mcause != b->mcause ||
			  a->mtval != b->mtval || b->priv != PRIV_M ||
			  ((a->mstatus ^ b->mstatus) & MSTATUS_MPP);
		*cause = a->mcause;
		*epc = a->mepc;
		tvec = a->mtvec;
	} else if (a->priv == PRIV_S) {
		changed = a->sepc != b->sepc || a->scause != b->scause ||
			  a->stval != b->stval || b->priv != PRIV_S ||
			  ((a->mstatus ^ b->mstatus) & MSTATUS_SPP);
		*cause = a->scause;
		*epc = a->sepc;
		tvec = a->stvec;
	} else {
		return false;
	}
	if (!changed || *epc != b->pc)
		return false;
	/* Vectored mode sends interrupts to base + 4 * cause. */
	bool irq = *cause >> 63;
	*vec = tvec & ~3ull;
	if (irq && (tvec & 1))
		*vec += 4 * (*cause & 63);
	return true;
}

int tracer_step(struct machine *m, struct gate *g, struct tracer_step *s,
		enum replay_status *st)
{
	struct tracer_regs before[MACHINE_MAX_HARTS];
	uint8_t bytes[MACHINE_MAX_HARTS][4];
	unsigned lens[MACHINE_MAX_HARTS];
	/* Which hart runs next is the scheduler's business: read every
	 * hart's next instruction before it may overwrite its own code. */
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		tracer_regs_take(h, &before[i]);
		lens[i] = tracer_fetch(h, h->pc, bytes[i]);
	}
	uint64_t icount = m->icount;
	*st = replay_advance(m, g, icount + 1, false);
	if (*st != REPLAY_AT_TARGET)
		return -1;
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		if (h->icount == before[i].icount)
			continue;
		memset(s, 0, sizeof(*s));
		s->icount = icount;
		s->hart = i;
		s->before = before[i];
		tracer_regs_take(h, &s->after);
		uint64_t vec;
		if (tracer_trapped(&s->before, &s->after, &s->trap_cause,
				   &s->trap_epc, &vec)) {
			s->trapped = true;
			s->pc = vec;
			s->priv = s->after.priv;
			s->len = tracer_fetch(h, vec, s->bytes);
		} else {
			s->pc = s->before.pc;
			s->priv = s->before.priv;
			s->len = lens[i];
			memcpy(s->bytes, bytes[i], sizeof(s->bytes));
		}
		return 1;
	}
	return 0;
}

static const char *const tracer_xname[32] = {
	"zero", "ra", "sp", "gp", "tp",	 "t0",	"t1", "t2", "s0", "s1", "a0",
	"a1",	"a2", "a3", "a4", "a5",	 "a6",	"a7", "s2", "s3", "s4", "s5",
	"s6",	"s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const tracer_fname[32] = {
	"ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
	"fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
	"fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
	"fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

struct tracer_buf {
	char *p;
	size_t len, cap;
};

static void tracer_put(struct tracer_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void tracer_put(struct tracer_buf *b, const char *fmt, ...)
{
	if (b->len + 1 >= b->cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len = b->len + (size_t)n < b->cap ? b->len + (size_t)n
						     : b->cap - 1;
}

static void tracer_csr(struct tracer_buf *b, const char *name, uint64_t was,
		       uint64_t now)
{
	if (was != now)
		tracer_put(b, " %s=0x%llx", name, (unsigned long long)now);
}

/* Every register whose value the step changed, with its new value. */
static void tracer_diff(struct tracer_buf *b, const struct tracer_regs *w,
			const struct tracer_regs *n)
{
	for (int i = 1; i < 32; i++)
		tracer_csr(b, tracer_xname[i], w->x[i], n->x[i]);
	for (int i = 0; i < 32; i++)
		tracer_csr(b, tracer_fname[i], w->f[i], n->f[i]);
	if (w->priv != n->priv)
		tracer_put(b, " priv=%c", "USHM"[n->priv & 3]);
	tracer_csr(b, "fflags", w->fflags, n->fflags);
	tracer_csr(b, "frm", w->frm, n->frm);
	tracer_csr(b, "mstatus", w->mstatus, n->mstatus);
	tracer_csr(b, "mepc", w->mepc, n->mepc);
	tracer_csr(b, "mcause", w->mcause, n->mcause);
	tracer_csr(b, "mtval", w->mtval, n->mtval);
	tracer_csr(b, "mtvec", w->mtvec, n->mtvec);
	tracer_csr(b, "mscratch", w->mscratch, n->mscratch);
	tracer_csr(b, "mie", w->mie, n->mie);
	tracer_csr(b, "medeleg", w->medeleg, n->medeleg);
	tracer_csr(b, "mideleg", w->mideleg, n->mideleg);
	tracer_csr(b, "sepc", w->sepc, n->sepc);
	tracer_csr(b, "scause", w->scause, n->scause);
	tracer_csr(b, "stval", w->stval, n->stval);
	tracer_csr(b, "stvec", w->stvec, n->stvec);
	tracer_csr(b, "sscratch", w->sscratch, n->sscratch);
	tracer_csr(b, "satp", w->satp, n->satp);
}

void tracer_regs_diff(const struct tracer_regs *w, const struct tracer_regs *n,
		      char *buf, size_t len)
{
	struct tracer_buf b = {.p = buf, .len = 0, .cap = len};
	if (!len)
		return;
	buf[0] = 0;
	tracer_diff(&b, w, n);
}

static void tracer_head(struct tracer_buf *b, const struct tracer_step *s)
{
	tracer_put(b, "%10llu h%d %c 0x%016llx", (unsigned long long)s->icount,
		   s->hart, "USHM"[s->priv & 3], (unsigned long long)s -> pc);
}

void tracer_format(const struct tracer_step *s, const struct symbols *syms,
		   char *buf, size_t len)
{
	struct tracer_buf b = {.p = buf, .len = 0, .cap = len};
	if (!len)
		return;
	buf[0] = 0;
	if (s->trapped) {
		tracer_head(&b, s);
		tracer_put(&b, " trap: %s %llu, epc 0x%llx\n",
			   s->trap_cause >> 63 ? "interrupt" : "exception",
			   (unsigned long long)(s->trap_cause & ~(1ull << 63)),
			   (unsigned long long)s->trap_epc);
	}
	tracer_head(&b, s);
	const char *name;
	uint64_t off;
	if (syms && !symbols_lookup(syms, s->pc, &name, &off))
		tracer_put(&b, " <%s+0x%llx>", name, (unsigned long long)off);
	char text[128];
	if (s->len == 4) {
		uint32_t w = (uint32_t)s->bytes[0] |
			     (uint32_t)s->bytes[1] << 8 |
			     (uint32_t)s->bytes[2] << 16 |
			     (uint32_t)s->bytes[3] << 24;
		disasm_one(s->pc, s->bytes, 4, text, sizeof(text));
		tracer_put(&b, " %08x     %-32s", w, text);
	} else if (s->len == 2) {
		disasm_one(s->pc, s->bytes, 2, text, sizeof(text));
		tracer_put(&b, " %04x         %-32s",
			   (unsigned)(s->bytes[0] | s->bytes[1] << 8), text);
	} else {
		tracer_put(&b, " ????????     %-32s", "(code not readable)");
	}
	char diff[1024];
	struct tracer_buf d = {.p = diff, .len = 0, .cap = sizeof(diff)};
	diff[0] = 0;
	tracer_diff(&d, &s->before, &s->after);
	if (d.len)
		tracer_put(&b, " ;%s", diff);
	while (b.len && buf[b.len - 1] == ' ')
		buf[--b.len] = 0;
}
