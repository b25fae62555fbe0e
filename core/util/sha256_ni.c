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
				cur, _mm_loadu_si128((
					     const __m128i *)&sha256_k[4 * g]));
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
