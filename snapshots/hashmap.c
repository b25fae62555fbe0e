/* Open addressing with linear probing, kept at most half full. */
#include "hashmap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static size_t hashmap_index(const struct hashmap *h,
			    const uint8_t key[HASH_BYTES])
{
	/* Digests spread well by themselves, but a crafted file may hand us
	 * keys that are not digests: all 32 bytes are mixed in, so that only
	 * keys chosen to collide probe long. */
	uint64_t w[4], x = 0;
	memcpy(w, key, sizeof(w));
	for (int i = 0; i < 4; i++) {
		x = (x ^ w[i]) * 0x9e3779b97f4a7c15ull;
		x ^= x >> 29;
	}
	return (size_t)(x >> 17) & (h->cap - 1);
}

struct hashmap_slot *hashmap_find(const struct hashmap *h,
				  const uint8_t key[HASH_BYTES])
{
	if (!h->cap)
		return NULL;
	for (size_t i = hashmap_index(h, key);; i = (i + 1) & (h->cap - 1)) {
		struct hashmap_slot *s = &h->slot[i];
		if (!s->used)
			return NULL;
		if (memcmp(s->key, key, HASH_BYTES) == 0)
			return s;
	}
}

static void hashmap_put(struct hashmap *h, const uint8_t key[HASH_BYTES],
			uint32_t value)
{
	size_t i = hashmap_index(h, key);
	while (h->slot[i].used)
		i = (i + 1) & (h->cap - 1);
	memcpy(h->slot[i].key, key, HASH_BYTES);
	h->slot[i].value = value;
	h->slot[i].used = true;
	h->count++;
}

static int hashmap_grow(struct hashmap *h)
{
	size_t ncap = h->cap ? h->cap * 2 : 64;
	struct hashmap n = {.slot = calloc(ncap, sizeof(*n.slot)), .cap = ncap};
	if (!n.slot)
		return -ENOMEM;
	for (size_t i = 0; i < h->cap; i++)
		if (h->slot[i].used)
			hashmap_put(&n, h->slot[i].key, h->slot[i].value);
	free(h->slot);
	*h = n;
	return 0;
}

int hashmap_add(struct hashmap *h, const uint8_t key[HASH_BYTES],
		uint32_t value)
{
	if (hashmap_find(h, key))
		return 0;
	if ((h->count + 1) * 2 > h->cap && hashmap_grow(h))
		return -ENOMEM;
	hashmap_put(h, key, value);
	return 1;
}

void hashmap_free(struct hashmap *h)
{
	free(h->slot);
	memset(h, 0, sizeof(*h));
}
