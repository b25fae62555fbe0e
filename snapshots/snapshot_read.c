/* Reading snapshot files: what both versions share, and version 2 (the
 * chain from the tip back to its full snapshot, every file checked by
 * hash, then each read once, newest first). Version 3 is read by
 * snapshot_read3.c. */
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/file_io.h"
#include "../core/util/le.h"
#include "../core/util/sha256.h"
#include "../replay/events.h"
#include "file_kind.h"
#include "snapfile.h"
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The largest RAM a snapshot may describe: the page table is 32 bytes a
 * page, and a crafted header must not make us allocate without bound. */
#define SNAP_MEM_MAX (64ull << 30)

struct snap_file {
	char path[REC_PATH_MAX];
	uint8_t *data;
	size_t size;
	bool owned; /* data is ours to free */
	dev_t dev;
	ino_t ino;
	uint8_t sha256[HASH_BYTES];
	struct rec_config cfg;
	uint64_t listed, stored; /* page-table entries, contents */
	struct log_stats stats;	 /* of the container */
};

/* A chain being read. Files are walked tip first, so the first entry for
 * a page is the one that counts; a content can only be needed by the file
 * storing it and its descendants (a file is complete before it has
 * children), all walked by the time the content comes by, so each page
 * can be filled as soon as its content is read: one pass over the data. */
struct snap_load {
	struct snap_file *f[SNAPSHOT_CHAIN_MAX]; /* tip first */
	unsigned n;
	uint8_t *blob; /* the tip's state */
	size_t bloblen;
	uint64_t icount, npages;
	uint8_t (*table)[HASH_BYTES];
	uint64_t *set; /* a page's entry was seen */
	/* Pages waiting for their content: content -> first page, then
	 * through next[]; UINT32_MAX ends a list. */
	struct hashmap waiting;
	uint32_t *next;
	struct hashmap held;
	struct machine *m; /* where pages go, or NULL to check only */
};

static void snap_load_free(struct snap_load *ld)
{
	for (unsigned i = 0; i < ld->n; i++) {
		if (ld->f[i]->owned)
			free(ld->f[i]->data);
		free(ld->f[i]);
	}
	free(ld->blob);
	free(ld->table);
	free(ld->set);
	free(ld->next);
	hashmap_free(&ld->waiting);
	hashmap_free(&ld->held);
	memset(ld, 0, sizeof(*ld));
}

/* The whole file into memory, so that what is hashed is what is read. */
static int snap_file_read(struct snap_file *f, char *err, size_t errlen)
{
	int fd = open(f->path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", f->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	int rc = file_read_fd(fd, &f->data, &f->size);
	close(fd);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", f->path,
			 rc == -ENOMEM ? "out of memory" : "read failed");
		return -1;
	}
	f->owned = true;
	sha256_buf(f->data, f->size, f->sha256);
	return 0;
}

static struct log_reader *snap_file_open(struct snap_file *f, char *err,
					 size_t errlen)
{
	char why[512];
	struct log_reader *r = log_reader_open_as(NULL, f->data, f->size,
						  "snapshot", why, sizeof(why));
	if (!r)
		snprintf(err, errlen, "%s: %s", f->path, why);
	return r;
}

/* The header of the container r opened (NULL: opening failed, err says
 * why) as a snapshot configuration of this version. Closes r. */
int snap_header(struct log_reader *r, const char *path, struct rec_config *c,
		char *err, size_t errlen)
{
	if (!r)
		return -1;
	size_t hlen;
	const char *h = log_reader_header(r, &hlen);
	char why[512];
	int rc = recording_header_parse(h, hlen, c, why, sizeof(why));
	bool recording = !rc && file_kind_read(r, c) == FILE_KIND_RECORDING;
	log_reader_close(r);
	if (rc) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	if (recording) {
		snprintf(err, errlen,
			 "%s is a recording, not a snapshot: use `rewind info` "
			 "or `rewind replay` for it",
			 path);
		return -1;
	}
	/* Files from before content-addressed pages carry no version key. */
	if (c->snapshot_version != SNAPSHOT_VERSION &&
	    c->snapshot_version != SNAPSHOT_VERSION_HASHED) {
		snprintf(err, errlen,
			 "%s: unsupported snapshot version %u (this rewind "
			 "reads versions %d and %d: save the snapshot again "
			 "with the rewind that wrote it, or one that reads "
			 "it)",
			 path, c->snapshot_version ? c->snapshot_version : 1,
			 SNAPSHOT_VERSION_HASHED, SNAPSHOT_VERSION);
		return -1;
	}
	if (c->mem > SNAP_MEM_MAX || c->mem % PAGE_SIZE) {
		snprintf(err, errlen, "%s: corrupt snapshot: bad RAM size",
			 path);
		return -1;
	}
	return 0;
}

