/* The run API: exact instruction counts, results independent of how a run
 * is cut into pieces, breakpoints, and interrupts at exact icounts. */
#include "machine.h"
#include "prng.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>

/* Assembled with the cross assembler (-march=rv64g):
 *   _start: la t0, handler; csrw mtvec, t0
 *           li t0, 0x2004000; li t1, 50; sd t1, 0(t0)  # mtimecmp = 50
 *           li t0, 0x80; csrw mie, t0; csrsi mstatus, 8 # MTIE, MIE
 *           li s1, 0
 *   loop:   addi s1, s1, 1; add s2, s2, s1; xor s3, s3, s2; j loop
 *   handler: csrr s4, minstret; csrr s5, mepc
 *           li t0, 0x2004000; li t1, -1; sd t1, 0(t0); mret */
static const uint32_t program[] = {
	0x00000297, 0x03828293, 0x30529073, 0x020042b7, 0x03200313,
	0x0062b023, 0x08000293, 0x30429073, 0x30046073, 0x00000493,
	0x00148493, 0x00990933, 0x0129c9b3, 0xff5ff06f, 0xb0202a73,
	0x34102af3, 0x020042b7, 0xfff00313, 0x0062b023, 0x30200073,
};
#define SETUP_INSNS 10
#define LOOP_PC	    (RAM_BASE + 0x28)
#define XOR_PC	    (RAM_BASE + 0x30)
#define TIMER_TICKS 50

static struct machine *machine_with_program(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	void *ram = bus_host_ptr(&m->bus, RAM_BASE, sizeof(program));
	memcpy(ram, program, sizeof(program));
	bus_note_write(&m->bus, RAM_BASE, sizeof(program));
	m->harts[0]->pc = RAM_BASE;
	return m;
}

START_TEST(test_runs_exactly_n)
{
	struct machine *m = machine_with_program();
	ck_assert_int_eq(machine_run(m, 1000), MSTOP_BUDGET);
	ck_assert_uint_eq(m->harts[0]->icount, 1000);
	ck_assert_uint_eq(m->icount, 1000);
	ck_assert_int_eq(machine_run(m, 1), MSTOP_BUDGET);
	ck_assert_uint_eq(m->harts[0]->icount, 1001);
	machine_free(m);
}
END_TEST

START_TEST(test_chunking_does_not_change_the_result)
{
	struct machine *a = machine_with_program();
	struct machine *b = machine_with_program();
	const uint64_t total = 100003;
	machine_run(a, total);
	/* The same run in pieces of varying, awkward sizes. */
	uint64_t done = 0, step = 1;
	while (done < total) {
		uint64_t n = step < total - done ? step : total - done;
		machine_run(b, n);
		done += n;
		step = step * 7 % 97 + 1;
	}
	struct hart *ha = a->harts[0], *hb = b->harts[0];
	ck_assert_uint_eq(ha->icount, hb->icount);
	ck_assert_uint_eq(ha->pc, hb->pc);
	for (int r = 0; r < 32; r++)
		ck_assert_uint_eq(ha->x[r], hb->x[r]);
	ck_assert_uint_eq(ha->mepc, hb->mepc);
	machine_free(a);
	machine_free(b);
}
END_TEST

/* Chaos with a hart that always waits: the waiting hart is skipped at
 * every scheduling decision, and how many decisions a run takes depends
 * on how it is cut into machine_run calls. The chaos PRNG, and so the
 * schedule, must not. */
