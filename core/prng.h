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

/* How many numbers were drawn from seed to reach state: the additive
 * step is odd, so it has an inverse modulo 2^64 (Newton's iteration
 * doubles the good bits each round: 3 -> 6 -> ... -> 96). */
static inline uint64_t prng_index(uint64_t state, uint64_t seed)
{
	const uint64_t step = 0x9e3779b97f4a7c15ull;
	uint64_t inv = step;
	for (int i = 0; i < 5; i++)
		inv *= 2 - step * inv;
	return (state - seed) * inv;
}

#endif