static int snap_file_header(struct snap_file *f, char *err, size_t errlen)
{
	return snap_header(snap_file_open(f, err, errlen), f->path, &f->cfg,
			   err, errlen);
}

bool snap_same_machine(const struct rec_config *a, const struct rec_config *b)
{
	if (a->identity != b->identity || a->mem != b->mem ||
	    a->smp != b->smp || a->bare != b->bare || a->ndisks != b->ndisks ||
	    a->has_bios != b->has_bios || a->has_kernel != b->has_kernel ||
	    a->has_initrd != b->has_initrd)
		return false;
	for (unsigned s = 0; s < REC_SLOT_DISK0 + MACHINE_MAX_DISKS; s++) {
		const struct rec_image *x =
			recording_image((struct rec_config *)a, s);
		const struct rec_image *y =
			recording_image((struct rec_config *)b, s);
		if (x && y && strcmp(x->sha256, y->sha256))
			return false;
	}
	return true;
}

int snap_parent_path(const char *child_path, const char *name, char *out,
		     size_t outlen)
{
	const char *slash = strrchr(child_path, '/');
	int n = name[0] == '/' || !slash
			? snprintf(out, outlen, "%s", name)
			: snprintf(out, outlen, "%.*s%s",
				   (int)(slash - child_path + 1), child_path,
				   name);
	return n >= 0 && (size_t)n < outlen ? 0 : -ENAMETOOLONG;
}

/* From the tip back to the full snapshot, each parent checked against the
 * hash its child recorded. */
