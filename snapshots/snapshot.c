/* Saving snapshot files (version 3), the half that needs the machine
 * stopped: its state, which pages the file lists, and a copy of the
 * stored ones. snapshot_job.c writes the file from those. */
#include "snapshot.h"
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/crc32.h"
#include "../core/util/file_io.h"
#include "../core/util/huge_map.h"
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

/* One more page for the file's list: a new run unless it extends the
 * last one. */
static int snap_list_page(struct snap_job *j, uint64_t p, bool zero)
{
	struct snap_run *last = j->nrun ? &j->run[j->nrun - 1] : NULL;
	if (!last || last->zero != zero || last->first + last->n != p ||
	    last->n == SNAP_PAGES_RUN) {
		last = vec_grow(j->run, &j->runcap, j->nrun + 1,
				sizeof(*j->run));
		if (!last)
			return -ENOMEM;
		j->run = last;
		last = &j->run[j->nrun++];
		*last = (struct snap_run){.first = p, .zero = zero};
	}
	last->n++;
	if (zero)
		j->zeros++;
	else
		j->stored++;
	return 0;
}

/* The pages this file lists: with a parent, every page dirty since the
 * restore (a zero one as zero); without, every non-zero page ever written
 * (the rest read as zero). Pages are not compared with the parent's: that
 * would take a strong hash of each, which costs more than storing the few
 * pages written back unchanged. */
static int snap_list_build(const struct machine *m, bool child,
			   struct snap_job *j)
{
	const struct mem_region *r = m->ram;
	uint64_t pages = r->size >> PAGE_SHIFT;
	const uint64_t *cand = child ? r->dirty : r->written;
	for (uint64_t w = 0; w < (pages + 63) / 64; w++) {
		for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
			uint64_t p = w * 64 + (uint64_t)__builtin_ctzll(bits);
			bool zero =
				snap_page_is_zero(r->host + (p << PAGE_SHIFT));
			if (zero && !child)
				continue;
			int rc = snap_list_page(j, p, zero);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* The stored pages copied out of guest RAM, so that the machine may run
 * on while they are written. Getting fresh memory from the host costs
 * more than the copy (a fault, a charge and a cleared page per 4 KiB):
 * the buffer asks for huge pages, aligned to them, and is populated in
 * one call; where either is refused it is faulted in as it is copied. */
static int snap_copy_pages(const struct machine *m, struct snap_job *j)
{
	if (!j->stored)
		return 0;
	size_t len = huge_map_round((size_t)j->stored << PAGE_SHIFT);
	uint8_t *p = huge_map_populated(len);
	if (!p)
		return -ENOMEM;
	j->map_len = len;
	j->pages = p;
	uint8_t *to = p;
	for (size_t i = 0; i < j->nrun; i++) {
		const struct snap_run *u = &j->run[i];
		if (u->zero)
			continue;
		size_t n = (size_t)u->n << PAGE_SHIFT;
		memcpy(to, m->ram->host + (u->first << PAGE_SHIFT), n);
		to += n;
	}
	return 0;
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

int snapshot_save_start(const struct machine *m, const struct rec_config *c,
			const struct snapshot_chain *parent, const char *path,
			bool force, snapshot_save_done *done, void *arg,
			struct snapshot_save_stats *st, char *err,
			size_t errlen)
{
	double t0 = snap_seconds();
	struct snapshot_save_stats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	/* The save before this one may be writing this very name. */
	snapshot_save_join();
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
	struct snap_job *j = calloc(1, sizeof(*j));
	struct rec_config *hc = malloc(sizeof(*hc));
	if (!j || !hc) {
		free(j);
		free(hc);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	j->fd = -1;
	j->t0 = t0;
	j->done = done;
	j->arg = arg;
	snprintf(j->path, sizeof(j->path), "%s", path);
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
	if (rc == 0) {
		j->header = recording_header_build(hc, &j->hlen);
		if (!j->header) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		}
	}
	free(hc);
	/* Written under a temporary name and renamed when complete, so a
	 * failed save never leaves a half-written file under the name
	 * (snapshot_job.c). Opened here, so that an unwritable directory is
	 * reported at once. */
	snprintf(j->tmp, sizeof(j->tmp), "%s.part", path);
	if (rc == 0) {
		j->fd = open(j->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
			     0644);
		if (j->fd < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			rc = -1;
		}
	}
	if (rc == 0) {
		j->icount = m->icount;
		rc = machine_save(m, &j->blob) || j->blob.oom ? -ENOMEM : 0;
		if (rc == 0)
			rc = snap_list_build(m, parent != NULL, j);
		if (rc == 0)
			rc = snap_copy_pages(m, j);
		if (rc)
			snprintf(err, errlen, "%s: %s", path, strerror(-rc));
	}
	if (rc) {
		if (j->fd >= 0)
			unlink(j->tmp);
		snap_job_free(j);
		return -1;
	}
	j->st.pages_listed = j->stored + j->zeros;
	j->st.pages_stored = j->stored;
	j->st.paused_seconds = snap_seconds() - t0;
	*st = j->st;
	snap_job_launch(j);
	return 0;
}

int snapshot_save_child(const struct machine *m, const struct rec_config *c,
			const struct snapshot_chain *parent, const char *path,
			bool force, struct snapshot_save_stats *st, char *err,
			size_t errlen)
{
	if (snapshot_save_start(m, c, parent, path, force, NULL, NULL, st, err,
				errlen))
		return -1;
	return snapshot_save_wait(st, err, errlen);
}

int snapshot_save(const struct machine *m, const struct rec_config *c,
		  const char *path, bool force, char *err, size_t errlen)
{
	return snapshot_save_child(m, c, NULL, path, force, NULL, err, errlen);
}
