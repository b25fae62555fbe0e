/* Inside the snapshot files: record types and the restored chain, shared
 * by the writer (snapshot.c) and the reader (snapshot_read.c). */
#ifndef REWIND_SNAPSHOTS_SNAPFILE_H
#define REWIND_SNAPSHOTS_SNAPFILE_H

#include "../core/state.h"
#include "../replay/logfile.h"
#include "../replay/recording.h"
#include "hashmap.h"
#include "snapshot.h"

#include <stdint.h>

enum {
	SNAP_STATE = 'S',   /* u64 offset, bytes: a piece of the state blob */
	SNAP_TABLE = 'T',   /* v2: u64 first page, u32 n, n hashes */
	SNAP_CONTENT = 'C', /* v2: hash, PAGE_SIZE bytes */
	SNAP_PAGES = 'P',   /* v3: u64 first page, u32 n, n CRC-32Cs */
	SNAP_ZERO = 'Z',    /* v3: u64 first page, u32 n */
	SNAP_END = 'E',	    /* v2: u64 icount, state bytes, entries,
			     * contents; v3: u64 icount, state bytes, pages
			     * stored, zero pages */
};
#define SNAP_PIECE     (LOG_RECORD_MAX - 64)
#define SNAP_TABLE_RUN ((LOG_RECORD_MAX - 64) / HASH_BYTES)
#define SNAP_PAGES_RUN ((LOG_RECORD_MAX - 64) / 4)
#define SNAP_END_LEN   33
/* The format before page areas, still read. */
#define SNAPSHOT_VERSION_HASHED 2

struct snapshot_chain {
	char path[REC_PATH_MAX]; /* the tip, as it was opened */
	/* Version 2: the tip file's SHA-256; version 3: its identity (the
	 * SHA-256 of its header and records, see snap3_open). */
	uint8_t sha256[HASH_BYTES];
	unsigned version;
	unsigned depth;
	uint64_t npages;
	/* Version 2 only (children of version 3 files need neither): per
	 * RAM page, its content hash, all zero for a zero page; and every
	 * content some file of the chain stores. */
	uint8_t (*table)[HASH_BYTES];
	struct hashmap held;
};

/* The state blob's largest size: a bound on what a file can make us
 * allocate. */
#define SNAP_BLOB_MAX (64u << 20)
/* One state record (p, n bytes: kind, 8-byte offset, data) appended to
 * the blob pieced together so far (*len bytes long). Only the tip of a
 * chain keeps the data (*blob, *bloblen); the others only check the
 * order and the bound. 0, or -1 when the record is malformed or out of
 * memory. */
int snap_state_piece(uint8_t **blob, size_t *bloblen, bool tip, size_t *len,
		     const uint8_t *p, size_t n);

/* The content hash of one page: its SHA-256, or all zero when the page
 * is zero (which no content record stores). */
void snap_page_hash(const uint8_t *page, uint8_t out[HASH_BYTES]);
bool snap_hash_is_zero(const uint8_t h[HASH_BYTES]);
bool snap_page_is_zero(const uint8_t *page);
/* The checksum of one stored page in a version 3 page area. */
uint32_t snap_page_crc(const uint8_t *page);

/* Shared by the readers of both versions. The header of the container r
 * opened (NULL: opening failed, err says why) as a snapshot configuration
 * of a version this rewind reads. Closes r. */
int snap_header(struct log_reader *r, const char *path, struct rec_config *c,
		char *err, size_t errlen);
/* A child must describe the same machine as its parent. */
bool snap_same_machine(const struct rec_config *a, const struct rec_config *b);
/* Where the parent named in the header of the child at child_path lives:
 * relative names are relative to the child's directory. */
int snap_parent_path(const char *child_path, const char *name, char *out,
		     size_t outlen);
/* The machine-state digest (struct snapshot_info's state_sha256). */
void snap_state_digest(const uint8_t *blob, size_t bloblen,
		       const uint8_t (*table)[HASH_BYTES], uint64_t npages,
		       uint8_t out[HASH_BYTES]);

/* A save in two halves. snapshot.c takes what needs the machine while
 * it is stopped (the state blob, which pages to store, a copy of them);
 * snapshot_job.c writes the file from that copy on a thread of its own
 * while the machine runs on: checksums, records, page area, fdatasync,
 * rename. */
struct snap_run {
	uint64_t first;
	uint32_t n;
	bool zero;
};

struct snap_job {
	char path[REC_PATH_MAX];
	char tmp[REC_PATH_MAX + 16]; /* path.part, open as fd */
	int fd;
	char *header;
	size_t hlen;
	struct state_buf blob;
	uint64_t icount;
	/* The pages this file lists, as runs of stored or zero pages. */
	struct snap_run *run;
	size_t nrun, runcap;
	uint64_t stored, zeros;
	/* The stored pages, copied out in the order the runs list them, at
	 * the start of an anonymous mapping of map_len bytes. */
	uint8_t *pages;
	size_t map_len;
	double t0; /* when the save started (CLOCK_MONOTONIC seconds) */
	snapshot_save_done *done;
	void *arg;
	struct snapshot_save_stats st;
	int rc; /* 0, or -1 with err */
	char err[REC_PATH_MAX + 1024];
};

/* The background half: on return j->rc, j->err and j->st say how it
 * went, and the file is renamed into place, or .part removed. */
void snap_job_write(struct snap_job *j);
void snap_job_free(struct snap_job *j);
/* Start j on a thread of its own (or, when no thread can be had, run it
 * here); it becomes the save in flight. */
void snap_job_launch(struct snap_job *j);
double snap_seconds(void);

/* Version 3 (snapshot_read3.c). The chain whose tip is at path (or, with
 * data, in memory: size bytes, no parent), checked; with m, loaded into
 * it (RAM from power-on, then the state). expect_sha256 (hex, or NULL):
 * what the tip file must hash to. With chain, what a child save needs;
 * with info and cfg, what `snapshot info` shows. 0, or -1 with err. */
int snap3_load(struct machine *m, const char *path, const void *data,
	       size_t size, const char *expect_sha256,
	       struct snapshot_chain **chain, struct snapshot_info *info,
	       struct rec_config *cfg, char *err, size_t errlen);

#endif
