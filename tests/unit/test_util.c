/* The shared helpers in core/util/: little-endian fields against bytes
 * written out by hand, transfers that come in pieces (a pipe hands a
 * large read over in pipe-buffer pieces, a packet socket one message per
 * read, a non-blocking pipe refuses writes until the reader catches up),
 * whole-file reads, and arrays growing past their capacity. */
#include "util/crc32.h"
#include "util/file_io.h"
#include "util/le.h"
#include "util/vec.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- little-endian fields ---- */

static const uint8_t bytes8[8] = {0x01, 0x23, 0x45, 0x67,
				  0x89, 0xab, 0xcd, 0xef};

START_TEST(test_le_get_reads_least_significant_first)
{
	ck_assert_uint_eq(le_get16(bytes8), 0x2301);
	ck_assert_uint_eq(le_get32(bytes8), 0x67452301u);
	ck_assert_uint_eq(le_get64(bytes8), 0xefcdab8967452301ull);
	ck_assert_uint_eq(le_get(bytes8, 3), 0x452301);
	ck_assert_uint_eq(le_get(bytes8, 8), 0xefcdab8967452301ull);
	ck_assert_uint_eq(le_get(bytes8, 0), 0);
	/* The top bit survives: no sign extension on the way up. */
	static const uint8_t top[8] = {0xff, 0xff, 0xff, 0xff,
				       0xff, 0xff, 0xff, 0x80};
	ck_assert_uint_eq(le_get16(top + 6), 0x80ff);
	ck_assert_uint_eq(le_get32(top + 4), 0x80ffffffu);
	ck_assert_uint_eq(le_get64(top), 0x80ffffffffffffffull);
}
END_TEST

START_TEST(test_le_put_writes_the_same_bytes)
{
	uint8_t b[10];
	memset(b, 0xee, sizeof b);
	le_put16(b + 1, 0x2301);
	static const uint8_t want16[4] = {0xee, 0x01, 0x23, 0xee};
	ck_assert_mem_eq(b, want16, sizeof want16);

	memset(b, 0xee, sizeof b);
	le_put32(b + 1, 0x67452301u);
	static const uint8_t want32[6] = {0xee, 0x01, 0x23, 0x45, 0x67, 0xee};
	ck_assert_mem_eq(b, want32, sizeof want32);

	memset(b, 0xee, sizeof b);
	le_put64(b + 1, 0xefcdab8967452301ull);
	ck_assert_uint_eq(b[0], 0xee);
	ck_assert_mem_eq(b + 1, bytes8, 8);
	ck_assert_uint_eq(b[9], 0xee);

	memset(b, 0xee, sizeof b);
	le_put(b, 0xefcdab8967452301ull, 3);
	static const uint8_t want3[4] = {0x01, 0x23, 0x45, 0xee};
	ck_assert_mem_eq(b, want3, sizeof want3);
}
END_TEST

START_TEST(test_le_round_trips)
{
	static const uint64_t v[] = {0,
				     1,
				     0x80,
				     0xff,
				     0x8000,
				     0xffff,
				     0x80000000u,
				     0xffffffffu,
				     0x8000000000000000ull,
				     UINT64_MAX,
				     0x0123456789abcdefull};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		uint8_t b[8];
		le_put16(b, (uint16_t)v[i]);
		ck_assert_uint_eq(le_get16(b), (uint16_t)v[i]);
		le_put32(b, (uint32_t)v[i]);
		ck_assert_uint_eq(le_get32(b), (uint32_t)v[i]);
		le_put64(b, v[i]);
		ck_assert_uint_eq(le_get64(b), v[i]);
		for (unsigned n = 1; n <= 8; n++) {
			le_put(b, v[i], n);
			uint64_t mask =
				n == 8 ? UINT64_MAX : (1ull << (8 * n)) - 1;
			ck_assert_uint_eq(le_get(b, n), v[i] & mask);
		}
	}
}
END_TEST

START_TEST(test_crc32_check_value)
{
	/* The standard check value, in one piece and in two. */
	ck_assert_uint_eq(crc32_update(0, "123456789", 9), 0xcbf43926u);
	uint32_t part = crc32_update(0, "12345", 5);
	ck_assert_uint_eq(crc32_update(part, "6789", 4), 0xcbf43926u);
	ck_assert_uint_eq(crc32_update(0, "", 0), 0);
}
END_TEST

/* ---- file I/O ---- */

#define BIG (1u << 20) /* many times a pipe's buffer */

static uint8_t pattern(size_t i)
{
	return (uint8_t)(i * 7 + (i >> 9));
}

/* The first byte that is not the pattern's, or n. (One assertion per
 * byte would be slow under the test runner.) */
