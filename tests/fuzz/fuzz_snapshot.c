/* Fuzz target for the snapshot reader: any byte string, restored into a
 * small machine (1 hart, 2 MiB of RAM, no disks: what the seed corpus's
 * bare-metal snapshots describe), must either be refused with a message
 * or restore a machine that then runs; never a crash, an out-of-bounds
 * access or a leak. The reader walks the container, the page table and
 * contents, and the state sections through machine_load. Each input also
 * runs a second time with its container checksums recomputed, so that
 * mutations reach the snapshot records behind them. An input that starts
 * with "SNAPRECS" is not a file but its records, each a u32 length and
 * the bytes: the target wraps them in a container with a fixed header (the
 * small machine, version 2), so that the fuzzer mutates the records and
 * the machine state directly instead of their compressed form.
 *
 * The seed corpus (tests/fuzz/corpus/snapshot) was made with the binary:
 * a snapshot of tests/snapshots/memwalk.S at a few icounts
 * (`snapshot save --bios none --kernel memwalk.elf --mem 2M --at N`), a
 * child of one, damaged and re-versioned copies (with
 * tests/snapshots/edit_header.py), records with one thing wrong each
 * (tests/fuzz/make_snapshot_corpus.c), version 3 files converted from
 * full-20000 with one thing wrong each (v3-*,
 * tests/fuzz/make_snapshot3_corpus.c), and fuzzed-records-* inputs that
 * fuzzing runs found, each reaching a different check of the machine
 * state (or a mutated state the machine accepts and runs). */
#include "../../core/machine.h"
#include "../../core/util/crc32.h"
#include "../../core/util/le.h"
#include "../../replay/logfile.h"
#include "../../snapshots/snapshot.h"
#include "fuzz_machine.h"

#include <lz4.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_RAM (2u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t fuzz_wall_ns(void *ctx)
{
	(void)ctx;
	return 0;
}

static void fuzz_entropy(void *ctx, uint8_t *buf, size_t len)
{
	(void)ctx;
	memset(buf, 0x5a, len);
}

/* Recompute every checksum the container layout lets us find (the same
 * walk as the recording fuzzer's). */
static void repair_checksums(uint8_t *d, size_t size)
{
	if (size < LOG_PRELUDE_SIZE)
		return;
	uint32_t hlen = le_get32(d + 12);
	if (hlen > size - LOG_PRELUDE_SIZE)
		return;
	le_put32(d + 16, crc32_update(crc32_update(0, d, 16),
				      d + LOG_PRELUDE_SIZE, hlen));
	size_t at = LOG_PRELUDE_SIZE + hlen;
	while (size - at >= LOG_CHUNK_HEADER_SIZE) {
		uint8_t *h = d + at;
		at += LOG_CHUNK_HEADER_SIZE;
		uint32_t stored = le_get32(h + 8);
		if (memcmp(h, "RWCK", 4) == 0 && stored <= size - at) {
			le_put32(h + 16, crc32_update(0, d + at, stored));
			at += stored;
		}
		le_put32(h + 20, crc32_update(0, h, 20));
	}
}

/* The machine every restore starts from: as built, never run. */
static struct machine *machine_get(void)
{
	static struct fuzz_machine fm;
	if (fm.m) {
		fuzz_machine_reset(&fm);
		return fm.m;
	}
	struct machine_config cfg = {
		.ram_size = FUZZ_RAM,
		.nharts = 1,
		/* The seed corpus holds states of machine version 1, and
		 * wrap_records' header names that version. */
		.identity = MACHINE_IDENTITY_V1,
		.host = {.wall_ns = fuzz_wall_ns, .entropy = fuzz_entropy}};
	fuzz_machine_new(&fm, &cfg);
	fuzz_machine_mark(&fm);
	return fm.m;
}

