/* CLINT register semantics: msip drives MSIP, mtimecmp drives MTIP
 * against mtime = icount / TICK_INSNS, and 32-bit halves work. */
#include "dev/clint.h"
#include "machine.h"

#include <check.h>
#include <stdlib.h>

static struct machine *m;

static void setup(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 2};
	m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	/* Every hart spins at RAM_BASE (j .), so time can pass. */
	static const uint32_t spin = 0x0000006f;
	memcpy(bus_host_ptr(&m->bus, RAM_BASE, 4), &spin, 4);
	m->harts[0]->pc = m->harts[1]->pc = RAM_BASE;
}

static void teardown(void)
{
	machine_free(m);
}

static uint64_t rd(uint64_t off, unsigned size)
{
	uint64_t v;
	ck_assert_int_eq(clint_read(m->clint, off, size, &v), 0);
	return v;
}

START_TEST(test_msip_drives_the_software_interrupt)
{
	ck_assert_int_eq(clint_write(m->clint, 4, 4, 1), 0); /* hart 1 */
	ck_assert(m->harts[1]->mip & MIP_MSIP);
	ck_assert(!(m->harts[0]->mip & MIP_MSIP));
	ck_assert_uint_eq(rd(4, 4), 1);
	/* Only bit 0 exists. */
	ck_assert_int_eq(clint_write(m->clint, 4, 4, 0xfffffffe), 0);
	ck_assert(!(m->harts[1]->mip & MIP_MSIP));
	ck_assert_uint_eq(rd(4, 4), 0);
}
END_TEST

START_TEST(test_mtime_follows_virtual_time)
{
	ck_assert_uint_eq(rd(0xbff8, 8), 0);
	machine_run(m, 12345);
	ck_assert_uint_eq(rd(0xbff8, 8), 12345 / TICK_INSNS);
	/* The halves of a 64-bit register read separately. */
	ck_assert_uint_eq(rd(0xbff8, 4), 12345 / TICK_INSNS);
	ck_assert_uint_eq(rd(0xbffc, 4), 0);
	/* mtime ignores writes: time is virtual. */
	ck_assert_int_eq(clint_write(m->clint, 0xbff8, 8, 0), 0);
	ck_assert_uint_eq(rd(0xbff8, 8), 12345 / TICK_INSNS);
}
END_TEST

START_TEST(test_mtimecmp_raises_the_timer_at_its_tick)
{
	/* Reset: no timer interrupt. */
	ck_assert_uint_eq(rd(0x4000, 8), UINT64_MAX);
	ck_assert_int_eq(clint_write(m->clint, 0x4000, 4, 100), 0);
	ck_assert_int_eq(clint_write(m->clint, 0x4004, 4, 0), 0);
	ck_assert_uint_eq(rd(0x4000, 8), 100);
	machine_run(m, 100 * TICK_INSNS - 1);
	ck_assert(!(m->harts[0]->mip & MIP_MTIP));
	machine_run(m, 1);
	machine_update_timers(m, m->icount);
	ck_assert(m->harts[0]->mip & MIP_MTIP);
	ck_assert(!(m->harts[1]->mip & MIP_MTIP)); /* its own compare */
	/* A compare in the future lowers it again. */
	ck_assert_int_eq(clint_write(m->clint, 0x4000, 8, 1000), 0);
	machine_update_timers(m, m->icount);
	ck_assert(!(m->harts[0]->mip & MIP_MTIP));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("clint");
	TCase *tc = tcase_create("clint");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_msip_drives_the_software_interrupt);
	tcase_add_test(tc, test_mtime_follows_virtual_time);
	tcase_add_test(tc, test_mtimecmp_raises_the_timer_at_its_tick);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
