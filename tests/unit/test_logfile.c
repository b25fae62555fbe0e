/* The recording container: records come back exactly as written, across
 * chunks and at chunk boundaries; an existing file is never overwritten
 * without force; a file cut anywhere gives a prefix of the records and says
 * it was cut; any flipped bit is reported, never accepted; and lengths no
 * writer would produce are refused even when their checksums are right. */
#include "../core/util/crc32.h"
#include "../core/util/le.h"
#include "../replay/logfile.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <lz4.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/rewind-logfile-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *path_in_dir(const char *name)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* ---- records and files ---- */

/* Record i: a size that wanders over small and medium values (and
 * sometimes zero), and bytes that depend on both i and the position. */
static size_t record_size(unsigned i)
{
	return (i * 2654435761u >> 7) % (i % 7 == 0 ? 9000 : 300);
}

static void record_fill(unsigned i, uint8_t *buf, size_t len)
{
	for (size_t j = 0; j < len; j++)
		buf[j] = (uint8_t)(i * 31 + j * 7 + (j >> 8));
}

static void check_record(unsigned i, const void *rec, size_t len)
{
	static uint8_t want[LOG_RECORD_MAX];
	ck_assert_uint_eq(len, record_size(i));
	record_fill(i, want, len);
	ck_assert(len == 0 || memcmp(rec, want, len) == 0);
}

static struct log_writer *open_writer(const char *path, bool force)
{
	char err[256];
	static const char header[] = "machine: rv64gc, 1 hart";
	struct log_writer *w = log_writer_open(path, force, header,
					       sizeof header, err, sizeof err);
	ck_assert_msg(w != NULL, "%s", err);
	return w;
}

static void append_record(struct log_writer *w, unsigned i)
{
	static uint8_t buf[LOG_RECORD_MAX];
	size_t len = record_size(i);
	record_fill(i, buf, len);
	ck_assert_int_eq(log_writer_append(w, buf, len), 0);
}

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *p = malloc(n ? (size_t)n : 1);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

static void spit(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static struct log_reader *open_reader(const char *path)
{
	char err[256];
	struct log_reader *r = log_reader_open(path, err, sizeof err);
	ck_assert_msg(r != NULL, "%s", err);
	return r;
}

/* Read every record, checking record i against record_size/fill(first+i).
 * Returns the final log_reader_next result; *count gets the records. */
static int read_records(struct log_reader *r, unsigned first, unsigned *count)
{
	const void *rec;
	size_t len;
	int rc;
	unsigned n = 0;
	while ((rc = log_reader_next(r, &rec, &len)) == 1)
		check_record(first + n++, rec, len);
	*count = n;
	return rc;
}

/* ---- round trips ---- */

START_TEST(test_round_trip_across_many_chunks)
{
	make_dir();
	const char *path = path_in_dir("rec");
	struct log_writer *w = open_writer(path, false);
	const unsigned n = 6000;
	for (unsigned i = 0; i < n; i++) {
		append_record(w, i);
		if (i % 1000 == 999)
			ck_assert_int_eq(log_writer_flush(w), 0);
	}
	struct log_stats ws;
	log_writer_stats(w, &ws);
	ck_assert_int_eq(log_writer_close(w), 0);
	ck_assert_uint_eq(ws.records, n);
	ck_assert_uint_gt(ws.chunks, 10);

	size_t size;
	uint8_t *file = slurp(path, &size);
	struct log_reader *readers[2] = {
		open_reader(path),
		log_reader_open_mem(file, size, NULL, 0),
	};
	for (int k = 0; k < 2; k++) {
		struct log_reader *r = readers[k];
		size_t hlen;
		const char *h = log_reader_header(r, &hlen);
		ck_assert_uint_eq(hlen, sizeof "machine: rv64gc, 1 hart");
		ck_assert_str_eq(h, "machine: rv64gc, 1 hart");
		unsigned count;
		ck_assert_int_eq(read_records(r, 0, &count), 0);
		ck_assert_uint_eq(count, n);
		ck_assert(!log_reader_truncated(r));
		struct log_stats rs;
		log_reader_stats(r, &rs);
		ck_assert_uint_eq(rs.chunks, ws.chunks);
		ck_assert_uint_eq(rs.records, n);
		ck_assert_uint_eq(rs.raw_bytes, ws.raw_bytes);
		ck_assert_uint_eq(rs.stored_bytes, ws.stored_bytes);
		ck_assert_uint_eq(rs.chunk_offset, ws.chunk_offset);
		ck_assert_uint_eq(rs.offset, size);
		/* The end is final. */
		const void *rec;
		size_t len;
		ck_assert_int_eq(log_reader_next(r, &rec, &len), 0);
		log_reader_close(r);
	}
	free(file);
	remove_dir();
}
END_TEST

START_TEST(test_largest_records)
{
	make_dir();
	const char *path = path_in_dir("rec");
	uint8_t *big = malloc(LOG_RECORD_MAX + 1);
	ck_assert_ptr_nonnull(big);
	for (size_t j = 0; j <= LOG_RECORD_MAX; j++)
		big[j] = (uint8_t)(j * 13 + (j >> 12));
	struct log_writer *w = open_writer(path, false);
	ck_assert_int_eq(log_writer_append(w, big, LOG_RECORD_MAX + 1),
			 -EINVAL);
	ck_assert_ptr_nonnull(strstr(log_writer_error(w), "limit"));
	/* The refusal changed nothing: the writer carries on. */
	ck_assert_int_eq(log_writer_append(w, "x", 1), 0);
	ck_assert_int_eq(log_writer_append(w, big, LOG_RECORD_MAX), 0);
	ck_assert_int_eq(log_writer_append(w, big + 1, LOG_RECORD_MAX), 0);
	ck_assert_int_eq(log_writer_close(w), 0);

	struct log_reader *r = open_reader(path);
	const void *rec;
	size_t len;
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 1);
	ck_assert_uint_eq(len, 1);
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 1);
	ck_assert_uint_eq(len, LOG_RECORD_MAX);
	ck_assert(memcmp(rec, big, LOG_RECORD_MAX) == 0);
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 1);
	ck_assert(memcmp(rec, big + 1, LOG_RECORD_MAX) == 0);
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 0);
	ck_assert(!log_reader_truncated(r));
	log_reader_close(r);
	free(big);
	remove_dir();
}
END_TEST

