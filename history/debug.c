#include "debug.h"
#include "../core/csr.h"
#include "../core/mmu.h"
#include "../replay/exit_status.h"
#include "../replay/host.h"
#include "../replay/session.h"
#include "debug_impl.h"
#include "disasm.h"
#include "reverse.h"
#include "skip.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void debug_init(struct debugger *d, struct history *h, const char *what)
{
	memset(d, 0, sizeof(*d));
	d->h = h;
	d->m = h->m;
	d->what = what;
	d->stop.kind = GDB_STOP_STEP;
}

struct hart *debug_hart(struct debugger *d, int thread)
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

int debug_reg_read(void *ctx, int thread, int regno, uint64_t *val)
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

long debug_mem_read(void *ctx, int thread, uint64_t addr, uint8_t *buf,
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
		const uint8_t *p = debug_translate(ctx, thread, va, &pa)
					   ? NULL
					   : bus_host_ptr(&h->m->bus, pa, n);
		if (!p)
			break;
		memcpy(buf + done, p, n);
		done += n;
	}
	return (long)done;
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
	if (kind == GDB_REVERSE_CONTINUE)
		history_search_begin(d->h, &d->rc);
	if (kind == GDB_REVERSE_STEP)
		history_rstep_begin(d->h, &d->rs, d->thread);
	d->interrupted = false;
	d->running = true;
	if (d->h->live)
		history_live_resume(d->h);
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

/* The stop gdb is told of for a hit (hart -1: none, a plain step). */
static void debug_hit_stop(struct debugger *d, const struct history_hit *hit)
{
	if (hit->hart < 0) {
		debug_stopped(d, GDB_STOP_STEP, d->thread, 0);
	} else if (hit->watch) {
		enum gdb_stop_kind k = hit->kind == WATCH_WRITE ? GDB_STOP_WATCH
				       : hit->kind == WATCH_READ
					       ? GDB_STOP_RWATCH
					       : GDB_STOP_AWATCH;
		debug_stopped(d, k, hit->hart, hit->addr);
	} else {
		bool sw = false;
		for (int k = 0; k < d->npts; k++)
			sw |= d->pts[k].type == GDB_BP_SW &&
			      d->pts[k].addr == hit->pc;
		debug_stopped(d, sw ? GDB_STOP_SWBREAK : GDB_STOP_HWBREAK,
			      hit->hart, 0);
	}
}

/* A hart stopped at a breakpoint or watchpoint: which, and why. */
static void debug_hart_stop(struct debugger *d)
{
	struct history_hit hit;
	if (!history_hit_find(d->m, &hit))
		hit.hart = -1;
	debug_hit_stop(d, &hit);
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
	if (here > d->h->begin)
		history_seek_say(d->h, here - 1);
}

/* Going forwards, the recording ran out: gdb says only "No more
 * reverse-execution history" and a bare pc, so say where and why. */
static void debug_history_end(struct debugger *d)
{
	debug_stopped(d, GDB_STOP_HISTORY_END, d->thread, 0);
	snprintf(d->note, sizeof(d->note),
		 "rewind: the recording ends here, at icount %llu; "
		 "reverse-continue, reverse-stepi or `monitor seek ICOUNT` "
		 "go back\n",
		 (unsigned long long)d->m->icount);
	d->stop.note = d->note;
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
			/* A live guest really ended, or its run reached
			 * --limit: gdb sees it exit, with the status a plain
			 * run would have. */
			debug_stopped(d, GDB_STOP_EXITED, d->thread, 0);
			d->stop.exit_code = d->h->at_limit
						    ? REWIND_EXIT_LIMIT
						    : session_exit_status(d->m);
			return true;
		}
		debug_history_end(d);
		return true;
	case REPLAY_CUT: debug_history_end(d); return true;
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

/* Each poll runs for at most HISTORY_POLL_MS of host time, so that a
 * Ctrl-C is answered at once whatever the guest does. */
