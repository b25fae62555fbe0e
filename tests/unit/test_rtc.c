/* Goldfish RTC: a wall-clock base read once from the host, time that
 * advances exactly with virtual time, the TIME_LOW/TIME_HIGH latch, and an
 * alarm that interrupts at an exact icount. */
#include "dev/plic.h"
#include "dev/rtc.h"
#include "machine.h"

#include <check.h>
#include <stdlib.h>

enum {
	TIME_LOW = 0x00,
	TIME_HIGH = 0x04,
	ALARM_LOW = 0x08,
	ALARM_HIGH = 0x0c,
	IRQ_ENABLED = 0x10,
	CLEAR_ALARM = 0x14,
	ALARM_STATUS = 0x18,
	CLEAR_INTERRUPT = 0x1c,
};

#define PLIC_PRIORITY(irq) (4u * (irq))
#define PLIC_PENDING	   0x1000u
#define PLIC_ENABLE(ctx)   (0x2000u + 0x80u * (ctx))
#define PLIC_CLAIM(ctx)	   (0x200004u + 0x1000u * (ctx))

#define WALL_NS 1700000000123456789ull
/* The FDT advertises TIMEBASE_HZ and mtime advances every TICK_INSNS
 * instructions: the guest retires TIMEBASE_HZ * TICK_INSNS instructions a
 * second, 10 ns each. */
#define NS_PER_INSN 10ull

/* Assembled with the cross assembler (-march=rv64g):
 *   _start: la t0, handler; csrw mtvec, t0
 *           li t0, 0x800; csrw mie, t0; csrsi mstatus, 8  # MEIE, MIE
 *   loop:   j loop
 *   handler: csrr s4, minstret; csrr s5, mcause
 *   hang:   j hang */
static const uint32_t program[] = {
	0x00000297, 0x02028293, 0x30529073, 0x000012b7, 0x8002829b, 0x30429073,
	0x30046073, 0x0000006f, 0xb0202a73, 0x34202af3, 0x0000006f,
};
#define HANDLER_PC (RAM_BASE + 0x20)

static int wall_calls;

static uint64_t fixed_wall(void *ctx)
{
	(void)ctx;
	wall_calls++;
	return WALL_NS;
}

static struct machine *machine_with_clock(bool wall)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	if (wall)
		cfg.host.wall_ns = fixed_wall;
	wall_calls = 0;
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_ptr_nonnull(m->rtc);
	void *ram = bus_host_ptr(&m->bus, RAM_BASE, sizeof(program));
	memcpy(ram, program, sizeof(program));
	bus_note_write(&m->bus, RAM_BASE, sizeof(program));
	m->harts[0]->pc = RAM_BASE;
	return m;
}

static uint32_t rd(struct machine *m, uint64_t off)
{
	uint64_t v = 0xdeadbeefdeadull;
	ck_assert_int_eq(rtc_read(m->rtc, off, 4, &v), 0);
	ck_assert_uint_le(v, UINT32_MAX);
	return (uint32_t)v;
}

static void wr(struct machine *m, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(rtc_write(m->rtc, off, 4, v), 0);
}

static uint64_t read_time(struct machine *m)
{
	uint64_t lo = rd(m, TIME_LOW);
	return lo | (uint64_t)rd(m, TIME_HIGH) << 32;
}

static void set_alarm(struct machine *m, uint64_t ns)
{
	wr(m, ALARM_HIGH, (uint32_t)(ns >> 32));
	wr(m, ALARM_LOW, (uint32_t)ns);
}

/* Route the RTC's source to hart 0's M-mode context. */
static void plic_route_rtc(struct machine *m)
{
	ck_assert_int_eq(plic_write(m->plic, PLIC_PRIORITY(IRQ_RTC), 4, 1), 0);
	ck_assert_int_eq(plic_write(m->plic, PLIC_ENABLE(0), 4, 1u << IRQ_RTC),
			 0);
}

static bool rtc_pending_in_plic(struct machine *m)
{
	uint64_t v;
	ck_assert_int_eq(plic_read(m->plic, PLIC_PENDING, 4, &v), 0);
	return (v >> IRQ_RTC) & 1;
}

START_TEST(test_time_starts_at_the_host_base)
{
	struct machine *m = machine_with_clock(true);
	ck_assert_int_eq(wall_calls, 1);
	ck_assert_uint_eq(rd(m, TIME_LOW), (uint32_t)WALL_NS);
	ck_assert_uint_eq(rd(m, TIME_HIGH), (uint32_t)(WALL_NS >> 32));
	/* The host is asked once, at creation, however often the guest
	 * reads. */
	machine_run(m, 1000);
	(void)read_time(m);
	ck_assert_int_eq(wall_calls, 1);
	machine_free(m);
}
END_TEST

