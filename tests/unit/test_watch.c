/* Data watchpoints: a watched store stops its hart, whatever the size of
 * the watched range, including the whole address space, and translations
 * cached before the watchpoint was set do not let an access slip past. */
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

static struct machine *machine_with_program(int nharts)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = nharts};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	void *ram = bus_host_ptr(&m->bus, RAM_BASE, sizeof(program));
	memcpy(ram, program, sizeof(program));
	bus_note_write(&m->bus, RAM_BASE, sizeof(program));
	for (int i = 0; i < nharts; i++)
		m->harts[i]->pc = RAM_BASE;
	return m;
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

int main(void)
{
	Suite *s = suite_create("watch");
	TCase *tc = tcase_create("watch");
	tcase_add_test(tc, test_watch_small_range);
	tcase_add_test(tc, test_watch_whole_address_space);
	tcase_add_test(tc, test_watch_terabyte_range);
	tcase_add_test(tc, test_watch_load_is_not_a_store);
	tcase_add_test(tc, test_watch_rejects_empty_and_wrapping);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
