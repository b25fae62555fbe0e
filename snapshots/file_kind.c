#include "file_kind.h"
#include "../replay/events.h"
#include "snapfile.h"

#include <stdint.h>
#include <stdlib.h>

enum file_kind file_kind_read(struct log_reader *r, const struct rec_config *c)
{
	if (c->snapshot_version)
		return FILE_KIND_SNAPSHOT;
	const void *rec;
	size_t len;
	if (log_reader_next(r, &rec, &len) <= 0 || !len)
		return FILE_KIND_UNKNOWN;
	uint8_t type = *(const uint8_t *)rec;
	if (type >= EV_WALL && type < EV_KINDS)
		return FILE_KIND_RECORDING;
	/* Version 1 snapshots carry no version key: their records do. */
	if (type == SNAP_STATE || type == SNAP_TABLE || type == SNAP_CONTENT ||
	    type == SNAP_END)
		return FILE_KIND_SNAPSHOT;
	return FILE_KIND_UNKNOWN;
}

enum file_kind file_kind_of(const char *path)
{
	char err[512];
	struct log_reader *r = log_reader_open(path, err, sizeof(err));
	if (!r)
		return FILE_KIND_UNKNOWN;
	enum file_kind k = FILE_KIND_UNKNOWN;
	struct rec_config *c = malloc(sizeof(*c));
	size_t hlen;
	const char *h = log_reader_header(r, &hlen);
	if (c && !recording_header_parse(h, hlen, c, err, sizeof(err)))
		k = file_kind_read(r, c);
	free(c);
	log_reader_close(r);
	return k;
}
