/* history/: seeking lands on exactly the machine a straight replay reaches,
 * reverse steps go to the selected hart's previous instruction,
 * reverse-continue stops at the last store to a watched variable, the
 * beginning of history is reported as such, and a small checkpoint budget
 * thins the timeline without making seeks inexact.
 *
 * The recording is made here, of the two-hart race guest under a chaos
 * schedule (so the harts take turns often); the unit rule passes the
 * guest's ELF in REWIND_RACE_ELF. */
#include "../../core/dev/uart.h"
#include "../../core/util/sha256.h"
#include "../../history/debug.h"
#include "../../history/history.h"
#include "../../history/reverse.h"
#include "../../history/symbols.h"
#include "../../history/tracer.h"
#include "../../replay/record.h"
#include "../../replay/replay_session.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A seed whose schedule switches harts inside their loops. */
#define TEST_SEED 2
/* Checkpoints this far apart, so that seeks cross many of them. */
#define TEST_INTERVAL 997
/* Denser still where thinning is tested: many more checkpoints than the
 * few a small budget has room for. */
#define TEST_THIN_INTERVAL 101

static const char *race_elf;
static char rec_path[] = "/tmp/rewind-test-history-XXXXXX";
/* A single-hart Sv39 guest that remaps the page a watchpoint watches
 * (guests/isa/priv/sv39_remap_watch.S), recorded too; the unit rule passes
 * its ELF in REWIND_REMAP_ELF. */
static char remap_path[] = "/tmp/rewind-test-remap-XXXXXX";
/* The recording the helpers below open. */
static const char *cur_rec = rec_path;
static uint64_t rec_end; /* the icount of the recording's end record */

/* What the tests compare: every hart's registers, pc and retired count,
 * the machine's icount and a hash of RAM. */
struct picture {
	uint64_t icount;
	int nharts;
	struct {
		uint64_t x[32], f[32], pc, icount;
	} hart[MACHINE_MAX_HARTS];
	uint8_t ram[SHA256_BYTES];
};

static void picture_take(struct machine *m, struct picture *p)
{
	memset(p, 0, sizeof(*p));
	p->icount = m->icount;
	p->nharts = m->nharts;
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		memcpy(p->hart[i].x, h->x, sizeof(p->hart[i].x));
		memcpy(p->hart[i].f, h->f, sizeof(p->hart[i].f));
		p->hart[i].pc = h->pc;
		p->hart[i].icount = h->icount;
	}
	const uint8_t *ram = bus_host_ptr(&m->bus, RAM_BASE, m->ram->size);
	ck_assert_ptr_nonnull(ram);
	sha256_buf(ram, m->ram->size, p->ram);
}

static void picture_check(const struct picture *a, const struct picture *b)
{
	ck_assert_uint_eq(a->icount, b->icount);
	ck_assert_int_eq(a->nharts, b->nharts);
	for (int i = 0; i < a->nharts; i++) {
		ck_assert_uint_eq(a->hart[i].pc, b->hart[i].pc);
		ck_assert_uint_eq(a->hart[i].icount, b->hart[i].icount);
		ck_assert_mem_eq(a->hart[i].x, b->hart[i].x,
				 sizeof(a->hart[i].x));
		ck_assert_mem_eq(a->hart[i].f, b->hart[i].f,
				 sizeof(a->hart[i].f));
	}
	ck_assert_mem_eq(a->ram, b->ram, sizeof(a->ram));
}

/* A replay from the start, without a history, quiet. */
static struct replay_session *straight_open(void)
{
	struct replay_session *rs = replay_session_new(cur_rec, false);
	ck_assert_ptr_nonnull(rs);
	uart_set_tx(rs->m->uart, NULL, NULL);
	return rs;
}

/* The machine a straight replay reaches at icount. */
static void straight_picture(uint64_t icount, struct picture *p)
{
	struct replay_session *rs = straight_open();
	ck_assert_int_eq(replay_advance(rs->m, &rs->g, icount, false),
			 REPLAY_AT_TARGET);
	picture_take(rs->m, p);
	replay_session_free(rs);
}