START_TEST(test_empty_log)
{
	make_dir();
	const char *path = path_in_dir("rec");
	char err[256];
	struct log_writer *w =
		log_writer_open(path, false, NULL, 0, err, sizeof err);
	ck_assert_msg(w != NULL, "%s", err);
	ck_assert_int_eq(log_writer_flush(w), 0);
	ck_assert_int_eq(log_writer_close(w), 0);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, LOG_PRELUDE_SIZE + LOG_CHUNK_HEADER_SIZE);

	struct log_reader *r = open_reader(path);
	size_t hlen;
	log_reader_header(r, &hlen);
	ck_assert_uint_eq(hlen, 0);
	const void *rec;
	size_t len;
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 0);
	ck_assert(!log_reader_truncated(r));
	struct log_stats rs;
	log_reader_stats(r, &rs);
	ck_assert_uint_eq(rs.chunks, 0);
	ck_assert_uint_eq(rs.records, 0);
	log_reader_close(r);
	remove_dir();
}
END_TEST

START_TEST(test_empty_records)
{
	make_dir();
	const char *path = path_in_dir("rec");
	struct log_writer *w = open_writer(path, false);
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(log_writer_append(w, NULL, 0), 0);
	ck_assert_int_eq(log_writer_close(w), 0);
	struct log_reader *r = open_reader(path);
	const void *rec;
	size_t len;
	for (int i = 0; i < 100; i++) {
		ck_assert_int_eq(log_reader_next(r, &rec, &len), 1);
		ck_assert_uint_eq(len, 0);
	}
	ck_assert_int_eq(log_reader_next(r, &rec, &len), 0);
	log_reader_close(r);
	remove_dir();
}
END_TEST

/* Sixteen records of 4092 bytes, each with its 4-byte prefix, fill a chunk
 * exactly: the sixteenth append writes it, the fifteenth does not. */
