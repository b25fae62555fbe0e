#include "debug.h"
#include "../core/csr.h"
#include "../core/mmu.h"
#include "../replay/session.h"
#include "../snapshots/pagestore.h"
#include "disasm.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Instructions run per poll while continuing: a few milliseconds, so a
 * Ctrl-C is seen well within 100 ms. */
#define DEBUG_SLICE 500000
/* Machine-wide single steps per poll while stepping one hart. */
#define DEBUG_STEPS 20000

void debug_init(struct debugger *d, struct history *h, const char *what)
{
	memset(d, 0, sizeof(*d));
	d->h = h;
	d->m = h->m;
	d->what = what;
	d->stop.kind = GDB_STOP_STEP;
}

static struct hart *debug_hart(struct debugger *d, int thread)
{
	if (thread < 0 || thread >= d->m->nharts)
		thread = d->stop.thread;
	return d->m->harts[thread];
}

static int debug_nthreads(void *ctx)
{
	struct debugger *d = ctx;
	return d->m->nharts;
}

/* A CSR as a debugger sees it: every one readable, whatever the hart's
 * privilege, and without side effects. */
static int debug_csr_read(struct hart *h, unsigned num, uint64_t *val)
{
	switch (num) {
	case 0x001: *val = h->fflags; return 0;
	case 0x002: *val = h->frm; return 0;
	case 0x003: *val = h->fflags | h->frm << 5; return 0;
	default: break;
	}
	enum priv p = h->priv;
	h->priv = PRIV_M;
	int rc = csr_read(h, num, val);
	h->priv = p;
	return rc ? -ENOENT : 0;
}

static int debug_reg_read(void *ctx, int thread, int regno, uint64_t *val)
{
	struct hart *h = debug_hart(ctx, thread);
	if (regno >= 0 && regno < 32)
		*val = regno ? h->x[regno] : 0;
	else if (regno == GDB_REG_PC)
		*val = h->pc;
	else if (regno >= GDB_REG_F0 && regno < GDB_REG_F0 + 32)
		*val = h->f[regno - GDB_REG_F0];
	else if (regno == GDB_REG_PRIV)
		*val = (uint64_t)h->priv;
	else if (regno >= GDB_REG_CSR_BASE && regno < GDB_REG_CSR_BASE + 4096)
		return debug_csr_read(h, (unsigned)(regno - GDB_REG_CSR_BASE),
				      val);
	else
		return -ENOENT;
	return 0;
}

/* A replay must stay what was recorded: the debugger only looks. */
static int debug_reg_write(void *ctx, int thread, int regno, uint64_t val)
{
	(void)ctx, (void)thread, (void)regno, (void)val;
	return -EPERM;
}

static long debug_mem_read(void *ctx, int thread, uint64_t addr, uint8_t *buf,
			   size_t len)
{
	struct hart *h = debug_hart(ctx, thread);
	size_t done = 0;
	while (done < len) {
		uint64_t va = addr + done, pa;
		size_t n = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (n > len - done)
			n = len - done;
		/* Memory only: reading a device register has effects. */
		const uint8_t *p = mmu_debug_translate(h, va, &pa)
					   ? NULL
					   : bus_host_ptr(&h->m->bus, pa, n);
		if (!p)
			break;
		memcpy(buf + done, p, n);
		done += n;
	}
	return (long)done;
}

static long debug_mem_write(void *ctx, int thread, uint64_t addr,
			    const uint8_t *buf, size_t len)
{
	(void)ctx, (void)thread, (void)addr, (void)buf, (void)len;
	return -EPERM;
}

static int debug_point_find(const struct debugger *d, enum gdb_bp_type type,
			    uint64_t addr, uint64_t len)
{
	for (int i = 0; i < d->npts; i++)
		if (d->pts[i].type == type && d->pts[i].addr == addr &&
		    d->pts[i].len == len)
			return i;
	return -1;
}

static enum watch_kind debug_watch_kind(enum gdb_bp_type type)
{
	return type == GDB_WATCH_WRITE	? WATCH_WRITE
	       : type == GDB_WATCH_READ ? WATCH_READ
					: WATCH_ACCESS;
}

static bool debug_is_break(enum gdb_bp_type type)
{
	return type == GDB_BP_SW || type == GDB_BP_HW;
}

