/* The debugger's monitor commands: `monitor icount`, `seek`,
 * `checkpoints`, `x/Ni` and `info`, answered as text. */
#include "../snapshots/pagestore.h"
#include "debug_impl.h"
#include "debug_live.h"
#include "disasm.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void debug_say(char *out, size_t outlen, const char *fmt, ...)
{
	size_t n = strlen(out);
	if (n + 1 >= outlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out + n, outlen - n, fmt, ap);
	va_end(ap);
}

/* monitor checkpoints [all]: a summary (how many, the span they cover,
 * their memory, the ones around here); `all` lists every one. */
static void debug_monitor_checkpoints(struct debugger *d, bool all, char *out,
				      size_t outlen)
{
	const struct timeline *tl = d->h->tl;
	debug_say(
		out, outlen,
		"%zu checkpoints from icount %" PRIu64 " to %" PRIu64
		", %zu distinct pages, %.1f MiB of %.0f MiB (taken %" PRIu64
		" in %.1f ms, %.3f ms each; thinned %" PRIu64 ")\n",
		tl->n, tl->cp[0].icount, tl->cp[tl->n - 1].icount,
		pagestore_count(tl->ps), (double)timeline_bytes(tl) / (1 << 20),
		(double)tl->budget / (1 << 20), tl->taken,
		(double)tl->take_ns / 1e6,
		tl->taken ? (double)tl->take_ns / 1e6 / (double)tl->taken : 0.0,
		tl->thinned);
	debug_say(out, outlen,
		  "searches replayed %" PRIu64 " intervals and skipped %" PRIu64
		  " where nothing could hit%s\n",
		  d->h->replayed, d->h->skipped,
		  d->m->tune & TUNE_NO_SKIP ? " (REWIND_TUNE=no-skip)" : "");
	/* Around here: the two before the current position and the two
	 * after it, where a step either way would start from. */
	const struct checkpoint *near = timeline_find(tl, d->m->icount);
	size_t at = (size_t)(near - tl->cp);
	size_t lo = all || at < 2 ? 0 : at - 2;
	size_t hi = all || tl->n - at < 4 ? tl->n : at + 3;
	if (!all)
		debug_say(out, outlen, "around icount %" PRIu64 ":\n",
			  d->m->icount);
	for (size_t k = lo; k < hi; k++)
		debug_say(out, outlen, "  icount %" PRIu64 ": %u pages\n",
			  tl->cp[k].icount, tl->cp[k].npages);
	if (!all && tl->n > hi - lo)
		debug_say(out, outlen,
			  "(`monitor checkpoints all` lists all %zu)\n", tl->n);
}

/* Where the recording ends, when known: reached already, or the icount of
 * the end record a replay read ahead. False when it is not known (a live
 * session, or a recording cut short). */
static bool debug_recording_end(const struct debugger *d, uint64_t *end)
{
	const struct gate *g = d->h->g;
	if (d->h->end != UINT64_MAX) {
		*end = d->h->end;
		return true;
	}
	if (d->h->live || !g->qlen || g->queue[g->qlen - 1].e.type != EV_END)
		return false;
	*end = g->queue[g->qlen - 1].e.icount;
	return true;
}

static void debug_monitor_where(struct debugger *d, char *out, size_t outlen)
{
	struct machine *m = d->m;
	uint64_t end;
	debug_say(out, outlen, "%s %s\nharts %d, RAM %" PRIu64 " MiB\n",
		  d->h->live ? "live run" : "replaying", d->what, m->nharts,
		  m->ram->size >> 20);
	debug_say(out, outlen, "at icount %" PRIu64 "\n", m->icount);
	if (debug_recording_end(d, &end))
		debug_say(out, outlen,
			  "the recording ends at icount %" PRIu64 "\n", end);
	else if (d->h->live)
		debug_say(out, outlen,
			  "recorded up to icount %" PRIu64
			  "; the guest runs live from there\n",
			  d->h->frontier);
	else
		debug_say(out, outlen,
			  "the recording has no end record (cut short); it "
			  "was replayed up to icount %" PRIu64 "\n",
			  d->h->furthest);
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

int debug_monitor(void *ctx, const char *cmd, char *out, size_t outlen)
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
		/* gdb keeps the registers and memory it read before a monitor
		 * command; nothing in the protocol tells it to drop them. */
		debug_say(out, outlen,
			  "at icount %" PRIu64
			  " (gdb still shows the old registers: `maint flush "
			  "register-cache`, or source rewind.gdb and use "
			  "`rewind-seek ICOUNT`)\n",
			  m->icount);
		return 0;
	}
	if (!strncmp(cmd, "x/", 2))
		return debug_monitor_x(d, cmd + 2, out, outlen);
	if (!strcmp(cmd, "checkpoints") || !strcmp(cmd, "checkpoints all")) {
		debug_monitor_checkpoints(d, cmd[11] != 0, out, outlen);
		return 0;
	}
	if ((!strncmp(cmd, "last-write", 10) && (cmd[10] == ' ' || !cmd[10])) ||
	    (!strncmp(cmd, "writes", 6) && (cmd[6] == ' ' || !cmd[6])))
		return debug_monitor_query(d, cmd, out, outlen);
	if (!strncmp(cmd, "phys", 4) && (cmd[4] == ' ' || !cmd[4]))
		return debug_monitor_phys(d, cmd + 4, out, outlen);
	int rc = debug_monitor_info(d, cmd, out, outlen);
	if (rc <= 0)
		return rc;
	if (!strcmp(cmd, "info")) {
		debug_monitor_where(d, out, outlen);
		return 0;
	}
	if (!strncmp(cmd, "branch", 6) && (!cmd[6] || cmd[6] == ' '))
		return debug_monitor_branch(d, cmd + 6, out, outlen);
	if (!strcmp(cmd, "help") || !*cmd) {
		debug_say(out, outlen,
			  "monitor icount        the icount and every hart's "
			  "pc\n"
			  "monitor seek ICOUNT   go to an icount of the "
			  "recording\n"
			  "monitor checkpoints   the checkpoint timeline "
			  "(`all`: every one)\n"
			  "monitor x/Ni ADDR     N instructions at ADDR (or "
			  "$pc)\n"
			  "monitor info          what is being debugged, where "
			  "we are and where the recording ends\n"
			  "monitor info version  this program's version\n"
			  "monitor info registers  the selected hart's "
			  "registers and CSRs\n"
			  "monitor info mtree    the machine's memory map\n"
			  "monitor pagetable VA  the page-table walk of VA "
			  "(alias: info tlb VA)\n"
			  "monitor phys [on|off] memory packets take "
			  "physical addresses\n"
			  "monitor branch FILE   from a replay, a live run "
			  "from here recording into FILE\n"
			  "monitor last-write ADDR [LEN] [--symbols ELF]  the "
			  "last write to those bytes before here\n"
			  "monitor writes ADDR [LEN] [--limit N] [--symbols "
			  "ELF]  every write to them, oldest first\n"
			  "monitor help          this text\n");
		return 0;
	}
	debug_say(out, outlen,
		  "unknown monitor command '%s'; try 'monitor help'\n", cmd);
	return -1;
}
