/* Writing snapshot files on top of the recording container. */
#include "snapshot.h"
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/le.h"
#include "../core/util/sha256.h"
#include "../core/util/vec.h"
#include "snapfile.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool snap_hash_is_zero(const uint8_t h[HASH_BYTES])
{
	static const uint8_t zero[HASH_BYTES];
	return memcmp(h, zero, HASH_BYTES) == 0;
}

static bool page_is_zero(const uint8_t *p)
{
	static const uint8_t zero[PAGE_SIZE];
	return memcmp(p, zero, PAGE_SIZE) == 0;
}

void snap_page_hash(const uint8_t *page, uint8_t out[HASH_BYTES])
{
	if (page_is_zero(page))
		memset(out, 0, HASH_BYTES);
	else
		sha256_buf(page, PAGE_SIZE, out);
}

/* One page-table entry of the file being written. */
struct snap_entry {
	uint64_t page;
	uint8_t hash[HASH_BYTES];
};

/* The pages this file lists: with a parent, those dirty since the restore
 * whose content differs from the chain's; without, every non-zero page
 * ever written (the rest read as zero). *out is malloc'd. */
static int snap_entries(const struct machine *m,
			const struct snapshot_chain *parent,
			struct snap_entry **out, size_t *n)
{
	const struct mem_region *r = m->ram;
	uint64_t pages = r->size >> PAGE_SHIFT;
	const uint64_t *cand = parent ? r->dirty : r->written;
	size_t cap = 0, len = 0;
	struct snap_entry *e = NULL;
	for (uint64_t w = 0; w < (pages + 63) / 64; w++) {
		for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
			uint64_t p = w * 64 + (uint64_t)__builtin_ctzll(bits);
			uint8_t h[HASH_BYTES];
			snap_page_hash(r->host + (p << PAGE_SHIFT), h);
			if (parent ? !memcmp(h, parent->table[p], HASH_BYTES)
				   : snap_hash_is_zero(h))
				continue;
			struct snap_entry *ne =
				vec_grow(e, &cap, len + 1, sizeof(*e));
			if (!ne) {
				free(e);
				return -ENOMEM;
			}
			e = ne;
			e[len].page = p;
			memcpy(e[len++].hash, h, HASH_BYTES);
		}
	}
	*out = e;
	*n = len;
	return 0;
}

/* The page table as runs of consecutive pages. */
static int snap_write_table(struct log_writer *w, uint8_t *rec,
			    const struct snap_entry *e, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		size_t run = 1;
		while (i + run < n && run < SNAP_TABLE_RUN &&
		       e[i + run].page == e[i].page + run)
			run++;
		rec[0] = SNAP_TABLE;
		le_put64(rec + 1, e[i].page);
		le_put32(rec + 9, (uint32_t)run);
		for (size_t k = 0; k < run; k++)
			memcpy(rec + 13 + k * HASH_BYTES, e[i + k].hash,
			       HASH_BYTES);
		rc = log_writer_append(w, rec, 13 + run * HASH_BYTES);
		i += run;
	}
	return rc;
}

/* Each content once, and none the chain holds already. */
static int snap_write_contents(const struct machine *m, struct log_writer *w,
			       uint8_t *rec, const struct snap_entry *e,
			       size_t n, const struct snapshot_chain *parent,
			       uint64_t *stored)
{
	struct hashmap seen = {0};
	int rc = 0;
	*stored = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (snap_hash_is_zero(e[i].hash) ||
		    (parent && hashmap_find(&parent->held, e[i].hash)))
			continue;
		rc = hashmap_add(&seen, e[i].hash, 0);
		if (rc <= 0)
			continue;
		rec[0] = SNAP_CONTENT;
		memcpy(rec + 1, e[i].hash, HASH_BYTES);
		memcpy(rec + 1 + HASH_BYTES,
		       m->ram->host + (e[i].page << PAGE_SHIFT), PAGE_SIZE);
		rc = log_writer_append(w, rec, 1 + HASH_BYTES + PAGE_SIZE);
		(*stored)++;
	}
	hashmap_free(&seen);
	return rc;
}

