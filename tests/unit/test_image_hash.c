/* Image files: what kinds are refused (without blocking), hashing that
 * skips holes, and the cache of image hashes. */
#include "util/crc32.h"
#include "util/hash_cache.h"
#include "util/image_file.h"
#include "util/le.h"
#include "util/sha256.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The entry layout hash_cache.c writes: magic, 7-word key, hash, CRC. */
#define ENTRY_KEY_AT  8
#define ENTRY_HASH_AT 64
#define ENTRY_CRC_AT  96
#define ENTRY_SIZE    100

static char cache_dir[64];

/* A fresh REWIND_CACHE for each test. */
static void cache_setup(void)
{
	snprintf(cache_dir, sizeof cache_dir, "/tmp/rewind-hc-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(cache_dir));
	setenv("REWIND_CACHE", cache_dir, 1);
}

static void cache_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", cache_dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* A sparse file of size bytes with a few bytes of data at offsets that
 * straddle block and extent boundaries; its name goes to path. */
static void sparse_create(char *path, size_t pathlen, uint64_t size)
{
	snprintf(path, pathlen, "/tmp/rewind-img-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)size), 0);
	const uint64_t at[] = {0, 4095, 1 << 20, (40u << 20) + 33, size - 7};
	/* Only offsets inside the file: a write beyond it would grow it. */
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
		if (at[i] <= size - 7)
			ck_assert_int_eq(pwrite(fd, "rewind!", 7, (off_t)at[i]),
					 7);
	close(fd);
}

/* The hash of every byte, read one by one buffer: what the recording
 * header has always stored. */
static void hash_by_reading(const char *path, uint8_t out[SHA256_BYTES])
{
	static uint8_t buf[1 << 16];
	int fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	struct sha256_ctx c;
	sha256_init(&c);
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sha256_update(&c, buf, (size_t)n);
	ck_assert_int_eq(n, 0);
	close(fd);
	sha256_final(&c, out);
}

/* The cache entry's path, or "" when there is none. */
static void entry_path(char *out, size_t len)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s/hashes", cache_dir);
	out[0] = '\0';
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(out, len, "%s/%s", dir, e->d_name);
			n++;
		}
	closedir(d);
	ck_assert_int_le(n, 1);
}

static void entry_read(const char *path, uint8_t e[ENTRY_SIZE])
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(e, 1, ENTRY_SIZE, f), ENTRY_SIZE);
	fclose(f);
}

static void entry_write(const char *path, const uint8_t e[ENTRY_SIZE])
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(e, 1, ENTRY_SIZE, f), ENTRY_SIZE);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_refuses_what_is_not_an_image)
{
	struct image_file im;
	char err[256] = "";
	ck_assert_int_eq(image_open("/dev/zero", false, &im, err, sizeof err),
			 -ENODEV);
	ck_assert_ptr_nonnull(strstr(err, "/dev/zero: is a character device"));
	ck_assert_int_eq(image_open("/tmp", false, &im, err, sizeof err),
			 -EISDIR);
	ck_assert_ptr_nonnull(strstr(err, "/tmp: Is a directory"));

	/* No writer ever opens the FIFO: opening it must not wait for one. */
	char fifo[64];
	snprintf(fifo, sizeof fifo, "/tmp/rewind-fifo-%ld", (long)getpid());
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(image_open(fifo, false, &im, err, sizeof err),
			 -ENODEV);
	ck_assert_ptr_nonnull(strstr(err, "is a FIFO"));
	ck_assert_int_eq(image_open(fifo, true, &im, err, sizeof err), -ENODEV);
	uint8_t d[SHA256_BYTES];
	ck_assert_int_eq(sha256_file(fifo, d, err, sizeof err), -ENODEV);
	ck_assert_ptr_nonnull(strstr(err, fifo));
	unlink(fifo);
	ck_assert_int_eq(sha256_file("/dev/zero", d, err, sizeof err), -ENODEV);
}
END_TEST

START_TEST(test_sparse_hash_is_the_content_hash)
{
	char path[64];
	uint8_t want[SHA256_BYTES], got[SHA256_BYTES];
	char err[256];
	/* Below and above the size that gets cache entries and progress. */
	const uint64_t sizes[] = {3 << 20, (72u << 20) + 512};
	for (size_t i = 0; i < 2; i++) {
		sparse_create(path, sizeof path, sizes[i]);
		hash_by_reading(path, want);
		ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
		ck_assert_mem_eq(got, want, SHA256_BYTES);
		unlink(path);
	}
}
END_TEST

