/* Writing snapshot files (version 3): the recording container with the
 * state and the list of pages, followed by the page area. */
#include "snapshot.h"
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/crc32.h"
#include "../core/util/file_io.h"
#include "../core/util/le.h"
#include "../core/util/sha256.h"
#include "../core/util/vec.h"
#include "snapfile.h"

#include <errno.h>
#include <fcntl.h>
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

bool snap_page_is_zero(const uint8_t *p)
{
	static const uint8_t zero[PAGE_SIZE];
	return memcmp(p, zero, PAGE_SIZE) == 0;
}

uint32_t snap_page_crc(const uint8_t *page)
{
	return crc32c_update(0, page, PAGE_SIZE);
}

void snap_page_hash(const uint8_t *page, uint8_t out[HASH_BYTES])
{
	if (snap_page_is_zero(page))
		memset(out, 0, HASH_BYTES);
	else
		sha256_buf(page, PAGE_SIZE, out);
}

/* A run of consecutive pages that this file lists, all stored or all
 * zero. */
struct snap_run {
	uint64_t first;
	uint32_t n;
	bool zero;
};

/* The pages this file lists, as runs, and the checksum of each stored
 * one: with a parent, every page dirty since the restore (a zero one as
 * zero); without, every non-zero page ever written (the rest read as
 * zero). Pages are not compared with the parent's: that would take a
 * strong hash of each, which costs more than storing the few pages
 * written back unchanged. */
struct snap_list {
	struct snap_run *run;
	size_t nrun, runcap;
	uint32_t *crc;
	size_t crccap;
	uint64_t stored, zeros;
};

static int snap_list_page(struct snap_list *l, uint64_t p, bool zero,
			  const uint8_t *page)
{
	struct snap_run *last = l->nrun ? &l->run[l->nrun - 1] : NULL;
	if (!last || last->zero != zero || last->first + last->n != p ||
	    last->n == SNAP_PAGES_RUN) {
		last = vec_grow(l->run, &l->runcap, l->nrun + 1,
				sizeof(*l->run));
		if (!last)
			return -ENOMEM;
		l->run = last;
		last = &l->run[l->nrun++];
		*last = (struct snap_run){.first = p, .zero = zero};
	}
	last->n++;
	if (zero) {
		l->zeros++;
		return 0;
	}
	uint32_t *c =
		vec_grow(l->crc, &l->crccap, l->stored + 1, sizeof(*l->crc));
	if (!c)
		return -ENOMEM;
	l->crc = c;
	c[l->stored++] = snap_page_crc(page);
	return 0;
}