static struct machine *chaos_machine(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20,
				     .nharts = 2,
				     .chaos = true,
				     .chaos_seed = 42};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	/* Hart 0 sleeps on the timer over and over, so that both harts wait
	 * and time jumps: li t0, 0x80; csrw mie, t0; li t1, mtime;
	 * li t2, mtimecmp; loop: ld t3, 0(t1); addi t3, t3, 100;
	 * sd t3, 0(t2); wfi; addi s1, s1, 1; j loop */
	static const uint32_t sleeper[] = {0x08000293, 0x30429073, 0x0200c337,
					   0xff83031b, 0x020043b7, 0x00033e03,
					   0x064e0e13, 0x01c3b023, 0x10500073,
					   0x00148493, 0xfedff06f};
	/* Hart 1: wfi; j wfi, with mie = 0: it waits for ever. */
	static const uint32_t waiter[] = {0x10500073, 0xffdff06f};
	memcpy(bus_host_ptr(&m->bus, RAM_BASE, sizeof(sleeper)), sleeper,
	       sizeof(sleeper));
	memcpy(bus_host_ptr(&m->bus, RAM_BASE + 0x100, sizeof(waiter)), waiter,
	       sizeof(waiter));
	m->harts[0]->pc = RAM_BASE;
	m->harts[1]->pc = RAM_BASE + 0x100;
	return m;
}

START_TEST(test_chaos_schedule_does_not_depend_on_chunking)
{
	struct machine *a = chaos_machine();
	struct machine *b = chaos_machine();
	const uint64_t total = 200003;
	machine_run(a, total);
	uint64_t done = 0, step = 3;
	while (done < total) {
		uint64_t n = step < total - done ? step : total - done;
		machine_run(b, n);
		done += n;
		step = step * 13 % 1009 + 1;
	}
	ck_assert_uint_eq(a->icount, b->icount);
	ck_assert_uint_gt(a->harts[0]->x[9], 100); /* it slept many times */
	ck_assert_uint_eq(a->chaos_state, b->chaos_state);
	ck_assert_uint_eq(a->harts[0]->x[9], b->harts[0]->x[9]);
	ck_assert_uint_eq(a->harts[0]->pc, b->harts[0]->pc);
	machine_free(a);
	machine_free(b);
}
END_TEST

START_TEST(test_timer_interrupt_at_exact_icount)
{
	struct machine *m = machine_with_program();
	machine_run(m, 2000);
	struct hart *h = m->harts[0];
	/* mtime = icount / TICK_INSNS reaches the compare value at exactly
	 * this icount, and the handler's first instruction retires next. */
	ck_assert_uint_eq(h->x[20], TIMER_TICKS * TICK_INSNS); /* s4 */
	/* The interrupted pc follows from the loop's four instructions. */
	uint64_t in_loop = TIMER_TICKS * TICK_INSNS - SETUP_INSNS;
	ck_assert_uint_eq(h->x[21], LOOP_PC + 4 * (in_loop % 4)); /* s5 */
	ck_assert_uint_eq(h->mcause, (1ull << 63) | IRQ_MTI);
	machine_free(m);
}
END_TEST

/* Each departure the machine reports, for the tests below. */
struct seen {
	struct chaos_decision d[64];
	int n;
};

static void seen_add(void *ctx, const struct chaos_decision *d)
{
	struct seen *s = ctx;
	if (s->n < 64)
		s->d[s->n++] = *d;
}

/* Draws are numbered from the seed, every draw counts, and a machine that
 * keeps only some draws decides those exactly as the full schedule does
 * and the others as the default one. */
