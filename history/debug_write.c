/* The debugger's writes. In a live session at its frontier they change
 * the machine and enter the recording through the input gate (so a
 * replay of it does the same); anywhere else what follows is already
 * recorded, so they are refused with a reason gdb shows. */
#include "../core/mmu.h"
#include "../replay/write.h"
#include "debug_impl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* True when writes may go in now; otherwise d->refused says why. */
static bool debug_writable(struct debugger *d)
{
	struct history *h = d->h;
	d->refused[0] = '\0';
	if (!h->live)
		snprintf(d->refused, sizeof(d->refused),
			 "a replay is read-only; `monitor branch FILE` "
			 "continues live from here");
	else if (d->m->exit != MEXIT_RUNNING ||
		 (h->at_limit && d->m->icount >= h->end))
		snprintf(d->refused, sizeof(d->refused),
			 "the guest has ended; there is nothing to write to");
	else if (!history_recording(h))
		snprintf(d->refused, sizeof(d->refused),
			 "icount %llu is in the recorded past (recording "
			 "reached %llu): a write here cannot change what was "
			 "recorded after it; `monitor seek %llu` goes back "
			 "there",
			 (unsigned long long)d->m->icount,
			 (unsigned long long)h->frontier,
			 (unsigned long long)h->frontier);
	if (d->refused[0])
		/* gdb shows the reason of a refused register write, but
		 * says only "Cannot access memory" for memory: say it here
		 * too. */
		fprintf(stderr, "rewind: write refused: %s\n", d->refused);
	return d->refused[0] == '\0';
}

/* A gdb register number as the recording numbers it; false for one that
 * cannot be written. */
static bool debug_write_reg_of(int regno, uint32_t *reg)
{
	if (regno >= 1 && regno < 32)
		*reg = (uint32_t)regno;
	else if (regno == GDB_REG_PC)
		*reg = WRITE_REG_PC;
	else if (regno >= GDB_REG_F0 && regno < GDB_REG_F0 + 32)
		*reg = WRITE_REG_F((uint32_t)(regno - GDB_REG_F0));
	else if (regno >= GDB_REG_CSR_BASE && regno < GDB_REG_CSR_BASE + 4096)
		*reg = WRITE_REG_CSR((uint32_t)(regno - GDB_REG_CSR_BASE));
	else
		return false;
	return true;
}

int debug_reg_write(void *ctx, int thread, int regno, uint64_t val)
{
	struct debugger *d = ctx;
	uint64_t old;
	uint32_t reg;
	if (regno == 0) /* x0 stays zero, as in hardware */
		return 0;
	if (!debug_write_reg_of(regno, &reg))
		return -ENOENT;
	if (!debug_writable(d))
		return -EPERM;
	if (thread < 0 || thread >= d->m->nharts)
		thread = d->stop.thread;
	/* gdb writes back whole register sets (G): what it leaves as it
	 * was is not a write worth a record. */
	if (debug_reg_read(ctx, thread, regno, &old) == 0 && old == val)
		return 0;
	struct event e = {.type = EV_REG_WRITE,
			  .hart = (uint32_t)thread,
			  .reg = reg,
			  .value = val};
	if (write_record(d->h->g, &e, d->refused, sizeof(d->refused))) {
		fprintf(stderr, "rewind: register write refused: %s\n",
			d->refused);
		return -EPERM;
	}
	return 0;
}

/* One piece of a write: a guest-physical address and a length, inside
 * one page. */
struct debug_piece {
	uint64_t pa;
	size_t len;
};

long debug_mem_write(void *ctx, int thread, uint64_t addr, const uint8_t *buf,
		     size_t len)
{
	struct debugger *d = ctx;
	if (!debug_writable(d))
		return -EPERM;
	/* Every page translated (physical mode: taken as given) and checked
	 * first: a write is whole or nothing. gdb's packets stay well within
	 * this many pages. */
	struct debug_piece pieces[16];
	size_t n = 0;
	for (size_t done = 0; done < len; n++) {
		uint64_t va = addr + done, pa;
		size_t k = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (k > len - done)
			k = len - done;
		const struct mem_region *r =
			n < 16 && !debug_translate(d, thread, va, &pa)
				? bus_region(&d->m->bus, pa, k)
				: NULL;
		if (!r || r->readonly)
			return -EFAULT;
		pieces[n] = (struct debug_piece){pa, k};
		done += k;
	}
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		struct event e = {.type = EV_MEM_WRITE,
				  .value = pieces[i].pa,
				  .len = (uint32_t)pieces[i].len,
				  .bytes = buf + at};
		if (write_record(d->h->g, &e, d->refused, sizeof(d->refused)))
			return at ? (long)at : -EFAULT;
		at += pieces[i].len;
	}
	return (long)len;
}

const char *debug_write_refusal(void *ctx)
{
	struct debugger *d = ctx;
	return d->refused[0] ? d->refused : NULL;
}