static int snap_chain_collect(struct snap_load *ld, char *err, size_t errlen)
{
	for (;;) {
		struct snap_file *c = ld->f[ld->n - 1];
		if (!c->cfg.has_parent)
			break;
		if (!c->owned) {
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
		struct snap_file *p = calloc(1, sizeof(*p));
		if (!p) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		ld->f[ld->n++] = p;
		char why[1024];
		if (snap_parent_path(c->path, c->cfg.parent.path, p->path,
				     sizeof(p->path))) {
			snprintf(err, errlen,
				 "%s: its parent's path is too long", c->path);
			return -1;
		}
		if (snap_file_read(p, why, sizeof(why))) {
			snprintf(err, errlen,
				 "%s needs its parent snapshot: %s", c->path,
				 why);
			return -1;
		}
		for (unsigned i = 0; i + 1 < ld->n; i++) {
			if (ld->f[i]->owned && ld->f[i]->dev == p->dev &&
			    ld->f[i]->ino == p->ino) {
				snprintf(err, errlen,
					 "the snapshot chain of %s has a "
					 "cycle: %s is its own ancestor",
					 ld->f[0]->path, p->path);
				return -1;
			}
		}
		char hex[65];
		sha256_hex(p->sha256, hex);
		if (strcmp(hex, c->cfg.parent.sha256)) {
			snprintf(err, errlen,
				 "parent snapshot %s has changed since %s was "
				 "saved (sha256 %s, expected %s)",
				 p->path, c->path, hex, c->cfg.parent.sha256);
			return -1;
		}
		if (snap_file_header(p, err, errlen))
			return -1;
		if (p->cfg.snapshot_version != c->cfg.snapshot_version ||
		    !snap_same_machine(&p->cfg, &c->cfg)) {
			snprintf(err, errlen,
				 "%s and its parent %s describe different "
				 "machines",
				 c->path, p->path);
			return -1;
		}
	}
	return 0;
}

int snap_state_piece(uint8_t **blob, size_t *bloblen, bool tip, size_t *len,
		     const uint8_t *p, size_t n)
{
	if (n < 9)
		return -1;
	uint64_t off = le_get64(p + 1);
	/* Pieces come in order and the blob is bounded. */
	if (off != *len || n - 9 > SNAP_BLOB_MAX - off)
		return -1;
	if (tip) {
		uint8_t *nb = realloc(*blob, off + (n - 9));
		if (!nb)
			return -1;
		*blob = nb;
		memcpy(nb + off, p + 9, n - 9);
		*bloblen = off + (n - 9);
	}
	*len = off + (n - 9);
	return 0;
}

/* Page p now holds content h: wait for the content unless it is zero. */
static int snap_page_wait(struct snap_load *ld, uint64_t p,
			  const uint8_t h[HASH_BYTES])
{
	if (snap_hash_is_zero(h))
		return 0;
	struct hashmap_slot *s = hashmap_find(&ld->waiting, h);
	if (s) {
		ld->next[p] = s->value;
		s->value = (uint32_t)p;
		return 0;
	}
	ld->next[p] = UINT32_MAX;
	return hashmap_add(&ld->waiting, h, (uint32_t)p) < 0 ? -1 : 0;
}

static int snap_table_run(struct snap_load *ld, struct snap_file *f,
			  const uint8_t *p, size_t n)
{
	if (n < 13)
		return -1;
	uint64_t first = le_get64(p + 1);
	uint32_t count = le_get32(p + 9);
	if (count == 0 || n != 13 + (size_t)count * HASH_BYTES ||
	    first >= ld->npages || count > ld->npages - first)
		return -1;
	for (uint32_t k = 0; k < count; k++) {
		uint64_t pg = first + k;
		const uint8_t *h = p + 13 + (size_t)k * HASH_BYTES;
		if (ld->set[pg / 64] >> (pg % 64) & 1)
			continue; /* a descendant's entry wins */
		ld->set[pg / 64] |= 1ull << (pg % 64);
		memcpy(ld->table[pg], h, HASH_BYTES);
		if (snap_page_wait(ld, pg, h))
			return -1;
	}
	f->listed += count;
	return 0;
}

/* The pages listed so far are about to be filled: fault them in by runs
 * (one call each) rather than one page at a time as the copies touch
 * them. Only an optimisation: a kernel without it faults them anyway. */
static void snap_populate(const struct snap_load *ld)
{
	struct mem_region *r = ld->m->ram;
	for (uint64_t p = 0; p < ld->npages;) {
		if (!(ld->set[p / 64] >> (p % 64) & 1)) {
			p++;
			continue;
		}
		uint64_t q = p;
		while (q < ld->npages && ld->set[q / 64] >> (q % 64) & 1)
			q++;
		bus_populate(r, p, q - p);
		p = q;
	}
}

/* A content: into every page waiting for it. */
static int snap_content(struct snap_load *ld, struct snap_file *f,
			const uint8_t *p, size_t n)
{
	if (n != 1 + HASH_BYTES + PAGE_SIZE || snap_hash_is_zero(p + 1) ||
	    hashmap_add(&ld->held, p + 1, 0) < 0)
		return -1;
	f->stored++;
	struct hashmap_slot *s = hashmap_find(&ld->waiting, p + 1);
	if (!s)
		return 0;
	for (uint32_t pg = s->value; pg != UINT32_MAX; pg = ld->next[pg])
		if (ld->m)
			bus_load_page(ld->m->ram, pg, p + 1 + HASH_BYTES);
	s->value = UINT32_MAX;
	return 0;
}

/* Walk every record of file i: the state (kept for the tip), the page
 * table, the contents. In a file the records come in that order, then
 * the end. */
static int snap_file_walk(struct snap_load *ld, unsigned i, char *err,
			  size_t errlen)
{
	struct snap_file *f = ld->f[i];
	struct log_reader *r = snap_file_open(f, err, errlen);
	if (!r)
		return -1;
	bool tip = i == 0;
	size_t bloblen = 0;
	int stage = 0, n;
	const void *rec;
	size_t len;
	while ((n = log_reader_next(r, &rec, &len)) > 0) {
		const uint8_t *p = rec;
		int kind = len ? p[0] : 0;
		int st = kind == SNAP_STATE	? 1
			 : kind == SNAP_TABLE	? 2
			 : kind == SNAP_CONTENT ? 3
			 : kind == SNAP_END	? 4
						: 0;
		if (!st || st < stage || stage == 4)
			goto corrupt;
		if (st == 3 && stage != 3 && ld->m)
			snap_populate(ld);
		stage = st;
		if (kind == SNAP_STATE) {
			if (snap_state_piece(&ld->blob, &ld->bloblen, tip,
					     &bloblen, p, len))
				goto corrupt;
		} else if (kind == SNAP_TABLE) {
			if (snap_table_run(ld, f, p, len))
				goto corrupt;
		} else if (kind == SNAP_CONTENT) {
			if (snap_content(ld, f, p, len))
				goto corrupt;
		} else {
			if (len != SNAP_END_LEN || le_get64(p + 9) != bloblen ||
			    le_get64(p + 17) != f->listed ||
			    le_get64(p + 25) != f->stored)
				goto corrupt;
			if (tip)
				ld->icount = le_get64(p + 1);
		}
	}
	if (n < 0) {
		snprintf(err, errlen, "%s: %s", f->path, log_reader_error(r));
	} else if (stage != 4 || log_reader_truncated(r)) {
		/* Cut inside the end marker counts too: a snapshot is whole
		 * or refused. */
		snprintf(err, errlen, "%s: the snapshot is truncated", f->path);
		n = -1;
	}
	log_reader_stats(r, &f->stats);
	log_reader_close(r);
	return n < 0 ? -1 : 0;
corrupt:
	log_reader_close(r);
	snprintf(err, errlen, "%s: corrupt snapshot record", f->path);
	return -1;
}

/* Tip and chain: every header read and every parent checked by hash
 * before anything else happens. */
static int snap_load_open(struct snap_load *ld, struct snap_file *tip,
			  const char *expect_sha256, char *err, size_t errlen)
{
	memset(ld, 0, sizeof(*ld));
	ld->f[ld->n++] = tip;
	if (expect_sha256) {
		char hex[65];
		sha256_hex(tip->sha256, hex);
		if (strcmp(hex, expect_sha256)) {
			snprintf(err, errlen,
				 "snapshot %s has changed since the recording "
				 "(sha256 %s, recorded %s)",
				 tip->path, hex, expect_sha256);
			return -1;
		}
	}
	if (snap_file_header(tip, err, errlen) ||
	    snap_chain_collect(ld, err, errlen))
		return -1;
	ld->npages = tip->cfg.mem >> PAGE_SHIFT;
	size_t np = ld->npages ? ld->npages : 1;
	ld->table = calloc(np, HASH_BYTES);
	ld->set = calloc((np + 63) / 64, sizeof(uint64_t));
	ld->next = malloc(np * sizeof(uint32_t));
	if (!ld->table || !ld->set || !ld->next) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* Every file, tip first, pages into ld->m when set; then every page
 * must have found its content. */
static int snap_load_walk(struct snap_load *ld, char *err, size_t errlen)
{
	for (unsigned i = 0; i < ld->n; i++)
		if (snap_file_walk(ld, i, err, errlen))
			return -1;
	for (size_t i = 0; i < ld->waiting.cap; i++) {
		const struct hashmap_slot *s = &ld->waiting.slot[i];
		if (s->used && s->value != UINT32_MAX) {
			snprintf(err, errlen,
				 "%s: corrupt snapshot: page %u has no "
				 "content",
				 ld->f[0]->path, s->value);
			return -1;
		}
	}
	return 0;
}

/* The machine-state digest: the blob, then each non-zero page's number
 * and content hash. */
void snap_state_digest(const uint8_t *blob, size_t bloblen,
		       const uint8_t (*table)[HASH_BYTES], uint64_t npages,
		       uint8_t out[HASH_BYTES])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, blob, bloblen);
	for (uint64_t p = 0; p < npages; p++) {
		if (snap_hash_is_zero(table[p]))
			continue;
		uint8_t n[8];
		le_put64(n, p);
		sha256_update(&c, n, sizeof(n));
		sha256_update(&c, table[p], HASH_BYTES);
	}
	sha256_final(&c, out);
}