static bool debug_poll_continue(struct debugger *d)
{
	double until = host_seconds() + HISTORY_POLL_MS / 1000.0;
	do {
		/* Over the intervals ahead where nothing can hit, at once,
		 * and again at each checkpoint (history/skip.h). */
		if (history_skip_ahead(d->h)) {
			fprintf(stderr, "rewind: %s\n", d->h->err);
			debug_stopped(d, GDB_STOP_INTERRUPT, d->thread, 0);
			return true;
		}
		double left = (until - host_seconds()) * 1000;
		enum replay_status st =
			history_forward_for(d->h, history_skip_pause(d->h),
					    left >= 1 ? (unsigned)left : 1);
		if (debug_forward_stop(d, st))
			return true;
	} while (host_seconds() < until);
	return false;
}

static bool debug_poll_step(struct debugger *d)
{
	struct hart *h = d->m->harts[d->thread];
	double until = host_seconds() + HISTORY_POLL_MS / 1000.0;
	while (host_seconds() < until) {
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

static bool debug_poll_reverse_step(struct debugger *d)
{
	switch (history_rstep_poll(d->h, &d->rs, HISTORY_POLL_MS)) {
	case HISTORY_REVERSE_MORE: return false;
	case HISTORY_REVERSE_HIT:
		debug_stopped(d, GDB_STOP_STEP, d->thread, 0);
		return true;
	default:
		debug_stopped(d, GDB_STOP_HISTORY_BEGIN, d->thread, 0);
		return true;
	}
}

/* A poll's worth of a reverse-continue's search (history_search_poll). */
static bool debug_poll_reverse_continue(struct debugger *d)
{
	struct history_hit hit;
	enum history_reverse r =
		history_search_poll(d->h, &d->rc, &hit, HISTORY_POLL_MS);
	if (r != HISTORY_REVERSE_MORE || d->interrupted)
		history_search_end(&d->rc);
	switch (r) {
	case HISTORY_REVERSE_BEGIN:
		debug_stopped(d, GDB_STOP_HISTORY_BEGIN, d->thread, 0);
		return true;
	case HISTORY_REVERSE_HIT: debug_hit_stop(d, &hit); return true;
	case HISTORY_REVERSE_LOST:
		debug_hit_stop(d, &hit);
		d->stop.kind = GDB_STOP_HISTORY_BEGIN;
		return true;
	case HISTORY_REVERSE_MORE: break;
	}
	if (d->interrupted) {
		/* Between stretches the search stands at a checkpoint, where
		 * nothing up to the origin hits; in one, where it got to. */
		if (!d->rc.scanning)
			history_seek_say(d->h, d->rc.seg_end);
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
	case GDB_REVERSE_STEP: done = debug_poll_reverse_step(d); break;
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

const char *debug_priv_name(enum priv p)
{
	return p == PRIV_M ? "M" : p == PRIV_S ? "S" : "U";
}

static void debug_thread_describe(void *ctx, int thread, char *buf, size_t len)
{
	struct hart *h = debug_hart(ctx, thread);
	snprintf(buf, len, "hart %d, %s-mode%s", thread,
		 debug_priv_name(h->priv), h->wfi ? ", waiting" : "");
}

const struct gdb_target_ops debug_ops = {
	.nthreads = debug_nthreads,
	.reg_read = debug_reg_read,
	.reg_write = debug_reg_write,
	.mem_read = debug_mem_read,
	.mem_write = debug_mem_write,
	.refusal = debug_write_refusal,
	.bp_insert = debug_bp_insert,
	.bp_remove = debug_bp_remove,
	.resume = debug_resume,
	.poll = debug_poll,
	.interrupt = debug_interrupt,
	.stop_reason = debug_stop_reason,
	.thread_describe = debug_thread_describe,
	.phys_mode = debug_phys_mode,
	.monitor = debug_monitor,
	.wait = debug_wait,
};