START_TEST(test_records_exactly_at_chunk_boundaries)
{
	make_dir();
	const char *path = path_in_dir("rec");
	const size_t len = LOG_CHUNK_BYTES / 16 - 4;
	uint8_t *buf = malloc(LOG_CHUNK_BYTES);
	ck_assert_ptr_nonnull(buf);
	struct log_writer *w = open_writer(path, false);
	struct log_stats ws;
	for (unsigned c = 0; c < 3; c++) {
		for (unsigned i = 0; i < 16; i++) {
			log_writer_stats(w, &ws);
			ck_assert_uint_eq(ws.chunks, c);
			memset(buf, (int)(c * 16 + i), len);
			ck_assert_int_eq(log_writer_append(w, buf, len), 0);
		}
		log_writer_stats(w, &ws);
		ck_assert_uint_eq(ws.chunks, c + 1);
		ck_assert_uint_eq(ws.raw_bytes, (c + 1) * LOG_CHUNK_BYTES);
	}
	/* Nothing buffered: flushing writes no empty chunk. */
	ck_assert_int_eq(log_writer_flush(w), 0);
	log_writer_stats(w, &ws);
	ck_assert_uint_eq(ws.chunks, 3);
	/* One record that fills a chunk by itself. */
	memset(buf, 0xab, LOG_CHUNK_BYTES - 4);
	ck_assert_int_eq(log_writer_append(w, buf, LOG_CHUNK_BYTES - 4), 0);
	log_writer_stats(w, &ws);
	ck_assert_uint_eq(ws.chunks, 4);
	/* One byte short of a chunk stays buffered until close. */
	ck_assert_int_eq(log_writer_append(w, buf, LOG_CHUNK_BYTES - 5), 0);
	log_writer_stats(w, &ws);
	ck_assert_uint_eq(ws.chunks, 4);
	ck_assert_int_eq(log_writer_close(w), 0);

	struct log_reader *r = open_reader(path);
	const void *rec;
	size_t got;
	for (unsigned i = 0; i < 48; i++) {
		ck_assert_int_eq(log_reader_next(r, &rec, &got), 1);
		ck_assert_uint_eq(got, len);
		memset(buf, (int)i, len);
		ck_assert(memcmp(rec, buf, len) == 0);
	}
	memset(buf, 0xab, LOG_CHUNK_BYTES);
	ck_assert_int_eq(log_reader_next(r, &rec, &got), 1);
	ck_assert_uint_eq(got, LOG_CHUNK_BYTES - 4);
	ck_assert(memcmp(rec, buf, got) == 0);
	ck_assert_int_eq(log_reader_next(r, &rec, &got), 1);
	ck_assert_uint_eq(got, LOG_CHUNK_BYTES - 5);
	ck_assert(memcmp(rec, buf, got) == 0);
	ck_assert_int_eq(log_reader_next(r, &rec, &got), 0);
	struct log_stats rs;
	log_reader_stats(r, &rs);
	ck_assert_uint_eq(rs.chunks, 5);
	log_reader_close(r);
	free(buf);
	remove_dir();
}
END_TEST

/* ---- creating files ---- */

START_TEST(test_refuses_to_overwrite_without_force)
{
	make_dir();
	const char *path = path_in_dir("precious");
	spit(path, "precious data", 13);
	char err[256] = "";
	struct log_writer *w =
		log_writer_open(path, false, "h", 1, err, sizeof err);
	ck_assert_ptr_null(w);
	ck_assert_ptr_nonnull(strstr(err, "already exists"));
	ck_assert_ptr_nonnull(strstr(err, path));
	size_t len;
	uint8_t *kept = slurp(path, &len);
	ck_assert_uint_eq(len, 13);
	ck_assert(memcmp(kept, "precious data", 13) == 0);
	free(kept);

	/* With force the old contents go, even when longer than the new. */
	uint8_t junk[100000];
	memset(junk, 0x5a, sizeof junk);
	spit(path, junk, sizeof junk);
	w = open_writer(path, true);
	append_record(w, 1);
	ck_assert_int_eq(log_writer_close(w), 0);
	struct log_reader *r = open_reader(path);
	unsigned count;
	ck_assert_int_eq(read_records(r, 1, &count), 0);
	ck_assert_uint_eq(count, 1);
	log_reader_close(r);
	remove_dir();
}
END_TEST

START_TEST(test_open_errors_name_the_path)
{
	char err[256] = "";
	ck_assert_ptr_null(log_writer_open("/nonexistent/dir/rec", false, NULL,
					   0, err, sizeof err));
	ck_assert_str_eq(err,
			 "/nonexistent/dir/rec: No such file or directory");
	ck_assert_ptr_null(
		log_reader_open("/nonexistent/rec", err, sizeof err));
	ck_assert_str_eq(err, "/nonexistent/rec: No such file or directory");
	static uint8_t header[LOG_HEADER_MAX + 1];
	ck_assert_ptr_null(log_writer_open("/tmp/unused", false, header,
					   sizeof header, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "exceeds"));
	ck_assert_int_eq(access("/tmp/unused", F_OK), -1);
}
END_TEST

START_TEST(test_header_write_failure)
{
	char err[256] = "";
	ck_assert_ptr_null(
		log_writer_open("/dev/full", true, "h", 1, err, sizeof err));
	ck_assert_str_eq(err, "/dev/full: cannot write the header: No space "
			      "left on device");
	ck_assert_int_eq(access("/dev/full", F_OK), 0);
}
END_TEST

/* A write that fails mid-recording (here the file size limit) makes the
 * writer refuse everything after it: the file keeps the chunks before the
 * failure and reads as truncated. */
