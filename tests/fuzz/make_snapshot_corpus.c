/* Writes the hand-made part of the seed corpus for fuzz_snapshot: copies
 * of a valid snapshot (the first argument, e.g. full-20000 in the corpus)
 * with one record changed, and its records alone (records-full, for the
 * target's record mode; the snapshot must be of a --bios none guest with
 * --mem 2M, the header that mode supplies), each written through the container
 * writer so that only the snapshot check behind it fails. Build and run by hand
 * when the format changes:
 *   cc -std=gnu11 -Isnapshots tests/fuzz/make_snapshot_corpus.c \
 *      replay/logfile.c core/util/crc32.c core/util/file_io.c \
 *      core/util/vec.c -llz4 -o build/make_snapshot_corpus &&
 *   build/make_snapshot_corpus tests/fuzz/corpus/snapshot/full-20000 \
 *      tests/fuzz/corpus/snapshot
 */
#include "../../core/util/le.h"
#include "../../replay/logfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RECS 4096

static uint8_t *rec[MAX_RECS];
static size_t len[MAX_RECS];
static size_t nrec;
static const char *header, *out_dir;
static size_t hlen;

static void die(const char *what)
{
	fprintf(stderr, "make_snapshot_corpus: %s\n", what);
	exit(1);
}

/* Indexes of the first record of a type, and of the end record. */
static size_t first_of(uint8_t type)
{
	for (size_t i = 0; i < nrec; i++)
		if (len[i] && rec[i][0] == type)
			return i;
	die("no such record");
	return 0;
}

/* Write records 0..nrec-1, with rec[skip] left out when skip < nrec and
 * extra (of extra_len bytes) inserted before record at. */
static void emit(const char *name, size_t skip, const uint8_t *extra,
		 size_t extra_len, size_t at)
{
	char path[4096], err[512];
	snprintf(path, sizeof path, "%s/%s", out_dir, name);
	struct log_writer *w =
		log_writer_open(path, true, header, hlen, err, sizeof err);
	if (!w)
		die(err);
	for (size_t i = 0; i <= nrec; i++) {
		if (extra && i == at && log_writer_append(w, extra, extra_len))
			die("append");
		if (i < nrec && i != skip &&
		    log_writer_append(w, rec[i], len[i]))
			die("append");
	}
	if (log_writer_close(w))
		die("close");
}

int main(int argc, char **argv)
{
	if (argc != 3)
		die("usage: make_snapshot_corpus SNAPSHOT DIR");
	out_dir = argv[2];
	char err[512];
	struct log_reader *r = log_reader_open(argv[1], err, sizeof err);
	if (!r)
		die(err);
	header = log_reader_header(r, &hlen);
	const void *p;
	size_t n;
	while (log_reader_next(r, &p, &n) == 1 && nrec < MAX_RECS) {
		rec[nrec] = malloc(n);
		memcpy(rec[nrec], p, n);
		len[nrec++] = n;
	}
	size_t t = first_of('T'), c = first_of('C'), e = first_of('E');
	uint8_t buf[8192];

	/* A page-table run that starts past the end of RAM. */
	memcpy(buf, rec[t], 13 + 32);
	le_put64(buf + 1, 1u << 20);
	le_put32(buf + 9, 1);
	emit("table-past-ram", t, buf, 13 + 32, t);
	/* A content record whose hash says "zero page". */
	memcpy(buf, rec[c], len[c]);
	memset(buf + 1, 0, 32);
	emit("content-with-zero-hash", nrec, buf, len[c], c);
	/* A content before the page table. */
	emit("content-before-table", c, rec[c], len[c], t);
	/* A page whose content is missing (the end's count adjusted). */
	memcpy(buf, rec[e], len[e]);
	le_put64(buf + 25, le_get64(buf + 25) - 1);
	{
		uint8_t *old = rec[e];
		rec[e] = buf;
		emit("page-without-content", c, NULL, 0, 0);
		rec[e] = old;
	}
	/* End counts that do not match the records. */
	memcpy(buf, rec[e], len[e]);
	le_put64(buf + 17, le_get64(buf + 17) + 1);
	emit("end-counts-wrong", e, buf, len[e], e);
	/* A state piece that leaves a gap. */
	memcpy(buf, rec[0], len[0] < 4096 ? len[0] : 4096);
	le_put64(buf + 1, 7);
	emit("state-piece-gap", 0, buf, len[0] < 4096 ? len[0] : 4096, 0);
	/* A record after the end. */
	emit("record-after-end", nrec, rec[c], len[c], nrec);
	/* The same content twice, the same page run twice: the end's counts
	 * no longer match. */
	emit("content-twice", nrec, rec[c], len[c], c);
	emit("table-run-twice", nrec, rec[t], len[t], t);
	/* A state blob cut short (the end's count adjusted): machine_load
	 * must refuse it. */
	if (len[0] > 100) {
		memcpy(buf, rec[e], len[e]);
		le_put64(buf + 9, le_get64(buf + 9) - 50);
		uint8_t *olde = rec[e];
		size_t oldl = len[0];
		rec[e] = buf;
		len[0] -= 50;
		emit("state-cut-short", nrec, NULL, 0, 0);
		rec[e] = olde;
		len[0] = oldl;
	}
	/* The records alone, for the fuzz target's record mode. */
	char path[4096];
	snprintf(path, sizeof path, "%s/records-full", out_dir);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite("SNAPRECS", 1, 8, f) != 8)
		die("records-full");
	for (size_t i = 0; i < nrec; i++) {
		uint8_t l[4];
		le_put32(l, (uint32_t)len[i]);
		if (fwrite(l, 1, 4, f) != 4 ||
		    fwrite(rec[i], 1, len[i], f) != len[i])
			die("records-full");
	}
	if (fclose(f))
		die("records-full");
	log_reader_close(r);
	return 0;
}
