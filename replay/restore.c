#include "restore.h"
#include "../core/util/sha256.h"
#include "../snapshots/snapshot.h"
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct restore *restore_new(bool timing)
{
	struct restore *r = calloc(1, sizeof(*r));
	if (r)
		r->timing = timing;
	return r;
}

void restore_free(struct restore *r)
{
	if (!r)
		return;
	snapshot_chain_free(r->chain);
	free(r);
}

struct machine *restore_machine(struct restore *r, const char *path,
				const char *expect_sha256, struct gate *g,
				struct machine_opts *o, bool chaos,
				uint64_t seed)
{
	char err[1024];
	uint8_t d[32];
	char hex[65];
	snapshot_save_join();
	/* A changed snapshot is named as such before its contents are read,
	 * whatever its damage would otherwise be reported as. */
	if (expect_sha256) {
		if (sha256_file(path, d, err, sizeof(err))) {
			fprintf(stderr,
				"rewind: the recording needs "
				"snapshot %s\n",
				err);
			return NULL;
		}
		sha256_hex(d, hex);
		if (strcmp(hex, expect_sha256)) {
			fprintf(stderr,
				"rewind: snapshot %s has changed since the "
				"recording (sha256 %s, recorded %s)\n",
				path, hex, expect_sha256);
			return NULL;
		}
	}
	if (snapshot_config(path, &r->rc, err, sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		return NULL;
	}
	session_opts_from_config(&r->rc, o);
	struct machine *m = session_machine(o, g);
	if (!m)
		return NULL;
	double t0 = host_seconds();
	snapshot_chain_free(r->chain);
	r->chain = NULL;
	if (snapshot_restore_chain(m, path, expect_sha256, &r->chain, err,
				   sizeof(err))) {
		fprintf(stderr, "rewind: %s\n", err);
		machine_free(m);
		return NULL;
	}
	if (r->timing)
		fprintf(stderr,
			"rewind: stats: restore seconds %.6f chain %u\n",
			host_seconds() - t0, snapshot_chain_depth(r->chain));
	memcpy(&r->entropy_state, snapshot_chain_sha256(r->chain),
	       sizeof(r->entropy_state));
	/* The snapshot brings its own schedule; a chaos recording from it
	 * replaces it with the recording's. */
	if (chaos) {
		m->chaos = true;
		m->chaos_state = seed;
		m->chaos_seed = seed;
	}
	return m;
}

int restore_opts_check(const char *snap, const struct machine_opts *given,
		       struct machine_opts *from)
{
	/* The snapshot decides the machine; a contradicting option is an
	 * error, not something to ignore silently. */
	if ((given->mem_given && given->mem != from->mem) ||
	    (given->smp_given && given->smp != from->smp)) {
		fprintf(stderr,
			"rewind: %s was saved with --mem %llu --smp %d; it "
			"cannot be restored into a different machine\n",
			snap, (unsigned long long)from->mem, from->smp);
		return -1;
	}
	if (given->bios || given->kernel || given->initrd || given->append ||
	    given->ndisks) {
		fprintf(stderr,
			"rewind: %s names its own images; --bios, --kernel, "
			"--initrd, --append and --disk cannot be given with "
			"it\n",
			snap);
		return -1;
	}
	/* The card is part of the machine; the user network behind it is
	 * not (its host connections cannot be saved): a restored run gets a
	 * fresh one, as --net describes it now. */
	if (given->net.user && !from->net.user) {
		fprintf(stderr,
			"rewind: %s was saved without a network card; --net "
			"cannot be given with it\n",
			snap);
		return -1;
	}
	if (given->net.user)
		from->net = given->net;
	return 0;
}

/* The configuration a save of m names: what r restored, or the images
 * of o hashed now. NULL after printing why. */
static struct rec_config *restore_save_config(struct restore *r,
					      const struct machine_opts *o)
{
	char err[1024];
	struct rec_config *rc = malloc(sizeof(*rc));
	if (!rc) {
		fprintf(stderr, "rewind snapshot: out of memory\n");
		return NULL;
	}
	if (r && r->chain) {
		*rc = r->rc;
		return rc;
	}
	session_rec_config(o, rc);
	if (recording_hash_images(rc, err, sizeof(err))) {
		fprintf(stderr, "rewind snapshot: %s\n", err);
		free(rc);
		return NULL;
	}
	return rc;
}

/* --stats: "save seconds" is how long the machine stood still, "durable
 * seconds" how long until the file was synced and in place. */
static void restore_save_stats(const struct snapshot_save_stats *st)
{
	fprintf(stderr,
		"rewind: stats: save seconds %.6f durable seconds %.6f "
		"pages-listed %llu pages-stored %llu bytes %llu\n",
		st->paused_seconds, st->durable_seconds,
		(unsigned long long)st->pages_listed,
		(unsigned long long)st->pages_stored,
		(unsigned long long)st->bytes);
}

int restore_save(struct restore *r, const struct machine *m,
		 const struct machine_opts *o, const char *path, bool force,
		 bool full)
{
	const struct snapshot_chain *parent = r && !full ? r->chain : NULL;
	char err[1024];
	struct rec_config *rc = restore_save_config(r, o);
	if (!rc)
		return -1;
	struct snapshot_save_stats st;
	int status = snapshot_save_child(m, rc, parent, path, force, &st, err,
					 sizeof(err));
	free(rc);
	if (status) {
		fprintf(stderr, "rewind snapshot: %s\n", err);
		return -1;
	}
	if (r && r->timing)
		restore_save_stats(&st);
	return 0;
}

/* A Ctrl-A S save, told about when it is in place or failed: the run went
 * on meanwhile. */
struct restore_bg {
	uint64_t icount;
	char path[64];
	bool timing;
};

static void restore_save_done(void *arg, int rc, const char *err,
			      const struct snapshot_save_stats *st)
{
	struct restore_bg *b = arg;
	if (rc)
		fprintf(stderr, "\r\nrewind snapshot: %s\r\n", err);
	else
		fprintf(stderr, "\r\nrewind: snapshot of icount %llu in %s\r\n",
			(unsigned long long)b->icount, b->path);
	if (rc == 0 && b->timing)
		restore_save_stats(st);
	free(b);
}

void restore_save_now(struct restore *r, const struct machine *m,
		      const struct machine_opts *o)
{
	struct restore_bg *b = calloc(1, sizeof(*b));
	if (!b) {
		fprintf(stderr, "\r\nrewind snapshot: out of memory\r\n");
		return;
	}
	/* Another save may still be claiming its name. */
	snapshot_save_join();
	/* Never over an existing file: the first free name wins. */
	b->icount = m->icount;
	b->timing = r && r->timing;
	snprintf(b->path, sizeof(b->path), "rewind-%llu.snap",
		 (unsigned long long)m->icount);
	for (int i = 1; access(b->path, F_OK) == 0 && i < 1000; i++)
		snprintf(b->path, sizeof(b->path), "rewind-%llu-%d.snap",
			 (unsigned long long)m->icount, i);
	/* A child when the run was restored from a snapshot that can have
	 * one; a full snapshot otherwise (an older version's). */
	bool full = !r || !r->chain ||
		    snapshot_chain_version(r->chain) != SNAPSHOT_VERSION;
	struct rec_config *rc = restore_save_config(r, o);
	char err[1024];
	if (rc && snapshot_save_start(m, rc, full ? NULL : r->chain, b->path,
				      false, restore_save_done, b, NULL, err,
				      sizeof(err)) == 0) {
		free(rc);
		return;
	}
	if (rc)
		fprintf(stderr, "\r\nrewind snapshot: %s\r\n", err);
	free(rc);
	free(b);
}