static void snap_load_info(const struct snap_load *ld,
			   struct snapshot_info *info)
{
	const struct snap_file *tip = ld->f[0];
	memset(info, 0, sizeof(*info));
	info->icount = ld->icount;
	info->state_bytes = ld->bloblen;
	info->pages_listed = tip->listed;
	info->pages_stored = tip->stored;
	info->depth = ld->n;
	for (uint64_t p = 0; p < ld->npages; p++)
		info->pages_referenced += !snap_hash_is_zero(ld->table[p]);
	snap_state_digest(ld->blob, ld->bloblen,
			  (const uint8_t(*)[HASH_BYTES])ld->table, ld->npages,
			  info->state_sha256);
	memcpy(info->file_sha256, tip->sha256, HASH_BYTES);
	memcpy(info->id, tip->sha256, HASH_BYTES);
	info->version = SNAPSHOT_VERSION_HASHED;
	info->raw_bytes = tip->stats.raw_bytes;
	info->stored_bytes = tip->stats.stored_bytes;
}

/* RAM, then the state; the dirty bits start over from here. */
static int snap_load_machine(struct snap_load *ld, struct machine *m, char *err,
			     size_t errlen)
{
	const struct snap_file *tip = ld->f[0];
	if (m->ram->size != tip->cfg.mem || m->nharts != tip->cfg.smp) {
		snprintf(err, errlen,
			 "%s was saved from a different machine (--mem "
			 "%llu --smp %d)",
			 tip->path, (unsigned long long)tip->cfg.mem,
			 tip->cfg.smp);
		return -1;
	}
	/* From power-on: RAM cleared, then the stored pages and state. */
	machine_reboot(m);
	ld->m = m;
	if (snap_load_walk(ld, err, errlen))
		return -1;
	struct state_reader sr = {ld->blob, ld->blob + ld->bloblen, false};
	char why[512];
	if (machine_load(m, &sr, why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", tip->path, why);
		return -1;
	}
	/* `snapshot info` shows the end record's icount without loading
	 * the state: the two must agree. */
	if (m->icount != ld->icount) {
		snprintf(err, errlen,
			 "%s: corrupt snapshot: the state is at icount %llu, "
			 "its end record says %llu",
			 tip->path, (unsigned long long)m->icount,
			 (unsigned long long)ld->icount);
		return -1;
	}
	machine_dirty_reset(m);
	return 0;
}

static struct snap_file *snap_file_new(const char *path, char *err,
				       size_t errlen)
{
	struct snap_file *f = calloc(1, sizeof(*f));
	if (!f) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	snprintf(f->path, sizeof(f->path), "%s", path);
	if (snap_file_read(f, err, errlen)) {
		free(f->data);
		free(f);
		return NULL;
	}
	return f;
}

/* The chain whose tip is the file at path, opened; whatever happens, ld
 * is then for snap_load_free. */
static int snap_load_path(struct snap_load *ld, const char *path,
			  const char *expect_sha256, char *err, size_t errlen)
{
	memset(ld, 0, sizeof(*ld));
	struct snap_file *tip = snap_file_new(path, err, errlen);
	if (!tip)
		return -1;
	return snap_load_open(ld, tip, expect_sha256, err, errlen);
}

/* The snapshot version of the file at path or in memory: its header
 * only. 0, or -1 with a message in err. */
static int snap_version(const char *path, const void *data, size_t size,
			unsigned *version, char *err, size_t errlen)
{
	char why[900];
	if (path)
		snapshot_save_join();
	struct log_reader *r = log_reader_open_as(path, data, size, "snapshot",
						  why, sizeof(why));
	if (!r)
		snprintf(err, errlen, "%s", why);
	struct rec_config *c = malloc(sizeof(*c));
	if (!c) {
		log_reader_close(r);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = snap_header(r, path ? path : "snapshot in memory", c, err,
			     errlen);
	*version = c->snapshot_version;
	free(c);
	return rc;
}

int snapshot_restore_chain(struct machine *m, const char *path,
			   const char *expect_sha256,
			   struct snapshot_chain **chain, char *err,
			   size_t errlen)
{
	unsigned version;
	if (snap_version(path, NULL, 0, &version, err, errlen))
		return -1;
	if (version == SNAPSHOT_VERSION)
		return snap3_load(m, path, NULL, 0, expect_sha256, chain, NULL,
				  NULL, err, errlen);
	struct snap_load ld;
	int rc = snap_load_path(&ld, path, expect_sha256, err, errlen);
	if (rc == 0)
		rc = snap_load_machine(&ld, m, err, errlen);
	struct snapshot_chain *c = NULL;
	if (rc == 0 && chain) {
		c = calloc(1, sizeof(*c));
		if (!c) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		}
	}
	if (c) {
		snprintf(c->path, sizeof(c->path), "%s", path);
		memcpy(c->sha256, ld.f[0]->sha256, HASH_BYTES);
		c->version = SNAPSHOT_VERSION_HASHED;
		c->depth = ld.n;
		c->npages = ld.npages;
		c->table = ld.table;
		c->held = ld.held;
		ld.table = NULL;
		memset(&ld.held, 0, sizeof(ld.held));
		*chain = c;
	}
	snap_load_free(&ld);
	return rc;
}

int snapshot_restore(struct machine *m, const char *path, char *err,
		     size_t errlen)
{
	return snapshot_restore_chain(m, path, NULL, NULL, err, errlen);
}

int snapshot_restore_mem(struct machine *m, const void *data, size_t size,
			 struct snapshot_info *info, char *err, size_t errlen)
{
	unsigned version;
	if (snap_version(NULL, data, size, &version, err, errlen))
		return -1;
	if (version == SNAPSHOT_VERSION)
		return snap3_load(m, NULL, data, size, NULL, NULL, info, NULL,
				  err, errlen);
	struct snap_file *tip = calloc(1, sizeof(*tip));
	if (!tip) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	snprintf(tip->path, sizeof(tip->path), "snapshot in memory");
	tip->data = (uint8_t *)data;
	tip->size = size;
	sha256_buf(data, size, tip->sha256);
	struct snap_load ld;
	int rc = snap_load_open(&ld, tip, NULL, err, errlen);
	if (rc == 0)
		rc = m ? snap_load_machine(&ld, m, err, errlen)
		       : snap_load_walk(&ld, err, errlen);
	if (rc == 0)
		snap_load_info(&ld, info);
	snap_load_free(&ld);
	return rc;
}

void snapshot_chain_free(struct snapshot_chain *chain)
{
	if (!chain)
		return;
	free(chain->table);
	hashmap_free(&chain->held);
	free(chain);
}

const uint8_t *snapshot_chain_sha256(const struct snapshot_chain *chain)
{
	return chain->sha256;
}

unsigned snapshot_chain_depth(const struct snapshot_chain *chain)
{
	return chain->depth;
}

unsigned snapshot_chain_version(const struct snapshot_chain *chain)
{
	return chain->version;
}

int snapshot_config(const char *path, struct rec_config *c, char *err,
		    size_t errlen)
{
	/* The header alone: the records are read by the restore. */
	char why[900];
	snapshot_save_join();
	struct log_reader *r =
		log_reader_open_as(path, NULL, 0, "snapshot", why, sizeof(why));
	if (!r)
		snprintf(err, errlen, "%s", why);
	if (snap_header(r, path, c, err, errlen))
		return -1;
	if (recording_check_images(c, "snapshot", why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	return 0;
}

int snapshot_info(const char *path, struct rec_config *c,
		  struct snapshot_info *info, char *err, size_t errlen)
{
	unsigned version;
	if (snap_version(path, NULL, 0, &version, err, errlen))
		return -1;
	if (version == SNAPSHOT_VERSION)
		return snap3_load(NULL, path, NULL, 0, NULL, NULL, info, c, err,
				  errlen);
	struct snap_load ld;
	int rc = snap_load_path(&ld, path, NULL, err, errlen);
	if (rc == 0)
		rc = snap_load_walk(&ld, err, errlen);
	if (rc == 0) {
		snap_load_info(&ld, info);
		*c = ld.f[0]->cfg;
	}
	snap_load_free(&ld);
	return rc;
}