/* Set path's modification time to t (seconds). */
static void mtime_set(const char *path, time_t t)
{
	struct timespec ts[2] = {{.tv_sec = t}, {.tv_sec = t}};
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

START_TEST(test_cache_entries)
{
	char path[64], entry[256];
	uint8_t want[SHA256_BYTES], got[SHA256_BYTES];
	uint8_t e[ENTRY_SIZE], good[ENTRY_SIZE];
	char err[256];
	sparse_create(path, sizeof path, 80u << 20);
	hash_by_reading(path, want);

	/* A file written a moment ago gets no entry yet: it could change
	 * again without its times changing. "A moment ago" is made certain
	 * by dating it ahead: creating and hashing 80 MiB on a loaded machine
	 * can take longer than the settling time. */
	mtime_set(path, time(NULL) + 60);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	entry_path(entry, sizeof entry);
	ck_assert_str_eq(entry, "");
	/* Settled: dated back, and its ctime (now) left to age. */
	mtime_set(path, time(NULL) - 60);
	sleep(3);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);
	entry_path(entry, sizeof entry);
	ck_assert_str_ne(entry, "");
	entry_read(entry, good);
	ck_assert_mem_eq(good + ENTRY_HASH_AT, want, SHA256_BYTES);

	/* The entry is what answers: a forged hash with the right key and
	 * checksum comes back. */
	memcpy(e, good, ENTRY_SIZE);
	e[ENTRY_HASH_AT] ^= 1;
	le_put32(e + ENTRY_CRC_AT, crc32_update(0, e, ENTRY_CRC_AT));
	entry_write(entry, e);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, e + ENTRY_HASH_AT, SHA256_BYTES);

	/* Damaged on purpose (checksum wrong): ignored and rewritten. */
	e[ENTRY_HASH_AT + 5] ^= 0x40;
	entry_write(entry, e);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);
	entry_read(entry, e);
	ck_assert_mem_eq(e, good, ENTRY_SIZE);

	/* A valid entry for another key (another mtime): never trusted. */
	memcpy(e, good, ENTRY_SIZE);
	e[ENTRY_HASH_AT] ^= 1;
	e[ENTRY_KEY_AT + 8 * 4] ^= 1; /* mtime nanoseconds */
	le_put32(e + ENTRY_CRC_AT, crc32_update(0, e, ENTRY_CRC_AT));
	entry_write(entry, e);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);

	/* Truncated and empty entries are ignored too. */
	FILE *f = fopen(entry, "wb");
	ck_assert_ptr_nonnull(f);
	fwrite(good, 1, ENTRY_SIZE / 2, f);
	fclose(f);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);

	/* The image changes: its new content is hashed, whatever the old
	 * entry said. */
	sleep(3);
	int fd = open(path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, "X", 1, 12345), 1);
	close(fd);
	hash_by_reading(path, want);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);
	unlink(path);
}
END_TEST

START_TEST(test_small_files_get_no_entry)
{
	char path[64], entry[256];
	uint8_t d[SHA256_BYTES];
	char err[256];
	sparse_create(path, sizeof path, HASH_CACHE_MIN_BYTES / 2);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(!hash_cache_applies(&st));
	ck_assert_int_eq(sha256_file(path, d, err, sizeof err), 0);
	entry_path(entry, sizeof entry);
	ck_assert_str_eq(entry, "");
	unlink(path);
}
END_TEST

/* Hash a file of size bytes of data (not sparse) once it has settled,
 * and check that the cache now holds an entry with its hash. */
static void check_gets_an_entry(uint64_t size)
{
	char path[64], entry[256];
	uint8_t want[SHA256_BYTES], got[SHA256_BYTES];
	char err[256];
	snprintf(path, sizeof path, "/tmp/rewind-img-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	static uint8_t buf[1 << 16];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (uint8_t)(i * 7 + 1);
	for (uint64_t at = 0; at < size;) {
		size_t n = size - at < sizeof buf ? size - at : sizeof buf;
		ck_assert_int_eq(write(fd, buf, n), (ssize_t)n);
		at += n;
	}
	close(fd);
	hash_by_reading(path, want);
	sleep(3);
	ck_assert_int_eq(sha256_file(path, got, err, sizeof err), 0);
	ck_assert_mem_eq(got, want, SHA256_BYTES);
	entry_path(entry, sizeof entry);
	ck_assert_str_ne(entry, "");
	uint8_t e[ENTRY_SIZE];
	entry_read(entry, e);
	ck_assert_mem_eq(e + ENTRY_HASH_AT, want, SHA256_BYTES);
	unlink(entry);
	unlink(path);
}

/* A kernel-sized image (4 MiB of data) gets an entry once settled: a
 * short recorded boot does not hash its kernel and disk every time. */
START_TEST(test_kernel_sized_files_get_an_entry)
{
	check_gets_an_entry(4 << 20);
}
END_TEST

/* So do an initramfs (a few hundred KiB) and a firmware image (OpenSBI's
 * is 113 KiB): hashing them costs a short recorded boot more than
 * looking them up. */
START_TEST(test_firmware_and_initrd_sized_files_get_an_entry)
{
	check_gets_an_entry(560 << 10);
	check_gets_an_entry(113 << 10);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("image_hash");
	TCase *tc = tcase_create("image_hash");
	tcase_add_checked_fixture(tc, cache_setup, cache_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_refuses_what_is_not_an_image);
	tcase_add_test(tc, test_sparse_hash_is_the_content_hash);
	tcase_add_test(tc, test_cache_entries);
	tcase_add_test(tc, test_small_files_get_no_entry);
	tcase_add_test(tc, test_kernel_sized_files_get_an_entry);
	tcase_add_test(tc, test_firmware_and_initrd_sized_files_get_an_entry);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
