/* Inside the snapshot files: record types and the restored chain, shared
 * by the writer (snapshot.c) and the reader (snapshot_read.c). */
#ifndef REWIND_SNAPSHOTS_SNAPFILE_H
#define REWIND_SNAPSHOTS_SNAPFILE_H

#include "../replay/logfile.h"
#include "../replay/recording.h"
#include "hashmap.h"

#include <stdint.h>

enum {
	SNAP_STATE = 'S',   /* u64 offset, bytes: a piece of the state blob */
	SNAP_TABLE = 'T',   /* u64 first page, u32 n, n hashes */
	SNAP_CONTENT = 'C', /* hash, PAGE_SIZE bytes */
	SNAP_END = 'E',	    /* u64 icount, state bytes, entries, contents */
};
#define SNAP_PIECE     (LOG_RECORD_MAX - 64)
#define SNAP_TABLE_RUN ((LOG_RECORD_MAX - 64) / HASH_BYTES)
#define SNAP_END_LEN   33

struct snapshot_chain {
	char path[REC_PATH_MAX]; /* the tip, as it was opened */
	uint8_t sha256[HASH_BYTES];
	unsigned depth;
	uint64_t npages;
	/* Per RAM page, its content hash; all zero for a zero page. */
	uint8_t (*table)[HASH_BYTES];
	/* Every content some file of the chain stores. */
	struct hashmap held;
};

/* The content hash of one page: its SHA-256, or all zero when the page
 * is zero (which no content record stores). */
void snap_page_hash(const uint8_t *page, uint8_t out[HASH_BYTES]);
bool snap_hash_is_zero(const uint8_t h[HASH_BYTES]);

#endif
