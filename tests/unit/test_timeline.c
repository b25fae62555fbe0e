/* The checkpoint timeline: restoring a checkpoint gives back exactly the
 * machine at its icount, running on from it gives what running on from
 * there gave the first time, identical pages are stored once, and a
 * small budget thins old checkpoints while keeping the first. Each
 * checkpoint knows the lines written since the one before, virtual and
 * physical, stores through cached translations included. */
#include "../../snapshots/pagestore.h"
#include "../../snapshots/timeline.h"
#include "machine.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* RV64I encodings, so the test's program is written out below. */
static uint32_t enc_i(uint32_t op, int rd, int f3, int rs1, int32_t imm)
{
	return ((uint32_t)imm & 0xfff) << 20 | (uint32_t)rs1 << 15 |
	       (uint32_t)f3 << 12 | (uint32_t)rd << 7 | op;
}
static uint32_t enc_r(int f7, int rs2, int rs1, int f3, int rd)
{
	return (uint32_t)f7 << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 |
	       (uint32_t)f3 << 12 | (uint32_t)rd << 7 | 0x33;
}
static uint32_t enc_sd(int rs2, int rs1, int32_t imm)
{
	uint32_t u = (uint32_t)imm & 0xfff;
	return (u >> 5) << 25 | (uint32_t)rs2 << 20 | (uint32_t)rs1 << 15 |
	       3u << 12 | (u & 31) << 7 | 0x23;
}
static uint32_t enc_jal_back(int32_t off)
{
	uint32_t u = (uint32_t)off;
	return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 |
	       ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 | 0x6f;
}

enum { T0 = 5, T1 = 6, T3 = 28, T4 = 29, S1 = 9 };

/* t0 = RAM + 64 KiB; loop: s1++; store s1 at t0 + (s1 * 512 mod 256 KiB):
 * every store hits one of 64 pages in turn, so each stretch of the run
 * dirties pages, and the same page is rewritten with new values. */
static struct machine *machine_with_writer(void)
{
	const uint32_t program[] = {
		enc_i(0x13, T0, 0, 0, 1),	  /* addi t0, x0, 1 */
		enc_i(0x13, T0, 1, T0, 31),	  /* slli t0, t0, 31 */
		(0x10u << 12) | (T3 << 7) | 0x37, /* lui t3, 0x10 */
		enc_r(0, T3, T0, 0, T0),	  /* add t0, t0, t3 */
		(0x40u << 12) | (T4 << 7) | 0x37, /* lui t4, 0x40 */
		enc_i(0x13, T4, 0, T4, -8),	  /* addi t4, t4, -8 */
		enc_i(0x13, S1, 0, S1, 1),	  /* loop: addi s1, s1, 1 */
		enc_i(0x13, T1, 1, S1, 9),	  /* slli t1, s1, 9 */
		enc_r(0, T4, T1, 7, T1),	  /* and t1, t1, t4 */
		enc_r(0, T0, T1, 0, T1),	  /* add t1, t1, t0 */
		enc_sd(S1, T1, 0),		  /* sd s1, 0(t1) */
		enc_jal_back(-20),		  /* j loop */
	};
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	memcpy(bus_host_ptr(&m->bus, RAM_BASE, sizeof(program)), program,
	       sizeof(program));
	bus_note_write(&m->bus, RAM_BASE, sizeof(program));
	m->harts[0]->pc = RAM_BASE;
	return m;
}

/* What the test compares: registers, pc, icount and all of RAM. */
struct picture {
	uint64_t icount, pc, x[32];
	uint8_t *ram;
};

static void picture_take(const struct machine *m, struct picture *p)
{
	p->icount = m->icount;
	p->pc = m->harts[0]->pc;
	memcpy(p->x, m->harts[0]->x, sizeof(p->x));
	p->ram = malloc(m->ram->size);
	memcpy(p->ram, m->ram->host, m->ram->size);
}

