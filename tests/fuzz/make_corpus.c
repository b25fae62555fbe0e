/* Writes the seed corpus for fuzz_log into the directory given: small
 * recordings made by the writer, and damaged copies of them. The corpus's
 * fuzzed-* files came from fuzzing runs instead: the smallest input found
 * for each corruption the reader names, with checksums recomputed so that
 * each reaches that check directly. Build and run by hand when the format
 * changes (the fuzzed-* files then need a new fuzzing run):
 *   cc -std=gnu11 tests/fuzz/make_corpus.c replay/logfile.c \
 *      core/util/crc32.c core/util/file_io.c core/util/vec.c \
 *      -llz4 -o build/make_corpus && build/make_corpus tests/fuzz/corpus/log
 */
#include "../../replay/logfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *out_dir;

static void die(const char *what)
{
	fprintf(stderr, "make_corpus: %s\n", what);
	exit(1);
}

static void seed_write(const char *name, const uint8_t *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", out_dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(path);
}

static size_t seed_read(const char *path, uint8_t *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(path);
	size_t n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

/* Record i of a seed: mixed sizes, some of them repetitive so the
 * compressor emits matches as well as literals. */
static size_t seed_record(unsigned i, uint8_t *buf)
{
	size_t len = (i * 37) % 90;
	for (size_t j = 0; j < len; j++)
		buf[j] = i % 3 ? (uint8_t)(j % 4) : (uint8_t)(i * j + 7);
	return len;
}

/* A recording of `chunks` flushed chunks of `per` records each, in memory;
 * closed (with its end marker) unless `killed`. */
static uint8_t *seed_log(unsigned chunks, unsigned per, bool killed,
			 size_t *len)
{
	char path[4096], err[256];
	snprintf(path, sizeof path, "%s/.tmp", out_dir);
	struct log_writer *w = log_writer_open(path, true, "cfg: smp=1 mem=1M",
					       17, err, sizeof err);
	if (!w)
		die(err);
	uint8_t rec[128];
	for (unsigned c = 0; c < chunks; c++) {
		for (unsigned i = 0; i < per; i++)
			if (log_writer_append(w, rec, seed_record(i, rec)) < 0)
				die("append");
		if (log_writer_flush(w) < 0)
			die("flush");
	}
	/* A killed recorder never closes: take what is on disk now. */
	uint8_t *data = malloc(1 << 20);
	if (!data)
		die("memory");
	if (killed)
		*len = seed_read(path, data, 1 << 20);
	if (log_writer_close(w) < 0)
		die("close");
	if (!killed)
		*len = seed_read(path, data, 1 << 20);
	unlink(path);
	return data;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		die("usage: make_corpus DIR");
	out_dir = argv[1];
	size_t len;
	uint8_t *d;

	d = seed_log(0, 0, false, &len);
	seed_write("empty", d, len);
	free(d);

	d = seed_log(3, 5, false, &len);
	seed_write("three-chunks", d, len);
	/* Damaged copies of it. */
	seed_write("cut-inside-chunk", d, len - 30);
	seed_write("cut-at-end-marker", d, len - LOG_CHUNK_HEADER_SIZE);
	d[len / 2] ^= 0x10;
	seed_write("flipped-payload-bit", d, len);
	d[len / 2] ^= 0x10;
	d[8] = 2;
	seed_write("version-2", d, len);
	d[8] = 1;
	d[LOG_PRELUDE_SIZE] ^= 1;
	seed_write("bad-header-checksum", d, len);
	d[LOG_PRELUDE_SIZE] ^= 1;
	d[len] = 0;
	seed_write("data-after-end", d, len + 1);
	free(d);

	d = seed_log(2, 3, true, &len);
	seed_write("killed-recorder", d, len);
	free(d);

	d = seed_log(1, 40, false, &len);
	seed_write("one-chunk", d, len);
	free(d);

	seed_write("not-a-recording", (const uint8_t *)"hello, world\n", 13);
	return 0;
}
