#include "record.h"
#include "../core/util/sha256.h"
#include "../snapshots/snapshot.h"
#include "exit_status.h"
#include "host.h"
#include "logfile.h"
#include "pack.h"
#include "restore.h"

#include <stdio.h>
#include <stdlib.h>

int record_snapshot_config(const char *snap, struct rec_config *rc, char *err,
			   size_t errlen)
{
	if (snapshot_config(snap, rc, err, errlen))
		return -1;
	uint8_t d[32];
	if (sha256_file(snap, d, err, errlen))
		return -1;
	rc->snapshot_version = 0;
	rc->has_parent = false;
	rc->has_snapshot = true;
	snprintf(rc->snapshot.path, sizeof(rc->snapshot.path), "%s", snap);
	sha256_hex(d, rc->snapshot.sha256);
	return 0;
}

struct log_writer *record_open(const struct record_opts *ro,
			       struct rec_config *rc, const char *path,
			       bool force, uint64_t seed)
{
	char err[1024];
	session_rec_config(&ro->m, rc);
	if (ro->restore &&
	    record_snapshot_config(ro->restore, rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: %s\n", err);
		return NULL;
	}
	rc->chaos = ro->chaos;
	rc->chaos_seed = seed;
	rc->schedule_logged = ro->chaos;
	rc->chaos_faults = ro->chaos && ro->faults;
	rc->packed = ro->pack;
	recording_ram_hash_current(rc);
	if (!ro->restore && recording_hash_images(rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: %s\n", err);
		return NULL;
	}
	struct log_writer *w =
		recording_writer_open(rc, path, force, err, sizeof(err));
	if (!w) {
		fprintf(stderr, "rewind record: %s\n", err);
		return NULL;
	}
	if (ro->pack && pack_write(w, rc, err, sizeof(err))) {
		fprintf(stderr, "rewind record: packing images: %s\n", err);
		log_writer_close(w);
		return NULL;
	}
	return w;
}

struct session_result record_run(const struct record_opts *ro, const char *path,
				 bool force, uint64_t seed)
{
	struct session_result res = {.status = REWIND_EXIT_ERROR,
				     .guest_failed = false};
	struct rec_config *rc = malloc(sizeof(*rc));
	struct restore *r = restore_new(false);
	if (!rc || !r) {
		fprintf(stderr, "rewind record: out of memory\n");
		goto out;
	}
	struct log_writer *w = record_open(ro, rc, path, force, seed);
	if (!w)
		goto out;
	struct gate g;
	if (gate_init(&g, GATE_RECORD, &host_real, w, NULL)) {
		log_writer_close(w);
		goto out;
	}
	struct machine_opts mo = ro->m;
	mo.chaos_faults = ro->chaos && ro->faults;
	struct machine *m =
		ro->restore
			? restore_machine(r, ro->restore, rc->snapshot.sha256,
					  &g, &mo, ro->chaos, seed)
			: session_machine_chaos(&mo, &g, ro->chaos, seed);
	if (m && ro->restore && restore_opts_check(ro->restore, &ro->m, &mo)) {
		machine_free(m);
		m = NULL;
	}
	if (m) {
		res = session_run(m, &g, &mo, r, ro->limit);
		machine_free(m);
	}
	if (log_writer_close(w) < 0 || g.failed) {
		fprintf(stderr, "rewind record: writing %s failed%s%s\n", path,
			g.failed ? ": " : "", g.failed ? g.why : "");
		res.status = REWIND_EXIT_ERROR;
	}
	gate_free(&g);
out:
	restore_free(r);
	free(rc);
	return res;
}

uint64_t record_fresh_seed(void)
{
	uint64_t s;
	host_real.entropy(host_real.ctx, (uint8_t *)&s, sizeof(s));
	return s;
}
