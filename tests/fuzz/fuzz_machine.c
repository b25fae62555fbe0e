/* One machine reused across a fuzz target's inputs (fuzz_machine.h). */
#include "fuzz_machine.h"

#include "../../core/util/le.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_machine_fail(const char *what)
{
	fprintf(stderr, "fuzz machine: %s\n", what);
	abort();
}

/* The machines live until the process ends; freeing them then lets the
 * leak check at exit see what machine_free leaves behind. */
static struct fuzz_machine *fuzz_machines[4];

static void fuzz_machine_free_all(void)
{
	for (size_t i = 0; i < sizeof fuzz_machines / sizeof *fuzz_machines;
	     i++) {
		struct fuzz_machine *fm = fuzz_machines[i];
		if (!fm)
			continue;
		machine_free(fm->m);
		free(fm->state.p);
		free(fm->ram);
		free(fm->written);
		free(fm->dirty);
		memset(fm, 0, sizeof(*fm));
	}
}

void fuzz_machine_new(struct fuzz_machine *fm, const struct machine_config *cfg)
{
	char err[256];
	size_t slot = 0;
	while (slot < sizeof fuzz_machines / sizeof *fuzz_machines &&
	       fuzz_machines[slot])
		slot++;
	if (slot == sizeof fuzz_machines / sizeof *fuzz_machines)
		fuzz_machine_fail("too many machines");
	if (slot == 0)
		atexit(fuzz_machine_free_all);
	fuzz_machines[slot] = fm;
	memset(fm, 0, sizeof(*fm));
	/* Translated code carries no coverage instrumentation: the
	 * interpreter's handlers do, so the fuzzers see what the guest ran.
	 * The machine takes its switches from REWIND_TUNE when it is made. */
	const char *tune = getenv("REWIND_TUNE");
	char want[256];
	snprintf(want, sizeof(want), "%s%sno-jit", tune ? tune : "",
		 tune && *tune ? "," : "");
	setenv("REWIND_TUNE", want, 1);
	fm->m = machine_new(cfg, err, sizeof(err));
	if (!fm->m)
		fuzz_machine_fail(err);
	struct mem_region *r = fm->m->ram;
	fm->words = ((r->size >> PAGE_SHIFT) + 63) / 64;
	fm->ram = malloc(r->size);
	fm->written = malloc(fm->words * 8);
	fm->dirty = malloc(fm->words * 8);
	if (!fm->ram || !fm->written || !fm->dirty)
		fuzz_machine_fail("out of memory");
}

void fuzz_machine_wfi_loop(struct fuzz_machine *fm)
{
	struct machine *m = fm->m;
	uint8_t *ram = bus_host_ptr(&m->bus, RAM_BASE, 12);
	le_put32(ram, 0x10500073);     /* wfi */
	le_put32(ram + 4, 0xffdff06f); /* j .-4 */
	le_put32(ram + 8, 0x0000006f); /* j . */
	bus_note_write(&m->bus, RAM_BASE, 12);
	m->harts[0]->pc = RAM_BASE;
	m->harts[0]->mtvec = RAM_BASE + 8;
	if (machine_breakpoint_add(m, RAM_BASE + 8))
		fuzz_machine_fail("no room for a breakpoint");
}

void fuzz_machine_mark(struct fuzz_machine *fm)
{
	struct mem_region *r = fm->m->ram;
	fm->state.len = 0;
	if (machine_save(fm->m, &fm->state))
		fuzz_machine_fail("out of memory saving the machine");
	memcpy(fm->ram, r->host, r->size);
	fm->icount = fm->m->icount;
	memcpy(fm->written, r->written, fm->words * 8);
	memcpy(fm->dirty, r->dirty, fm->words * 8);
}

/* Did nothing touch the machine since the mark? Every write to RAM marks
 * its page dirty and a reboot (where every snapshot restore starts) marks
 * them all, so equal bitmaps and an unmoved clock mean an input that was
 * refused before it reached the machine: the common case for the snapshot
 * target, whose mutated files mostly fail their checksums. The corpus
 * replay (FUZZ_CHECK_RESET) checks every such skip in full. */
static bool fuzz_machine_untouched(const struct fuzz_machine *fm)
{
	const struct mem_region *r = fm->m->ram;
	return fm->m->icount == fm->icount &&
	       memcmp(r->dirty, fm->dirty, fm->words * 8) == 0 &&
	       memcmp(r->written, fm->written, fm->words * 8) == 0;
}

static void fuzz_machine_check_reset(struct fuzz_machine *fm)
{
#ifdef FUZZ_CHECK_RESET
	const char *left = fuzz_machine_check(fm);
	if (left) {
		fprintf(stderr,
			"fuzz machine: the reset left %s of the last "
			"input\n",
			left);
		abort();
	}
#else
	(void)fm;
#endif
}

void fuzz_machine_reset(struct fuzz_machine *fm)
{
	struct machine *m = fm->m;
	struct mem_region *r = m->ram;
	if (fuzz_machine_untouched(fm)) {
		fuzz_machine_check_reset(fm);
		return;
	}
	/* A page never written since power-on still reads as zero, as it
	 * did at the mark; the others get their marked contents back, noted
	 * as a write would be (which drops their decoded blocks; the marked
	 * bitmaps then undo the marks). machine_load drops every other
	 * block, as the state it loads names its own code pages. */
	for (size_t w = 0; w < fm->words; w++)
		for (uint64_t bits = r->written[w]; bits; bits &= bits - 1) {
			uint64_t p = w * 64 + (uint64_t)__builtin_ctzll(bits);
			memcpy(r->host + (p << PAGE_SHIFT),
			       fm->ram + (p << PAGE_SHIFT), PAGE_SIZE);
			bus_note_write(&m->bus, r->base + (p << PAGE_SHIFT),
				       PAGE_SIZE);
		}
	struct state_reader rd = {fm->state.p, fm->state.p + fm->state.len,
				  false};
	char err[512];
	if (machine_load(m, &rd, err, sizeof(err)))
		fuzz_machine_fail(err);
	memcpy(r->written, fm->written, fm->words * 8);
	memcpy(r->dirty, fm->dirty, fm->words * 8);
	fuzz_machine_check_reset(fm);
}

const char *fuzz_machine_check(struct fuzz_machine *fm)
{
	struct mem_region *r = fm->m->ram;
	struct state_buf now = {0};
	if (machine_save(fm->m, &now))
		fuzz_machine_fail("out of memory saving the machine");
	bool same_state = now.len == fm->state.len &&
			  memcmp(now.p, fm->state.p, now.len) == 0;
	free(now.p);
	if (!same_state)
		return "the machine state";
	if (memcmp(r->host, fm->ram, r->size) != 0)
		return "RAM";
	if (memcmp(r->written, fm->written, fm->words * 8) != 0)
		return "the written-page bitmap";
	if (memcmp(r->dirty, fm->dirty, fm->words * 8) != 0)
		return "the dirty-page bitmap";
	return NULL;
}