static void picture_check(const struct machine *m, const struct picture *p)
{
	ck_assert_uint_eq(m->icount, p->icount);
	ck_assert_uint_eq(m->harts[0]->pc, p->pc);
	for (int r = 0; r < 32; r++)
		ck_assert_uint_eq(m->harts[0]->x[r], p->x[r]);
	ck_assert_int_eq(memcmp(m->ram->host, p->ram, m->ram->size), 0);
}

#define STRETCH 7001
#define POINTS	8

START_TEST(test_restore_is_exact_and_runs_on_the_same)
{
	struct machine *m = machine_with_writer();
	struct timeline *tl = timeline_new(m, 64 << 20);
	struct picture pic[POINTS];
	for (int k = 0; k < POINTS; k++) {
		ck_assert_int_eq(timeline_take(tl, (uint64_t)k), 0);
		picture_take(m, &pic[k]);
		machine_run(m, STRETCH);
	}
	ck_assert_uint_eq(tl->n, POINTS);
	/* Out of order, and each one run on to the next. */
	const int order[] = {3, 0, 7, 5, 1, 6, 2, 4};
	for (int i = 0; i < POINTS; i++) {
		int k = order[i];
		char err[256];
		const struct checkpoint *c =
			timeline_find(tl, pic[k].icount + STRETCH / 2);
		ck_assert_uint_eq(c->icount, pic[k].icount);
		ck_assert_uint_eq(c->cookie, (uint64_t)k);
		ck_assert_msg(timeline_restore(tl, c, err, sizeof(err)) == 0,
			      "%s", err);
		picture_check(m, &pic[k]);
		if (k + 1 < POINTS) {
			machine_run(m, STRETCH);
			picture_check(m, &pic[k + 1]);
		}
	}
	for (int k = 0; k < POINTS; k++)
		free(pic[k].ram);
	timeline_free(tl);
	machine_free(m);
}
END_TEST

START_TEST(test_unchanged_pages_are_stored_once)
{
	struct machine *m = machine_with_writer();
	struct timeline *tl = timeline_new(m, 64 << 20);
	machine_run(m, 5000);
	ck_assert_int_eq(timeline_take(tl, 0), 0);
	size_t pages = pagestore_count(tl->ps);
	ck_assert_uint_gt(pages, 2);
	/* Nothing ran: the second checkpoint adds no page content. */
	ck_assert_int_eq(timeline_take(tl, 1), 0);
	ck_assert_uint_eq(pagestore_count(tl->ps), pages);
	/* A short stretch rewrites a handful of the 64 pages only. */
	machine_run(m, 30);
	ck_assert_int_eq(timeline_take(tl, 2), 0);
	ck_assert_uint_le(pagestore_count(tl->ps), pages + 8);
	ck_assert_uint_gt(pagestore_count(tl->ps), pages);
	timeline_free(tl);
	machine_free(m);
}
END_TEST

/* The first checkpoint keeps its pages uncompressed (taking it then costs
 * a copy of each, not a compression); packing them later changes no
 * content and no id, and a page put raw and one put compressed with the
 * same bytes are one content. */