START_TEST(test_write_failure_is_sticky)
{
	make_dir();
	const char *path = path_in_dir("rec");
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit lim = {.rlim_cur = 4096, .rlim_max = RLIM_INFINITY};
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	struct log_writer *w = open_writer(path, false);
	uint8_t rec[1000];
	memset(rec, 0x11, sizeof rec);
	ck_assert_int_eq(log_writer_append(w, rec, 10), 0);
	ck_assert_int_eq(log_writer_flush(w), 0);
	/* Random bytes do not compress: the next chunk is over the limit. */
	uint32_t x = 1;
	for (size_t i = 0; i < sizeof rec; i++) {
		x = x * 1103515245u + 12345u;
		rec[i] = (uint8_t)(x >> 16);
	}
	int rc = 0;
	for (int i = 0; i < 10 && rc == 0; i++) {
		ck_assert_int_eq(log_writer_append(w, rec, sizeof rec), 0);
		rc = log_writer_flush(w);
	}
	ck_assert_int_eq(rc, -EFBIG);
	ck_assert_ptr_nonnull(strstr(log_writer_error(w), "writing a chunk"));
	ck_assert_int_eq(log_writer_append(w, rec, 1), -EFBIG);
	ck_assert_int_eq(log_writer_flush(w), -EFBIG);
	ck_assert_int_eq(log_writer_close(w), -EFBIG);

	lim.rlim_cur = RLIM_INFINITY;
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	struct log_reader *r = open_reader(path);
	const void *got;
	size_t len;
	unsigned n = 0;
	while ((rc = log_reader_next(r, &got, &len)) == 1)
		n++;
	ck_assert_int_eq(rc, 0);
	ck_assert(log_reader_truncated(r));
	ck_assert_uint_ge(n, 1);
	log_reader_close(r);
	remove_dir();
}
END_TEST

/* A recorder that flushed and then died: everything flushed is readable,
 * and the reader says the recording stops early. */
START_TEST(test_flushed_records_survive_a_killed_recorder)
{
	make_dir();
	const char *path = path_in_dir("rec");
	struct log_writer *w = open_writer(path, false);
	for (unsigned i = 0; i < 10; i++)
		append_record(w, i);
	ck_assert_int_eq(log_writer_flush(w), 0);
	append_record(w, 10); /* buffered only */

	struct log_reader *r = open_reader(path);
	unsigned count;
	ck_assert_int_eq(read_records(r, 0, &count), 0);
	ck_assert_uint_eq(count, 10);
	ck_assert(log_reader_truncated(r));
	ck_assert_ptr_nonnull(strstr(log_reader_error(r), "truncated"));
	log_reader_close(r);

	ck_assert_int_eq(log_writer_close(w), 0);
	r = open_reader(path);
	ck_assert_int_eq(read_records(r, 0, &count), 0);
	ck_assert_uint_eq(count, 11);
	ck_assert(!log_reader_truncated(r));
	log_reader_close(r);
	remove_dir();
}
END_TEST

/* ---- damaged files ---- */

/* A small file with four chunks of three records each; ends[k] is the
 * offset just past the prelude and header (k = 0), chunk k, and finally the
 * end marker (k = 5). */
#define SMALL_CHUNKS 4
static uint8_t *small_file(size_t *size, uint64_t ends[SMALL_CHUNKS + 2])
{
	const char *path = path_in_dir("small");
	struct log_writer *w = open_writer(path, false);
	struct log_stats ws;
	log_writer_stats(w, &ws);
	ends[0] = ws.offset;
	for (unsigned c = 0; c < SMALL_CHUNKS; c++) {
		for (unsigned i = 0; i < 3; i++)
			ck_assert_int_eq(
				log_writer_append(w, "abcdefghij", c * 3 + i),
				0);
		ck_assert_int_eq(log_writer_flush(w), 0);
		log_writer_stats(w, &ws);
		ends[c + 1] = ws.offset;
	}
	ck_assert_int_eq(log_writer_close(w), 0);
	uint8_t *data = slurp(path, size);
	ends[SMALL_CHUNKS + 1] = *size;
	unlink(path);
	return data;
}

static void check_small_record(unsigned i, const void *rec, size_t len)
{
	ck_assert_uint_eq(len, i);
	ck_assert(memcmp(rec, "abcdefghij", len) == 0);
}

/* Read a prefix of the small file: a prefix of the records, then a clean
 * 0 that says truncated unless the whole file is there. */
static void check_cut(struct log_reader *r, size_t cut, size_t size,
		      const uint64_t *ends)
{
	unsigned want = 0;
	for (unsigned c = 1; c <= SMALL_CHUNKS; c++)
		if (ends[c] <= cut)
			want = 3 * c;
	const void *rec;
	size_t len;
	unsigned n = 0;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) == 1)
		check_small_record(n++, rec, len);
	ck_assert_msg(rc == 0, "cut at %zu: %s", cut, log_reader_error(r));
	ck_assert_uint_eq(n, want);
	ck_assert_int_eq(log_reader_truncated(r), cut < size);
}