static size_t pattern_mismatch(const uint8_t *b, size_t n)
{
	size_t i = 0;
	while (i < n && b[i] == pattern(i))
		i++;
	return i;
}

/* A child that writes BIG bytes of the pattern to fd, then exits. */
static pid_t spawn_writer(int fd, int other)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(other);
		uint8_t *b = malloc(BIG);
		for (size_t i = 0; i < BIG; i++)
			b[i] = pattern(i);
		_exit(file_write_all(fd, b, BIG) == 0 ? 0 : 1);
	}
	close(fd);
	return pid;
}

static void reap(pid_t pid)
{
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}

START_TEST(test_read_full_gathers_pipe_pieces)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	pid_t pid = spawn_writer(p[1], p[0]);
	uint8_t *b = malloc(BIG + 1);
	/* One read of a pipe returns at most its buffer: the helper must
	 * go on until it has them all, then see the end. */
	ck_assert_int_eq(file_read_full(p[0], b, BIG), BIG);
	ck_assert_uint_eq(pattern_mismatch(b, BIG), BIG);
	ck_assert_int_eq(file_read_full(p[0], b, 1), 0);
	reap(pid);
	close(p[0]);
	free(b);
}
END_TEST

START_TEST(test_read_full_stops_short_at_the_end)
{
	int sv[2];
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	/* Each read returns one message: three reads for three. */
	ck_assert_int_eq(write(sv[1], "abc", 3), 3);
	ck_assert_int_eq(write(sv[1], "defg", 4), 4);
	ck_assert_int_eq(write(sv[1], "h", 1), 1);
	ck_assert_int_eq(shutdown(sv[1], SHUT_WR), 0);
	char b[16] = "";
	ck_assert_int_eq(file_read_full(sv[0], b, 7), 7);
	ck_assert_mem_eq(b, "abcdefg", 7);
	/* Asked for more than there is: what there is. */
	ck_assert_int_eq(file_read_full(sv[0], b, sizeof b), 1);
	ck_assert_uint_eq(b[0], 'h');
	close(sv[0]);
	close(sv[1]);
}
END_TEST

START_TEST(test_write_all_waits_on_a_nonblocking_pipe)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		/* The reader: checks what arrives. */
		close(p[1]);
		uint8_t *b = malloc(BIG);
		bool ok = file_read_full(p[0], b, BIG) == BIG &&
			  pattern_mismatch(b, BIG) == BIG &&
			  file_read_full(p[0], b, 1) == 0;
		_exit(ok ? 0 : 1);
	}
	close(p[0]);
	uint8_t *b = malloc(BIG);
	for (size_t i = 0; i < BIG; i++)
		b[i] = pattern(i);
	/* The pipe fills long before BIG: EAGAIN must mean wait, not fail. */
	ck_assert_int_eq(file_write_all(p[1], b, BIG), 0);
	close(p[1]);
	reap(pid);
	free(b);
}
END_TEST

START_TEST(test_send_all_to_a_closed_peer_fails_cleanly)
{
	int sv[2];
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	close(sv[1]);
	/* No SIGPIPE (which would kill the test): an error instead. */
	ck_assert_int_eq(file_send_all(sv[0], "x", 1), -EPIPE);
	close(sv[0]);
	/* Not a socket: written like a file. */
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(file_send_all(p[1], "hi", 2), 0);
	char b[2];
	ck_assert_int_eq(read(p[0], b, 2), 2);
	ck_assert_mem_eq(b, "hi", 2);
	close(p[0]);
	close(p[1]);
}
END_TEST