START_TEST(test_first_checkpoint_is_raw_until_packed)
{
	struct page_store *ps = pagestore_new();
	uint8_t page[PAGE_SIZE], back[PAGE_SIZE];
	for (size_t i = 0; i < PAGE_SIZE; i++)
		page[i] = (uint8_t)(i / 64); /* compresses well */
	uint32_t raw, same;
	ck_assert_int_eq(pagestore_put_raw(ps, page, &raw), 0);
	ck_assert_uint_ge(pagestore_bytes(ps), PAGE_SIZE);
	ck_assert_int_eq(pagestore_put(ps, page, &same), 0);
	ck_assert_uint_eq(same, raw);
	size_t before = pagestore_bytes(ps);
	ck_assert_uint_gt(pagestore_pack(ps, SIZE_MAX), 0);
	ck_assert_uint_lt(pagestore_bytes(ps), before);
	pagestore_get(ps, raw, back);
	ck_assert_mem_eq(back, page, PAGE_SIZE);
	ck_assert_int_eq(pagestore_put(ps, page, &same), 0);
	ck_assert_uint_eq(same, raw);
	/* Nothing left to pack. */
	ck_assert_uint_eq(pagestore_pack(ps, SIZE_MAX), 0);
	pagestore_unref(ps, raw);
	pagestore_unref(ps, raw);
	pagestore_unref(ps, raw);
	ck_assert_uint_eq(pagestore_count(ps), 0);
	/* A batch put side by side (pagestore_reserve), one page past its
	 * room: every content reads back, before and after packing, and all
	 * of it can go. */
	uint32_t ids[4];
	pagestore_reserve(ps, 3);
	for (int k = 0; k < 4; k++) {
		page[0] = (uint8_t)(k + 1);
		ck_assert_int_eq(pagestore_put_raw(ps, page, &ids[k]), 0);
	}
	pagestore_reserve(ps, 0);
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < 4; k++) {
			page[0] = (uint8_t)(k + 1);
			pagestore_get(ps, ids[k], back);
			ck_assert_mem_eq(back, page, PAGE_SIZE);
		}
		pagestore_pack(ps, 2 * PAGE_SIZE);
	}
	for (int k = 0; k < 4; k++)
		pagestore_unref(ps, ids[k]);
	ck_assert_uint_eq(pagestore_count(ps), 0);
	pagestore_free(ps);

	struct machine *m = machine_with_writer();
	machine_run(m, 5000);
	struct picture first;
	picture_take(m, &first);
	struct timeline *tl = timeline_new(m, 64 << 20);
	ck_assert_int_eq(timeline_take(tl, 0), 0);
	size_t pages = pagestore_count(tl->ps);
	ck_assert_uint_gt(pages, 2);
	ck_assert_uint_ge(pagestore_bytes(tl->ps), pages * PAGE_SIZE);
	/* Later checkpoints compress what they add. */
	machine_run(m, 30);
	ck_assert_int_eq(timeline_take(tl, 1), 0);
	ck_assert_uint_gt(pagestore_pack(tl->ps, SIZE_MAX), 0);
	ck_assert_uint_lt(pagestore_bytes(tl->ps), pages * PAGE_SIZE);
	char err[256];
	ck_assert_int_eq(timeline_restore(tl, &tl->cp[0], err, sizeof(err)), 0);
	picture_check(m, &first);
	free(first.ram);
	timeline_free(tl);
	machine_free(m);
}
END_TEST

START_TEST(test_small_budget_thins_old_history)
{
	struct machine *m = machine_with_writer();
	/* Room for a few checkpoints' worth of distinct pages only. */
	struct timeline *tl = timeline_new(m, 1 << 20);
	struct picture first;
	picture_take(m, &first);
	for (int k = 0; k < 200; k++) {
		ck_assert_int_eq(timeline_take(tl, (uint64_t)k), 0);
		machine_run(m, 3001);
	}
	ck_assert_uint_lt(tl->n, 200);
	ck_assert_uint_gt(tl->thinned, 0);
	ck_assert_uint_le(timeline_bytes(tl), (size_t)1 << 20);
	/* The beginning of history stays, and the newest. */
	ck_assert_uint_eq(tl->cp[0].icount, 0);
	ck_assert_uint_eq(tl->cp[tl->n - 1].icount, 199 * 3001);
	/* Recent history is denser than old history. */
	uint64_t old_gap = tl->cp[1].icount - tl->cp[0].icount;
	uint64_t new_gap = tl->cp[tl->n - 1].icount - tl->cp[tl->n - 2].icount;
	ck_assert_uint_gt(old_gap, new_gap);
	char err[256];
	ck_assert_int_eq(timeline_restore(tl, &tl->cp[0], err, sizeof(err)), 0);
	picture_check(m, &first);
	free(first.ram);
	timeline_free(tl);
	machine_free(m);
}
END_TEST