static struct history *history_quiet(size_t budget, uint64_t interval)
{
	struct history *h = history_open(cur_rec, budget, interval);
	ck_assert_ptr_nonnull(h);
	uart_set_tx(h->m->uart, NULL, NULL);
	return h;
}

/* Record the race guest once for every test. */
static void recording_make(void)
{
	race_elf = getenv("REWIND_RACE_ELF");
	if (!race_elf || access(race_elf, R_OK)) {
		fprintf(stderr,
			"test_history: REWIND_RACE_ELF must name the race "
			"guest (build/guests/race.elf); `make unit` sets it\n");
		exit(1);
	}
	int fd = mkstemp(rec_path);
	if (fd < 0) {
		perror("test_history: mkstemp");
		exit(1);
	}
	close(fd);
	/* The recorder's console reads stdin: nothing to type here. */
	if (!freopen("/dev/null", "r", stdin))
		exit(1);
	struct record_opts ro = {.limit = UINT64_MAX, .chaos = true};
	session_opts_defaults(&ro.m);
	ro.m.bios = "none";
	ro.m.kernel = race_elf;
	ro.m.smp = 2;
	ro.m.mem = 16 << 20;
	/* The schedule these tests were written against: hart 0 spins
	 * through whole turns waiting for hart 1, leaving the long stretch
	 * without a store to the counter that the skip tests cross.
	 * Scheduler 2 gives those turns to hart 1 instead. */
	ro.m.scheduler = MACHINE_SCHEDULER_V1;
	record_run(&ro, rec_path, true, TEST_SEED);
	/* The guest's output, once: not again from each test's process. */
	fflush(stdout);
	struct replay_session *rs = replay_session_new(rec_path, false);
	if (!rs ||
	    replay_advance(rs->m, &rs->g, UINT64_MAX, true) != REPLAY_END) {
		fprintf(stderr, "test_history: the recording does not "
				"replay to its end\n");
		exit(1);
	}
	uart_set_tx(rs->m->uart, NULL, NULL);
	rec_end = rs->m->icount;
	replay_session_free(rs);

	const char *remap_elf = getenv("REWIND_REMAP_ELF");
	if (!remap_elf || access(remap_elf, R_OK) ||
	    (fd = mkstemp(remap_path)) < 0) {
		fprintf(stderr, "test_history: REWIND_REMAP_ELF must name "
				"build/isa/priv/sv39_remap_watch.elf; `make "
				"unit` sets it\n");
		exit(1);
	}
	close(fd);
	ro = (struct record_opts){.limit = UINT64_MAX};
	session_opts_defaults(&ro.m);
	ro.m.bios = "none";
	ro.m.kernel = remap_elf;
	ro.m.mem = 16 << 20;
	record_run(&ro, remap_path, true, 0);
}

static void recording_remove(void)
{
	unlink(rec_path);
	unlink(remap_path);
}

START_TEST(test_seek_matches_straight_replay)
{
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	/* Forward, back, back across many checkpoints, forward again, the
	 * very start and the very end. */
	const uint64_t at[] = {
		rec_end / 2, rec_end / 4 + 3, rec_end / 4, rec_end - 1,
		10,	     rec_end / 2 + 7, 0,	   rec_end,
		rec_end / 3};
	for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		ck_assert_msg(history_seek(h, at[k]) == 0, "seek %llu: %s",
			      (unsigned long long)at[k], h->err);
		struct picture got, want;
		picture_take(h->m, &got);
		straight_picture(at[k], &want);
		picture_check(&got, &want);
	}
	ck_assert_uint_gt(h->tl->n, 10);
	/* Past the end is refused, and says so. */
	ck_assert_int_ne(history_seek(h, rec_end + 1), 0);
	ck_assert_ptr_nonnull(strstr(h->err, "end"));
	history_close(h);
}
END_TEST

/* The first place where one hart retires right after the other: *before
 * is the position just before hart `other` retired its last instruction
 * so far, *after the position just after the next hart retired one. */