/* The records of machine m into w. */
static int snapshot_write(const struct machine *m,
			  const struct snapshot_chain *parent,
			  struct log_writer *w, uint8_t *rec,
			  struct snapshot_save_stats *st)
{
	struct state_buf b = {0};
	if (machine_save(m, &b) || b.oom) {
		free(b.p);
		return -ENOMEM;
	}
	int rc = 0;
	for (size_t off = 0; off < b.len && rc == 0; off += SNAP_PIECE) {
		size_t n = b.len - off < SNAP_PIECE ? b.len - off : SNAP_PIECE;
		rec[0] = SNAP_STATE;
		le_put64(rec + 1, off);
		memcpy(rec + 9, b.p + off, n);
		rc = log_writer_append(w, rec, n + 9);
	}
	struct snap_entry *e = NULL;
	size_t n = 0;
	if (rc == 0)
		rc = snap_entries(m, parent, &e, &n);
	if (rc == 0)
		rc = snap_write_table(w, rec, e, n);
	uint64_t stored = 0;
	if (rc == 0)
		rc = snap_write_contents(m, w, rec, e, n, parent, &stored);
	if (rc == 0) {
		rec[0] = SNAP_END;
		le_put64(rec + 1, m->icount);
		le_put64(rec + 9, b.len);
		le_put64(rec + 17, n);
		le_put64(rec + 25, stored);
		rc = log_writer_append(w, rec, SNAP_END_LEN);
	}
	st->pages_listed = n;
	st->pages_stored = stored;
	free(e);
	free(b.p);
	return rc;
}

/* How the child at path names its parent: by file name when both live in
 * one directory, so that the pair can move together; else by absolute
 * path, so that the name does not depend on where rewind runs. */
static int snap_parent_name(const char *path, const char *parent, char *out,
			    size_t outlen)
{
	char abs[PATH_MAX], dir[PATH_MAX], cdir[PATH_MAX];
	if (!realpath(parent, abs))
		return -errno;
	snprintf(dir, sizeof(dir), "%s", path);
	if (!realpath(dirname(dir), cdir))
		return -errno;
	snprintf(dir, sizeof(dir), "%s", abs);
	const char *pdir = dirname(dir);
	const char *base = abs + strlen(pdir) + (strcmp(pdir, "/") != 0);
	if (!strcmp(pdir, cdir))
		return snprintf(out, outlen, "%s", base) < (int)outlen
			       ? 0
			       : -ENAMETOOLONG;
	return snprintf(out, outlen, "%s", abs) < (int)outlen ? 0
							      : -ENAMETOOLONG;
}

int snapshot_save_child(const struct machine *m, const struct rec_config *c,
			const struct snapshot_chain *parent, const char *path,
			bool force, struct snapshot_save_stats *st, char *err,
			size_t errlen)
{
	struct snapshot_save_stats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	if (!force && access(path, F_OK) == 0) {
		snprintf(err, errlen, "%s exists; use --force to replace it",
			 path);
		return -1;
	}
	if (parent && parent->depth >= SNAPSHOT_CHAIN_MAX) {
		snprintf(err, errlen,
			 "%s is the last of a chain of %d snapshots; a child "
			 "would make it too long (save a full snapshot)",
			 parent->path, SNAPSHOT_CHAIN_MAX);
		return -1;
	}
	struct rec_config *hc = malloc(sizeof(*hc));
	if (!hc) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*hc = *c;
	hc->snapshot_version = SNAPSHOT_VERSION;
	hc->has_parent = parent != NULL;
	hc->has_snapshot = false;
	int rc = 0;
	if (parent) {
		rc = snap_parent_name(path, parent->path, hc->parent.path,
				      sizeof(hc->parent.path));
		sha256_hex(parent->sha256, hc->parent.sha256);
		if (rc)
			snprintf(err, errlen, "naming the parent %s: %s",
				 parent->path, strerror(-rc));
	}
	/* Written under a temporary name and renamed when complete, so a
	 * failed save never leaves a half-written file under the name. */
	char tmp[REC_PATH_MAX + 16];
	snprintf(tmp, sizeof(tmp), "%s.part", path);
	struct log_writer *w =
		rc ? NULL : recording_writer_open(hc, tmp, true, err, errlen);
	free(hc);
	if (!w)
		return -1;
	uint8_t *rec = malloc(SNAP_PIECE + 64);
	rc = rec ? snapshot_write(m, parent, w, rec, st) : -ENOMEM;
	free(rec);
	if (rc < 0)
		snprintf(err, errlen, "%s: %s", path,
			 log_writer_error(w)[0] ? log_writer_error(w)
						: strerror(-rc));
	if (log_writer_close(w) < 0 && rc == 0) {
		snprintf(err, errlen, "writing %s failed", tmp);
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	struct stat sb;
	if (rc == 0 && stat(path, &sb) == 0)
		st->bytes = (uint64_t)sb.st_size;
	if (rc)
		unlink(tmp);
	return rc ? -1 : 0;
}

int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen)
{
	return snapshot_save_child(m, c, NULL, path, force, NULL, err, errlen);
}
