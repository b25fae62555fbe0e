/* Snapshot files: the whole machine at one icount, restorable so that
 * running on gives exactly what running on without the snapshot gives.
 *
 * A snapshot is a container file (see docs/recording-format.md for the
 * container) whose header is the machine configuration with the content
 * hash of every image, and whose records are the machine state (CPU,
 * devices, disk overlays, scheduler) and the RAM pages ever written, zero
 * pages left out. See docs/snapshot-format.md. */
#ifndef REWIND_SNAPSHOTS_SNAPSHOT_H
#define REWIND_SNAPSHOTS_SNAPSHOT_H

#include "../replay/recording.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

/* Write machine m (configured as c) to path; never leaves a half-written
 * file under that name. 0, or -1 with a message in err. */
int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen);

/* Read a snapshot's configuration (images checked against their hashes). */
int snapshot_config(const char *path, struct rec_config *c, char *err,
		    size_t errlen);

/* Restore path into m, a machine freshly built and booted from the
 * snapshot's configuration: RAM, every hart and device. */
int snapshot_restore(struct machine *m, const char *path, char *err,
		     size_t errlen);

struct snapshot_info {
	uint64_t icount;
	uint64_t pages;	      /* RAM pages stored */
	uint64_t state_bytes; /* CPU, device and disk state */
	uint64_t raw_bytes, stored_bytes;
};
int snapshot_info(const char *path, struct rec_config *c,
		  struct snapshot_info *info, char *err, size_t errlen);

#endif
