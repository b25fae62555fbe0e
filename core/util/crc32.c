#include "crc32.h"
#include "le.h"

#include <stdbool.h>
#include <string.h>
#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

/* Slicing by eight: table[0] is the byte-at-a-time table, table[k][b] the
 * CRC of byte b followed by k zero bytes, so eight bytes take eight
 * lookups that do not depend on each other. Snapshots of large guests
 * checksum tens of MiB on every save and restore. */
static uint32_t crc_table[8][256];
static uint32_t crc32c_table[256];
#if defined(__x86_64__)
static bool crc32c_hw;
#endif

__attribute__((constructor)) static void crc_table_init(void)
{
	for (uint32_t b = 0; b < 256; b++) {
		uint32_t c = b;
		for (int i = 0; i < 8; i++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
		crc_table[0][b] = c;
	}
	for (int k = 1; k < 8; k++)
		for (uint32_t b = 0; b < 256; b++)
			crc_table[k][b] =
				(crc_table[k - 1][b] >> 8) ^
				crc_table[0][crc_table[k - 1][b] & 0xff];
	for (uint32_t b = 0; b < 256; b++) {
		uint32_t c = b;
		for (int i = 0; i < 8; i++)
			c = (c >> 1) ^ (0x82f63b78u & (0u - (c & 1)));
		crc32c_table[b] = c;
	}
#if defined(__x86_64__)
	crc32c_hw = __builtin_cpu_supports("sse4.2");
#endif
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;
	crc = ~crc;
	for (; len >= 8; p += 8, len -= 8) {
		uint32_t lo = crc ^ le_get32(p), hi = le_get32(p + 4);
		crc = crc_table[7][lo & 0xff] ^ crc_table[6][lo >> 8 & 0xff] ^
		      crc_table[5][lo >> 16 & 0xff] ^ crc_table[4][lo >> 24] ^
		      crc_table[3][hi & 0xff] ^ crc_table[2][hi >> 8 & 0xff] ^
		      crc_table[1][hi >> 16 & 0xff] ^ crc_table[0][hi >> 24];
	}
	for (; len > 0; p++, len--)
		crc = (crc >> 8) ^ crc_table[0][(crc ^ *p) & 0xff];
	return ~crc;
}

#if defined(__x86_64__)
/* The instruction's latency is three cycles and it can start one a
 * cycle, so three independent streams run three times as fast as one:
 * a block of 3 * LANE bytes is taken as three lanes, and the CRCs of the
 * lanes are put together by shifting the earlier ones over the bytes
 * after them. The CRCs here are raw (no inversions), which makes them
 * linear: raw(c, A B) = shift(raw(c, A)) ^ raw(0, B) when B is LANE bytes,
 * with shift the CRC of LANE zero bytes, a linear map computed once per
 * bit of c and kept as four tables of a byte each. */
#define CRC32C_LANE 1360 /* three lanes and a little make a page */
static uint32_t crc32c_shift_table[4][256];

__attribute__((target("sse4.2"))) static uint32_t
crc32c_sse42_raw(uint32_t crc, const uint8_t *p, size_t len)
{
	uint64_t c = crc;
	for (; len >= 8; p += 8, len -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		c = _mm_crc32_u64(c, w);
	}
	uint32_t c32 = (uint32_t)c;
	for (; len > 0; p++, len--)
		c32 = _mm_crc32_u8(c32, *p);
	return c32;
}

__attribute__((constructor)) static void crc32c_shift_init(void)
{
	if (!__builtin_cpu_supports("sse4.2"))
		return;
	static const uint8_t zero[CRC32C_LANE];
	uint32_t bit[32];
	for (int b = 0; b < 32; b++)
		bit[b] = crc32c_sse42_raw(1u << b, zero, CRC32C_LANE);
	for (int k = 0; k < 4; k++)
		for (uint32_t v = 0; v < 256; v++) {
			uint32_t c = 0;
			for (int b = 0; b < 8; b++)
				if (v >> b & 1)
					c ^= bit[8 * k + b];
			crc32c_shift_table[k][v] = c;
		}
}

static uint32_t crc32c_shift(uint32_t c)
{
	return crc32c_shift_table[0][c & 0xff] ^
	       crc32c_shift_table[1][c >> 8 & 0xff] ^
	       crc32c_shift_table[2][c >> 16 & 0xff] ^
	       crc32c_shift_table[3][c >> 24];
}

__attribute__((target("sse4.2"))) static uint32_t
crc32c_sse42(uint32_t crc, const uint8_t *p, size_t len)
{
	for (; len >= 3 * CRC32C_LANE;
	     p += 3 * CRC32C_LANE, len -= 3 * CRC32C_LANE) {
		uint64_t a = crc, b = 0, c = 0;
		for (size_t i = 0; i < CRC32C_LANE; i += 8) {
			uint64_t x, y, z;
			memcpy(&x, p + i, 8);
			memcpy(&y, p + CRC32C_LANE + i, 8);
			memcpy(&z, p + 2 * CRC32C_LANE + i, 8);
			a = _mm_crc32_u64(a, x);
			b = _mm_crc32_u64(b, y);
			c = _mm_crc32_u64(c, z);
		}
		crc = crc32c_shift(crc32c_shift((uint32_t)a) ^ (uint32_t)b) ^
		      (uint32_t)c;
	}
	return crc32c_sse42_raw(crc, p, len);
}
#endif

uint32_t crc32c_update(uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;
	crc = ~crc;
#if defined(__x86_64__)
	if (crc32c_hw)
		return ~crc32c_sse42(crc, p, len);
#endif
	for (; len > 0; p++, len--)
		crc = (crc >> 8) ^ crc32c_table[(crc ^ *p) & 0xff];
	return ~crc;
}
