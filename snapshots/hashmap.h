/* A map from 32-byte content hashes to 32-bit values (page numbers), for
 * finding pages by content: which contents a snapshot chain already holds,
 * and where a restored content goes. The keys are SHA-256 digests, so
 * their first bytes index the table directly. */
#ifndef REWIND_SNAPSHOTS_HASHMAP_H
#define REWIND_SNAPSHOTS_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HASH_BYTES 32

struct hashmap_slot {
	uint8_t key[HASH_BYTES];
	uint32_t value;
	bool used;
};

struct hashmap {
	struct hashmap_slot *slot;
	size_t cap; /* a power of two, or 0 */
	size_t count;
};

/* The slot holding key, or NULL; its value may be changed. */
struct hashmap_slot *hashmap_find(const struct hashmap *h,
				  const uint8_t key[HASH_BYTES]);
/* Insert key with value unless present. 1 inserted, 0 present (*value
 * left as it was), -ENOMEM with the map unchanged. */
int hashmap_add(struct hashmap *h, const uint8_t key[HASH_BYTES],
		uint32_t value);
void hashmap_free(struct hashmap *h);

#endif
