/* SHA-256 as FIPS 180-4 section 6.2 defines it. */
#define _GNU_SOURCE /* SEEK_DATA, SEEK_HOLE */
#include "sha256.h"
#include "file_io.h"
#include "hash_cache.h"
#include "image_file.h"
#include "progress.h"
#include "sha256_ni.h"
#include "stop.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Section 4.2.2: the first 32 bits of the fractional parts of the cube
 * roots of the first 64 primes. */
const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void store_be32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (24 - 8 * i));
}

/* Section 6.2.2: one 512-bit block. */
static void sha256_block(uint32_t h[8], const uint8_t *m)
{
	uint32_t w[64];
	for (int t = 0; t < 16; t++)
		w[t] = load_be32(m + 4 * t);
	for (int t = 16; t < 64; t++) {
		uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^
			      (w[t - 15] >> 3);
		uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^
			      (w[t - 2] >> 10);
		w[t] = s1 + w[t - 7] + s0 + w[t - 16];
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
	uint32_t e = h[4], f = h[5], g = h[6], hh = h[7];
	for (int t = 0; t < 64; t++) {
		uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = hh + S1 + ch + sha256_k[t] + w[t];
		uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
		uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = S0 + maj;
		hh = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	h[5] += f;
	h[6] += g;
	h[7] += hh;
}

/* n blocks, with the host's SHA instructions when it has them. */
static void sha256_blocks(uint32_t h[8], const uint8_t *m, size_t n)
{
	if (sha256_ni_available()) {
		sha256_ni_blocks(h, m, n);
		return;
	}
	for (; n > 0; n--, m += 64)
		sha256_block(h, m);
}

void sha256_init(struct sha256_ctx *c)
{
	/* Section 5.3.3: the first 32 bits of the fractional parts of the
	 * square roots of the first eight primes. */
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};
	memcpy(c->h, h0, sizeof h0);
	c->len = 0;
	c->fill = 0;
}

void sha256_update(struct sha256_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data;
	c->len += len;
	if (c->fill) {
		size_t n = 64 - c->fill < len ? 64 - c->fill : len;
		memcpy(c->block + c->fill, p, n);
		c->fill += n;
		p += n;
		len -= n;
		if (c->fill < 64)
			return;
		sha256_blocks(c->h, c->block, 1);
		c->fill = 0;
	}
	sha256_blocks(c->h, p, len / 64);
	p += len / 64 * 64;
	len %= 64;
	if (len)
		memcpy(c->block, p, len);
	c->fill = len;
}

void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_BYTES])
{
	/* Section 5.1.1: a 1 bit, zeros up to 448 mod 512, then the message
	 * length in bits as a 64-bit big-endian integer. */
	uint64_t bits = c->len * 8;
	c->block[c->fill++] = 0x80;
	if (c->fill > 56) {
		memset(c->block + c->fill, 0, 64 - c->fill);
		sha256_blocks(c->h, c->block, 1);
		c->fill = 0;
	}
	memset(c->block + c->fill, 0, 56 - c->fill);
	store_be32(c->block + 56, (uint32_t)(bits >> 32));
	store_be32(c->block + 60, (uint32_t)bits);
	sha256_blocks(c->h, c->block, 1);
	for (int i = 0; i < 8; i++)
		store_be32(out + 4 * i, c->h[i]);
}

void sha256_buf(const void *data, size_t len, uint8_t out[SHA256_BYTES])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, data, len);
	sha256_final(&c, out);
}

/* Feed n zero bytes: a hole reads as zeros, so nothing is read. 0, or
 * -EINTR when asked to stop (a terabyte of holes takes minutes). */
static int sha256_zeros(struct sha256_ctx *c, uint64_t n, struct progress *p,
			uint64_t *done)
{
	/* Small enough to stay in the first-level cache. */
	static const uint8_t zero[16384];
	while (n) {
		size_t k = n < sizeof zero ? (size_t)n : sizeof zero;
		sha256_update(c, zero, k);
		n -= k;
		*done += k;
		if ((*done & ((64u << 20) - 1)) < k) {
			progress_at(p, *done);
			if (stop_requested())
				return -EINTR;
		}
	}
	return 0;
}

/* Hash the first im->size bytes of the image: extents the file system
 * reports as holes (SEEK_HOLE) are fed as zeros without reading them. */
static int sha256_image(const struct image_file *im, struct progress *p,
			uint8_t out[SHA256_BYTES])
{
	enum { CHUNK = 1 << 16 };
	uint8_t *buf = malloc(CHUNK);
	if (!buf)
		return -ENOMEM;
	struct sha256_ctx c;
	sha256_init(&c);
	uint64_t at = 0, done = 0;
	int rc = 0;
	while (at < im->size && !rc) {
		/* No more data (ENXIO) means a hole to the end; a file
		 * system or device that cannot tell is all data. */
		off_t data = lseek(im->fd, (off_t)at, SEEK_DATA);
		if (data < 0)
			data = errno == ENXIO ? (off_t)im->size : (off_t)at;
		if ((uint64_t)data > im->size)
			data = (off_t)im->size;
		/* Reading holes is only slower, so anything odd (a file
		 * changing under us) reads the rest: never a loop in place. */
		off_t hole = lseek(im->fd, data, SEEK_HOLE);
		if (hole <= data || (uint64_t)hole > im->size)
			hole = (off_t)im->size;
		rc = sha256_zeros(&c, (uint64_t)data - at, p, &done);
		for (at = (uint64_t)data; at < (uint64_t)hole && !rc;) {
			size_t n = (uint64_t)hole - at < CHUNK
					   ? (size_t)((uint64_t)hole - at)
					   : CHUNK;
			rc = file_pread_all(im->fd, buf, n, at);
			sha256_update(&c, buf, rc ? 0 : n);
			at += n;
			done += n;
			progress_at(p, done);
			if (!rc && stop_requested())
				rc = -EINTR;
		}
	}
	free(buf);
	if (rc == 0)
		sha256_final(&c, out);
	return rc;
}

int sha256_file(const char *path, uint8_t out[SHA256_BYTES], char *err,
		size_t errlen)
{
	struct image_file im;
	int rc = image_open(path, false, &im, err, errlen);
	if (rc)
		return rc;
	if (hash_cache_get(&im.st, out)) {
		close(im.fd);
		return 0;
	}
	/* Progress for an image big enough to take a while (the cache
	 * takes smaller images too). */
	const uint64_t progress_min = 64u << 20;
	struct progress p;
	char what[sizeof(p.what)];
	snprintf(what, sizeof(what), "hashing %s", path);
	progress_begin(&p, what, im.size, 0);
	p.on &= im.size >= progress_min;
	rc = sha256_image(&im, &p, out);
	progress_end(&p);
	struct stat after;
	if (rc == 0 && fstat(im.fd, &after) == 0)
		hash_cache_put(&im.st, &after, out);
	if (rc)
		snprintf(err, errlen, "%s: %s", path,
			 rc == -ENOMEM	? "out of memory"
			 : rc == -EINTR ? "hashing stopped by a signal"
					: strerror(-rc));
	close(im.fd);
	return rc;
}

void sha256_hex(const uint8_t d[SHA256_BYTES], char out[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_BYTES; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[64] = '\0';
}
