/* The disk image backend: opening, the three modes, and the copy-on-write
 * overlay a snapshot enumerates. */
#include "dev/disk.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint8_t pattern(uint64_t off)
{
	return (uint8_t)(off * 11 + off / 4096 + 5);
}

/* A temporary file of `len` patterned bytes; its name goes to path. */
static void file_create(char *path, size_t pathlen, uint64_t len)
{
	snprintf(path, pathlen, "/tmp/rewind-disk-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	uint8_t buf[4096];
	for (uint64_t at = 0; at < len; at += sizeof(buf)) {
		size_t n = len - at < sizeof(buf) ? len - at : sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(at + i);
		ck_assert_int_eq(write(fd, buf, n), (ssize_t)n);
	}
	close(fd);
}

static void file_check_pattern(const char *path, uint64_t len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	uint8_t buf[4096];
	uint64_t at = 0, bad = UINT64_MAX;
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		for (size_t i = 0; i < n && bad == UINT64_MAX; i++)
			if (buf[i] != pattern(at + i))
				bad = at + i;
		at += n;
	}
	fclose(f);
	ck_assert_uint_eq(at, len);
	ck_assert_uint_eq(bad, UINT64_MAX);
}

static struct disk *open_ok(const char *path, enum disk_mode mode)
{
	char err[256];
	struct disk_config dc = {.path = path, .mode = mode};
	struct disk *d = disk_open(&dc, err, sizeof(err));
	ck_assert_msg(d != NULL, "%s", err);
	return d;
}

START_TEST(test_open_errors_name_the_file)
{
	char err[256], path[64];
	struct disk_config dc = {.path = "/nonexistent/x.img"};
	ck_assert_ptr_null(disk_open(&dc, err, sizeof(err)));
	ck_assert_str_eq(err, "/nonexistent/x.img: No such file or directory");
	dc.path = "/tmp";
	ck_assert_ptr_null(disk_open(&dc, err, sizeof(err)));
	ck_assert_str_eq(err, "/tmp: Is a directory");
	file_create(path, sizeof(path), 1000);
	dc.path = path;
	ck_assert_ptr_null(disk_open(&dc, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, "not a multiple of 512"));
	/* Unreadable (root reads anything, so only check as a user). */
	if (geteuid() != 0) {
		unlink(path);
		file_create(path, sizeof(path), 512);
		ck_assert_int_eq(chmod(path, 0), 0);
		ck_assert_ptr_null(disk_open(&dc, err, sizeof(err)));
		ck_assert_ptr_nonnull(strstr(err, "Permission denied"));
	}
	unlink(path);
}
END_TEST

START_TEST(test_overlay_copy_on_write)
{
	char path[64];
	/* Nine sectors: two chunks, the second only one sector long. */
	const uint64_t size = 9 * 512;
	file_create(path, sizeof(path), size);
	struct disk *d = open_ok(path, DISK_OVERLAY);
	ck_assert_uint_eq(disk_size(d), size);
	uint8_t buf[5000];
	memset(buf, 0xab, 100);
	/* A write straddling both chunks. */
	ck_assert_int_eq(disk_write(d, 4096 - 50, buf, 100), 0);
	ck_assert_uint_eq(disk_overlay_count(d), 2);
	ck_assert_int_eq(disk_read(d, 0, buf, size), 0);
	for (uint64_t i = 0; i < size; i++) {
		uint8_t want = i >= 4046 && i < 4146 ? 0xab : pattern(i);
		ck_assert_uint_eq(buf[i], want);
	}
	/* Outside the disk. */
	ck_assert_int_eq(disk_read(d, size - 1, buf, 2), -EINVAL);
	ck_assert_int_eq(disk_write(d, size, buf, 1), -EINVAL);
	ck_assert_int_eq(disk_read(d, UINT64_MAX, buf, 2), -EINVAL);
	ck_assert_int_eq(disk_flush(d), 0);
	disk_close(d);
	file_check_pattern(path, size);
	unlink(path);
}
END_TEST

struct seen {
	int n;
	uint64_t chunk[8];
	uint8_t first[8];
};

static int seen_chunk(void *ctx, uint64_t chunk, const uint8_t *data)
{
	struct seen *s = ctx;
	s->chunk[s->n] = chunk;
	s->first[s->n] = data[0];
	s->n++;
	return 0;
}

static int stop_at_first(void *ctx, uint64_t chunk, const uint8_t *data)
{
	(void)ctx;
	(void)data;
	return (int)chunk + 100;
}