START_TEST(test_watchpoints_stop_after_the_access)
{
	struct machine *m = machine_with_writer();
	/* s1 = 3 is stored at RAM + 64 KiB + 3 * 512. */
	uint64_t addr = RAM_BASE + 0x10000 + 3 * 512;
	machine_run(m, 100); /* the TLB caches the page first */
	ck_assert_int_eq(machine_watch_add(m, addr, 8, WATCH_WRITE), 0);
	enum machine_stop st = machine_run(m, 1000000);
	ck_assert_int_eq(st, MSTOP_HART);
	ck_assert_int_eq(m->harts[0]->stop, STOP_WATCH);
	ck_assert_uint_eq(m->watch_hit.addr, addr);
	ck_assert(m->watch_hit.write);
	/* Stopped right after the store: the next instruction is the jump. */
	ck_assert_uint_eq(m->harts[0]->pc, RAM_BASE + 11 * 4);
	uint64_t v;
	memcpy(&v, bus_host_ptr(&m->bus, addr, 8), 8);
	ck_assert_uint_eq(v, m->harts[0]->x[S1]);
	ck_assert_uint_eq(v % 512, 3);
	/* A read watchpoint on it never fires: the program only stores. */
	ck_assert_int_eq(machine_watch_remove(m, addr, 8, WATCH_WRITE), 0);
	ck_assert_int_eq(machine_watch_add(m, addr, 8, WATCH_READ), 0);
	ck_assert_int_eq(machine_run(m, 100000), MSTOP_BUDGET);
	ck_assert_int_eq(machine_watch_remove(m, addr, 8, WATCH_WRITE),
			 -ENOENT);
	machine_free(m);
}
END_TEST

/* Whether c's sets hold a line of [lo, hi], virtually and physically
 * (the program runs untranslated: they must agree). */
static bool touched(const struct checkpoint *c, uint64_t lo, uint64_t hi)
{
	bool w = linelist_any(&c->touch_w, lo, hi);
	ck_assert_int_eq(w, linelist_any(&c->touch_p, lo, hi));
	return w;
}

START_TEST(test_checkpoints_know_the_lines_written)
{
	struct machine *m = machine_with_writer();
	machine_run(m, 5000); /* the TLB caches the 64 pages */
	struct timeline *tl = timeline_new(m, 64 << 20);
	ck_assert_int_eq(timeline_take(tl, 0), 0);
	/* 5000 stores, each of the 512 slots (512 bytes apart: lines 0, 8,
	 * 16, ... of each page) about ten times, through the cache. */
	machine_run(m, 30000);
	ck_assert_int_eq(timeline_take(tl, 1), 0);
	const struct checkpoint *c = &tl->cp[1];
	ck_assert_uint_eq(c->touch_from, tl->cp[0].icount);
	uint64_t base = RAM_BASE + 0x10000;
	for (uint64_t k = 0; k < 512; k++) {
		uint64_t a = base + 512 * k;
		ck_assert_msg(touched(c, a, a + 7), "slot %lu",
			      (unsigned long)k);
		ck_assert_msg(!touched(c, a + 64, a + 511), "after slot %lu",
			      (unsigned long)k);
	}
	ck_assert(!touched(c, base - 0x1000, base - 1));
	ck_assert(!touched(c, base + 0x40000, base + 0x40fff));
	/* Past LINESET_NOTES stores a page counts whole: no longer noted
	 * store by store, so any of its lines may have been written. */
	machine_run(m, 600000);
	ck_assert_int_eq(timeline_take(tl, 2), 0);
	c = &tl->cp[2];
	ck_assert(touched(c, base + 64, base + 64));
	ck_assert(!touched(c, base - 0x1000, base - 1));
	/* The next interval is noted by line again. */
	machine_run(m, 30000);
	ck_assert_int_eq(timeline_take(tl, 3), 0);
	c = &tl->cp[3];
	ck_assert(touched(c, base, base));
	ck_assert(!touched(c, base + 64, base + 511));
	timeline_free(tl);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("timeline");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_restore_is_exact_and_runs_on_the_same);
	tcase_add_test(tc, test_unchanged_pages_are_stored_once);
	tcase_add_test(tc, test_first_checkpoint_is_raw_until_packed);
	tcase_add_test(tc, test_small_budget_thins_old_history);
	tcase_add_test(tc, test_watchpoints_stop_after_the_access);
	tcase_add_test(tc, test_checkpoints_know_the_lines_written);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
