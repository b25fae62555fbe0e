/* Sets of written 64-byte lines (core/util/lineset.h): a write marks the
 * lines it covers and no others, across lines and pages; a page noted
 * more than LINESET_NOTES times counts whole; finished lists answer for
 * byte ranges, merge as unions, and a set that overflows holds
 * everything. */
#include "util/lineset.h"

#include <check.h>
#include <stdlib.h>

#define PG 0x80123000ull /* a page's address */

static struct linelist listed(const struct lineset *s)
{
	struct linelist l;
	ck_assert_int_eq(lineset_list(s, &l), 0);
	return l;
}

START_TEST(test_a_write_marks_its_lines_only)
{
	struct lineset s = {0};
	ck_assert(lineset_add(&s, PG + 0x930, 8));
	struct linelist l = listed(&s);
	ck_assert(linelist_any(&l, PG + 0x930, PG + 0x937));
	/* The same line, bytes the write did not cover: lines are the unit. */
	ck_assert(linelist_any(&l, PG + 0x900, PG + 0x900));
	ck_assert(linelist_any(&l, PG + 0x93f, PG + 0x93f));
	/* The lines either side, the rest of the page, other pages. */
	ck_assert(!linelist_any(&l, PG + 0x940, PG + 0x97f));
	ck_assert(!linelist_any(&l, PG + 0x8c0, PG + 0x8ff));
	ck_assert(!linelist_any(&l, PG, PG + 0x8ff));
	ck_assert(!linelist_any(&l, PG + 0x940, PG + 0xfff));
	ck_assert(!linelist_any(&l, PG + 0x1930, PG + 0x1937));
	ck_assert(!linelist_any(&l, PG - 0x1000 + 0x930, PG - 0x1000 + 0x937));
	/* A range that spans it from the pages around. */
	ck_assert(linelist_any(&l, PG - 0x10, PG + 0x1010));
	linelist_free(&l);
	lineset_free(&s);
}
END_TEST

START_TEST(test_writes_across_lines_and_pages)
{
	struct lineset s = {0};
	/* Bytes 0x3c..0x43: lines 0 and 1. */
	ck_assert(lineset_add(&s, PG + 0x3c, 8));
	/* Bytes 0xffc..0x1003: the last line of one page, the first of the
	 * next. */
	lineset_add(&s, PG + 0x1ffc, 8);
	struct linelist l = listed(&s);
	ck_assert(linelist_any(&l, PG, PG));
	ck_assert(linelist_any(&l, PG + 0x7f, PG + 0x7f));
	ck_assert(!linelist_any(&l, PG + 0x80, PG + 0xfff));
	ck_assert(!linelist_any(&l, PG + 0x1000, PG + 0x1fbf));
	ck_assert(linelist_any(&l, PG + 0x1fc0, PG + 0x1fc0));
	ck_assert(linelist_any(&l, PG + 0x2000, PG + 0x2000));
	ck_assert(!linelist_any(&l, PG + 0x2040, PG + 0x2fff));
	ck_assert_uint_eq(l.n, 3);
	linelist_free(&l);
	lineset_free(&s);
}
END_TEST

START_TEST(test_a_busy_page_counts_whole)
{
	struct lineset s = {0};
	for (int i = 0; i < LINESET_NOTES; i++)
		ck_assert(lineset_add(&s, PG + 8, 8));
	ck_assert(lineset_fine(&s, PG >> 12));
	struct linelist l = listed(&s);
	ck_assert(!linelist_any(&l, PG + 0x40, PG + 0xfff));
	linelist_free(&l);
	/* One more and the page is whole: its stores are no longer noted
	 * one by one, so any line of it may have been written. */
	ck_assert(!lineset_add(&s, PG + 8, 8));
	ck_assert(!lineset_fine(&s, PG >> 12));
	l = listed(&s);
	ck_assert(linelist_any(&l, PG + 0xff8, PG + 0xfff));
	ck_assert(!linelist_any(&l, PG + 0x1000, PG + 0x1fff));
	linelist_free(&l);
	/* Whole stays whole; a page noted whole at once is whole too. */
	ck_assert(!lineset_add(&s, PG + 8, 8));
	lineset_add_page(&s, (PG >> 12) + 5);
	ck_assert(!lineset_fine(&s, (PG >> 12) + 5));
	ck_assert(!lineset_fine(&s, (PG >> 12) + 6)); /* not in the set */
	l = listed(&s);
	ck_assert(linelist_any(&l, PG + 0x5800, PG + 0x5800));
	linelist_free(&l);
	lineset_free(&s);
}
END_TEST

START_TEST(test_merge_is_the_union)
{
	struct lineset a = {0}, b = {0};
	lineset_add(&a, PG + 0x40, 1);
	lineset_add(&a, PG + 0x3000, 1);
	lineset_add(&b, PG + 0x80, 1);
	lineset_add(&b, PG + 0x1000, 1);
	struct linelist la = listed(&a), lb = listed(&b);
	ck_assert_int_eq(linelist_merge(&la, &lb), 0);
	ck_assert_uint_eq(la.n, 3);
	ck_assert(linelist_any(&la, PG + 0x40, PG + 0x40));
	ck_assert(linelist_any(&la, PG + 0x80, PG + 0x80));
	ck_assert(!linelist_any(&la, PG + 0xc0, PG + 0xfff));
	ck_assert(linelist_any(&la, PG + 0x1000, PG + 0x1000));
	ck_assert(linelist_any(&la, PG + 0x3000, PG + 0x3000));
	ck_assert(!linelist_any(&la, PG + 0x2000, PG + 0x2fff));
	ck_assert_uint_eq(linelist_bytes(&la), 3 * sizeof(struct line_page));
	/* With a list that holds everything, everything. */
	lineset_add_all(&b);
	linelist_free(&lb);
	lb = listed(&b);
	ck_assert_int_eq(linelist_merge(&la, &lb), 0);
	ck_assert(la.all);
	ck_assert(linelist_any(&la, PG + 0x2000, PG + 0x2000));
	linelist_free(&la);
	linelist_free(&lb);
	lineset_free(&a);
	lineset_free(&b);
}
END_TEST

START_TEST(test_overflow_holds_everything_and_clear_empties)
{
	struct lineset s = {0};
	for (uint64_t p = 0; p <= LINESET_MAX; p++)
		lineset_add(&s, p << 12, 1);
	ck_assert(s.all);
	ck_assert(!lineset_add(&s, 0, 1));
	struct linelist l = listed(&s);
	ck_assert(linelist_any(&l, 1ull << 50, 1ull << 50));
	linelist_free(&l);
	lineset_clear(&s);
	ck_assert(!s.all);
	l = listed(&s);
	ck_assert_uint_eq(l.n, 0);
	ck_assert(!linelist_any(&l, 0, UINT64_MAX));
	linelist_free(&l);
	/* The top of the address space: no wrap to page 0. */
	lineset_add(&s, UINT64_MAX - 7, 8);
	l = listed(&s);
	ck_assert(linelist_any(&l, UINT64_MAX, UINT64_MAX));
	ck_assert(!linelist_any(&l, 0, 0xfff));
	linelist_free(&l);
	lineset_free(&s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lineset");
	TCase *tc = tcase_create("lineset");
	tcase_add_test(tc, test_a_write_marks_its_lines_only);
	tcase_add_test(tc, test_writes_across_lines_and_pages);
	tcase_add_test(tc, test_a_busy_page_counts_whole);
	tcase_add_test(tc, test_merge_is_the_union);
	tcase_add_test(tc, test_overflow_holds_everything_and_clear_empties);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