static int debug_bp_insert(void *ctx, enum gdb_bp_type type, uint64_t addr,
			   uint64_t len)
{
	struct debugger *d = ctx;
	if (debug_is_break(type) && len != 2 && len != 4)
		return -EINVAL;
	if (debug_point_find(d, type, addr, len) >= 0)
		return 0;
	if (d->npts == DEBUG_MAX_POINTS)
		return -ENOSPC;
	int rc = debug_is_break(type)
			 ? machine_breakpoint_add(d->m, addr)
			 : machine_watch_add(d->m, addr, len,
					     debug_watch_kind(type));
	if (rc)
		return rc;
	d->pts[d->npts++] =
		(struct debug_point){.type = type, .addr = addr, .len = len};
	return 0;
}

static int debug_bp_remove(void *ctx, enum gdb_bp_type type, uint64_t addr,
			   uint64_t len)
{
	struct debugger *d = ctx;
	int i = debug_point_find(d, type, addr, len);
	if (i < 0)
		return -ENOENT;
	d->pts[i] = d->pts[--d->npts];
	if (!debug_is_break(type))
		return machine_watch_remove(d->m, addr, len,
					    debug_watch_kind(type));
	/* A software and a hardware breakpoint may share an address. */
	for (int k = 0; k < d->npts; k++)
		if (debug_is_break(d->pts[k].type) && d->pts[k].addr == addr)
			return 0;
	return machine_breakpoint_remove(d->m, addr);
}

static int debug_resume(void *ctx, enum gdb_resume_kind kind, int thread)
{
	struct debugger *d = ctx;
	d->kind = kind;
	d->thread =
		thread >= 0 && thread < d->m->nharts ? thread : d->stop.thread;
	d->step_from = d->m->harts[d->thread]->icount;
	d->rc_origin = d->rc_seg_end = d->m->icount;
	d->interrupted = false;
	d->running = true;
	return 0;
}

static void debug_interrupt(void *ctx)
{
	struct debugger *d = ctx;
	d->interrupted = true;
}

static void debug_stopped(struct debugger *d, enum gdb_stop_kind kind,
			  int thread, uint64_t addr)
{
	d->running = false;
	d->stop =
		(struct gdb_stop){.kind = kind, .thread = thread, .addr = addr};
}

/* A hart stopped at a breakpoint or watchpoint: which, and why. */
static void debug_hart_stop(struct debugger *d)
{
	struct machine *m = d->m;
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		if (h->stop == STOP_WATCH) {
			enum gdb_stop_kind k = m->watch_hit.kind == WATCH_WRITE
						       ? GDB_STOP_WATCH
					       : m->watch_hit.kind == WATCH_READ
						       ? GDB_STOP_RWATCH
						       : GDB_STOP_AWATCH;
			debug_stopped(d, k, i, m->watch_hit.addr);
			return;
		}
		if (h->stop == STOP_BREAKPOINT) {
			bool sw = false;
			for (int k = 0; k < d->npts; k++)
				sw |= d->pts[k].type == GDB_BP_SW &&
				      d->pts[k].addr == h->pc;
			debug_stopped(d,
				      sw ? GDB_STOP_SWBREAK : GDB_STOP_HWBREAK,
				      i, 0);
			return;
		}
	}
	debug_stopped(d, GDB_STOP_STEP, d->thread, 0);
}

static bool debug_is_watch(enum gdb_stop_kind k)
{
	return k == GDB_STOP_WATCH || k == GDB_STOP_RWATCH ||
	       k == GDB_STOP_AWATCH;
}

/* gdb takes RISC-V watchpoints to fire before the access, and steps over
 * the accessing instruction itself before it looks at the value. The
 * machine stops just after the access, so going forwards the stop is
 * reported one instruction earlier: at the access, which is the last
 * instruction the stopped hart retired. */
static void debug_watch_stop(struct debugger *d)
{
	uint64_t here = d->m->icount;
	if (here > 0 && history_seek(d->h, here - 1))
		fprintf(stderr, "rewind: %s\n", d->h->err);
}

/* After a forward run ended with st: true when that is a stop. */
static bool debug_forward_stop(struct debugger *d, enum replay_status st)
{
	switch (st) {
	case REPLAY_AT_TARGET: return false;
	case REPLAY_HART_STOP:
		debug_hart_stop(d);
		if (debug_is_watch(d->stop.kind))
			debug_watch_stop(d);
		return true;
	case REPLAY_END:
		if (d->h->live) {
			/* A live guest really ended: gdb sees it exit. */
			debug_stopped(d, GDB_STOP_EXITED, d->thread, 0);
			d->stop.exit_code = session_exit_status(d->m);
			return true;
		}
		debug_stopped(d, GDB_STOP_HISTORY_END, d->thread, 0);
		return true;
	case REPLAY_CUT:
		debug_stopped(d, GDB_STOP_HISTORY_END, d->thread, 0);
		return true;
	case REPLAY_FAILED:
	default:
		fprintf(stderr, "rewind: replay failed at icount %llu: %s\n",
			(unsigned long long)d->h->g->failed_at, d->h->g->why);
		d->running = false;
		d->stop = (struct gdb_stop){.kind = GDB_STOP_EXITED,
					    .thread = d->thread,
					    .exit_code = 1};
		return true;
	}
}