START_TEST(test_truncation_at_every_offset)
{
	make_dir();
	size_t size;
	uint64_t ends[SMALL_CHUNKS + 2];
	uint8_t *data = small_file(&size, ends);
	const char *path = path_in_dir("cut");
	for (size_t cut = 0; cut <= size; cut++) {
		char err[256] = "";
		uint8_t *exact = malloc(cut ? cut : 1);
		memcpy(exact, data, cut);
		spit(path, data, cut);
		struct log_reader *r[2] = {
			log_reader_open_mem(exact, cut, err, sizeof err),
			log_reader_open(path, err, sizeof err),
		};
		for (int k = 0; k < 2; k++) {
			if (cut < ends[0]) {
				ck_assert_ptr_null(r[k]);
				continue;
			}
			ck_assert_msg(r[k] != NULL, "cut at %zu: %s", cut, err);
			check_cut(r[k], cut, size, ends);
			log_reader_close(r[k]);
		}
		if (cut < ends[0])
			ck_assert_msg(strstr(err, "not a rewind recording") ||
					      strstr(err, "truncated"),
				      "%s", err);
		free(exact);
	}
	free(data);
	remove_dir();
}
END_TEST

/* The byte offset a corruption message must name for damage at `pos`. */
static uint64_t chunk_start(const uint64_t *ends, size_t pos)
{
	uint64_t at = ends[0];
	for (unsigned c = 1; c <= SMALL_CHUNKS + 1; c++)
		if (ends[c - 1] <= pos)
			at = ends[c - 1];
	return at;
}

START_TEST(test_bit_flip_in_every_byte)
{
	make_dir();
	size_t size;
	uint64_t ends[SMALL_CHUNKS + 2];
	uint8_t *data = small_file(&size, ends);
	uint8_t *bad = malloc(size);
	for (size_t pos = 0; pos < size; pos++) {
		for (int bit = 0; bit < 8; bit++) {
			memcpy(bad, data, size);
			bad[pos] ^= (uint8_t)(1u << bit);
			char err[256] = "";
			struct log_reader *r =
				log_reader_open_mem(bad, size, err, sizeof err);
			if (pos < ends[0]) {
				ck_assert_msg(r == NULL, "flip at %zu opened",
					      pos);
				ck_assert(err[0] != '\0');
				continue;
			}
			ck_assert_msg(r != NULL, "%s", err);
			const void *rec;
			size_t len;
			unsigned n = 0;
			int rc;
			while ((rc = log_reader_next(r, &rec, &len)) == 1)
				check_small_record(n++, rec, len);
			ck_assert_msg(rc == -1, "flip at %zu.%d gave %d", pos,
				      bit, rc);
			ck_assert(!log_reader_truncated(r));
			char where[64];
			snprintf(where, sizeof where, "chunk at byte %llu",
				 (unsigned long long)chunk_start(ends, pos));
			ck_assert_msg(strstr(log_reader_error(r), where),
				      "flip at %zu: %s", pos,
				      log_reader_error(r));
			ck_assert_int_eq(log_reader_next(r, &rec, &len), -1);
			log_reader_close(r);
		}
	}
	free(bad);
	free(data);
	remove_dir();
}
END_TEST

/* ---- forged files: right checksums, wrong contents ---- */

struct forge {
	uint8_t *p;
	size_t len;
};

static void forge_put(struct forge *f, const void *data, size_t len)
{
	f->p = realloc(f->p, f->len + len);
	ck_assert_ptr_nonnull(f->p);
	memcpy(f->p + f->len, data, len);
	f->len += len;
}

static void forge_prelude(struct forge *f, uint32_t version,
			  uint32_t header_len_field, const char *header)
{
	uint8_t p[LOG_PRELUDE_SIZE];
	memcpy(p, "RWNDLOG", 8);
	le_put32(p + 8, version);
	le_put32(p + 12, header_len_field);
	uint32_t crc = crc32_update(0, p, 16);
	le_put32(p + 16, crc32_update(crc, header, strlen(header)));
	forge_put(f, p, sizeof p);
	forge_put(f, header, strlen(header));
}

/* A chunk whose header says raw_len, stored_len and nrec, with stored as
 * its payload and every checksum right. */
static void forge_chunk_fields(struct forge *f, uint32_t raw_len,
			       uint32_t stored_len, uint32_t nrec,
			       const void *stored, size_t stored_bytes)
{
	uint8_t h[LOG_CHUNK_HEADER_SIZE];
	memcpy(h, "RWCK", 4);
	le_put32(h + 4, raw_len);
	le_put32(h + 8, stored_len);
	le_put32(h + 12, nrec);
	le_put32(h + 16, crc32_update(0, stored, stored_bytes));
	le_put32(h + 20, crc32_update(0, h, 20));
	forge_put(f, h, sizeof h);
	forge_put(f, stored, stored_bytes);
}

/* A chunk holding raw, compressed, with the given record count. */
static void forge_chunk(struct forge *f, const void *raw, size_t raw_len,
			uint32_t nrec)
{
	char out[4096];
	int n = LZ4_compress_default(raw, out, (int)raw_len, sizeof out);
	ck_assert_int_gt(n, 0);
	forge_chunk_fields(f, (uint32_t)raw_len, (uint32_t)n, nrec, out,
			   (size_t)n);
}

