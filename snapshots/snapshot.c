/* Snapshot files on top of the recording container. */
#include "snapshot.h"
#include "../core/machine.h"
#include "../core/state.h"
#include "../replay/le.h"
#include "../replay/logfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	SNAP_STATE = 'S', /* u64 offset, bytes: a piece of the state blob */
	SNAP_PAGE = 'P',  /* u64 page number, PAGE_SIZE bytes of RAM */
	SNAP_END = 'E',	  /* u64 icount, u64 state bytes, u64 pages */
};
#define SNAP_PIECE (LOG_RECORD_MAX - 64)

static bool page_is_zero(const uint8_t *p)
{
	static const uint8_t zero[PAGE_SIZE];
	return memcmp(p, zero, PAGE_SIZE) == 0;
}

/* The records of machine m into w. */
static int snapshot_write(const struct machine *m, struct log_writer *w,
			  uint8_t *rec, char *err, size_t errlen)
{
	struct state_buf b = {0};
	if (machine_save(m, &b) || b.oom) {
		free(b.p);
		snprintf(err, errlen, "out of memory saving the machine");
		return -1;
	}
	int rc = 0;
	for (size_t off = 0; off < b.len && rc == 0; off += SNAP_PIECE) {
		size_t n = b.len - off < SNAP_PIECE ? b.len - off : SNAP_PIECE;
		rec[0] = SNAP_STATE;
		le_put64(rec + 1, off);
		memcpy(rec + 9, b.p + off, n);
		rc = log_writer_append(w, rec, n + 9);
	}
	/* Pages never written are zero; so are the written ones that are
	 * zero again. Neither is stored. */
	const struct mem_region *r = m->ram;
	uint64_t pages = 0;
	for (uint64_t p = 0; p < r->size >> PAGE_SHIFT && rc == 0; p++) {
		const uint8_t *data = r->host + (p << PAGE_SHIFT);
		if (!(r->written[p / 64] >> (p % 64) & 1) || page_is_zero(data))
			continue;
		rec[0] = SNAP_PAGE;
		le_put64(rec + 1, p);
		memcpy(rec + 9, data, PAGE_SIZE);
		rc = log_writer_append(w, rec, PAGE_SIZE + 9);
		pages++;
	}
	if (rc == 0) {
		rec[0] = SNAP_END;
		le_put64(rec + 1, m->icount);
		le_put64(rec + 9, b.len);
		le_put64(rec + 17, pages);
		rc = log_writer_append(w, rec, 25);
	}
	free(b.p);
	if (rc < 0)
		snprintf(err, errlen, "%s", strerror(-rc));
	return rc < 0 ? -1 : 0;
}

int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen)
{
	if (!force && access(path, F_OK) == 0) {
		snprintf(err, errlen, "%s exists; use --force to replace it",
			 path);
		return -1;
	}
	/* Written under a temporary name and renamed when complete, so a
	 * failed save never leaves a half-written file under the name. */
	char tmp[REC_PATH_MAX + 16];
	snprintf(tmp, sizeof(tmp), "%s.part", path);
	size_t hlen;
	char *header = recording_header_build(c, &hlen);
	struct log_writer *w =
		header ? log_writer_open(tmp, true, header, hlen, err, errlen)
		       : NULL;
	free(header);
	if (!w)
		return -1;
	uint8_t *rec = malloc(SNAP_PIECE + 64);
	int rc = rec ? snapshot_write(m, w, rec, err, errlen) : -1;
	free(rec);
	if (log_writer_close(w) < 0 && rc == 0) {
		snprintf(err, errlen, "writing %s failed", tmp);
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc)
		unlink(tmp);
	return rc;
}