START_TEST(test_overlay_enumerates_in_chunk_order)
{
	char path[64];
	/* Past one leaf of the overlay table (512 chunks). */
	const uint64_t size = 600 * 4096ull;
	file_create(path, sizeof(path), size);
	struct disk *d = open_ok(path, DISK_OVERLAY);
	uint8_t b = 0x11;
	ck_assert_int_eq(disk_write(d, 599 * 4096ull, &b, 1), 0);
	b = 0x22;
	ck_assert_int_eq(disk_write(d, 3 * 4096 + 7, &b, 1), 0);
	b = 0x33;
	ck_assert_int_eq(disk_write(d, 0, &b, 1), 0);
	struct seen s = {0};
	ck_assert_int_eq(disk_overlay_foreach(d, seen_chunk, &s), 0);
	ck_assert_int_eq(s.n, 3);
	ck_assert_uint_eq(s.chunk[0], 0);
	ck_assert_uint_eq(s.chunk[1], 3);
	ck_assert_uint_eq(s.chunk[2], 599);
	ck_assert_uint_eq(s.first[0], 0x33);
	ck_assert_uint_eq(s.first[1], pattern(3 * 4096));
	ck_assert_uint_eq(s.first[2], 0x11);
	ck_assert_int_eq(disk_overlay_foreach(d, stop_at_first, NULL), 100);
	/* Refill from a saved chunk, then forget everything. */
	uint8_t chunk[DISK_CHUNK_SIZE];
	memset(chunk, 0x5a, sizeof(chunk));
	ck_assert_int_eq(disk_overlay_put(d, 3, chunk), 0);
	ck_assert_int_eq(disk_overlay_put(d, 600, chunk), -EINVAL);
	ck_assert_uint_eq(disk_overlay_count(d), 3);
	ck_assert_int_eq(disk_read(d, 3 * 4096 + 7, &b, 1), 0);
	ck_assert_uint_eq(b, 0x5a);
	disk_overlay_clear(d);
	ck_assert_uint_eq(disk_overlay_count(d), 0);
	ck_assert_int_eq(disk_read(d, 3 * 4096 + 7, &b, 1), 0);
	ck_assert_uint_eq(b, pattern(3 * 4096 + 7));
	disk_close(d);
	file_check_pattern(path, size);
	unlink(path);
}
END_TEST

START_TEST(test_readonly_and_persist)
{
	char path[64];
	const uint64_t size = 4 * 512;
	file_create(path, sizeof(path), size);
	uint8_t b = 0x77;
	struct disk *d = open_ok(path, DISK_READONLY);
	ck_assert_int_eq(disk_write(d, 0, &b, 1), -EROFS);
	ck_assert_uint_eq(disk_overlay_count(d), 0);
	uint8_t chunk[DISK_CHUNK_SIZE] = {0};
	ck_assert_int_eq(disk_overlay_put(d, 0, chunk), -EINVAL);
	disk_close(d);
	file_check_pattern(path, size);
	d = open_ok(path, DISK_PERSIST);
	ck_assert_int_eq(disk_write(d, 700, &b, 1), 0);
	ck_assert_int_eq(disk_flush(d), 0);
	ck_assert_uint_eq(disk_overlay_count(d), 0);
	disk_close(d);
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	for (uint64_t i = 0; i < size; i++)
		ck_assert_int_eq(fgetc(f), i == 700 ? 0x77 : pattern(i));
	fclose(f);
	unlink(path);
}
END_TEST

START_TEST(test_empty_image)
{
	char path[64];
	file_create(path, sizeof(path), 0);
	struct disk *d = open_ok(path, DISK_OVERLAY);
	uint8_t b = 0;
	ck_assert_uint_eq(disk_size(d), 0);
	ck_assert_int_eq(disk_read(d, 0, &b, 1), -EINVAL);
	ck_assert_int_eq(disk_write(d, 0, &b, 1), -EINVAL);
	disk_close(d);
	unlink(path);
}
END_TEST

START_TEST(test_large_sparse_image)
{
	char path[64];
	snprintf(path, sizeof(path), "/tmp/rewind-disk-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	/* 6 GiB, sparse: offsets past 32 bits on both sides. */
	const uint64_t size = 6ull << 30, at = (5ull << 30) + 4096 + 17;
	ck_assert_int_eq(ftruncate(fd, (off_t)size), 0);
	close(fd);
	struct disk *d = open_ok(path, DISK_OVERLAY);
	ck_assert_uint_eq(disk_size(d), size);
	uint8_t b = 0x42, back[4] = {0};
	ck_assert_int_eq(disk_write(d, at, &b, 1), 0);
	ck_assert_int_eq(disk_read(d, at - 1, back, 3), 0);
	ck_assert_uint_eq(back[0], 0);
	ck_assert_uint_eq(back[1], 0x42);
	ck_assert_uint_eq(back[2], 0);
	struct seen s = {0};
	ck_assert_int_eq(disk_overlay_foreach(d, seen_chunk, &s), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert_uint_eq(s.chunk[0], at / DISK_CHUNK_SIZE);
	disk_close(d);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, (off_t)size);
	unlink(path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("disk");
	TCase *tc = tcase_create("disk");
	tcase_add_test(tc, test_open_errors_name_the_file);
	tcase_add_test(tc, test_overlay_copy_on_write);
	tcase_add_test(tc, test_overlay_enumerates_in_chunk_order);
	tcase_add_test(tc, test_readonly_and_persist);
	tcase_add_test(tc, test_empty_image);
	tcase_add_test(tc, test_large_sparse_image);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
