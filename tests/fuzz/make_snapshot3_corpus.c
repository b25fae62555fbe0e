/* Writes the version 3 part of the seed corpus for fuzz_snapshot: a
 * version 2 snapshot (the first argument, e.g. full-20000 in the corpus)
 * converted to version 3 (v3-full: its state, its pages as P runs with
 * their CRC-32Cs, the page area), and copies with one thing wrong each, so
 * that the fuzzer starts from every check of the version 3 reader. Build
 * and run by hand when the format changes:
 *   cc -std=gnu11 tests/fuzz/make_snapshot3_corpus.c replay/logfile.c \
 *      core/util/crc32.c core/util/file_io.c core/util/vec.c -llz4 \
 *      -o build/make_snapshot3_corpus &&
 *   build/make_snapshot3_corpus tests/fuzz/corpus/snapshot/full-20000 \
 *      tests/fuzz/corpus/snapshot
 */
#include "../../core/util/crc32.h"
#include "../../core/util/le.h"
#include "../../replay/logfile.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_RECS  4096
#define MAX_PAGES 512 /* 2 MiB */
#define PAGE	  4096

static uint8_t *state[MAX_RECS];
static size_t state_len[MAX_RECS], nstate;
static uint8_t hash[MAX_PAGES][32];
static bool listed[MAX_PAGES];
static uint8_t page[MAX_PAGES][PAGE];
static uint64_t icount, bloblen;
static char header[1 << 16];
static size_t hlen;
static const char *out_dir;

static void die(const char *what)
{
	fprintf(stderr, "make_snapshot3_corpus: %s\n", what);
	exit(1);
}

/* What each variant changes. */
struct how {
	bool twice;	  /* the first P run listed twice */
	bool past_ram;	  /* a P run past the end of RAM */
	bool zero_run;	  /* a Z record for the first page, after it */
	int flip_page;	  /* a byte of this page changed in the area, or -1 */
	long size_change; /* bytes cut (< 0) or added at the end */
};

static void append(struct log_writer *w, const uint8_t *p, size_t n)
{
	if (log_writer_append(w, p, n))
		die("append");
}

static void emit(const char *name, struct how h)
{
	char path[4096], err[512];
	snprintf(path, sizeof path, "%s/%s", out_dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(path);
	struct log_writer *w =
		log_writer_open_fd(fd, header, hlen, err, sizeof err);
	if (!w)
		die(err);
	for (size_t i = 0; i < nstate; i++)
		append(w, state[i], state_len[i]);
	static uint8_t rec[16 + 4 * MAX_PAGES];
	uint64_t stored = 0, zeros = 0;
	int order[2 * MAX_PAGES], norder = 0;
	for (int p = 0; p < MAX_PAGES;) {
		if (!listed[p]) {
			p++;
			continue;
		}
		int q = p;
		while (q < MAX_PAGES && listed[q])
			q++;
		rec[0] = 'P';
		le_put64(rec + 1,
			 h.past_ram ? (uint64_t)MAX_PAGES - 1 : (uint64_t)p);
		le_put32(rec + 9, (uint32_t)(q - p));
		for (int k = p; k < q; k++) {
			le_put32(rec + 13 + 4 * (k - p),
				 crc32c_update(0, page[k], PAGE));
			order[norder++] = k;
		}
		append(w, rec, 13 + 4 * (size_t)(q - p));
		stored += (uint64_t)(q - p);
		if (h.twice && stored == (uint64_t)(q - p)) {
			append(w, rec, 13 + 4 * (size_t)(q - p));
			for (int k = p; k < q; k++)
				order[norder++] = k;
			stored += (uint64_t)(q - p);
		}
		p = q;
	}
	if (h.zero_run) {
		rec[0] = 'Z';
		le_put64(rec + 1, (uint64_t)order[0]);
		le_put32(rec + 9, 1);
		append(w, rec, 13);
		zeros = 1;
	}
	rec[0] = 'E';
	le_put64(rec + 1, icount);
	le_put64(rec + 9, bloblen);
	le_put64(rec + 17, stored);
	le_put64(rec + 25, zeros);
	append(w, rec, 33);
	if (log_writer_end(w))
		die("end");
	for (int i = 0; i < norder; i++) {
		static uint8_t buf[PAGE];
		memcpy(buf, page[order[i]], PAGE);
		if (order[i] == h.flip_page)
			buf[100] ^= 0x40;
		size_t n = PAGE;
		if (i == norder - 1 && h.size_change < 0)
			n -= (size_t)-h.size_change;
		if (write(fd, buf, n) != (ssize_t)n)
			die("write");
	}
	if (h.size_change > 0 && write(fd, "x", 1) != 1)
		die("write");
	if (close(fd))
		die("close");
}

int main(int argc, char **argv)
{
	if (argc != 3)
		die("usage: make_snapshot3_corpus SNAPSHOT DIR");
	out_dir = argv[2];
	char err[512];
	struct log_reader *r = log_reader_open(argv[1], err, sizeof err);
	if (!r)
		die(err);
	const char *h = log_reader_header(r, &hlen);
	const char *v = strstr(h, "snapshot-version=2");
	if (!v || hlen >= sizeof header)
		die("not a version 2 snapshot");
	memcpy(header, h, hlen);
	header[v - h + strlen("snapshot-version=")] = '3';
	const void *p;
	size_t n;
	while (log_reader_next(r, &p, &n) == 1) {
		const uint8_t *b = p;
		if (b[0] == 'S' && nstate < MAX_RECS) {
			state[nstate] = malloc(n);
			memcpy(state[nstate], b, n);
			state_len[nstate++] = n;
			bloblen += n - 9;
		} else if (b[0] == 'T') {
			uint64_t first = le_get64(b + 1);
			uint32_t count = le_get32(b + 9);
			for (uint32_t k = 0; k < count; k++) {
				if (first + k >= MAX_PAGES)
					die("page past 2 MiB");
				memcpy(hash[first + k], b + 13 + 32 * k, 32);
				listed[first + k] = true;
			}
		} else if (b[0] == 'C') {
			for (int k = 0; k < MAX_PAGES; k++)
				if (listed[k] && !memcmp(hash[k], b + 1, 32))
					memcpy(page[k], b + 33, PAGE);
		} else if (b[0] == 'E') {
			icount = le_get64(b + 1);
		}
	}
	log_reader_close(r);
	int first = 0;
	while (first < MAX_PAGES && !listed[first])
		first++;
	struct how ok = {.flip_page = -1};
	emit("v3-full", ok);
	struct how x = ok;
	x.twice = true;
	emit("v3-page-listed-twice", x);
	x = ok;
	x.past_ram = true;
	emit("v3-run-past-ram", x);
	x = ok;
	x.zero_run = true;
	emit("v3-zero-run-after-page", x);
	x = ok;
	x.flip_page = first;
	emit("v3-page-checksum-wrong", x);
	x = ok;
	x.size_change = -1;
	emit("v3-area-short", x);
	x = ok;
	x.size_change = 1;
	emit("v3-byte-after-pages", x);
	return 0;
}