static bool debug_poll_continue(struct debugger *d)
{
	enum replay_status st =
		history_forward(d->h, d->m->icount + DEBUG_SLICE);
	return debug_forward_stop(d, st);
}

static bool debug_poll_step(struct debugger *d)
{
	struct hart *h = d->m->harts[d->thread];
	for (int i = 0; i < DEBUG_STEPS; i++) {
		enum replay_status st = history_forward(d->h, d->m->icount + 1);
		if (debug_forward_stop(d, st))
			return true;
		if (h->icount != d->step_from) {
			debug_stopped(d, GDB_STOP_STEP, d->thread, 0);
			return true;
		}
	}
	return false;
}

/* Seek, reporting a failure to the user; false when it failed. */
static bool debug_seek(struct debugger *d, uint64_t icount)
{
	if (history_seek(d->h, icount) == 0)
		return true;
	fprintf(stderr, "rewind: %s\n", d->h->err);
	return false;
}

/* The position just before hart t retired its instruction number n
 * (1-based): the largest icount at which it had retired n - 1. Leaves
 * the machine somewhere after it. */
static bool debug_find_retire(struct debugger *d, int t, uint64_t n,
			      uint64_t *pos)
{
	struct timeline *tl = d->h->tl;
	const struct checkpoint *c = NULL;
	for (size_t k = tl->n; k-- > 0;)
		if (tl->cp[k].icount <= d->m->icount &&
		    tl->cp[k].hart_icount[t] < n) {
			c = &tl->cp[k];
			break;
		}
	if (!c || !debug_seek(d, c->icount))
		return false;
	struct hart *h = d->m->harts[t];
	/* Each machine-wide instruction retires at most one of hart t's,
	 * so this never runs past the one before instruction n. */
	while (h->icount < n - 1) {
		enum replay_status st = history_forward(
			d->h, d->m->icount + (n - 1 - h->icount));
		if (st != REPLAY_AT_TARGET)
			return false;
	}
	for (;;) {
		uint64_t at = d->m->icount;
		if (history_forward(d->h, at + 1) != REPLAY_AT_TARGET)
			return false;
		if (h->icount >= n) {
			*pos = at;
			return true;
		}
	}
}

static void debug_reverse_step(struct debugger *d)
{
	int t = d->thread;
	uint64_t n = d->m->harts[t]->icount, here = d->m->icount;
	struct history_stops s;
	history_stops_off(d->m, &s);
	uint64_t pos = 0;
	bool found = false;
	if (n > 0) {
		/* Usually the instruction just before is this hart's. */
		if (here > 0 && debug_seek(d, here - 1) &&
		    d->m->harts[t]->icount == n - 1) {
			pos = here - 1;
			found = true;
		} else {
			found = debug_find_retire(d, t, n, &pos);
		}
	}
	history_stops_on(d->m, &s);
	if (found && debug_seek(d, pos)) {
		debug_stopped(d, GDB_STOP_STEP, t, 0);
		return;
	}
	/* Nothing before: the beginning of history. */
	debug_seek(d, 0);
	debug_stopped(d, GDB_STOP_HISTORY_BEGIN, t, 0);
}

/* One stretch of a reverse-continue: replay from the checkpoint before
 * rc_seg_end up to it, remembering the last breakpoint or watchpoint hit;
 * go there if there was one, else move the stretch back. */
