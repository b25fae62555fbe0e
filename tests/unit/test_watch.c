/* Data watchpoints: a watched store stops its hart, whatever the size of
 * the watched range, including the whole address space, and translations
 * cached before the watchpoint was set do not let an access slip past.
 * The bus's write watch on physical memory hears of every write, after
 * it is made: cached stores, AMOs, and a device's or debugger's writes,
 * named. */
#include "machine.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>

/* Assembled with the cross assembler (-march=rv64g):
 *   _start: auipc t0, 1          # t0 = RAM_BASE + 0x1000
 *   loop:   addi t1, t1, 1
 *           sd t1, 0(t0)
 *           ld t2, 8(t0)
 *           j loop */
static const uint32_t program[] = {
	0x00001297, 0x00130313, 0x0062b023, 0x0082b383, 0xff5ff06f,
};
#define STORE_PC (RAM_BASE + 0x8)
#define DATA	 (RAM_BASE + 0x1000)

static struct machine *machine_with_code(int nharts, const uint32_t *code,
					 size_t len)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = nharts};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	void *ram = bus_host_ptr(&m->bus, RAM_BASE, len);
	memcpy(ram, code, len);
	bus_note_write(&m->bus, RAM_BASE, len);
	for (int i = 0; i < nharts; i++)
		m->harts[i]->pc = RAM_BASE;
	return m;
}

static struct machine *machine_with_program(int nharts)
{
	return machine_with_code(nharts, program, sizeof(program));
}

/* Run until a watchpoint stops a hart; the hart has retired the store. */
static void expect_store_hit(struct machine *m, uint64_t addr)
{
	ck_assert_int_eq(machine_run(m, 100000), MSTOP_HART);
	ck_assert_int_eq(m->watch_hit.write, true);
	ck_assert_uint_eq(m->watch_hit.addr, addr);
	struct hart *h = m->harts[m->watch_hit.hart];
	ck_assert_int_eq(h->stop, STOP_WATCH);
	ck_assert_uint_eq(h->pc, STORE_PC + 4);
}

/* Warm the TLBs with the data page first, so a cached write translation
 * would skip the check if the watchpoint did not drop it. */
static void run_warm(struct machine *m)
{
	ck_assert_int_eq(machine_run(m, 50000), MSTOP_BUDGET);
}

START_TEST(test_watch_small_range)
{
	struct machine *m = machine_with_program(2);
	run_warm(m);
	ck_assert_int_eq(machine_watch_add(m, DATA, 8, WATCH_WRITE), 0);
	expect_store_hit(m, DATA);
	machine_free(m);
}
END_TEST

START_TEST(test_watch_whole_address_space)
{
	struct machine *m = machine_with_program(4);
	run_warm(m);
	/* gdb's Z2,0,ffffffffffffffff: every byte but the last. */
	ck_assert_int_eq(machine_watch_add(m, 0, UINT64_MAX, WATCH_WRITE), 0);
	expect_store_hit(m, DATA);
	ck_assert_int_eq(machine_watch_remove(m, 0, UINT64_MAX, WATCH_WRITE),
			 0);
	machine_free(m);
}
END_TEST

START_TEST(test_watch_terabyte_range)
{
	struct machine *m = machine_with_program(1);
	run_warm(m);
	/* 1 TiB from the watched word on. */
	ck_assert_int_eq(machine_watch_add(m, DATA, 1ull << 40, WATCH_WRITE),
			 0);
	expect_store_hit(m, DATA);
	machine_free(m);
}
END_TEST

START_TEST(test_watch_load_is_not_a_store)
{
	struct machine *m = machine_with_program(1);
	run_warm(m);
	/* A read watchpoint on the loaded word: the store never hits it. */
	ck_assert_int_eq(machine_watch_add(m, DATA + 8, 8, WATCH_READ), 0);
	ck_assert_int_eq(machine_run(m, 100000), MSTOP_HART);
	ck_assert_int_eq(m->watch_hit.write, false);
	ck_assert_uint_eq(m->watch_hit.addr, DATA + 8);
	machine_free(m);
}
END_TEST

START_TEST(test_watch_rejects_empty_and_wrapping)
{
	struct machine *m = machine_with_program(1);
	ck_assert_int_eq(machine_watch_add(m, DATA, 0, WATCH_WRITE), -EINVAL);
	ck_assert_int_eq(machine_watch_add(m, 2, UINT64_MAX, WATCH_WRITE),
			 -EINVAL);
	machine_free(m);
}
END_TEST

