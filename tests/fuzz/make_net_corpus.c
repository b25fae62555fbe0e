/* Writes the seed corpus for fuzz_net (its input layout is described
 * there): a well-formed exchange, and rings or chains with one thing
 * wrong each. Build and run by hand when the layout changes:
 *   cc -std=gnu11 tests/fuzz/make_net_corpus.c -o build/make_net_corpus
 * && build/make_net_corpus tests/fuzz/corpus/net
 */
#include "../../core/util/le.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR	 36
#define LOAD	 0x1000u
#define RXDESC	 0x1000u
#define RXAVAIL	 0x1100u
#define RXUSED	 0x1200u
#define TXDESC	 0x1400u
#define TXAVAIL	 0x1500u
#define TXUSED	 0x1600u
#define BUF	 0x2000u /* receive buffer k at + k * 0x800 */
#define TXBUF	 0x4000u
#define END	 0x5000u
#define RAM_BASE 0x80000000ull
#define QSZ	 8

#define NEXT  1
#define WRITE 2

static uint8_t seed[HDR + END - LOAD];
static const char *dir;

static uint8_t *at(uint32_t off)
{
	return seed + HDR + (off - LOAD);
}

static void desc(uint32_t table, unsigned i, uint64_t pa, uint32_t len,
		 uint16_t fl, uint16_t next)
{
	uint8_t *d = at(table + 16 * i);
	le_put64(d, pa);
	le_put32(d + 8, len);
	le_put16(d + 12, fl);
	le_put16(d + 14, next);
}

/* Two receive buffers, one frame to send (header, then 60 bytes), and
 * `nframes` frames of `len` bytes to offer. */
static void start(uint8_t nframes, uint16_t len)
{
	memset(seed, 0, sizeof seed);
	seed[1] = nframes;
	le_put16(seed + 2, QSZ);
	uint32_t rings[6] = {RXDESC, RXAVAIL, RXUSED, TXDESC, TXAVAIL, TXUSED};
	for (int i = 0; i < 6; i++)
		le_put32(seed + 4 + 4 * i, rings[i]);
	le_put64(seed + 28, len);
	for (unsigned k = 0; k < 2; k++) {
		desc(RXDESC, k, RAM_BASE + BUF + 0x800 * k, 1526, WRITE, 0);
		le_put16(at(RXAVAIL + 4 + 2 * k), (uint16_t)k);
	}
	le_put16(at(RXAVAIL + 2), 2);
	desc(TXDESC, 0, RAM_BASE + TXBUF, 12, NEXT, 1);
	desc(TXDESC, 1, RAM_BASE + TXBUF + 0x100, 60, 0, 0);
	le_put16(at(TXAVAIL + 4), 0);
	le_put16(at(TXAVAIL + 2), 1);
	for (unsigned i = 0; i < 60; i++)
		*at(TXBUF + 0x100 + i) = (uint8_t)(0xff - i);
}

static void emit(const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(seed, 1, sizeof seed, f) != sizeof seed) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_net_corpus DIR\n");
		return 2;
	}
	dir = argv[1];
	start(2, 60);
	emit("exchange");
	start(3, 60);
	emit("more-frames-than-buffers");
	start(1, 1600);
	emit("frame-bigger-than-buffer");
	start(1, 13);
	emit("runt-frame");
	start(1, 60);
	desc(RXDESC, 0, RAM_BASE + 0x100000 - 8, 1526, WRITE, 0);
	emit("rx-buffer-beyond-ram");
	start(1, 60);
	le_put16(at(RXAVAIL + 2), 100);
	emit("rx-avail-runs-ahead");
	start(1, 60);
	desc(RXDESC, 0, RAM_BASE + BUF, 1526, WRITE | NEXT, 0);
	emit("rx-chain-loop");
	start(1, 60);
	desc(RXDESC, 0, RAM_BASE + BUF, 4, 0, 0);
	emit("rx-buffer-read-only");
	start(1, 60);
	desc(TXDESC, 0, RAM_BASE + TXBUF, 4, 0, 0);
	emit("tx-shorter-than-header");
	start(1, 60);
	desc(TXDESC, 1, RAM_BASE + TXBUF + 0x100, 0xfffff, 0, 0);
	emit("tx-huge-frame");
	start(1, 60);
	seed[0] = 2;
	emit("no-driver-ok");
	start(1, 60);
	seed[0] = 1;
	le_put64(seed + 28, 0);
	emit("legacy-header");
	return 0;
}