static void forge_end(struct forge *f, uint64_t chunks, uint64_t records)
{
	uint8_t h[LOG_CHUNK_HEADER_SIZE];
	memcpy(h, "RWEN", 4);
	le_put64(h + 4, chunks);
	le_put64(h + 12, records);
	le_put32(h + 20, crc32_update(0, h, 20));
	forge_put(f, h, sizeof h);
}

/* Open f (which must open), read to the end, expect -1 with `why` in the
 * message; returns the records read before the failure. */
static unsigned expect_corrupt(struct forge *f, const char *why)
{
	char err[256];
	struct log_reader *r =
		log_reader_open_mem(f->p, f->len, err, sizeof err);
	ck_assert_msg(r != NULL, "%s", err);
	const void *rec;
	size_t len;
	unsigned n = 0;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) == 1)
		n++;
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(log_reader_error(r), why), "%s",
		      log_reader_error(r));
	ck_assert_ptr_nonnull(strstr(log_reader_error(r), "corrupt"));
	log_reader_close(r);
	free(f->p);
	f->p = NULL;
	f->len = 0;
	return n;
}

static void expect_open_error(struct forge *f, const char *msg)
{
	char err[256] = "";
	ck_assert_ptr_null(log_reader_open_mem(f->p, f->len, err, sizeof err));
	ck_assert_msg(strstr(err, msg), "%s", err);
	free(f->p);
	f->p = NULL;
	f->len = 0;
}

START_TEST(test_wrong_magic)
{
	struct forge f = {0};
	forge_put(&f, "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24);
	expect_open_error(&f, "not a rewind recording");
	forge_put(&f, "", 0);
	expect_open_error(&f, "not a rewind recording");
	forge_put(&f, "RWNDLOG", 7);
	expect_open_error(&f, "not a rewind recording");
	forge_put(&f, "RWNDLOG\0\1\0", 10);
	expect_open_error(&f, "truncated inside its prelude");

	/* A file says which file it is. */
	make_dir();
	const char *path = path_in_dir("notes.txt");
	spit(path, "some notes about the bug\n", 25);
	char err[256], want[160];
	ck_assert_ptr_null(log_reader_open(path, err, sizeof err));
	snprintf(want, sizeof want, "%s: not a rewind recording", path);
	ck_assert_str_eq(err, want);
	remove_dir();
}
END_TEST

START_TEST(test_unsupported_version)
{
	struct forge f = {0};
	forge_prelude(&f, 2, 3, "cfg");
	expect_open_error(&f, "recording format version 2 is not supported "
			      "(this rewind reads 1)");
	forge_prelude(&f, 0, 3, "cfg");
	expect_open_error(&f, "version 0 is not supported");
}
END_TEST

START_TEST(test_header_damage)
{
	struct forge f = {0};
	forge_prelude(&f, 1, 3, "cfg");
	f.p[LOG_PRELUDE_SIZE + 1] ^= 1;
	expect_open_error(&f, "header checksum mismatch: the recording is "
			      "corrupt");
	forge_prelude(&f, 1, 0xffffffffu, "cfg");
	expect_open_error(&f, "header length 4294967295 exceeds");
	forge_prelude(&f, 1, LOG_HEADER_MAX, "cfg");
	expect_open_error(&f, "truncated inside its header");
}
END_TEST

START_TEST(test_absurd_chunk_lengths)
{
	static const uint8_t rec[] = {3, 0, 0, 0, 'a', 'b', 'c'};
	struct forge f = {0};
	/* The forger itself makes a valid file. */
	forge_prelude(&f, 1, 3, "cfg");
	forge_chunk(&f, rec, sizeof rec, 1);
	forge_end(&f, 1, 1);
	struct log_reader *r = log_reader_open_mem(f.p, f.len, NULL, 0);
	unsigned count;
	const void *got;
	size_t len;
	ck_assert_int_eq(log_reader_next(r, &got, &len), 1);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(read_records(r, 0, &count), 0);
	ck_assert(!log_reader_truncated(r));
	log_reader_close(r);
	free(f.p);
	f.p = NULL;
	f.len = 0;

	static const struct {
		uint32_t raw, stored, nrec;
		const char *why;
	} bad[] = {
		{0xffffffffu, 8, 1, "impossible uncompressed length"},
		{LOG_CHUNK_MAX + 1, 8, 1, "impossible uncompressed length"},
		{0, 8, 1, "impossible uncompressed length"},
		{7, 0xffffffffu, 1, "impossible compressed length"},
		{7, 0, 1, "impossible compressed length"},
		{7, 8, 0, "impossible record count"},
		{7, 8, 0xffffffffu, "impossible record count"},
		{8, 8, 3, "impossible record count"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		forge_prelude(&f, 1, 3, "cfg");
		forge_chunk_fields(&f, bad[i].raw, bad[i].stored, bad[i].nrec,
				   "12345678", 8);
		forge_end(&f, 1, 1);
		expect_corrupt(&f, bad[i].why);
	}
}
END_TEST

START_TEST(test_bad_chunk_contents)
{
	struct forge f = {0};
	/* A record length running past its chunk. */
	static const uint8_t long_rec[] = {100, 0, 0, 0, 'a', 'b', 'c'};
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, long_rec, sizeof long_rec, 1);
	forge_end(&f, 1, 1);
	expect_corrupt(&f, "record runs past the chunk");

	/* A length prefix cut by the end of the chunk. */
	static const uint8_t two[] = {1, 0, 0, 0, 'a', 2, 0, 0};
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, two, sizeof two, 2);
	expect_corrupt(&f, "record length runs past the chunk");

	/* Fewer records than the chunk holds. */
	static const uint8_t recs[] = {1, 0, 0, 0, 'a', 1, 0, 0, 0, 'b'};
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, recs, sizeof recs, 1);
	expect_corrupt(&f, "bytes after its last record");

	/* A record over the limit, in a chunk that is big enough. */
	uint8_t *huge = calloc(1, LOG_RECORD_MAX + 8);
	le_put32(huge, LOG_RECORD_MAX + 1);
	int bound = LZ4_compressBound(LOG_RECORD_MAX + 8);
	char *out = malloc((size_t)bound);
	int n = LZ4_compress_default((char *)huge, out, LOG_RECORD_MAX + 8,
				     bound);
	forge_prelude(&f, 1, 0, "");
	forge_chunk_fields(&f, LOG_RECORD_MAX + 8, (uint32_t)n, 1, out,
			   (size_t)n);
	expect_corrupt(&f, "record length exceeds the limit");
	free(out);
	free(huge);

	/* An uncompressed length that does not match the payload. */
	char packed[64];
	n = LZ4_compress_default((const char *)recs, packed, sizeof recs,
				 sizeof packed);
	forge_prelude(&f, 1, 0, "");
	forge_chunk_fields(&f, sizeof recs + 1, (uint32_t)n, 2, packed,
			   (size_t)n);
	expect_corrupt(&f, "decompression failed");
	forge_prelude(&f, 1, 0, "");
	forge_chunk_fields(&f, sizeof recs - 1, (uint32_t)n, 2, packed,
			   (size_t)n);
	expect_corrupt(&f, "decompression failed");

	/* Bytes that are not LZ4 at all. */
	static const uint8_t junk[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	forge_prelude(&f, 1, 0, "");
	forge_chunk_fields(&f, 100, sizeof junk, 1, junk, sizeof junk);
	expect_corrupt(&f, "decompression failed");

	/* Good records come out before the bad chunk is reported, and the
	 * message says where that chunk starts. */
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, recs, sizeof recs, 2);
	char where[64];
	snprintf(where, sizeof where, "chunk at byte %zu:", f.len);
	forge_chunk(&f, long_rec, sizeof long_rec, 1);
	ck_assert_uint_eq(expect_corrupt(&f, where), 2);
}
END_TEST