static int temp_file(char *path, size_t len)
{
	snprintf(path, len, "%s/rewind-util-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	return fd;
}

START_TEST(test_pread_pwrite_exact_or_eio)
{
	char path[256];
	int fd = temp_file(path, sizeof path);
	ck_assert_int_eq(file_pwrite_all(fd, "0123456789", 10, 0), 0);
	ck_assert_int_eq(file_pwrite_all(fd, "AB", 2, 4), 0);
	char b[16] = "";
	ck_assert_int_eq(file_pread_all(fd, b, 10, 0), 0);
	ck_assert_mem_eq(b, "0123AB6789", 10);
	ck_assert_int_eq(file_pread_all(fd, b, 3, 7), 0);
	ck_assert_mem_eq(b, "789", 3);
	/* Past the end: a short transfer is an error, not a hole. */
	ck_assert_int_eq(file_pread_all(fd, b, 4, 8), -EIO);
	/* A descriptor that cannot do it says why. */
	ck_assert_int_eq(file_pread_all(-1, b, 1, 0), -EBADF);
	ck_assert_int_eq(file_write_all(-1, b, 1), -EBADF);
	close(fd);
	unlink(path);
}
END_TEST

START_TEST(test_read_all_whole_files)
{
	char path[256], err[512];
	int fd = temp_file(path, sizeof path);
	uint8_t *b = malloc(BIG);
	for (size_t i = 0; i < BIG; i++)
		b[i] = pattern(i);
	ck_assert_int_eq(file_write_all(fd, b, BIG), 0);
	uint8_t *got;
	size_t len;
	ck_assert_int_eq(file_read_all(path, &got, &len, err, sizeof err), 0);
	ck_assert_uint_eq(len, BIG);
	ck_assert_mem_eq(got, b, BIG);
	free(got);
	/* Empty: a buffer all the same, of no bytes. */
	ck_assert_int_eq(ftruncate(fd, 0), 0);
	ck_assert_int_eq(file_read_all(path, &got, &len, err, sizeof err), 0);
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_nonnull(got);
	free(got);
	close(fd);
	unlink(path);
	/* Missing, or a directory: a message naming the path. */
	ck_assert_int_eq(file_read_all(path, &got, &len, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_int_eq(file_read_all("/", &got, &len, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "/: "));
	free(b);
}
END_TEST

START_TEST(test_read_fd_grows_for_a_pipe)
{
	/* A pipe has no size to go by: the buffer grows as bytes come. */
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	pid_t pid = spawn_writer(p[1], p[0]);
	uint8_t *got;
	size_t len;
	ck_assert_int_eq(file_read_fd(p[0], &got, &len), 0);
	reap(pid);
	ck_assert_uint_eq(len, BIG);
	ck_assert_uint_eq(pattern_mismatch(got, BIG), BIG);
	free(got);
	close(p[0]);
}
END_TEST

/* ---- growable arrays ---- */

START_TEST(test_vec_grows_past_capacity_keeping_contents)
{
	uint32_t *a = NULL;
	size_t cap = 0, grew = 0;
	for (uint32_t i = 0; i < 100000; i++) {
		size_t before = cap;
		uint32_t *n = vec_grow(a, &cap, i + 1, sizeof(*a));
		if (!n || cap < i + 1)
			ck_abort_msg("growing to %u elements failed", i + 1);
		a = n;
		a[i] = i * 3;
		grew += cap != before;
	}
	uint32_t bad = 0;
	while (bad < 100000 && a[bad] == bad * 3)
		bad++;
	ck_assert_uint_eq(bad, 100000);
	/* Doubling: a handful of moves, not one per element. */
	ck_assert_uint_le(grew, 20);
	/* Room enough already: the same array back, untouched. */
	size_t had = cap;
	ck_assert_ptr_eq(vec_grow(a, &cap, 5, sizeof(*a)), a);
	ck_assert_uint_eq(cap, had);
	free(a);
}
END_TEST

START_TEST(test_vec_limits)
{
	uint8_t *a = NULL;
	size_t cap = 0;
	a = vec_grow_max(a, &cap, 10, 1, 100);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_le(cap, 100);
	/* Up to the limit exactly, never past it. */
	uint8_t *b = vec_grow_max(a, &cap, 100, 1, 100);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(cap, 100);
	a = b;
	/* Past it: NULL, and the array and capacity as they were. */
	ck_assert_ptr_null(vec_grow_max(a, &cap, 101, 1, 100));
	ck_assert_uint_eq(cap, 100);
	a[99] = 7; /* still ours */
	/* A size that would overflow is refused, not wrapped. */
	ck_assert_ptr_null(vec_grow(a, &cap, SIZE_MAX / 8 + 2, 8));
	ck_assert_uint_eq(cap, 100);
	free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");
	tcase_add_test(tc, test_le_get_reads_least_significant_first);
	tcase_add_test(tc, test_le_put_writes_the_same_bytes);
	tcase_add_test(tc, test_le_round_trips);
	tcase_add_test(tc, test_crc32_check_value);
	tcase_add_test(tc, test_read_full_gathers_pipe_pieces);
	tcase_add_test(tc, test_read_full_stops_short_at_the_end);
	tcase_add_test(tc, test_write_all_waits_on_a_nonblocking_pipe);
	tcase_add_test(tc, test_send_all_to_a_closed_peer_fails_cleanly);
	tcase_add_test(tc, test_pread_pwrite_exact_or_eio);
	tcase_add_test(tc, test_read_all_whole_files);
	tcase_add_test(tc, test_read_fd_grows_for_a_pipe);
	tcase_add_test(tc, test_vec_grows_past_capacity_keeping_contents);
	tcase_add_test(tc, test_vec_limits);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
