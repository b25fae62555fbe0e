/* Binary search over arrays sorted by a u64 key (symbols by address,
 * checkpoints by icount): "the last element at or below x" is asked in
 * several places and written once here. */
#ifndef REWIND_CORE_UTIL_SEARCH_H
#define REWIND_CORE_UTIL_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The number of leading elements whose key is <= key: the index just past
 * the last one at or below it (0 when there is none). base holds n
 * elements of `size` bytes, each with a u64 key at key_off, in ascending
 * key order. */
static inline size_t search_upper(const void *base, size_t n, size_t size,
				  size_t key_off, uint64_t key)
{
	const char *p = base;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k;
		memcpy(&k, p + mid * size + key_off, sizeof(k));
		if (k <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* search_upper over array arr of n elements keyed by their u64 `field`. */
#define SEARCH_UPPER(arr, n, field, key)                                       \
	search_upper((arr), (n), sizeof(*(arr)),                               \
		     offsetof(__typeof__(*(arr)), field), (key))

#endif
