/* The one pseudo-random generator of the project (splitmix64): small state,
 * good spread, and the same sequence on every host, so it may drive
 * anything that must replay. */
#ifndef REWIND_CORE_PRNG_H
#define REWIND_CORE_PRNG_H

#include <stdint.h>

static inline uint64_t prng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

#endif
