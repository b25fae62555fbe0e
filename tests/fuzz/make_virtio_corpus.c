/* Writes the seed corpus for fuzz_virtio (its input layout is described
 * there): well-formed requests of each kind and chains with one thing
 * wrong each. Build and run by hand when the layout changes:
 *   cc -std=gnu11 tests/fuzz/make_virtio_corpus.c -o build/make_virtio_corpus
 * && build/make_virtio_corpus tests/fuzz/corpus/virtio
 */
#include "../../core/util/le.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR	 24
#define LOAD	 0x1000u
#define DESC	 0x1000u
#define AVAIL	 0x1100u
#define USED	 0x1200u
#define REQ	 0x1400u
#define STATUS	 0x1500u
#define DATA	 0x1600u
#define END	 0x2000u
#define RAM_BASE 0x80000000ull

#define F_RNG	    1
#define F_OWN_FEAT  2
#define F_READONLY  4
#define F_NO_DRV_OK 8
#define NEXT	    1
#define WRITE	    2
#define INDIRECT    4

static uint8_t seed[HDR + END - LOAD];
static const char *dir;

static uint8_t *at(uint32_t off)
{
	return seed + HDR + (off - LOAD);
}

static void start(uint8_t flags, uint16_t qsz)
{
	memset(seed, 0, sizeof seed);
	seed[0] = flags;
	le_put16(seed + 2, qsz);
	le_put32(seed + 4, DESC);
	le_put32(seed + 8, AVAIL);
	le_put32(seed + 12, USED);
	le_put64(seed + 16, 1ull << 32); /* VERSION_1, for F_OWN_FEAT */
}

static void desc(unsigned i, uint64_t pa, uint32_t len, uint16_t fl,
		 uint16_t next)
{
	uint8_t *d = at(DESC + 16 * i);
	le_put64(d, pa);
	le_put32(d + 8, len);
	le_put16(d + 12, fl);
	le_put16(d + 14, next);
}

/* heads[0..n) made available, in order. */
static void avail(const uint16_t *heads, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		le_put16(at(AVAIL + 4 + 2 * i), heads[i]);
	le_put16(at(AVAIL + 2), (uint16_t)n);
}

static void request(uint32_t type, uint64_t sector)
{
	le_put32(at(REQ), type);
	le_put64(at(REQ + 8), sector);
}

/* The usual three-descriptor chain at 0: request, data, status. */
static void chain3(uint32_t type, uint64_t sector, uint32_t len, bool in)
{
	request(type, sector);
	desc(0, RAM_BASE + REQ, 16, NEXT, 1);
	desc(1, RAM_BASE + DATA, len, NEXT | (in ? WRITE : 0), 2);
	desc(2, RAM_BASE + STATUS, 1, WRITE, 0);
	avail((const uint16_t[]){0}, 1);
}

static void put(const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(seed, 1, sizeof seed, f) != sizeof seed ||
	    fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_virtio_corpus DIR\n");
		return 1;
	}
	dir = argv[1];
	start(0, 8);
	chain3(0, 3, 512, true);
	put("read-sector");
	start(0, 8);
	chain3(0, 60, 2048, true);
	put("read-last-sectors");
	start(0, 8);
	chain3(1, 5, 1024, false);
	put("write-sectors");
	start(F_READONLY, 8);
	chain3(1, 5, 512, false);
	put("write-read-only");
	start(0, 8);
	chain3(0, 63, 1024, true);
	put("read-past-end");
	start(0, 8);
	chain3(1, ~0ull >> 1, 512, false);
	put("write-huge-sector");
	start(0, 8);
	chain3(8, 0, 20, true);
	put("get-id");
	start(0, 8);
	chain3(4, 0, 0, false);
	put("flush");
	start(0, 8);
	chain3(77, 0, 512, true);
	put("unknown-type");
	start(0, 8);
	chain3(0, 0, 0xffffffffu, true);
	put("huge-length");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(1, RAM_BASE + (2u << 20), 512, NEXT | WRITE, 2);
	put("buffer-beyond-ram");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(1, ~0ull - 100, 512, NEXT | WRITE, 2);
	put("buffer-wraps");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(2, RAM_BASE + STATUS, 1, WRITE | NEXT, 0);
	put("chain-loop");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(2, RAM_BASE + STATUS, 1, WRITE | NEXT, 9);
	put("next-out-of-range");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(0, RAM_BASE + REQ, 16, WRITE | NEXT, 1);
	put("request-writable");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(2, RAM_BASE + STATUS, 1, 0, 0);
	put("status-read-only");
	start(0, 8);
	chain3(0, 0, 512, true);
	desc(0, RAM_BASE + REQ, 8, NEXT, 1);
	put("short-request");
	/* An indirect table of the three descriptors at DATA + 0x400. */
	start(0, 8);
	request(0, 2);
	desc(0, RAM_BASE + DATA + 0x400, 48, INDIRECT, 0);
	avail((const uint16_t[]){0}, 1);
	for (unsigned i = 0; i < 3; i++) {
		static const uint32_t pa[3] = {REQ, DATA, STATUS};
		static const uint32_t len[3] = {16, 512, 1};
		static const uint16_t fl[3] = {NEXT, NEXT | WRITE, WRITE};
		uint8_t *d = at(DATA + 0x400 + 16 * i);
		le_put64(d, RAM_BASE + pa[i]);
		le_put32(d + 8, len[i]);
		le_put16(d + 12, fl[i]);
		le_put16(d + 14, (uint16_t)(i + 1));
	}
	put("indirect");
	le_put32(at(DESC + 8), 40);
	put("indirect-odd-length");
	/* Three requests in one notify, and two notifies. */
	start(0x10, 8);
	request(0, 1);
	for (unsigned r = 0; r < 3; r++) {
		desc(3 * r, RAM_BASE + REQ, 16, NEXT, (uint16_t)(3 * r + 1));
		desc(3 * r + 1, RAM_BASE + DATA + 512 * r, 512, NEXT | WRITE,
		     (uint16_t)(3 * r + 2));
		desc(3 * r + 2, RAM_BASE + STATUS + r, 1, WRITE, 0);
	}
	avail((const uint16_t[]){0, 3, 6}, 3);
	le_put16(seed + 2, 16);
	put("three-requests");
	start(0, 1000);
	chain3(0, 0, 512, true);
	put("queue-size-odd");
	start(0, 8);
	chain3(0, 0, 512, true);
	le_put32(seed + 12, 0xfffffff0u);
	put("used-ring-beyond-ram");
	start(0, 8);
	chain3(0, 0, 512, true);
	seed[1] = 3;
	put("bad-queue");
	start(F_NO_DRV_OK, 8);
	chain3(0, 0, 512, true);
	put("not-driver-ok");
	start(F_OWN_FEAT, 8);
	chain3(0, 0, 512, true);
	put("own-features");
	start(0, 8);
	chain3(0, 0, 512, true);
	le_put16(at(AVAIL + 2), 200);
	put("avail-idx-runs-ahead");
	/* The entropy device: one writable buffer, and a read-only one. */
	start(F_RNG, 8);
	desc(0, RAM_BASE + DATA, 64, WRITE, 0);
	avail((const uint16_t[]){0}, 1);
	put("rng-read");
	desc(0, RAM_BASE + DATA, 64, 0, 0);
	put("rng-read-only-buffer");
	return 0;
}
