/* SHA-256: the FIPS 180-4 example vectors, lengths around the padding
 * boundary, incremental feeding in every split, and files checked against
 * the system's sha256sum. */
#include "util/sha256.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void hex_of(const void *msg, size_t len, char out[65])
{
	uint8_t d[SHA256_BYTES];
	sha256_buf(msg, len, d);
	sha256_hex(d, out);
}

static void check_vector(const char *msg, const char *want)
{
	char got[65];
	hex_of(msg, strlen(msg), got);
	ck_assert_str_eq(got, want);
}

START_TEST(test_empty)
{
	check_vector("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495"
			 "991b7852b855");
}
END_TEST

START_TEST(test_abc)
{
	check_vector("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb4"
			    "10ff61f20015ad");
}
END_TEST

START_TEST(test_448_bits)
{
	check_vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd4"
		     "19db06c1");
}
END_TEST

START_TEST(test_896_bits)
{
	check_vector("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		     "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac4503"
		     "7afee9d1");
}
END_TEST

START_TEST(test_million_a)
{
	/* Fed in uneven pieces to exercise the block buffer. */
	static char a[1000];
	memset(a, 'a', sizeof a);
	struct sha256_ctx c;
	sha256_init(&c);
	size_t left = 1000000, step = 1;
	while (left) {
		size_t n = step < left ? step : left;
		sha256_update(&c, a, n);
		left -= n;
		step = step % 987 + 13; /* at most 999 */
	}
	uint8_t d[SHA256_BYTES];
	char hex[65];
	sha256_final(&c, d);
	sha256_hex(d, hex);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e"
			      "046d39ccc7112cd0");
}
END_TEST

/* 55 bytes leave room for the length in the last block, 56 do not. */
START_TEST(test_padding_boundaries)
{
	static const struct {
		size_t len;
		const char *hex;
	} v[] = {
		{55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e9"
		     "10f734318"},
		{56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef79706"
		     "86ec6738a"},
		{63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da4"
		     "57ddc2f34"},
		{64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337d"
		     "f154668eb"},
	};
	char a[64], hex[65];
	memset(a, 'a', sizeof a);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		hex_of(a, v[i].len, hex);
		ck_assert_str_eq(hex, v[i].hex);
	}
}
END_TEST

START_TEST(test_every_split_matches_one_shot)
{
	uint8_t msg[200];
	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (uint8_t)(i * 37 + 11);
	for (size_t len = 0; len <= sizeof msg; len += 7) {
		uint8_t want[SHA256_BYTES], got[SHA256_BYTES];
		sha256_buf(msg, len, want);
		for (size_t cut = 0; cut <= len; cut++) {
			struct sha256_ctx c;
			sha256_init(&c);
			sha256_update(&c, msg, cut);
			sha256_update(&c, msg + cut, 0);
			sha256_update(&c, msg + cut, len - cut);
			sha256_final(&c, got);
			ck_assert_mem_eq(got, want, SHA256_BYTES);
		}
	}
}
END_TEST

static void temp_path(char *buf, size_t len)
{
	snprintf(buf, len, "/tmp/rewind-sha256-%d", (int)getpid());
}

START_TEST(test_file_matches_sha256sum)
{
	char path[64];
	temp_path(path, sizeof path);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	/* Over three read buffers, with a ragged tail. */
	uint32_t x = 12345;
	for (int i = 0; i < 200003; i++) {
		x = x * 1103515245u + 12345u;
		fputc((int)(x >> 16) & 0xff, f);
	}
	ck_assert_int_eq(fclose(f), 0);

	uint8_t d[SHA256_BYTES];
	char err[256], hex[65], cmd[128], want[65] = "";
	ck_assert_int_eq(sha256_file(path, d, err, sizeof err), 0);
	sha256_hex(d, hex);
	snprintf(cmd, sizeof cmd, "sha256sum %s", path);
	FILE *p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%64s", want), 1);
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_str_eq(hex, want);
	unlink(path);
}
END_TEST

START_TEST(test_empty_file)
{
	char path[64], err[256], hex[65];
	uint8_t d[SHA256_BYTES];
	temp_path(path, sizeof path);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert_int_eq(sha256_file(path, d, err, sizeof err), 0);
	sha256_hex(d, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"
			      "a495991b7852b855");
	unlink(path);
}
END_TEST

START_TEST(test_missing_file_is_an_error)
{
	char err[256] = "";
	uint8_t d[SHA256_BYTES];
	ck_assert_int_eq(sha256_file("/nonexistent/rewind", d, err, sizeof err),
			 -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/rewind"));
	ck_assert_int_eq(sha256_file("/tmp", d, err, sizeof err), -EISDIR);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("sha256");
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_abc);
	tcase_add_test(tc, test_448_bits);
	tcase_add_test(tc, test_896_bits);
	tcase_add_test(tc, test_million_a);
	tcase_add_test(tc, test_padding_boundaries);
	tcase_add_test(tc, test_every_split_matches_one_shot);
	tcase_add_test(tc, test_file_matches_sha256sum);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_missing_file_is_an_error);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