START_TEST(test_no_host_clock_starts_at_zero)
{
	struct machine *m = machine_with_clock(false);
	ck_assert_uint_eq(read_time(m), 0);
	machine_run(m, 7);
	ck_assert_uint_eq(read_time(m), 7 * NS_PER_INSN);
	machine_free(m);
}
END_TEST

START_TEST(test_time_advances_exactly_with_instructions)
{
	struct machine *m = machine_with_clock(true);
	ck_assert_uint_eq(1000000000ull % (TIMEBASE_HZ * TICK_INSNS), 0);
	ck_assert_uint_eq(1000000000ull / (TIMEBASE_HZ * TICK_INSNS),
			  NS_PER_INSN);
	uint64_t t0 = read_time(m);
	ck_assert_uint_eq(t0, WALL_NS);
	machine_run(m, 12345);
	ck_assert_uint_eq(read_time(m) - t0, 12345 * NS_PER_INSN);
	machine_run(m, 1);
	ck_assert_uint_eq(read_time(m) - t0, 12346 * NS_PER_INSN);
	/* Reading does not move time. */
	ck_assert_uint_eq(read_time(m) - t0, 12346 * NS_PER_INSN);
	machine_run(m, 3000000);
	ck_assert_uint_eq(read_time(m) - t0, 3012346 * NS_PER_INSN);
	machine_free(m);
}
END_TEST

START_TEST(test_time_high_is_latched_by_time_low)
{
	struct machine *m = machine_with_clock(true);
	/* 160 ns before the low half wraps. */
	wr(m, TIME_HIGH, 5);
	wr(m, TIME_LOW, 0xffffff60);
	ck_assert_uint_eq(rd(m, TIME_LOW), 0xffffff60);
	machine_run(m, 20); /* +200 ns: the high half is now 6 */
	ck_assert_uint_eq(rd(m, TIME_HIGH), 5);
	ck_assert_uint_eq(rd(m, TIME_HIGH), 5);
	ck_assert_uint_eq(rd(m, TIME_LOW), 0x28);
	ck_assert_uint_eq(rd(m, TIME_HIGH), 6);
	machine_free(m);
}
END_TEST

START_TEST(test_set_time_keeps_running)
{
	struct machine *m = machine_with_clock(true);
	machine_run(m, 100);
	wr(m, TIME_HIGH, 0x12);
	wr(m, TIME_LOW, 0x34);
	ck_assert_uint_eq(read_time(m), 0x1200000034ull);
	machine_run(m, 50);
	ck_assert_uint_eq(read_time(m), 0x1200000034ull + 50 * NS_PER_INSN);
	/* Each write replaces only its own half. */
	wr(m, TIME_HIGH, 0x99);
	ck_assert_uint_eq(read_time(m), 0x9900000034ull + 50 * NS_PER_INSN);
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_interrupts_at_exact_icount)
{
	struct machine *m = machine_with_clock(true);
	struct hart *h = m->harts[0];
	plic_route_rtc(m);
	wr(m, IRQ_ENABLED, 1);
	ck_assert_uint_eq(rd(m, IRQ_ENABLED), 1);
	/* 5000 ns from now: reached after exactly 500 instructions. */
	set_alarm(m, WALL_NS + 500 * NS_PER_INSN);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 1);
	ck_assert_uint_eq(rd(m, ALARM_LOW), (uint32_t)(WALL_NS + 5000));
	ck_assert_uint_eq(rd(m, ALARM_HIGH), (uint32_t)(WALL_NS >> 32));
	machine_run(m, 499);
	ck_assert_uint_eq(h->mip & MIP_MEIP, 0);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 1);
	machine_run(m, 100);
	/* The handler's first instruction read minstret = 500. */
	ck_assert_uint_eq(h->x[20], 500);
	ck_assert_uint_eq(h->x[21], (1ull << 63) | IRQ_MEI);
	ck_assert_uint_eq(h->mip & MIP_MEIP, MIP_MEIP);
	/* Fired: no longer armed. */
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	/* Claim, clear at the device, complete: the line is quiet. */
	uint64_t id;
	ck_assert_int_eq(plic_read(m->plic, PLIC_CLAIM(0), 4, &id), 0);
	ck_assert_uint_eq(id, IRQ_RTC);
	wr(m, CLEAR_INTERRUPT, 1);
	ck_assert_int_eq(plic_write(m->plic, PLIC_CLAIM(0), 4, IRQ_RTC), 0);
	ck_assert(!rtc_pending_in_plic(m));
	ck_assert_uint_eq(h->mip & MIP_MEIP, 0);
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_icount_independent_of_run_chunks)
{
	struct machine *m = machine_with_clock(true);
	plic_route_rtc(m);
	wr(m, IRQ_ENABLED, 1);
	set_alarm(m, WALL_NS + 777 * NS_PER_INSN);
	for (int i = 0; i < 200; i++)
		machine_run(m, 7);
	ck_assert_uint_eq(m->harts[0]->x[20], 777);
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_between_instructions_rounds_up)
{
	struct machine *m = machine_with_clock(true);
	plic_route_rtc(m);
	wr(m, IRQ_ENABLED, 1);
	/* 4001 ns is first reached when 401 instructions have retired. */
	set_alarm(m, WALL_NS + 4001);
	machine_run(m, 1000);
	ck_assert_uint_eq(m->harts[0]->x[20], 401);
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_without_irq_enable_latches)
{
	struct machine *m = machine_with_clock(true);
	set_alarm(m, WALL_NS + 100 * NS_PER_INSN);
	machine_run(m, 100);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	ck_assert(!rtc_pending_in_plic(m));
	/* The interrupt is latched; enabling lets it out. */
	wr(m, IRQ_ENABLED, 1);
	ck_assert(rtc_pending_in_plic(m));
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_in_the_past_fires_at_once)
{
	struct machine *m = machine_with_clock(true);
	wr(m, IRQ_ENABLED, 1);
	machine_run(m, 10);
	set_alarm(m, WALL_NS + 5 * NS_PER_INSN);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	ck_assert(rtc_pending_in_plic(m));
	machine_free(m);
}
END_TEST

