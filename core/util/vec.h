/* Growable arrays: the capacity doubles, so that appending n elements one
 * by one copies O(n) elements in all. The array stays a plain pointer and
 * a capacity in its owner's struct, typed as the owner wants. */
#ifndef REWIND_CORE_UTIL_VEC_H
#define REWIND_CORE_UTIL_VEC_H

#include <stddef.h>

/* The array p, of *cap elements of `size` bytes, with room for at least
 * `need`. Returns the array (moved when it grew) and updates *cap; or NULL
 * when memory or the size runs out, with p still valid and *cap unchanged.
 * need must be at least 1. */
void *vec_grow(void *p, size_t *cap, size_t need, size_t size);
/* The same, never growing past `max` elements (max >= need), so that a
 * buffer stays within the limits of the format it holds. */
void *vec_grow_max(void *p, size_t *cap, size_t need, size_t size, size_t max);

#endif