static void find_switch(int *other, uint64_t *before, uint64_t *after)
{
	struct replay_session *rs = straight_open();
	struct tracer_step s;
	enum replay_status st;
	int last_hart = -1;
	uint64_t last_at = 0;
	uint64_t retired[MACHINE_MAX_HARTS] = {0};
	int r;
	while ((r = tracer_step(rs->m, &rs->g, &s, &st)) >= 0) {
		if (r == 0)
			continue;
		retired[s.hart]++;
		if (last_hart >= 0 && s.hart != last_hart &&
		    retired[s.hart] > 1) {
			*other = last_hart;
			*before = last_at;
			*after = s.icount + 1;
			replay_session_free(rs);
			return;
		}
		last_hart = s.hart;
		last_at = s.icount;
	}
	ck_abort_msg("the harts never take turns");
}

START_TEST(test_reverse_step_per_hart)
{
	int other;
	uint64_t before, after;
	find_switch(&other, &before, &after);
	/* The machine's previous instruction is not `other`'s. */
	ck_assert_uint_lt(before + 1, after);
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	struct debugger *d = malloc(sizeof(*d));
	ck_assert_ptr_nonnull(d);
	debug_init(d, h, "test");
	ck_assert_int_eq(history_seek(h, after), 0);
	uint64_t n = h->m->harts[other]->icount;
	struct gdb_stop stop;
	debug_run(d, GDB_REVERSE_STEP, other, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_STEP);
	ck_assert_int_eq(stop.thread, other);
	ck_assert_uint_eq(h->m->icount, before);
	ck_assert_uint_eq(h->m->harts[other]->icount, n - 1);
	struct picture got, want;
	picture_take(h->m, &got);
	straight_picture(before, &want);
	picture_check(&got, &want);
	/* The same without the debugger. */
	ck_assert_int_eq(history_seek(h, after), 0);
	ck_assert_int_eq(history_reverse_step(h, other), 0);
	ck_assert_uint_eq(h->m->icount, before);
	/* The hart that ran last steps back by one machine instruction. */
	int last = 1 - other;
	ck_assert_int_eq(history_seek(h, after), 0);
	debug_run(d, GDB_REVERSE_STEP, last, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_STEP);
	ck_assert_int_eq(stop.thread, last);
	ck_assert_uint_eq(h->m->icount, after - 1);
	free(d);
	history_close(h);
}
END_TEST

START_TEST(test_reverse_continue_to_watchpoint)
{
	struct symbols *syms;
	char err[256];
	ck_assert_int_eq(symbols_open(race_elf, &syms, err, sizeof(err)), 0);
	uint64_t counter;
	ck_assert_int_eq(symbols_address(syms, "shared_counter", &counter), 0);
	symbols_close(syms);
	/* Where a straight replay sees the last store to the counter: the
	 * machine stops just after a watched access. */
	uint64_t origin = rec_end * 3 / 4, last_store = 0;
	int stores = 0;
	struct replay_session *rs = straight_open();
	ck_assert_int_eq(machine_watch_add(rs->m, counter, 8, WATCH_WRITE), 0);
	for (;;) {
		enum replay_status st =
			replay_advance(rs->m, &rs->g, origin, false);
		if (st != REPLAY_HART_STOP)
			break;
		last_store = rs->m->icount;
		stores++;
	}
	ck_assert_uint_eq(rs->m->icount, origin);
	replay_session_free(rs);
	ck_assert_int_gt(stores, 1);

	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	struct debugger *d = malloc(sizeof(*d));
	ck_assert_ptr_nonnull(d);
	debug_init(d, h, "test");
	ck_assert_int_eq(history_seek(h, origin), 0);
	ck_assert_int_eq(debug_ops.bp_insert(d, GDB_WATCH_WRITE, counter, 8),
			 0);
	struct gdb_stop stop;
	debug_run(d, GDB_REVERSE_CONTINUE, -1, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_WATCH);
	ck_assert_uint_eq(stop.addr, counter);
	ck_assert_uint_eq(h->m->icount, last_store);
	struct picture got, want;
	picture_take(h->m, &got);
	straight_picture(last_store, &want);
	picture_check(&got, &want);
	/* As gdb does: step back over the store, then on to the one
	 * before it. */
	debug_run(d, GDB_REVERSE_STEP, stop.thread, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_STEP);
	ck_assert_uint_lt(h->m->icount, last_store);
	uint64_t back = h->m->icount;
	debug_run(d, GDB_REVERSE_CONTINUE, -1, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_WATCH);
	ck_assert_uint_lt(h->m->icount, back);
	free(d);
	history_close(h);
}
END_TEST