START_TEST(test_clear_alarm_disarms)
{
	struct machine *m = machine_with_clock(true);
	wr(m, IRQ_ENABLED, 1);
	set_alarm(m, WALL_NS + 300 * NS_PER_INSN);
	machine_run(m, 100);
	wr(m, CLEAR_ALARM, 1);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	machine_run(m, 1000);
	ck_assert(!rtc_pending_in_plic(m));
	machine_free(m);
}
END_TEST

START_TEST(test_alarm_high_alone_does_not_rearm)
{
	struct machine *m = machine_with_clock(true);
	plic_route_rtc(m);
	wr(m, IRQ_ENABLED, 1);
	set_alarm(m, WALL_NS + 600 * NS_PER_INSN);
	/* Only an ALARM_LOW write arms: the armed time stays. */
	wr(m, ALARM_HIGH, 0xffffffff);
	ck_assert_uint_eq(rd(m, ALARM_HIGH), 0xffffffff);
	machine_run(m, 2000);
	ck_assert_uint_eq(m->harts[0]->x[20], 600);
	machine_free(m);
}
END_TEST

START_TEST(test_setting_time_past_the_alarm_fires_it)
{
	struct machine *m = machine_with_clock(true);
	wr(m, IRQ_ENABLED, 1);
	set_alarm(m, WALL_NS + 1000000);
	wr(m, TIME_HIGH, (uint32_t)(WALL_NS >> 32) + 1);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	ck_assert(rtc_pending_in_plic(m));
	machine_free(m);
}
END_TEST

START_TEST(test_word_accesses_only)
{
	struct machine *m = machine_with_clock(true);
	uint64_t v;
	ck_assert_int_eq(rtc_read(m->rtc, TIME_LOW, 8, &v), -1);
	ck_assert_int_eq(rtc_read(m->rtc, TIME_LOW, 1, &v), -1);
	ck_assert_int_eq(rtc_read(m->rtc, TIME_LOW + 2, 4, &v), -1);
	ck_assert_int_eq(rtc_write(m->rtc, ALARM_LOW, 2, 0), -1);
	ck_assert_uint_eq(rd(m, ALARM_STATUS), 0);
	/* Write-only and unknown registers read as zero. */
	ck_assert_uint_eq(rd(m, CLEAR_INTERRUPT), 0);
	ck_assert_uint_eq(rd(m, 0x100), 0);
	ck_assert_int_eq(bus_read(&m->bus, RTC_BASE + TIME_LOW, 4, &v), 0);
	ck_assert_uint_eq(v, (uint32_t)WALL_NS);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rtc");
	TCase *tc = tcase_create("rtc");
	tcase_add_test(tc, test_time_starts_at_the_host_base);
	tcase_add_test(tc, test_no_host_clock_starts_at_zero);
	tcase_add_test(tc, test_time_advances_exactly_with_instructions);
	tcase_add_test(tc, test_time_high_is_latched_by_time_low);
	tcase_add_test(tc, test_set_time_keeps_running);
	tcase_add_test(tc, test_alarm_interrupts_at_exact_icount);
	tcase_add_test(tc, test_alarm_icount_independent_of_run_chunks);
	tcase_add_test(tc, test_alarm_between_instructions_rounds_up);
	tcase_add_test(tc, test_alarm_without_irq_enable_latches);
	tcase_add_test(tc, test_alarm_in_the_past_fires_at_once);
	tcase_add_test(tc, test_clear_alarm_disarms);
	tcase_add_test(tc, test_alarm_high_alone_does_not_rearm);
	tcase_add_test(tc, test_setting_time_past_the_alarm_fires_it);
	tcase_add_test(tc, test_word_accesses_only);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