static int snap_list_build(const struct machine *m, bool child,
			   struct snap_list *l)
{
	const struct mem_region *r = m->ram;
	uint64_t pages = r->size >> PAGE_SHIFT;
	const uint64_t *cand = child ? r->dirty : r->written;
	for (uint64_t w = 0; w < (pages + 63) / 64; w++) {
		for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
			uint64_t p = w * 64 + (uint64_t)__builtin_ctzll(bits);
			const uint8_t *page = r->host + (p << PAGE_SHIFT);
			bool zero = snap_page_is_zero(page);
			if (zero && !child)
				continue;
			int rc = snap_list_page(l, p, zero, page);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* The page list as records: P runs with their checksums, Z runs. */
static int snap_write_list(struct log_writer *w, uint8_t *rec,
			   const struct snap_list *l)
{
	int rc = 0;
	uint64_t at = 0; /* the first checksum of the run */
	for (size_t i = 0; i < l->nrun && rc == 0; i++) {
		const struct snap_run *u = &l->run[i];
		rec[0] = u->zero ? SNAP_ZERO : SNAP_PAGES;
		le_put64(rec + 1, u->first);
		le_put32(rec + 9, u->n);
		size_t len = 13;
		for (uint32_t k = 0; !u->zero && k < u->n; k++, len += 4)
			le_put32(rec + len, l->crc[at + k]);
		if (!u->zero)
			at += u->n;
		rc = log_writer_append(w, rec, len);
	}
	return rc;
}

/* The page area: each stored page, in the order the records list them,
 * straight from guest RAM (runs are consecutive there too). Starting each
 * run's writeback as soon as it is written (sync_file_range) was tried:
 * it made saves slower, the writes waiting on the device. */
static int snap_write_area(const struct machine *m, int fd,
			   const struct snap_list *l)
{
	for (size_t i = 0; i < l->nrun; i++) {
		const struct snap_run *u = &l->run[i];
		if (u->zero)
			continue;
		size_t len = (size_t)u->n << PAGE_SHIFT;
		int rc = file_write_all(
			fd, m->ram->host + (u->first << PAGE_SHIFT), len);
		if (rc)
			return rc;
	}
	return 0;
}

/* The records of machine m into w, then the page area into fd. */
static int snapshot_write(const struct machine *m, bool child,
			  struct log_writer *w, int fd, uint8_t *rec,
			  struct snapshot_save_stats *st, char *err,
			  size_t errlen)
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
	struct snap_list l = {0};
	if (rc == 0)
		rc = snap_list_build(m, child, &l);
	if (rc == 0)
		rc = snap_write_list(w, rec, &l);
	if (rc == 0) {
		rec[0] = SNAP_END;
		le_put64(rec + 1, m->icount);
		le_put64(rec + 9, b.len);
		le_put64(rec + 17, l.stored);
		le_put64(rec + 25, l.zeros);
		rc = log_writer_append(w, rec, SNAP_END_LEN);
	}
	if (rc)
		snprintf(err, errlen, "%s",
			 log_writer_error(w)[0] ? log_writer_error(w)
						: strerror(-rc));
	int erc = log_writer_end(w);
	if (rc == 0 && erc) {
		snprintf(err, errlen, "writing the records: %s",
			 strerror(-erc));
		rc = erc;
	}
	if (rc == 0) {
		rc = snap_write_area(m, fd, &l);
		if (rc)
			snprintf(err, errlen, "writing the pages: %s",
				 strerror(-rc));
	}
	st->pages_listed = l.stored + l.zeros;
	st->pages_stored = l.stored;
	free(l.run);
	free(l.crc);
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
	if (parent && parent->version != SNAPSHOT_VERSION) {
		snprintf(err, errlen,
			 "%s is a version %u snapshot, which cannot have "
			 "children: save a full snapshot from it (snapshot "
			 "save --restore) and use that as the parent",
			 parent->path, parent->version);
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
	 * failed save never leaves a half-written file under the name. One
	 * fdatasync, of the complete file before the rename, makes that hold
	 * across a host crash too: the name then holds the old file or the
	 * whole new one. Syncing the header on its own, as recordings do,
	 * would add nothing: the temporary name is thrown away on failure. */
	char tmp[REC_PATH_MAX + 16];
	snprintf(tmp, sizeof(tmp), "%s.part", path);
	int fd = -1;
	struct log_writer *w = NULL;
	size_t hlen = 0;
	char *header = rc ? NULL : recording_header_build(hc, &hlen);
	free(hc);
	if (rc == 0 && !header) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	if (rc == 0) {
		fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0) {
			snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
			rc = -1;
		}
	}
	char why[512];
	if (fd >= 0) {
		w = log_writer_open_fd(fd, header, hlen, why, sizeof(why));
		if (!w) {
			snprintf(err, errlen, "%s: %s", tmp, why);
			rc = -1;
		}
	}
	free(header);
	uint8_t *rec = w ? malloc(SNAP_PIECE + 64) : NULL;
	if (w && !rec) {
		log_writer_end(w);
		snprintf(err, errlen, "out of memory");
		rc = -1;
	} else if (w) {
		rc = snapshot_write(m, parent != NULL, w, fd, rec, st, why,
				    sizeof(why));
		if (rc)
			snprintf(err, errlen, "%s: %s", tmp, why);
	}
	free(rec);
	if (rc == 0 && fdatasync(fd) < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		rc = -1;
	}
	if (fd >= 0 && close(fd) < 0 && rc == 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	struct stat sb;
	if (rc == 0 && stat(path, &sb) == 0)
		st->bytes = (uint64_t)sb.st_size;
	if (rc && fd >= 0)
		unlink(tmp);
	return rc ? -1 : 0;
}

int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen)
{
	return snapshot_save_child(m, c, NULL, path, force, NULL, err, errlen);
}
