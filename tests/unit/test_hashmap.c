/* The content-hash map behind snapshot files: finds what was added, keeps
 * the first value of a key added twice, grows without losing keys, and
 * copes with keys that share their leading bytes (a crafted file's). */
#include "../snapshots/hashmap.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static void key_of(uint32_t i, uint8_t k[HASH_BYTES])
{
	memset(k, 0xab, HASH_BYTES);
	memcpy(k + HASH_BYTES - 4, &i, 4); /* same first bytes for all */
}

START_TEST(test_empty_finds_nothing)
{
	struct hashmap h = {0};
	uint8_t k[HASH_BYTES];
	key_of(1, k);
	ck_assert_ptr_null(hashmap_find(&h, k));
	hashmap_free(&h);
}
END_TEST

START_TEST(test_add_find_grow)
{
	struct hashmap h = {0};
	uint8_t k[HASH_BYTES];
	for (uint32_t i = 0; i < 5000; i++) {
		key_of(i, k);
		ck_assert_int_eq(hashmap_add(&h, k, i * 3), 1);
	}
	ck_assert_uint_eq(h.count, 5000);
	ck_assert_uint_ge(h.cap, 10000);
	for (uint32_t i = 0; i < 5000; i++) {
		key_of(i, k);
		struct hashmap_slot *s = hashmap_find(&h, k);
		ck_assert_ptr_nonnull(s);
		ck_assert_uint_eq(s->value, i * 3);
	}
	key_of(5000, k);
	ck_assert_ptr_null(hashmap_find(&h, k));
	hashmap_free(&h);
	ck_assert_uint_eq(h.cap, 0);
}
END_TEST

START_TEST(test_second_add_keeps_the_first_value)
{
	struct hashmap h = {0};
	uint8_t k[HASH_BYTES];
	key_of(7, k);
	ck_assert_int_eq(hashmap_add(&h, k, 1), 1);
	ck_assert_int_eq(hashmap_add(&h, k, 2), 0);
	ck_assert_uint_eq(hashmap_find(&h, k)->value, 1);
	ck_assert_uint_eq(h.count, 1);
	hashmap_find(&h, k)->value = 9; /* values may change in place */
	ck_assert_uint_eq(hashmap_find(&h, k)->value, 9);
	hashmap_free(&h);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hashmap");
	TCase *tc = tcase_create("hashmap");
	tcase_add_test(tc, test_empty_finds_nothing);
	tcase_add_test(tc, test_add_find_grow);
	tcase_add_test(tc, test_second_add_keeps_the_first_value);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
