/* Snapshot files: the whole machine at one icount, restorable so that
 * running on gives exactly what running on without the snapshot gives.
 *
 * A snapshot is a container file (see docs/recording-format.md for the
 * container) whose header is the machine configuration with the content
 * hash of every image, and whose records are the machine state (CPU,
 * devices, disk overlays, scheduler) and the list of RAM pages it holds
 * with a CRC-32C each; the pages themselves follow the container,
 * uncompressed, so that a restore reads them straight into guest RAM. An
 * incremental snapshot names its parent file by path and identity and
 * holds only the pages written since the parent. See
 * docs/snapshot-format.md. */
#ifndef REWIND_SNAPSHOTS_SNAPSHOT_H
#define REWIND_SNAPSHOTS_SNAPSHOT_H

#include "../replay/recording.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The format this code writes; it reads version 2 files too. */
#define SNAPSHOT_VERSION 3
/* The most files in one chain, the full snapshot included: each restore
 * reads them all. */
#define SNAPSHOT_CHAIN_MAX 64

struct machine;

/* What restoring a chain leaves behind, for saving children of it: the
 * tip's path and file hash, and every page's content hash. */
struct snapshot_chain;

struct snapshot_info {
	uint64_t icount;
	uint64_t state_bytes;	   /* CPU, device and disk state */
	uint64_t pages_listed;	   /* page-table entries in this file */
	uint64_t pages_stored;	   /* page contents in this file */
	uint64_t pages_referenced; /* non-zero RAM pages the chain restores */
	unsigned depth;		   /* files in the chain; 1: a full snapshot */
	uint64_t raw_bytes, stored_bytes;
	/* SHA-256 of the state blob followed by, for each non-zero page in
	 * order, its number (u64 LE) and content hash: equal exactly when
	 * two snapshots restore the same machine. */
	uint8_t state_sha256[32];
	uint8_t file_sha256[32];
	/* Version 3: what children name it by (see docs/snapshot-format.md);
	 * version 2: the file's SHA-256. */
	uint8_t id[32];
	unsigned version;
};

struct snapshot_save_stats {
	uint64_t pages_listed, pages_stored, bytes;
	/* How long the machine had to stay stopped (its state and pages
	 * copied out), and how long until the file was synced and renamed
	 * into place, both from the start of the save. */
	double paused_seconds, durable_seconds;
};

/* Called on the save's own thread once the file is in place (rc 0) or
 * the save failed (rc -1, err says why). */
typedef void snapshot_save_done(void *arg, int rc, const char *err,
				const struct snapshot_save_stats *st);

/* Write machine m (configured as c) to path, as a full snapshot, or, with
 * parent (the chain m was restored from, with the bus's dirty bits
 * accumulated since), as an incremental child of it. Never leaves a
 * half-written file under that name. Returns once the file is synced and
 * renamed into place: 0, or -1 with a message in err. */
int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen);
int snapshot_save_child(const struct machine *m, const struct rec_config *c,
			const struct snapshot_chain *parent, const char *path,
			bool force, struct snapshot_save_stats *st, char *err,
			size_t errlen);
/* The same, returning as soon as m may run on: its state and pages are
 * copied out, and a thread of its own writes, syncs and renames the file.
 * One save is in flight at a time: a new one, any read of a snapshot file
 * and the process's exit first wait for it. Its outcome goes to done
 * (called on that thread) when given, else to snapshot_save_wait. 0 when
 * the save is under way (st->paused_seconds set), or -1 with err. */
int snapshot_save_start(const struct machine *m, const struct rec_config *c,
			const struct snapshot_chain *parent, const char *path,
			bool force, snapshot_save_done *done, void *arg,
			struct snapshot_save_stats *st, char *err,
			size_t errlen);
/* Wait for the save in flight (one started without done) to end: 0 when
 * it is in place or there was none, -1 with err when it failed. st (may
 * be NULL) gets its numbers. */
int snapshot_save_wait(struct snapshot_save_stats *st, char *err,
		       size_t errlen);
/* Wait for the save in flight to be in place (or to fail), keeping its
 * outcome for whoever collects it: what every reader of snapshot files
 * does first, so that none reads a file still being written. */
void snapshot_save_join(void);

/* Read a snapshot's configuration (images checked against their hashes). */
int snapshot_config(const char *path, struct rec_config *c, char *err,
		    size_t errlen);

/* Restore path, with its parents, into m, a machine freshly
 * built and booted from the snapshot's configuration: RAM, every hart and
 * device. expect_sha256 (hex, or NULL) is what the file must hash to.
 * With chain, also hand back what a child save needs (free with
 * snapshot_chain_free); the bus's dirty bits are cleared, so that they
 * say which pages changed since. 0, or -1 with a message in err. */
int snapshot_restore(struct machine *m, const char *path, char *err,
		     size_t errlen);
int snapshot_restore_chain(struct machine *m, const char *path,
			   const char *expect_sha256,
			   struct snapshot_chain **chain, char *err,
			   size_t errlen);
/* The same from a snapshot already in memory, which may not have a
 * parent: for the fuzzer. m may be NULL (check only). */
int snapshot_restore_mem(struct machine *m, const void *data, size_t size,
			 struct snapshot_info *info, char *err, size_t errlen);
void snapshot_chain_free(struct snapshot_chain *chain);
/* The SHA-256 of the chain's tip file, and how many files it has. */
const uint8_t *snapshot_chain_sha256(const struct snapshot_chain *chain);
unsigned snapshot_chain_depth(const struct snapshot_chain *chain);
/* The snapshot version of its files: only SNAPSHOT_VERSION ones can have
 * children. */
unsigned snapshot_chain_version(const struct snapshot_chain *chain);

/* Everything `snapshot info` shows; the whole chain is read and checked. */
int snapshot_info(const char *path, struct rec_config *c,
		  struct snapshot_info *info, char *err, size_t errlen);

#endif
