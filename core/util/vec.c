#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

/* The first allocation: small arrays stay small, and growth from nothing
 * skips the tiny sizes. */
#define VEC_FIRST_BYTES 256

void *vec_grow_max(void *p, size_t *cap, size_t need, size_t size, size_t max)
{
	if (need <= *cap)
		return p;
	if (need > max || need > SIZE_MAX / size)
		return NULL;
	size_t n = *cap ? *cap : (VEC_FIRST_BYTES + size - 1) / size;
	while (n < need && n <= SIZE_MAX / 2)
		n *= 2;
	if (n < need)
		n = need;
	if (n > max)
		n = max;
	if (n > SIZE_MAX / size)
		n = need;
	void *q = realloc(p, n * size);
	if (!q)
		return NULL;
	*cap = n;
	return q;
}

void *vec_grow(void *p, size_t *cap, size_t need, size_t size)
{
	return vec_grow_max(p, cap, need, size, SIZE_MAX);
}