/* What the write watch heard: how many writes, the last one's writer and
 * the doubleword at DATA as the watch saw it; whether each write was
 * already in memory (the counter moved by one since the last). */
struct heard {
	struct machine *m;
	int n;
	const char *who;
	uint64_t value;
	bool in_order;
};

static void heard_write(void *ctx, uint64_t pa, uint64_t len, const char *who)
{
	struct heard *h = ctx;
	uint64_t v;
	ck_assert(pa <= DATA + 7 && DATA <= pa + len - 1);
	memcpy(&v, bus_host_ptr(&h->m->bus, DATA, 8), 8);
	if (h->n && v != h->value + 1)
		h->in_order = false;
	h->n++;
	h->who = who;
	h->value = v;
}

static void watch_writes(struct machine *m, struct heard *h)
{
	*h = (struct heard){.m = m, .in_order = true};
	memcpy(&h->value, bus_host_ptr(&m->bus, DATA, 8), 8);
	h->n = 0;
	machine_watch_writes(m, &(struct bus_watch){.fn = heard_write,
						    .ctx = h,
						    .lo = DATA,
						    .hi = DATA + 7});
}

START_TEST(test_write_watch_hears_cached_stores)
{
	struct machine *m = machine_with_program(1);
	run_warm(m);
	struct heard h;
	watch_writes(m, &h);
	uint64_t before = h.value;
	/* Four instructions a loop, one store each. */
	ck_assert_int_eq(machine_run(m, 4000), MSTOP_BUDGET);
	ck_assert_int_eq(h.n, 1000);
	ck_assert(h.in_order);
	ck_assert_uint_eq(h.value, before + 1000);
	ck_assert_ptr_null(h.who);
	/* Off: no more. */
	machine_watch_writes(m, &(struct bus_watch){.fn = NULL});
	ck_assert_int_eq(machine_run(m, 4000), MSTOP_BUDGET);
	ck_assert_int_eq(h.n, 1000);
	machine_free(m);
}
END_TEST

/* _start: auipc t0, 1; li t1, 1; loop: amoadd.d zero, t1, (t0); j loop */
static const uint32_t amo_program[] = {0x00001297, 0x00100313, 0x0062b02f,
				       0xffdff06f};

START_TEST(test_write_watch_hears_amos_after)
{
	struct machine *m =
		machine_with_code(1, amo_program, sizeof(amo_program));
	run_warm(m);
	struct heard h;
	watch_writes(m, &h);
	uint64_t before = h.value;
	ck_assert_int_eq(machine_run(m, 2000), MSTOP_BUDGET);
	ck_assert_int_eq(h.n, 1000);
	ck_assert(h.in_order);
	ck_assert_uint_eq(h.value, before + 1000);
	machine_free(m);
}
END_TEST

START_TEST(test_write_watch_names_devices)
{
	struct machine *m = machine_with_program(1);
	struct heard h;
	watch_writes(m, &h);
	uint8_t *p = bus_host_ptr(&m->bus, DATA, 8);
	p[0] = 1;
	bus_note_write_by(&m->bus, DATA, 8, "virtio-blk");
	ck_assert_int_eq(h.n, 1);
	ck_assert_str_eq(h.who, "virtio-blk");
	/* Beside the range: not heard. */
	bus_note_write_by(&m->bus, DATA + 8, 8, "virtio-blk");
	bus_note_write_by(&m->bus, DATA - 8, 8, "debugger");
	ck_assert_int_eq(h.n, 1);
	/* Over its last byte: heard. */
	p[0] = 2;
	bus_note_write_by(&m->bus, DATA + 7, 2, "debugger");
	ck_assert_int_eq(h.n, 2);
	ck_assert_str_eq(h.who, "debugger");
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("watch");
	TCase *tc = tcase_create("watch");
	tcase_add_test(tc, test_watch_small_range);
	tcase_add_test(tc, test_watch_whole_address_space);
	tcase_add_test(tc, test_watch_terabyte_range);
	tcase_add_test(tc, test_watch_load_is_not_a_store);
	tcase_add_test(tc, test_watch_rejects_empty_and_wrapping);
	tcase_add_test(tc, test_write_watch_hears_cached_stores);
	tcase_add_test(tc, test_write_watch_hears_amos_after);
	tcase_add_test(tc, test_write_watch_names_devices);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