static struct log_reader *snapshot_open(const char *path, struct rec_config *c,
					char *err, size_t errlen)
{
	char why[512];
	struct log_reader *r = log_reader_open(path, why, sizeof(why));
	if (!r) {
		snprintf(err, errlen, "%s", why);
		return NULL;
	}
	size_t hlen;
	const char *h = log_reader_header(r, &hlen);
	if (recording_header_parse(h, hlen, c, why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", path, why);
		log_reader_close(r);
		return NULL;
	}
	return r;
}

int snapshot_config(const char *path, struct rec_config *c, char *err,
		    size_t errlen)
{
	struct log_reader *r = snapshot_open(path, c, err, errlen);
	if (!r)
		return -1;
	log_reader_close(r);
	char why[900];
	if (recording_check_images(c, why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	return 0;
}

/* Walk every record; pages go into m (when not NULL), the state blob is
 * gathered into *blob. */
static int snapshot_read(struct log_reader *r, struct machine *m,
			 uint8_t **blob, size_t *bloblen,
			 struct snapshot_info *info, const char *path,
			 char *err, size_t errlen)
{
	const void *rec;
	size_t len;
	int n;
	bool ended = false;
	memset(info, 0, sizeof(*info));
	while ((n = log_reader_next(r, &rec, &len)) > 0) {
		const uint8_t *p = rec;
		if (ended || len < 9)
			goto corrupt;
		uint64_t a = le_get64(p + 1);
		if (p[0] == SNAP_STATE) {
			/* Pieces come in order and the blob is bounded. */
			if (a != *bloblen || a + (len - 9) > (64u << 20))
				goto corrupt;
			uint8_t *nb = realloc(*blob, a + (len - 9));
			if (!nb)
				goto corrupt;
			*blob = nb;
			memcpy(nb + a, p + 9, len - 9);
			*bloblen = a + (len - 9);
		} else if (p[0] == SNAP_PAGE) {
			if (len != PAGE_SIZE + 9 ||
			    (m && a >= m->ram->size >> PAGE_SHIFT))
				goto corrupt;
			if (m)
				bus_load_page(m->ram, a, p + 9);
			info->pages++;
		} else if (p[0] == SNAP_END && len == 25) {
			info->icount = a;
			if (le_get64(p + 9) != *bloblen ||
			    le_get64(p + 17) != info->pages)
				goto corrupt;
			ended = true;
		} else {
			goto corrupt;
		}
	}
	if (n < 0) {
		snprintf(err, errlen, "%s", log_reader_error(r));
		return -1;
	}
	if (!ended) {
		snprintf(err, errlen, "%s is truncated", path);
		return -1;
	}
	info->state_bytes = *bloblen;
	return 0;
corrupt:
	snprintf(err, errlen, "%s: corrupt snapshot record", path);
	return -1;
}

int snapshot_restore(struct machine *m, const char *path, char *err,
		     size_t errlen)
{
	struct rec_config c;
	struct log_reader *r = snapshot_open(path, &c, err, errlen);
	if (!r)
		return -1;
	/* From power-on: RAM cleared, then the stored pages and state. */
	machine_reboot(m);
	uint8_t *blob = NULL;
	size_t bloblen = 0;
	struct snapshot_info info;
	int rc = snapshot_read(r, m, &blob, &bloblen, &info, path, err, errlen);
	log_reader_close(r);
	if (rc == 0) {
		struct state_reader sr = {blob, blob + bloblen, false};
		char why[512];
		if (machine_load(m, &sr, why, sizeof(why))) {
			snprintf(err, errlen, "%s: %s", path, why);
			rc = -1;
		}
	}
	free(blob);
	return rc;
}

int snapshot_info(const char *path, struct rec_config *c,
		  struct snapshot_info *info, char *err, size_t errlen)
{
	struct log_reader *r = snapshot_open(path, c, err, errlen);
	if (!r)
		return -1;
	uint8_t *blob = NULL;
	size_t bloblen = 0;
	int rc = snapshot_read(r, NULL, &blob, &bloblen, info, path, err,
			       errlen);
	struct log_stats st;
	log_reader_stats(r, &st);
	info->raw_bytes = st.raw_bytes;
	info->stored_bytes = st.stored_bytes;
	log_reader_close(r);
	free(blob);
	return rc;
}
