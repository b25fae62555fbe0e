/* Recordings and snapshots share the container and the header syntax:
 * what tells them apart, for every command that is handed the wrong one. */
#ifndef REWIND_SNAPSHOTS_FILE_KIND_H
#define REWIND_SNAPSHOTS_FILE_KIND_H

#include "../replay/logfile.h"
#include "../replay/recording.h"

enum file_kind {
	FILE_KIND_UNKNOWN, /* no record says (empty, damaged) */
	FILE_KIND_RECORDING,
	FILE_KIND_SNAPSHOT,
};

/* What the container r holds, given its parsed header c. Snapshots from
 * version 2 on say so in their header; for other files the first record
 * decides, so this may read it: r is then used up for anything else. */
enum file_kind file_kind_read(struct log_reader *r, const struct rec_config *c);

/* The same for the file at path, opened on its own: UNKNOWN also when it
 * cannot be opened or its header parsed (the caller's own reading will
 * say why). */
enum file_kind file_kind_of(const char *path);

#endif