static void restore_one(const uint8_t *data, size_t size)
{
	struct machine *m = machine_get();
	struct snapshot_info info = {0};
	char err[1024] = "";
	int rc = snapshot_restore_mem(m, data, size, &info, err, sizeof(err));
	/* FUZZ_VERBOSE=1 says what became of each input. */
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "%s (icount %llu, state %llu)\n",
			rc ? err : "restored", (unsigned long long)info.icount,
			(unsigned long long)m->icount);
	if (rc) {
		if (!err[0])
			abort(); /* a refusal always says why */
	} else {
		/* What was accepted must be a machine that runs. */
		if (info.depth != 1 || m->icount != info.icount)
			abort();
		machine_run(m, 20000);
	}
}

#define RECS_MAGIC "SNAPRECS"

/* The container around raw records (see docs/recording-format.md):
 * prelude, header, one chunk, end marker. Returns a malloc'd file. */
static uint8_t *wrap_records(const uint8_t *d, size_t size, size_t *out_len)
{
	static const char header[] = "machine=rewind-virt-1\nmem=2097152\n"
				     "smp=1\nbios=none\nsnapshot-version=2\n";
	size_t hlen = sizeof(header) - 1;
	/* The records as the chunk holds them: the same u32 lengths, cut at
	 * the end of the input. */
	uint32_t nrec = 0;
	size_t raw = 0;
	for (size_t at = 0; size - at >= 4;) {
		uint32_t n = le_get32(d + at);
		if (n > size - at - 4 || n > LOG_RECORD_MAX)
			break;
		at += 4 + n;
		raw = at;
		nrec++;
	}
	int bound = LZ4_compressBound((int)raw);
	uint8_t *f = malloc(LOG_PRELUDE_SIZE + hlen + LOG_CHUNK_HEADER_SIZE +
			    (size_t)bound + 24);
	if (!f)
		return NULL;
	memcpy(f, "RWNDLOG", 8);
	le_put32(f + 8, LOG_VERSION);
	le_put32(f + 12, (uint32_t)hlen);
	memcpy(f + LOG_PRELUDE_SIZE, header, hlen);
	le_put32(f + 16, crc32_update(crc32_update(0, f, 16),
				      f + LOG_PRELUDE_SIZE, hlen));
	size_t at = LOG_PRELUDE_SIZE + hlen;
	uint64_t chunks = 0;
	if (nrec) {
		uint8_t *h = f + at;
		int n = LZ4_compress_default((const char *)d,
					     (char *)h + LOG_CHUNK_HEADER_SIZE,
					     (int)raw, bound);
		memcpy(h, "RWCK", 4);
		le_put32(h + 4, (uint32_t)raw);
		le_put32(h + 8, (uint32_t)n);
		le_put32(h + 12, nrec);
		le_put32(h + 16,
			 crc32_update(0, h + LOG_CHUNK_HEADER_SIZE, (size_t)n));
		le_put32(h + 20, crc32_update(0, h, 20));
		at += LOG_CHUNK_HEADER_SIZE + (size_t)n;
		chunks = 1;
	}
	uint8_t *e = f + at;
	memcpy(e, "RWEN", 4);
	for (int i = 0; i < 8; i++) {
		e[4 + i] = (uint8_t)(chunks >> (8 * i));
		e[12 + i] = (uint8_t)((uint64_t)nrec >> (8 * i));
	}
	le_put32(e + 20, crc32_update(0, e, 20));
	*out_len = at + 24;
	return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 8 && memcmp(data, RECS_MAGIC, 8) == 0) {
		size_t len;
		uint8_t *f = wrap_records(data + 8, size - 8, &len);
		if (f) {
			restore_one(f, len);
			free(f);
		}
		return 0;
	}
	/* Exact-size copies, so any over-read hits the sanitizer's redzone. */
	uint8_t *copy = calloc(1, size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	restore_one(copy, size);
	repair_checksums(copy, size);
	restore_one(copy, size);
	free(copy);
	return 0;
}
