/* Reading version 3 snapshot files: each file of the chain is opened and
 * its records read (the state, the list of pages with their checksums),
 * tip first; then the pages come straight from each file's page area into
 * guest RAM, the first file listing a page winning, every page checked
 * against its CRC-32C as it arrives. Nothing is decompressed or hashed on
 * the way: a restore costs the copy of the pages and little else. */
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/file_io.h"
#include "../core/util/le.h"
#include "../core/util/sha256.h"
#include "../core/util/vec.h"
#include "file_kind.h"
#include "snapfile.h"
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The bounds the version 2 reader keeps too: a crafted header must not
 * make us allocate without bound. */
#define SNAP3_MEM_MAX (64ull << 30)
/* Pages read at once when only checking them. */
#define SNAP3_CHECK_PAGES 64
/* Pages read into guest RAM at once: small enough to stay in the cache
 * until they are checked. */
#define SNAP3_TAKE_PAGES 32

/* A run of consecutive pages one file lists: stored (their contents at
 * slot .. slot+n-1 of the page area, checksums from crc_at) or zero. */
struct snap3_run {
	uint64_t first, slot, crc_at;
	uint32_t n;
	bool zero;
};

struct snap3_file {
	char path[REC_PATH_MAX];
	int fd; /* -1: the file is in memory */
	const uint8_t *mem;
	uint64_t size;
	dev_t dev;
	ino_t ino;
	struct rec_config cfg;
	/* SHA-256 of the header and every record, each prefixed by its
	 * length (u32): covers the state, the page list and each page's
	 * checksum, hence the whole file as far as damage goes. */
	uint8_t id[HASH_BYTES];
	uint8_t *blob; /* the tip's state */
	size_t bloblen;
	struct snap3_run *run;
	size_t nrun, runcap;
	uint32_t *crc;
	size_t crccap;
	uint64_t stored, zeros, icount;
	uint64_t area; /* file offset of the page area */
	struct log_stats stats;
};

struct snap3_load {
	struct snap3_file *f[SNAPSHOT_CHAIN_MAX]; /* tip first */
	unsigned n;
	uint64_t npages;
	uint64_t *set;	/* a file nearer the tip listed the page */
	uint64_t *mine; /* the file being loaded listed it */
	uint8_t (*table)[HASH_BYTES]; /* `snapshot info`: content hashes */
	uint8_t *scratch;	      /* pages only checked */
	struct machine *m;
};

static void snap3_file_free(struct snap3_file *f)
{
	if (!f)
		return;
	if (f->fd >= 0)
		close(f->fd);
	free(f->blob);
	free(f->run);
	free(f->crc);
	free(f);
}

static void snap3_load_free(struct snap3_load *ld)
{
	for (unsigned i = 0; i < ld->n; i++)
		snap3_file_free(ld->f[i]);
	free(ld->set);
	free(ld->mine);
	free(ld->table);
	free(ld->scratch);
}

static bool bit(const uint64_t *b, uint64_t p)
{
	return b[p / 64] >> (p % 64) & 1;
}

static void bit_set(uint64_t *b, uint64_t p)
{
	b[p / 64] |= 1ull << (p % 64);
}

/* len bytes at off of the file. 0, or -1 when the file ends first (it
 * shrank since it was checked) or cannot be read. */
static int snap3_pread(const struct snap3_file *f, void *buf, size_t len,
		       uint64_t off)
{
	if (f->fd < 0) {
		if (off > f->size || len > f->size - off)
			return -1;
		memcpy(buf, f->mem + off, len);
		return 0;
	}
	return file_pread_all(f->fd, buf, len, off) ? -1 : 0;
}

