/* FIPS 180-4 section 6.2.2 with SHA-NI: sha256rnds2 does two rounds on
 * the state held as ABEF and CDGH, sha256msg1/msg2 extend the schedule
 * four words at a time. */
#include "sha256_ni.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

bool sha256_ni_available(void)
{
	static int known = -1;
	if (known < 0) {
		unsigned a, b, c, d;
		/* Leaf 7 EBX bit 29: SHA; leaf 1 ECX bits 9 and 19:
		 * SSSE3 and SSE4.1, which the shuffles and blends need. */
		bool sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) &&
			   (b >> 29 & 1);
		bool sse = __get_cpuid(1, &a, &b, &c, &d) && (c >> 9 & 1) &&
			   (c >> 19 & 1);
		known = sha && sse;
	}
	return known;
}

static const uint32_t k[64] = {
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

__attribute__((target("sha,ssse3,sse4.1"))) void
sha256_ni_blocks(uint32_t h[8], const uint8_t *p, size_t n)
{
	/* Message words are big-endian. */
	const __m128i bswap =
		_mm_set_epi64x(0x0c0d0e0f08090a0bll, 0x0405060700010203ll);
	__m128i tmp = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i st1 = _mm_loadu_si128((const __m128i *)&h[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xb1);	    /* CDAB */
	st1 = _mm_shuffle_epi32(st1, 0x1b);	    /* EFGH */
	__m128i st0 = _mm_alignr_epi8(tmp, st1, 8); /* ABEF */
	st1 = _mm_blend_epi16(st1, tmp, 0xf0);	    /* CDGH */
	for (; n > 0; n--, p += 64) {
		__m128i save0 = st0, save1 = st1, w[4];
		for (int i = 0; i < 4; i++)
			w[i] = _mm_shuffle_epi8(
				_mm_loadu_si128((const __m128i *)(p + 16 * i)),
				bswap);
		/* Four rounds per step g, on schedule words w[g % 4]. */
		for (int g = 0; g < 16; g++) {
			__m128i cur = w[g & 3];
			__m128i msg = _mm_add_epi32(
				cur,
				_mm_loadu_si128((const __m128i *)&k[4 * g]));
			st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
			if (g >= 3 && g <= 14) {
				__m128i t =
					_mm_alignr_epi8(cur, w[(g - 1) & 3], 4);
				__m128i nx = _mm_add_epi32(w[(g + 1) & 3], t);
				w[(g + 1) & 3] = _mm_sha256msg2_epu32(nx, cur);
			}
			msg = _mm_shuffle_epi32(msg, 0x0e);
			st0 = _mm_sha256rnds2_epu32(st0, st1, msg);
			if (g >= 1 && g <= 12)
				w[(g - 1) & 3] = _mm_sha256msg1_epu32(
					w[(g - 1) & 3], cur);
		}
		st0 = _mm_add_epi32(st0, save0);
		st1 = _mm_add_epi32(st1, save1);
	}
	tmp = _mm_shuffle_epi32(st0, 0x1b);    /* FEBA */
	st1 = _mm_shuffle_epi32(st1, 0xb1);    /* DCHG */
	st0 = _mm_blend_epi16(tmp, st1, 0xf0); /* DCBA */
	st1 = _mm_alignr_epi8(st1, tmp, 8);    /* HGFE */
	_mm_storeu_si128((__m128i *)&h[0], st0);
	_mm_storeu_si128((__m128i *)&h[4], st1);
}

#else

bool sha256_ni_available(void)
{
	return false;
}

void sha256_ni_blocks(uint32_t h[8], const uint8_t *p, size_t n)
{
	(void)h;
	(void)p;
	(void)n;
}

#endif