START_TEST(test_begin_of_history)
{
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	struct debugger *d = malloc(sizeof(*d));
	ck_assert_ptr_nonnull(d);
	debug_init(d, h, "test");
	struct gdb_stop stop;
	ck_assert_int_eq(history_seek(h, 0), 0);
	debug_run(d, GDB_REVERSE_STEP, 0, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_HISTORY_BEGIN);
	ck_assert_uint_eq(h->m->icount, 0);
	debug_run(d, GDB_REVERSE_CONTINUE, -1, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_HISTORY_BEGIN);
	ck_assert_uint_eq(h->m->icount, 0);
	/* A breakpoint where nothing runs: back to the beginning from
	 * later. */
	ck_assert_int_eq(history_seek(h, rec_end / 2), 0);
	ck_assert_int_eq(debug_ops.bp_insert(d, GDB_BP_SW, 0x10, 4), 0);
	debug_run(d, GDB_REVERSE_CONTINUE, -1, &stop);
	ck_assert_int_eq(stop.kind, GDB_STOP_HISTORY_BEGIN);
	ck_assert_uint_eq(h->m->icount, 0);
	struct picture got, want;
	picture_take(h->m, &got);
	straight_picture(0, &want);
	picture_check(&got, &want);
	free(d);
	history_close(h);
}
END_TEST

START_TEST(test_small_budget_thins_checkpoints)
{
	/* How much the whole recording's checkpoints take unthinned... */
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_THIN_INTERVAL);
	ck_assert_int_eq(history_seek(h, rec_end), 0);
	size_t full = timeline_bytes(h->tl), nfull = h->tl->n;
	ck_assert_uint_eq(h->tl->thinned, 0);
	history_close(h);
	/* ... and within a quarter of that. */
	size_t budget = full / 4;
	h = history_quiet(budget, TEST_THIN_INTERVAL);
	ck_assert_int_eq(history_seek(h, rec_end), 0);
	ck_assert_uint_gt(h->tl->thinned, 0);
	ck_assert_uint_lt(h->tl->n, nfull);
	ck_assert_uint_le(timeline_bytes(h->tl), budget);
	const uint64_t at[] = {rec_end / 5, rec_end - 3, 1, rec_end / 2};
	for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		ck_assert_int_eq(history_seek(h, at[k]), 0);
		ck_assert_uint_le(timeline_bytes(h->tl), budget);
		struct picture got, want;
		picture_take(h->m, &got);
		straight_picture(at[k], &want);
		picture_check(&got, &want);
	}
	history_close(h);
}
END_TEST

/* Where a reverse-continue from origin stops (a continue, when forward),
 * with one write watchpoint or breakpoint at addr, and how many checkpoint
 * intervals the search replayed and skipped. The timeline is filled first
 * by going to the end, as a user who continued to the end would have. */
struct search_result {
	enum gdb_stop_kind kind;
	uint64_t icount, skipped, replayed;
};

