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
__attribute__((target("sse4.2"))) static uint32_t
crc32c_sse42(uint32_t crc, const uint8_t *p, size_t len)
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
