/* Saving snapshot files, the half that runs while the machine goes on:
 * from the copy snapshot.c took, the checksums, the records, the page
 * area, one fdatasync and the rename, on a thread of its own.
 *
 * The file is durable before its name exists: written as NAME.part,
 * synced once complete, then renamed, so that NAME never holds half a
 * file, not even after a host crash (the directory is not synced: a crash
 * may lose the rename, never half a file). Nothing is synced before that
 * (a header synced under the temporary name would protect nothing).
 *
 * One save is in flight at a time, and nothing in the process sees it
 * unfinished: a new save, every reader of snapshot files (snapshot_save_join)
 * and the process's exit wait for it first. Its outcome reaches the user
 * through the caller's callback or snapshot_save_wait; an outcome nobody
 * collected is printed at exit, when it is a failure. */
#include "../core/util/crc32.h"
#include "../core/util/file_io.h"
#include "../core/util/le.h"
#include "snapfile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

double snap_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void snap_job_free(struct snap_job *j)
{
	if (!j)
		return;
	if (j->fd >= 0)
		close(j->fd);
	if (j->pages)
		munmap(j->pages, j->map_len);
	free(j->header);
	free(j->blob.p);
	free(j->run);
	free(j);
}

/* The state in pieces, the page list (P runs with the checksum of each
 * page, Z runs), the end record; rec is a buffer for the longest one. */
static int snap_job_records(struct snap_job *j, struct log_writer *w,
			    uint8_t *rec)
{
	int rc = 0;
	const struct state_buf *b = &j->blob;
	for (size_t off = 0; off < b->len && rc == 0; off += SNAP_PIECE) {
		size_t n =
			b->len - off < SNAP_PIECE ? b->len - off : SNAP_PIECE;
		rec[0] = SNAP_STATE;
		le_put64(rec + 1, off);
		memcpy(rec + 9, b->p + off, n);
		rc = log_writer_append(w, rec, n + 9);
	}
	const uint8_t *page = j->pages;
	for (size_t i = 0; i < j->nrun && rc == 0; i++) {
		const struct snap_run *u = &j->run[i];
		rec[0] = u->zero ? SNAP_ZERO : SNAP_PAGES;
		le_put64(rec + 1, u->first);
		le_put32(rec + 9, u->n);
		size_t len = 13;
		for (uint32_t k = 0; !u->zero && k < u->n; k++, len += 4) {
			le_put32(rec + len, snap_page_crc(page));
			page += PAGE_SIZE;
		}
		rc = log_writer_append(w, rec, len);
	}
	if (rc == 0) {
		rec[0] = SNAP_END;
		le_put64(rec + 1, j->icount);
		le_put64(rec + 9, b->len);
		le_put64(rec + 17, j->stored);
		le_put64(rec + 25, j->zeros);
		rc = log_writer_append(w, rec, SNAP_END_LEN);
	}
	return rc;
}

/* The container, then the page area in one write: the copy holds the
 * pages in the order the records list them. */
static int snap_job_file(struct snap_job *j)
{
	char why[512];
	struct log_writer *w =
		log_writer_open_fd(j->fd, j->header, j->hlen, why, sizeof(why));
	if (!w) {
		snprintf(j->err, sizeof(j->err), "%s: %s", j->path, why);
		return -1;
	}
	uint8_t *rec = malloc(SNAP_PIECE + 64);
	int rc = rec ? snap_job_records(j, w, rec) : -ENOMEM;
	free(rec);
	if (rc)
		snprintf(j->err, sizeof(j->err), "%s: %s", j->path,
			 log_writer_error(w)[0] ? log_writer_error(w)
						: strerror(-rc));
	int erc = log_writer_end(w);
	if (rc == 0 && erc) {
		snprintf(j->err, sizeof(j->err), "%s: writing the records: %s",
			 j->path, strerror(-erc));
		rc = erc;
	}
	if (rc == 0 && j->stored) {
		rc = file_write_all(j->fd, j->pages,
				    (size_t)j->stored << PAGE_SHIFT);
		if (rc)
			snprintf(j->err, sizeof(j->err),
				 "%s: writing the pages: %s", j->path,
				 strerror(-rc));
	}
	return rc ? -1 : 0;
}

void snap_job_write(struct snap_job *j)
{
	int rc = snap_job_file(j);
	if (rc == 0 && fdatasync(j->fd) < 0) {
		snprintf(j->err, sizeof(j->err), "%s: %s", j->path,
			 strerror(errno));
		rc = -1;
	}
	if (close(j->fd) < 0 && rc == 0) {
		snprintf(j->err, sizeof(j->err), "%s: %s", j->path,
			 strerror(errno));
		rc = -1;
	}
	j->fd = -1;
	if (rc == 0 && rename(j->tmp, j->path)) {
		snprintf(j->err, sizeof(j->err), "%s: %s", j->path,
			 strerror(errno));
		rc = -1;
	}
	if (rc)
		unlink(j->tmp);
	struct stat sb;
	if (rc == 0 && stat(j->path, &sb) == 0)
		j->st.bytes = (uint64_t)sb.st_size;
	j->st.durable_seconds = snap_seconds() - j->t0;
	j->rc = rc;
	/* The pages are written: give their memory back now rather than
	 * when someone collects the outcome. */
	if (j->pages)
		munmap(j->pages, j->map_len);
	j->pages = NULL;
	if (j->done)
		j->done(j->arg, rc, j->err, &j->st);
}

/* The save in flight (or finished, its outcome not yet collected), and
 * the process that started it: a forked child has no such thread. */
static struct snap_job *snap_pending;
static bool snap_running;
static pthread_t snap_thread;
static pid_t snap_pid;

static void *snap_job_main(void *arg)
{
	snap_job_write(arg);
	return NULL;
}

void snapshot_save_join(void)
{
	if (!snap_running || snap_pid != getpid())
		return;
	pthread_join(snap_thread, NULL);
	snap_running = false;
	if (snap_pending && snap_pending->done) {
		snap_job_free(snap_pending);
		snap_pending = NULL;
	}
}

/* An outcome nobody collected: said if it is a failure, never lost. */
static void snap_job_drop(void)
{
	snapshot_save_join();
	if (!snap_pending || snap_pid != getpid())
		return;
	if (snap_pending->rc)
		fprintf(stderr, "rewind snapshot: %s\n", snap_pending->err);
	snap_job_free(snap_pending);
	snap_pending = NULL;
}

static void snap_job_atexit(void)
{
	snap_job_drop();
}

void snap_job_launch(struct snap_job *j)
{
	static bool registered;
	snap_job_drop();
	if (!registered)
		registered = atexit(snap_job_atexit) == 0;
	snap_pending = j;
	snap_pid = getpid();
	/* The thread takes no signals: they stay with the thread that
	 * waits for console input and stops the run. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	snap_running = registered && pthread_create(&snap_thread, NULL,
						    snap_job_main, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!snap_running)
		snap_job_write(j);
	if (!snap_running && j->done) {
		snap_job_free(j);
		snap_pending = NULL;
	}
}

int snapshot_save_wait(struct snapshot_save_stats *st, char *err, size_t errlen)
{
	snapshot_save_join();
	struct snap_job *j = snap_pending;
	if (!j || snap_pid != getpid() || j->done)
		return 0;
	snap_pending = NULL;
	int rc = j->rc;
	if (rc)
		snprintf(err, errlen, "%s", j->err);
	if (st)
		*st = j->st;
	snap_job_free(j);
	return rc;
}