START_TEST(test_bad_end_marker)
{
	static const uint8_t rec[] = {1, 0, 0, 0, 'a'};
	struct forge f = {0};
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, rec, sizeof rec, 1);
	forge_end(&f, 2, 1);
	ck_assert_uint_eq(expect_corrupt(&f, "counts 2 chunks and 1 records"),
			  1);
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, rec, sizeof rec, 1);
	char where[64];
	snprintf(where, sizeof where, "end marker at byte %zu", f.len);
	forge_end(&f, 1, 0);
	expect_corrupt(&f, where);
	/* Nothing may follow the end marker. */
	forge_prelude(&f, 1, 0, "");
	forge_chunk(&f, rec, sizeof rec, 1);
	forge_end(&f, 1, 1);
	forge_put(&f, "", 1);
	expect_corrupt(&f, "after the end marker");
	/* Nor may a stray header hide there. */
	forge_prelude(&f, 1, 0, "");
	forge_end(&f, 0, 0);
	forge_end(&f, 0, 0);
	expect_corrupt(&f, "after the end marker");
}
END_TEST

START_TEST(test_crc32_check_value)
{
	/* The standard check value of this CRC. */
	ck_assert_uint_eq(crc32_update(0, "123456789", 9), 0xcbf43926u);
	uint32_t part = crc32_update(0, "1234", 4);
	ck_assert_uint_eq(crc32_update(part, "56789", 5), 0xcbf43926u);
	ck_assert_uint_eq(crc32_update(0, "", 0), 0);
}
END_TEST