static struct snap3_file *snap3_file_new(const char *path, const void *data,
					 size_t size, char *err, size_t errlen)
{
	struct snap3_file *f = calloc(1, sizeof(*f));
	if (!f) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	f->fd = -1;
	snprintf(f->path, sizeof(f->path), "%s",
		 path ? path : "snapshot in memory");
	if (data) {
		f->mem = data;
		f->size = size;
		return f;
	}
	struct stat st;
	f->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (f->fd < 0 || fstat(f->fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		snap3_file_free(f);
		return NULL;
	}
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	f->size = (uint64_t)st.st_size;
	return f;
}

static void snap3_hash_record(struct sha256_ctx *c, const void *p, size_t len)
{
	uint8_t n[4];
	le_put32(n, (uint32_t)len);
	sha256_update(c, n, sizeof(n));
	sha256_update(c, p, len);
}

/* A P or Z record: one more run. */
static int snap3_run_add(struct snap3_file *f, uint64_t npages,
			 const uint8_t *p, size_t n)
{
	if (n < 13)
		return -1;
	bool zero = p[0] == SNAP_ZERO;
	uint64_t first = le_get64(p + 1);
	uint32_t count = le_get32(p + 9);
	if (count == 0 || n != 13 + (zero ? 0 : (size_t)count * 4) ||
	    first >= npages || count > npages - first)
		return -1;
	struct snap3_run *r =
		vec_grow(f->run, &f->runcap, f->nrun + 1, sizeof(*f->run));
	if (!r)
		return -1;
	f->run = r;
	f->run[f->nrun++] = (struct snap3_run){.first = first,
					       .slot = f->stored,
					       .crc_at = f->stored,
					       .n = count,
					       .zero = zero};
	if (zero) {
		f->zeros += count;
		return 0;
	}
	uint32_t *c = vec_grow(f->crc, &f->crccap, f->stored + count,
			       sizeof(*f->crc));
	if (!c)
		return -1;
	f->crc = c;
	for (uint32_t k = 0; k < count; k++)
		c[f->stored + k] = le_get32(p + 13 + 4 * (size_t)k);
	f->stored += count;
	return 0;
}

/* Every record of f: the state (kept for the tip), the page list, the
 * end; then the page area must be exactly as long as the list says. */
static int snap3_records(struct snap3_file *f, bool tip, char *err,
			 size_t errlen)
{
	char why[900];
	struct log_reader *r =
		f->fd >= 0 ? log_reader_open_fd(f->fd, f->path, "snapshot", why,
						sizeof(why))
			   : log_reader_open_as(NULL, f->mem, f->size,
						"snapshot", why, sizeof(why));
	if (!r) {
		snprintf(err, errlen, "%s%s%s", f->fd < 0 ? f->path : "",
			 f->fd < 0 ? ": " : "", why);
		return -1;
	}
	log_reader_allow_tail(r);
	struct sha256_ctx c;
	sha256_init(&c);
	size_t hlen;
	const void *h = log_reader_header(r, &hlen);
	snap3_hash_record(&c, h, hlen);
	uint64_t npages = f->cfg.mem >> PAGE_SHIFT;
	size_t bloblen = 0;
	int stage = 0, n;
	const void *rec;
	size_t len;
	while ((n = log_reader_next(r, &rec, &len)) > 0) {
		const uint8_t *p = rec;
		int kind = len ? p[0] : 0;
		int st = kind == SNAP_STATE			   ? 1
			 : kind == SNAP_PAGES || kind == SNAP_ZERO ? 2
			 : kind == SNAP_END			   ? 3
								   : 0;
		if (!st || st < stage || stage == 3)
			goto corrupt;
		stage = st;
		snap3_hash_record(&c, p, len);
		if (kind == SNAP_STATE) {
			if (snap_state_piece(&f->blob, &f->bloblen, tip,
					     &bloblen, p, len))
				goto corrupt;
		} else if (st == 2) {
			if (snap3_run_add(f, npages, p, len))
				goto corrupt;
		} else if (len != SNAP_END_LEN || le_get64(p + 9) != bloblen ||
			   le_get64(p + 17) != f->stored ||
			   le_get64(p + 25) != f->zeros) {
			goto corrupt;
		} else {
			f->icount = le_get64(p + 1);
		}
	}
	if (n < 0) {
		snprintf(err, errlen, "%s", log_reader_error(r));
	} else if (stage != 3 || log_reader_truncated(r)) {
		snprintf(err, errlen, "%s: the snapshot is truncated", f->path);
		n = -1;
	}
	log_reader_stats(r, &f->stats);
	log_reader_close(r);
	if (n < 0)
		return -1;
	sha256_final(&c, f->id);
	/* The page area follows the container at once. */
	f->area = f->stats.offset;
	uint64_t need = f->stored << PAGE_SHIFT;
	if (f->size < f->area || f->size - f->area < need) {
		snprintf(err, errlen, "%s: the snapshot is truncated", f->path);
		return -1;
	}
	if (f->size - f->area > need) {
		snprintf(err, errlen,
			 "%s: corrupt snapshot: %llu bytes after its pages",
			 f->path,
			 (unsigned long long)(f->size - f->area - need));
		return -1;
	}
	return 0;
corrupt:
	log_reader_close(r);
	snprintf(err, errlen, "%s: corrupt snapshot record", f->path);
	return -1;
}

/* The header, then the records. */
static int snap3_open(struct snap3_file *f, bool tip, char *err, size_t errlen)
{
	char why[900];
	struct log_reader *r =
		f->fd >= 0 ? log_reader_open_fd(f->fd, f->path, "snapshot", why,
						sizeof(why))
			   : log_reader_open_as(NULL, f->mem, f->size,
						"snapshot", why, sizeof(why));
	if (!r)
		snprintf(err, errlen, "%s%s%s", f->fd < 0 ? f->path : "",
			 f->fd < 0 ? ": " : "", why);
	if (snap_header(r, f->path, &f->cfg, err, errlen))
		return -1;
	if (f->cfg.snapshot_version != SNAPSHOT_VERSION) {
		snprintf(err, errlen,
			 "%s: a version %u snapshot in a chain of version %d "
			 "ones",
			 f->path, f->cfg.snapshot_version, SNAPSHOT_VERSION);
		return -1;
	}
	if (f->cfg.mem > SNAP3_MEM_MAX || f->cfg.mem % PAGE_SIZE) {
		snprintf(err, errlen, "%s: corrupt snapshot: bad RAM size",
			 f->path);
		return -1;
	}
	return snap3_records(f, tip, err, errlen);
}

/* A parent that no longer matches its child, for whatever reason. */
static void snap3_changed(const struct snap3_file *p,
			  const struct snap3_file *c, const char *why,
			  char *err, size_t errlen)
{
	snprintf(err, errlen,
		 "parent snapshot %s has changed since %s was "
		 "saved (%s)",
		 p->path, c->path, why);
}

/* From the tip back to the full snapshot, each parent checked against the
 * identity its child recorded. */
static int snap3_chain(struct snap3_load *ld, char *err, size_t errlen)
{
	for (;;) {
		struct snap3_file *c = ld->f[ld->n - 1];
		if (!c->cfg.has_parent)
			return 0;
		if (c->fd < 0) {
			snprintf(err, errlen,
				 "%s: a snapshot in memory cannot have a "
				 "parent",
				 c->path);
			return -1;
		}
		if (ld->n == SNAPSHOT_CHAIN_MAX) {
			snprintf(err, errlen,
				 "the snapshot chain of %s is longer than %d "
				 "files",
				 ld->f[0]->path, SNAPSHOT_CHAIN_MAX);
			return -1;
		}
		char path[REC_PATH_MAX], why[1024];
		if (snap_parent_path(c->path, c->cfg.parent.path, path,
				     sizeof(path))) {
			snprintf(err, errlen,
				 "%s: its parent's path is too long", c->path);
			return -1;
		}
		struct snap3_file *p =
			snap3_file_new(path, NULL, 0, why, sizeof(why));
		if (!p) {
			snprintf(err, errlen,
				 "%s needs its parent snapshot: %s", c->path,
				 why);
			return -1;
		}
		ld->f[ld->n++] = p;
		for (unsigned i = 0; i + 1 < ld->n; i++) {
			if (ld->f[i]->dev == p->dev &&
			    ld->f[i]->ino == p->ino) {
				snprintf(err, errlen,
					 "the snapshot chain of %s has a "
					 "cycle: %s is its own ancestor",
					 ld->f[0]->path, p->path);
				return -1;
			}
		}
		if (snap3_open(p, false, why, sizeof(why))) {
			snap3_changed(p, c, why, err, errlen);
			return -1;
		}
		char hex[65];
		sha256_hex(p->id, hex);
		if (strcmp(hex, c->cfg.parent.sha256)) {
			snprintf(why, sizeof(why), "identity %s, expected %s",
				 hex, c->cfg.parent.sha256);
			snap3_changed(p, c, why, err, errlen);
			return -1;
		}
		if (!snap_same_machine(&p->cfg, &c->cfg)) {
			snprintf(err, errlen,
				 "%s and its parent %s describe different "
				 "machines",
				 c->path, p->path);
			return -1;
		}
	}
}

/* Pages [first, first+n) of run u of file i arrived at buf (n pages):
 * each must match its checksum. */
static int snap3_check(struct snap3_load *ld, unsigned i,
		       const struct snap3_run *u, uint64_t k, uint64_t n,
		       const uint8_t *buf, char *err, size_t errlen)
{
	const struct snap3_file *f = ld->f[i];
	for (uint64_t j = 0; j < n; j++) {
		const uint8_t *page = buf + (j << PAGE_SHIFT);
		if (snap_page_crc(page) == f->crc[u->crc_at + k + j])
			continue;
		char why[256];
		snprintf(why, sizeof(why),
			 "corrupt snapshot: page %llu fails its checksum",
			 (unsigned long long)(u->first + k + j));
		if (i == 0)
			snprintf(err, errlen, "%s: %s", f->path, why);
		else
			snap3_changed(f, ld->f[i - 1], why, err, errlen);
		return -1;
	}
	return 0;
}

/* Pages k .. k+n-1 of stored run u of file i, which no file nearer the
 * tip lists: into guest RAM, or with no machine into the scratch buffer
 * to be hashed for `snapshot info`. */
static int snap3_take(struct snap3_load *ld, unsigned i,
		      const struct snap3_run *u, uint64_t k, uint64_t n,
		      char *err, size_t errlen)
{
	const struct snap3_file *f = ld->f[i];
	uint64_t first = u->first + k;
	uint64_t off = f->area + ((u->slot + k) << PAGE_SHIFT);
	if (ld->m) {
		/* Read and checked a piece at a time, so that each page is
		 * still in the cache when its checksum reads it again. */
		struct mem_region *r = ld->m->ram;
		/* Noted even when the pages turn out bad: they change, and a
		 * page not marked written must still read as zero. */
		bus_note_write(r->bus, r->base + (first << PAGE_SHIFT),
			       n << PAGE_SHIFT);
		for (uint64_t j = 0; j < n; j += SNAP3_TAKE_PAGES) {
			uint64_t c = n - j < SNAP3_TAKE_PAGES
					     ? n - j
					     : SNAP3_TAKE_PAGES;
			uint64_t at = (first + j) << PAGE_SHIFT;
			int rc = snap3_pread(f, r->host + at, c << PAGE_SHIFT,
					     off + (j << PAGE_SHIFT));
			if (rc) {
				snprintf(err, errlen,
					 "%s: the snapshot is truncated",
					 f->path);
				return -1;
			}
			if (snap3_check(ld, i, u, k + j, c, r->host + at, err,
					errlen))
				return -1;
		}
		return 0;
	}
	for (uint64_t j = 0; j < n; j += SNAP3_CHECK_PAGES) {
		uint64_t c =
			n - j < SNAP3_CHECK_PAGES ? n - j : SNAP3_CHECK_PAGES;
		if (snap3_pread(f, ld->scratch, c << PAGE_SHIFT,
				off + (j << PAGE_SHIFT))) {
			snprintf(err, errlen, "%s: the snapshot is truncated",
				 f->path);
			return -1;
		}
		if (snap3_check(ld, i, u, k + j, c, ld->scratch, err, errlen))
			return -1;
		for (uint64_t q = 0; q < c; q++)
			snap_page_hash(ld->scratch + (q << PAGE_SHIFT),
				       ld->table[first + j + q]);
	}
	return 0;
}

/* Pages of a run that files nearer the tip replace: read and checked all
 * the same, so that a damaged file is refused whatever its children
 * hide. */
static int snap3_skip(struct snap3_load *ld, unsigned i,
		      const struct snap3_run *u, uint64_t k, uint64_t n,
		      char *err, size_t errlen)
{
	const struct snap3_file *f = ld->f[i];
	for (uint64_t j = 0; j < n; j += SNAP3_CHECK_PAGES) {
		uint64_t c =
			n - j < SNAP3_CHECK_PAGES ? n - j : SNAP3_CHECK_PAGES;
		uint64_t off = f->area + ((u->slot + k + j) << PAGE_SHIFT);
		if (snap3_pread(f, ld->scratch, c << PAGE_SHIFT, off)) {
			snprintf(err, errlen, "%s: the snapshot is truncated",
				 f->path);
			return -1;
		}
		if (snap3_check(ld, i, u, k + j, c, ld->scratch, err, errlen))
			return -1;
	}
	return 0;
}

/* The pages of file i: the first file listing a page decides it. */
static int snap3_pages(struct snap3_load *ld, unsigned i, char *err,
		       size_t errlen)
{
	const struct snap3_file *f = ld->f[i];
	memset(ld->mine, 0, (ld->npages + 63) / 64 * sizeof(uint64_t));
	for (size_t x = 0; x < f->nrun; x++) {
		const struct snap3_run *u = &f->run[x];
		for (uint64_t k = 0; k < u->n; k++) {
			if (bit(ld->mine, u->first + k)) {
				snprintf(err, errlen,
					 "%s: corrupt snapshot: page %llu is "
					 "listed twice",
					 f->path,
					 (unsigned long long)(u->first + k));
				return -1;
			}
			bit_set(ld->mine, u->first + k);
		}
		/* Consecutive pages that are all taken or all skipped go
		 * in one read. */
		for (uint64_t k = 0; k < u->n;) {
			bool taken = bit(ld->set, u->first + k);
			uint64_t e = k + 1;
			while (e < u->n && bit(ld->set, u->first + e) == taken)
				e++;
			int rc = 0;
			if (!u->zero)
				rc = taken ? snap3_skip(ld, i, u, k, e - k, err,
							errlen)
					   : snap3_take(ld, i, u, k, e - k, err,
							errlen);
			if (rc)
				return -1;
			for (uint64_t q = k; q < e; q++)
				bit_set(ld->set, u->first + q);
			k = e;
		}
	}
	return 0;
}

/* Host memory for the pages read into guest RAM: a fault, a charge and a
 * cleared page per 4 KiB cost a restore more than copying the pages in.
 * Where the chain stores a quarter or more of a 2 MiB stretch that has no
 * host memory yet, the stretch gets one huge page instead, populated in
 * one call (clearing it costs about what faulting in 128 small pages
 * does). Only advice: where the host refuses, pages fault in as before.
 * ld->set: the pages the chain stores. */
#define SNAP3_HUGE_PAGES 512
#define SNAP3_HUGE_MIN	 128
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
static void snap3_huge(const struct snap3_load *ld, struct machine *m)
{
	uint8_t *host = m->ram->host;
	size_t len = (size_t)SNAP3_HUGE_PAGES << PAGE_SHIFT;
	/* The first page of guest RAM at a huge-page boundary of the host. */
	uint64_t g0 = (len - (uintptr_t)host % len) % len >> PAGE_SHIFT;
	for (uint64_t g = g0; g + SNAP3_HUGE_PAGES <= ld->npages;
	     g += SNAP3_HUGE_PAGES) {
		unsigned n = 0;
		for (uint64_t q = g; q < g + SNAP3_HUGE_PAGES; q++)
			n += bit(ld->set, q);
		if (n < SNAP3_HUGE_MIN)
			continue;
		uint8_t *a = host + (g << PAGE_SHIFT);
		unsigned char in[SNAP3_HUGE_PAGES];
		bool any = mincore(a, len, in) != 0;
		for (unsigned q = 0; q < SNAP3_HUGE_PAGES && !any; q++)
			any = in[q] & 1;
		if (any)
			continue;
		madvise(a, len, MADV_HUGEPAGE);
		madvise(a, len, MADV_POPULATE_WRITE);
	}
}

/* RAM from power-on, every file's pages, then the tip's state. */
static int snap3_machine(struct snap3_load *ld, struct machine *m, char *err,
			 size_t errlen)
{
	const struct snap3_file *tip = ld->f[0];
	if (m->ram->size != tip->cfg.mem || m->nharts != tip->cfg.smp) {
		snprintf(err, errlen,
			 "%s was saved from a different machine (--mem "
			 "%llu --smp %d)",
			 tip->path, (unsigned long long)tip->cfg.mem,
			 tip->cfg.smp);
		return -1;
	}
	/* The pages the chain stores are about to be overwritten whole:
	 * those the boot before the restore put in RAM (its images) keep
	 * their host memory rather than being dropped and faulted in again.
	 * ld->set says which, for now. */
	for (unsigned i = 0; i < ld->n; i++) {
		for (size_t x = 0; x < ld->f[i]->nrun; x++) {
			const struct snap3_run *u = &ld->f[i]->run[x];
			for (uint64_t k = 0; k < u->n; k++) {
				if (bit(ld->mine, u->first + k))
					continue;
				bit_set(ld->mine, u->first + k);
				if (!u->zero)
					bit_set(ld->set, u->first + k);
			}
		}
	}
	machine_reboot_keeping(m, ld->set);
	snap3_huge(ld, m);
	size_t words = (ld->npages + 63) / 64;
	memset(ld->set, 0, words * sizeof(uint64_t));
	for (unsigned i = 0; i < ld->n; i++)
		if (snap3_pages(ld, i, err, errlen))
			return -1;
	struct state_reader sr = {tip->blob, tip->blob + tip->bloblen, false};
	char why[512];
	if (machine_load(m, &sr, why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", tip->path, why);
		return -1;
	}
	if (m->icount != tip->icount) {
		snprintf(err, errlen,
			 "%s: corrupt snapshot: the state is at icount %llu, "
			 "its end record says %llu",
			 tip->path, (unsigned long long)m->icount,
			 (unsigned long long)tip->icount);
		return -1;
	}
	machine_dirty_reset(m);
	return 0;
}

/* The SHA-256 of the whole file f (for a recording that names its
 * snapshot so, and for `snapshot info`). */
static int snap3_file_sha256(const struct snap3_file *f, uint8_t out[32],
			     char *err, size_t errlen)
{
	if (f->fd < 0) {
		sha256_buf(f->mem, f->size, out);
		return 0;
	}
	enum { BLOCK = 1 << 20 };
	uint8_t *buf = malloc(BLOCK);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct sha256_ctx c;
	sha256_init(&c);
	for (uint64_t off = 0; off < f->size; off += BLOCK) {
		size_t n = f->size - off < BLOCK ? f->size - off : BLOCK;
		if (snap3_pread(f, buf, n, off)) {
			free(buf);
			snprintf(err, errlen, "%s: the snapshot is truncated",
				 f->path);
			return -1;
		}
		sha256_update(&c, buf, n);
	}
	free(buf);
	sha256_final(&c, out);
	return 0;
}

static void snap3_info(const struct snap3_load *ld, struct snapshot_info *info)
{
	const struct snap3_file *tip = ld->f[0];
	memset(info, 0, sizeof(*info));
	info->icount = tip->icount;
	info->state_bytes = tip->bloblen;
	info->pages_listed = tip->stored + tip->zeros;
	info->pages_stored = tip->stored;
	info->depth = ld->n;
	info->version = SNAPSHOT_VERSION;
	memcpy(info->id, tip->id, HASH_BYTES);
	info->raw_bytes = tip->stats.raw_bytes + (tip->stored << PAGE_SHIFT);
	info->stored_bytes = tip->size - LOG_PRELUDE_SIZE;
	if (!ld->table)
		return;
	for (uint64_t p = 0; p < ld->npages; p++)
		info->pages_referenced += !snap_hash_is_zero(ld->table[p]);
	snap_state_digest(tip->blob, tip->bloblen,
			  (const uint8_t(*)[HASH_BYTES])ld->table, ld->npages,
			  info->state_sha256);
}

int snap3_load(struct machine *m, const char *path, const void *data,
	       size_t size, const char *expect_sha256,
	       struct snapshot_chain **chain, struct snapshot_info *info,
	       struct rec_config *cfg, char *err, size_t errlen)
{
	struct snap3_load ld = {.m = m};
	int rc = -1;
	struct snap3_file *tip = snap3_file_new(path, data, size, err, errlen);
	if (!tip)
		return -1;
	ld.f[ld.n++] = tip;
	if (snap3_open(tip, true, err, errlen) || snap3_chain(&ld, err, errlen))
		goto out;
	uint8_t whole[HASH_BYTES];
	if ((expect_sha256 || (info && !m)) &&
	    snap3_file_sha256(tip, whole, err, errlen))
		goto out;
	if (expect_sha256) {
		char hex[65];
		sha256_hex(whole, hex);
		if (strcmp(hex, expect_sha256)) {
			snprintf(err, errlen,
				 "snapshot %s has changed since the recording "
				 "(sha256 %s, recorded %s)",
				 tip->path, hex, expect_sha256);
			goto out;
		}
	}
	ld.npages = tip->cfg.mem >> PAGE_SHIFT;
	size_t words = (ld.npages + 63) / 64 + 1;
	ld.set = calloc(words, sizeof(uint64_t));
	ld.mine = calloc(words, sizeof(uint64_t));
	ld.scratch = malloc((size_t)SNAP3_CHECK_PAGES << PAGE_SHIFT);
	if (!m)
		ld.table = calloc(ld.npages ? ld.npages : 1, HASH_BYTES);
	if (!ld.set || !ld.mine || !ld.scratch || (!m && !ld.table)) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (m) {
		if (snap3_machine(&ld, m, err, errlen))
			goto out;
	} else {
		for (unsigned i = 0; i < ld.n; i++)
			if (snap3_pages(&ld, i, err, errlen))
				goto out;
	}
	if (info) {
		snap3_info(&ld, info);
		if (!m)
			memcpy(info->file_sha256, whole, HASH_BYTES);
	}
	if (cfg)
		*cfg = tip->cfg;
	if (chain) {
		struct snapshot_chain *c = calloc(1, sizeof(*c));
		if (!c) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		snprintf(c->path, sizeof(c->path), "%s", tip->path);
		memcpy(c->sha256, tip->id, HASH_BYTES);
		c->version = SNAPSHOT_VERSION;
		c->depth = ld.n;
		c->npages = ld.npages;
		*chain = c;
	}
	rc = 0;
out:
	snap3_load_free(&ld);
	return rc;
}