START_TEST(test_chaos_keep_names_draws)
{
	uint64_t st = 42;
	for (uint64_t k = 0; k < 1000; k++) {
		ck_assert_uint_eq(prng_index(st, 42), k);
		prng_next(&st);
	}
	struct seen all = {0}, some = {0};
	char err[128];
	struct machine_config cfg = {
		.ram_size = 1 << 20,
		.nharts = 2,
		.chaos = true,
		.chaos_seed = 7,
		.host = {.ctx = &all, .schedule = seen_add}};
	struct machine *a = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(a != NULL, "%s", err);
	uint64_t full[20];
	for (int i = 0; i < 20; i++)
		full[i] = machine_chaos(a, CHAOS_LATENCY, 0, 100, 0);
	ck_assert_int_gt(all.n, 10); /* most draws depart from 0 */
	for (int i = 0, k = 0; i < 20; i++)
		if (full[i])
			ck_assert_uint_eq(all.d[k++].ordinal, (uint64_t)i);
	/* Keep draws 3 and 17 only. */
	const uint64_t keep[] = {3, 17};
	cfg.chaos_keep_only = true;
	cfg.chaos_keep = keep;
	cfg.chaos_nkeep = 2;
	cfg.host.ctx = &some;
	struct machine *b = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(b != NULL, "%s", err);
	for (int i = 0; i < 20; i++) {
		uint64_t v = machine_chaos(b, CHAOS_LATENCY, 0, 100, 0);
		ck_assert_uint_eq(v, i == 3 || i == 17 ? full[i] : 0);
	}
	ck_assert_int_eq(some.n, (full[3] != 0) + (full[17] != 0));
	if (some.n)
		ck_assert_uint_eq(some.d[some.n - 1].ordinal,
				  full[17] ? 17 : 3);
	/* Faults draw only when asked for. */
	uint64_t before = b->chaos_state;
	ck_assert(!machine_chaos_fault(b, CHAOS_IO_ERROR, 0, 1));
	ck_assert_uint_eq(b->chaos_state, before);
	machine_free(a);
	machine_free(b);
}
END_TEST

START_TEST(test_breakpoint_stops_before_the_instruction)
{
	struct machine *m = machine_with_program();
	struct hart *h = m->harts[0];
	ck_assert_int_eq(machine_breakpoint_add(m, XOR_PC), 0);
	ck_assert_int_eq(machine_run(m, 100), MSTOP_HART);
	ck_assert_int_eq(h->stop, STOP_BREAKPOINT);
	ck_assert_uint_eq(h->pc, XOR_PC);
	ck_assert_uint_eq(h->icount, SETUP_INSNS + 2);
	/* Resuming steps over it and stops there again one lap later. */
	ck_assert_int_eq(machine_run(m, 100), MSTOP_HART);
	ck_assert_uint_eq(h->pc, XOR_PC);
	ck_assert_uint_eq(h->icount, SETUP_INSNS + 2 + 4);
	/* A budget that ends first wins. */
	ck_assert_int_eq(machine_run(m, 2), MSTOP_BUDGET);
	ck_assert_uint_eq(h->icount, SETUP_INSNS + 2 + 4 + 2);
	ck_assert_int_eq(machine_breakpoint_remove(m, XOR_PC), 0);
	ck_assert_int_eq(machine_breakpoint_remove(m, XOR_PC), -ENOENT);
	ck_assert_int_eq(machine_run(m, 100), MSTOP_BUDGET);
	machine_free(m);
}
END_TEST

/* Breakpoints set between runs hold whatever the run before left behind,
 * such as room to chain blocks without returning to the run loop. */
START_TEST(test_breakpoint_after_chained_running)
{
	struct machine *m = machine_with_program();
	struct hart *h = m->harts[0];
	ck_assert_int_eq(machine_run(m, 1000), MSTOP_BUDGET);
	uint64_t at = h->icount;
	h->chain_left = 1000; /* as a chain refused for a pending interrupt */
	ck_assert_int_eq(machine_breakpoint_add(m, LOOP_PC), 0);
	ck_assert_int_eq(machine_run(m, 100), MSTOP_HART);
	ck_assert_uint_eq(h->pc, LOOP_PC);
	ck_assert_uint_le(h->icount, at + 4);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");
	tcase_add_test(tc, test_runs_exactly_n);
	tcase_add_test(tc, test_chunking_does_not_change_the_result);
	tcase_add_test(tc, test_timer_interrupt_at_exact_icount);
	tcase_add_test(tc, test_chaos_schedule_does_not_depend_on_chunking);
	tcase_add_test(tc, test_chaos_keep_names_draws);
	tcase_add_test(tc, test_breakpoint_stops_before_the_instruction);
	tcase_add_test(tc, test_breakpoint_after_chained_running);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
