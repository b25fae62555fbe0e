/* A hunt's run seeds: run i's chaos seed is the i-th output of SplitMix64
 * started at the hunt seed (replay/hunt.h), checked against SplitMix64's
 * published outputs, so shards on other machines and scripts that
 * recompute a seed agree with rewind. */
#include "../../replay/hunt.h"

#include <check.h>
#include <stdlib.h>

START_TEST(test_splitmix64_reference_outputs)
{
	/* SplitMix64 seeded with 1234567: its first five outputs. */
	static const uint64_t want[] = {
		6457827717110365317ULL, 3203168211198807973ULL,
		9817491932198370423ULL, 4593380528125082431ULL,
		16408922859458223821ULL};
	for (uint64_t i = 1; i <= 5; i++)
		ck_assert_uint_eq(hunt_run_seed(1234567, i), want[i - 1]);
	ck_assert_uint_eq(hunt_run_seed(0, 1), 0xe220a8397b1dcdafULL);
}
END_TEST

START_TEST(test_runs_and_hunts_differ)
{
	/* Neighbouring runs and neighbouring hunts draw unrelated seeds. */
	ck_assert_uint_ne(hunt_run_seed(7, 1), hunt_run_seed(7, 2));
	ck_assert_uint_ne(hunt_run_seed(7, 1), hunt_run_seed(8, 1));
	ck_assert_uint_ne(hunt_run_seed(7, 2), hunt_run_seed(8, 1));
	/* And the same pair always draws the same seed. */
	ck_assert_uint_eq(hunt_run_seed(7, 1000000), hunt_run_seed(7, 1000000));
}
END_TEST

START_TEST(test_default_jobs_in_range)
{
	int n = hunt_default_jobs();
	ck_assert_int_ge(n, 1);
	ck_assert_int_le(n, HUNT_JOBS_MAX);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hunt_seed");
	TCase *tc = tcase_create("hunt_seed");
	tcase_add_test(tc, test_splitmix64_reference_outputs);
	tcase_add_test(tc, test_runs_and_hunts_differ);
	tcase_add_test(tc, test_default_jobs_in_range);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