START_TEST(test_crc32c_check_value)
{
	/* The standard check value of CRC-32C, in pieces too, and through
	 * the table on any length (the instruction takes 8 bytes a step). */
	ck_assert_uint_eq(crc32c_update(0, "123456789", 9), 0xe3069283u);
	uint32_t part = crc32c_update(0, "1234", 4);
	ck_assert_uint_eq(crc32c_update(part, "56789", 5), 0xe3069283u);
	ck_assert_uint_eq(crc32c_update(0, "", 0), 0);
	static uint8_t page[4096];
	for (size_t i = 0; i < sizeof page; i++)
		page[i] = (uint8_t)(i * 13 + 1);
	uint32_t whole = crc32c_update(0, page, sizeof page);
	uint32_t c = 0;
	for (size_t i = 0; i < sizeof page; i += 7)
		c = crc32c_update(c, page + i,
				  sizeof page - i < 7 ? sizeof page - i : 7);
	ck_assert_uint_eq(c, whole);
	page[1000] ^= 4;
	ck_assert_uint_ne(crc32c_update(0, page, sizeof page), whole);
	/* Long inputs go three lanes at a time: the same CRC as a byte at
	 * a time (the reflected polynomial, by hand), at every length
	 * around the lane sizes and from every start. */
	static uint8_t buf[3 * 4096 + 72];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (uint8_t)(i * 7 + (i >> 7) + 3);
	size_t lens[] = {0,    1,    7,	   8,	 4079,	   4080,	 4081,
			 4095, 4096, 8160, 8161, 3 * 4096, 3 * 4096 + 63};
	for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
		for (size_t start = 0; start < 3; start++) {
			size_t n = lens[k];
			uint32_t want = ~0u;
			for (size_t i = 0; i < n; i++) {
				want ^= buf[start + i];
				for (int b = 0; b < 8; b++)
					want = (want >> 1) ^
					       (0x82f63b78u &
						(0u - (want & 1)));
			}
			ck_assert_uint_eq(crc32c_update(0, buf + start, n),
					  ~want);
		}
	}
}
END_TEST

/* A container followed by bytes of the caller's (a snapshot's page area):
 * written on the caller's fd, read back with the tail allowed, which
 * then says where the container ended; without allowing it, the same
 * file is corrupt. */
START_TEST(test_container_with_a_tail)
{
	make_dir();
	const char *path = path_in_dir("tail");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	char err[256];
	struct log_writer *w = log_writer_open_fd(fd, "h", 1, err, sizeof err);
	ck_assert_msg(w != NULL, "%s", err);
	for (unsigned i = 0; i < 50; i++)
		append_record(w, i);
	ck_assert_int_eq(log_writer_end(w), 0);
	off_t end = lseek(fd, 0, SEEK_CUR);
	ck_assert_int_eq(write(fd, "tail", 4), 4);
	ck_assert_int_eq(close(fd), 0);

	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	struct log_reader *r =
		log_reader_open_fd(fd, path, "snapshot", err, sizeof err);
	ck_assert_msg(r != NULL, "%s", err);
	log_reader_allow_tail(r);
	unsigned count;
	ck_assert_int_eq(read_records(r, 0, &count), 0);
	ck_assert_uint_eq(count, 50);
	ck_assert(!log_reader_truncated(r));
	struct log_stats st;
	log_reader_stats(r, &st);
	ck_assert_uint_eq(st.offset, (uint64_t)end);
	log_reader_close(r);
	/* The caller's descriptor is its own still. */
	char t[4];
	ck_assert_int_eq(pread(fd, t, 4, end), 4);
	ck_assert(memcmp(t, "tail", 4) == 0);

	r = log_reader_open_fd(fd, path, "snapshot", err, sizeof err);
	ck_assert_ptr_nonnull(r);
	const void *rec;
	size_t len;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) > 0)
		;
	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_nonnull(strstr(log_reader_error(r), "after the end"));
	log_reader_close(r);
	close(fd);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("logfile");
	TCase *tc = tcase_create("logfile");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_round_trip_across_many_chunks);
	tcase_add_test(tc, test_largest_records);
	tcase_add_test(tc, test_empty_log);
	tcase_add_test(tc, test_empty_records);
	tcase_add_test(tc, test_records_exactly_at_chunk_boundaries);
	tcase_add_test(tc, test_refuses_to_overwrite_without_force);
	tcase_add_test(tc, test_open_errors_name_the_path);
	tcase_add_test(tc, test_header_write_failure);
	tcase_add_test(tc, test_write_failure_is_sticky);
	tcase_add_test(tc, test_flushed_records_survive_a_killed_recorder);
	tcase_add_test(tc, test_truncation_at_every_offset);
	tcase_add_test(tc, test_bit_flip_in_every_byte);
	tcase_add_test(tc, test_wrong_magic);
	tcase_add_test(tc, test_unsupported_version);
	tcase_add_test(tc, test_header_damage);
	tcase_add_test(tc, test_absurd_chunk_lengths);
	tcase_add_test(tc, test_bad_chunk_contents);
	tcase_add_test(tc, test_bad_end_marker);
	tcase_add_test(tc, test_crc32_check_value);
	tcase_add_test(tc, test_crc32c_check_value);
	tcase_add_test(tc, test_container_with_a_tail);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