static struct search_result search_once(bool skip, bool watch, uint64_t addr,
					uint64_t origin, bool forward)
{
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	if (!skip)
		h->m->tune |= TUNE_NO_SKIP;
	struct debugger *d = malloc(sizeof(*d));
	ck_assert_ptr_nonnull(d);
	debug_init(d, h, "test");
	ck_assert_int_eq(history_seek(h, rec_end), 0);
	ck_assert_int_eq(history_seek(h, origin), 0);
	ck_assert_int_eq(
		debug_ops.bp_insert(d, watch ? GDB_WATCH_WRITE : GDB_BP_SW,
				    addr, watch ? 8 : 4),
		0);
	uint64_t skipped = h->skipped, replayed = h->replayed;
	struct gdb_stop stop;
	debug_run(d, forward ? GDB_CONTINUE : GDB_REVERSE_CONTINUE, -1, &stop);
	struct search_result r = {.kind = stop.kind,
				  .icount = h->m->icount,
				  .skipped = h->skipped - skipped,
				  .replayed = h->replayed - replayed};
	struct picture got, want;
	picture_take(h->m, &got);
	straight_picture(r.icount, &want);
	picture_check(&got, &want);
	free(d);
	history_close(h);
	return r;
}

/* Searches skip the intervals where nothing can hit (history/skip.h),
 * and stop exactly where a search that replays every one stops. */
static struct search_result search_compare(bool watch, uint64_t addr,
					   uint64_t origin, bool forward)
{
	struct search_result full =
		search_once(false, watch, addr, origin, forward);
	struct search_result fast =
		search_once(true, watch, addr, origin, forward);
	ck_assert_int_eq(fast.kind, full.kind);
	ck_assert_uint_eq(fast.icount, full.icount);
	ck_assert_uint_eq(full.skipped, 0);
	ck_assert_uint_gt(fast.skipped, 0);
	ck_assert_uint_lt(fast.replayed, full.replayed + (forward ? 1 : 0));
	return fast;
}

static uint64_t race_symbol(const char *name)
{
	struct symbols *syms;
	char err[256];
	uint64_t addr;
	ck_assert_int_eq(symbols_open(race_elf, &syms, err, sizeof(err)), 0);
	ck_assert_int_eq(symbols_address(syms, name, &addr), 0);
	symbols_close(syms);
	return addr;
}

/* The longest stretch without a store to the counter, seen by a straight
 * replay: the positions just after the stores at either end. Under the
 * chaos schedule one hart finishes its loop long before the other starts
 * (the stretch spans many checkpoint intervals). */
static void counter_gap(uint64_t counter, uint64_t *a, uint64_t *b)
{
	struct replay_session *rs = straight_open();
	ck_assert_int_eq(machine_watch_add(rs->m, counter, 8, WATCH_WRITE), 0);
	uint64_t last = 0;
	*a = *b = 0;
	while (replay_advance(rs->m, &rs->g, UINT64_MAX, false) ==
	       REPLAY_HART_STOP) {
		if (last && rs->m->icount - last > *b - *a) {
			*a = last;
			*b = rs->m->icount;
		}
		last = rs->m->icount;
	}
	replay_session_free(rs);
	ck_assert_uint_gt(*b - *a, 4 * TEST_INTERVAL);
}

START_TEST(test_skip_reverse_watchpoint)
{
	uint64_t counter = race_symbol("shared_counter"), a, b;
	counter_gap(counter, &a, &b);
	/* Back from just before the store that ends the stretch: to the
	 * one that began it, across the stretch without replaying it. */
	struct search_result r = search_compare(true, counter, b - 1, false);
	ck_assert_int_eq(r.kind, GDB_STOP_WATCH);
	ck_assert_uint_eq(r.icount, a);
}
END_TEST

START_TEST(test_skip_forward_watchpoint)
{
	uint64_t counter = race_symbol("shared_counter"), a, b;
	counter_gap(counter, &a, &b);
	struct search_result r = search_compare(true, counter, a, true);
	ck_assert_int_eq(r.kind, GDB_STOP_WATCH);
	ck_assert_uint_lt(r.icount, b);
	ck_assert_uint_gt(r.icount, b - TEST_INTERVAL);
}
END_TEST