static bool debug_poll_reverse_continue(struct debugger *d)
{
	if (d->rc_seg_end == 0) {
		debug_seek(d, 0);
		debug_stopped(d, GDB_STOP_HISTORY_BEGIN, d->thread, 0);
		return true;
	}
	const struct checkpoint *c = timeline_find(d->h->tl, d->rc_seg_end - 1);
	uint64_t from = c->icount;
	if (!debug_seek(d, from)) {
		debug_stopped(d, GDB_STOP_HISTORY_BEGIN, d->thread, 0);
		return true;
	}
	bool hit = false;
	uint64_t hit_pos = 0;
	struct gdb_stop hit_stop = {0};
	for (;;) {
		enum replay_status st = history_forward(d->h, d->rc_seg_end);
		if (st != REPLAY_HART_STOP)
			break;
		debug_hart_stop(d);
		hit = true;
		hit_stop = d->stop;
		/* A watched access stops the hart just after it; that is
		 * where gdb wants a reverse stop, since it then steps back
		 * over the access itself (see debug_watch_stop). */
		hit_pos = d->m->icount;
	}
	if (hit) {
		if (!debug_seek(d, hit_pos))
			hit_stop.kind = GDB_STOP_HISTORY_BEGIN;
		d->running = false;
		d->stop = hit_stop;
		return true;
	}
	d->rc_seg_end = from;
	if (d->interrupted) {
		debug_seek(d, from);
		debug_stopped(d, GDB_STOP_INTERRUPT, d->thread, 0);
		return true;
	}
	return false;
}

static bool debug_poll(void *ctx, struct gdb_stop *stop)
{
	struct debugger *d = ctx;
	if (!d->running) {
		*stop = d->stop;
		return true;
	}
	if (d->interrupted && d->kind != GDB_REVERSE_CONTINUE) {
		debug_stopped(d, GDB_STOP_INTERRUPT, d->thread, 0);
		*stop = d->stop;
		return true;
	}
	bool done = false;
	switch (d->kind) {
	case GDB_CONTINUE: done = debug_poll_continue(d); break;
	case GDB_STEP: done = debug_poll_step(d); break;
	case GDB_REVERSE_STEP:
		debug_reverse_step(d);
		done = true;
		break;
	case GDB_REVERSE_CONTINUE: done = debug_poll_reverse_continue(d); break;
	}
	if (done)
		*stop = d->stop;
	return done;
}

void debug_run(struct debugger *d, enum gdb_resume_kind kind, int thread,
	       struct gdb_stop *stop)
{
	debug_resume(d, kind, thread);
	while (!debug_poll(d, stop))
		;
}

static void debug_stop_reason(void *ctx, struct gdb_stop *stop)
{
	struct debugger *d = ctx;
	*stop = d->stop;
}

static const char *debug_priv_name(enum priv p)
{
	return p == PRIV_M ? "M" : p == PRIV_S ? "S" : "U";
}

static void debug_thread_describe(void *ctx, int thread, char *buf, size_t len)
{
	struct hart *h = debug_hart(ctx, thread);
	snprintf(buf, len, "hart %d, %s-mode%s", thread,
		 debug_priv_name(h->priv), h->wfi ? ", waiting" : "");
}