START_TEST(test_skip_reverse_breakpoint)
{
	/* A breakpoint on a data page, where no code ever runs: back to
	 * the beginning of history, skipping every interval. */
	uint64_t counter = race_symbol("shared_counter");
	struct search_result r = search_compare(false, counter, rec_end, false);
	ck_assert_int_eq(r.kind, GDB_STOP_HISTORY_BEGIN);
	ck_assert_uint_eq(r.icount, 0);
	/* (but the one it began in, which no checkpoint ends yet) */
	ck_assert_uint_le(r.replayed, 1);
}
END_TEST

/* Where reverse-continue, reverse-stepi, reverse-continue from the end
 * (forward: continue, stepi, continue from icount 0) stop, watching the virtual
 * page the remap guest maps to one frame, then another. */
static void remap_walk(bool skip, bool forward, uint64_t at[2],
		       uint64_t *skipped)
{
	struct history *h = history_quiet(HISTORY_BUDGET, TEST_INTERVAL);
	if (!skip)
		h->m->tune |= TUNE_NO_SKIP;
	struct debugger *d = malloc(sizeof(*d));
	ck_assert_ptr_nonnull(d);
	debug_init(d, h, "test");
	struct replay_session *rs = straight_open();
	ck_assert_int_eq(replay_advance(rs->m, &rs->g, UINT64_MAX, false),
			 REPLAY_END);
	uint64_t end = rs->m->icount;
	replay_session_free(rs);
	ck_assert_int_eq(history_seek(h, end), 0);
	ck_assert_int_eq(history_seek(h, forward ? 0 : end), 0);
	ck_assert_int_eq(debug_ops.bp_insert(d, GDB_WATCH_WRITE, 0x40000000, 8),
			 0);
	uint64_t k0 = h->skipped;
	struct gdb_stop stop;
	for (int i = 0; i < 2; i++) {
		/* As gdb does: over the store, the watchpoint out of the
		 * way, then on. */
		if (i) {
			ck_assert_int_eq(debug_ops.bp_remove(d, GDB_WATCH_WRITE,
							     0x40000000, 8),
					 0);
			debug_run(d, forward ? GDB_STEP : GDB_REVERSE_STEP, 0,
				  &stop);
			ck_assert_int_eq(stop.kind, GDB_STOP_STEP);
			ck_assert_int_eq(debug_ops.bp_insert(d, GDB_WATCH_WRITE,
							     0x40000000, 8),
					 0);
		}
		debug_run(d, forward ? GDB_CONTINUE : GDB_REVERSE_CONTINUE, -1,
			  &stop);
		ck_assert_int_eq(stop.kind, GDB_STOP_WATCH);
		at[i] = h->m->icount;
	}
	*skipped = h->skipped - k0;
	free(d);
	history_close(h);
}

START_TEST(test_skip_remapped_page)
{
	cur_rec = remap_path;
	for (int forward = 0; forward < 2; forward++) {
		uint64_t full[2], fast[2], nfull, nfast;
		remap_walk(false, forward, full, &nfull);
		remap_walk(true, forward, fast, &nfast);
		/* The two stores through TVA(0), to two frames, and not the
		 * one through the alias between them. */
		ck_assert_uint_eq(fast[0], full[0]);
		ck_assert_uint_eq(fast[1], full[1]);
		ck_assert_uint_ne(full[0], full[1]);
		ck_assert_uint_gt(forward ? full[1] - full[0]
					  : full[0] - full[1],
				  100000);
		ck_assert_uint_eq(nfull, 0);
		ck_assert_uint_gt(nfast, 50);
	}
	cur_rec = rec_path;
}
END_TEST

int main(void)
{
	recording_make();
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_seek_matches_straight_replay);
	tcase_add_test(tc, test_reverse_step_per_hart);
	tcase_add_test(tc, test_reverse_continue_to_watchpoint);
	tcase_add_test(tc, test_begin_of_history);
	tcase_add_test(tc, test_small_budget_thins_checkpoints);
	tcase_add_test(tc, test_skip_reverse_watchpoint);
	tcase_add_test(tc, test_skip_reverse_breakpoint);
	tcase_add_test(tc, test_skip_forward_watchpoint);
	tcase_add_test(tc, test_skip_remapped_page);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	recording_remove();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