/* Append formatted text to out. */
static void debug_say(char *out, size_t outlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void debug_say(char *out, size_t outlen, const char *fmt, ...)
{
	size_t n = strlen(out);
	if (n + 1 >= outlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out + n, outlen - n, fmt, ap);
	va_end(ap);
}

static void debug_monitor_checkpoints(struct debugger *d, char *out,
				      size_t outlen)
{
	const struct timeline *tl = d->h->tl;
	debug_say(out, outlen,
		  "%zu checkpoints, %zu distinct pages, %.1f MiB of %.0f MiB "
		  "(taken %" PRIu64 " in %.1f ms, %.3f ms each; thinned "
		  "%" PRIu64 ")\n",
		  tl->n, pagestore_count(tl->ps),
		  (double)timeline_bytes(tl) / (1 << 20),
		  (double)tl->budget / (1 << 20), tl->taken,
		  (double)tl->take_ns / 1e6,
		  tl->taken ? (double)tl->take_ns / 1e6 / (double)tl->taken
			    : 0.0,
		  tl->thinned);
	for (size_t k = 0; k < tl->n; k++)
		debug_say(out, outlen, "  icount %" PRIu64 ": %u pages\n",
			  tl->cp[k].icount, tl->cp[k].npages);
}

/* monitor x/Ni ADDR: N instructions from ADDR (or $pc) of the selected
 * hart, disassembled. */
static int debug_monitor_x(struct debugger *d, const char *arg, char *out,
			   size_t outlen)
{
	char *end;
	unsigned long n = 1;
	if (*arg >= '0' && *arg <= '9') {
		n = strtoul(arg, &end, 10);
		arg = end;
	}
	if (*arg++ != 'i' || *arg++ != ' ' || n == 0 || n > 1000) {
		debug_say(out, outlen, "usage: monitor x/Ni ADDR\n");
		return -1;
	}
	while (*arg == ' ')
		arg++;
	struct hart *h = debug_hart(d, -1);
	uint64_t pc = h->pc;
	if (strcmp(arg, "$pc") != 0) {
		pc = strtoull(arg, &end, 0);
		if (!*arg || *end) {
			debug_say(out, outlen, "bad address '%s'\n", arg);
			return -1;
		}
	}
	for (unsigned long i = 0; i < n; i++) {
		uint8_t b[4] = {0};
		long got = debug_mem_read(d, d->stop.thread, pc, b, 2);
		if (got == 2 &&
		    disasm_insn_len((uint16_t)(b[0] | b[1] << 8)) == 4)
			got += debug_mem_read(d, d->stop.thread, pc + 2, b + 2,
					      2);
		char text[128];
		int len = got >= 2 ? disasm_one(pc, b, (size_t)got, text,
						sizeof(text))
				   : -EINVAL;
		if (len < 0) {
			debug_say(out, outlen,
				  "0x%" PRIx64 ": cannot read memory\n", pc);
			return i ? 0 : -1;
		}
		debug_say(out, outlen, "0x%" PRIx64 ":\t%s\n", pc, text);
		pc += (uint64_t)len;
	}
	return 0;
}

static int debug_monitor(void *ctx, const char *cmd, char *out, size_t outlen)
{
	struct debugger *d = ctx;
	struct machine *m = d->m;
	out[0] = 0;
	while (*cmd == ' ')
		cmd++;
	if (!strcmp(cmd, "icount")) {
		debug_say(out, outlen, "icount %" PRIu64 "\n", m->icount);
		for (int i = 0; i < m->nharts; i++)
			debug_say(out, outlen,
				  "hart %d: retired %" PRIu64 ", pc 0x%" PRIx64
				  ", %s-mode\n",
				  i, m->harts[i]->icount, m->harts[i]->pc,
				  debug_priv_name(m->harts[i]->priv));
		return 0;
	}
	if (!strncmp(cmd, "seek", 4) && (cmd[4] == ' ' || !cmd[4])) {
		char *end;
		const char *arg = cmd + 4;
		while (*arg == ' ')
			arg++;
		uint64_t to = strtoull(arg, &end, 0);
		if (!*arg || *end) {
			debug_say(out, outlen, "usage: monitor seek ICOUNT\n");
			return -1;
		}
		if (history_seek(d->h, to)) {
			debug_say(out, outlen, "%s\n", d->h->err);
			return -1;
		}
		d->stop.kind = GDB_STOP_STEP;
		debug_say(out, outlen,
			  "at icount %" PRIu64
			  " (use `maint flush register-cache` so gdb reads "
			  "the registers again)\n",
			  m->icount);
		return 0;
	}
	if (!strncmp(cmd, "x/", 2))
		return debug_monitor_x(d, cmd + 2, out, outlen);
	if (!strcmp(cmd, "checkpoints")) {
		debug_monitor_checkpoints(d, out, outlen);
		return 0;
	}
	if (!strcmp(cmd, "info")) {
		debug_say(out, outlen,
			  "%s %s\nharts %d, RAM %" PRIu64
			  " MiB\nicount %" PRIu64 "\n",
			  d->h->live ? "live run" : "replaying", d->what,
			  m->nharts, m->ram->size >> 20, m->icount);
		if (d->h->end != UINT64_MAX)
			debug_say(out, outlen,
				  "the recording ends at icount %" PRIu64 "\n",
				  d->h->end);
		return 0;
	}
	if (!strcmp(cmd, "help") || !*cmd) {
		debug_say(out, outlen,
			  "monitor icount        the icount and every hart's "
			  "pc\n"
			  "monitor seek ICOUNT   go to an icount of the "
			  "recording\n"
			  "monitor checkpoints   the checkpoint timeline\n"
			  "monitor x/Ni ADDR     N instructions at ADDR (or "
			  "$pc)\n"
			  "monitor info          what is being debugged\n"
			  "monitor help          this text\n");
		return 0;
	}
	debug_say(out, outlen,
		  "unknown monitor command '%s'; try 'monitor help'\n", cmd);
	return -1;
}

const struct gdb_target_ops debug_ops = {
	.nthreads = debug_nthreads,
	.reg_read = debug_reg_read,
	.reg_write = debug_reg_write,
	.mem_read = debug_mem_read,
	.mem_write = debug_mem_write,
	.bp_insert = debug_bp_insert,
	.bp_remove = debug_bp_remove,
	.resume = debug_resume,
	.poll = debug_poll,
	.interrupt = debug_interrupt,
	.stop_reason = debug_stop_reason,
	.thread_describe = debug_thread_describe,
	.monitor = debug_monitor,
};
