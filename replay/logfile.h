/* The recording file container: a checksummed header followed by
 * LZ4-compressed chunks of opaque, length-prefixed records. It knows nothing
 * of machines or events; docs/recording-format.md describes the bytes. */
#ifndef REWIND_REPLAY_LOGFILE_H
#define REWIND_REPLAY_LOGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOG_VERSION 1
#define LOG_MAGIC   "RWNDLOG" /* with its NUL: 8 bytes */

/* Fixed sizes of the on-disk structures (see docs/recording-format.md). */
#define LOG_PRELUDE_SIZE      20
#define LOG_CHUNK_HEADER_SIZE 24

/* Limits. A reader refuses anything larger, so a corrupt length can never
 * make it allocate more than a few tens of MiB. */
#define LOG_HEADER_MAX (1u << 20)  /* bytes of caller header */
#define LOG_RECORD_MAX (1u << 20)  /* bytes in one record */
#define LOG_CHUNK_MAX  (16u << 20) /* uncompressed bytes in one chunk */

/* The writer emits a chunk once this many uncompressed bytes (records and
 * their 4-byte length prefixes) are buffered. */
#define LOG_CHUNK_BYTES (64u << 10)

/* Running totals, for `rewind info` and the recorder's summary. */
struct log_stats {
	uint64_t chunks;       /* data chunks written or read */
	uint64_t records;      /* records appended, or returned so far */
	uint64_t raw_bytes;    /* uncompressed chunk payload bytes */
	uint64_t stored_bytes; /* compressed chunk payload bytes */
	uint64_t chunk_offset; /* file offset of the last chunk */
	uint64_t offset;       /* file offset just past the last byte handled */
};

/* Writing. Every function returns 0 or a negative errno; after a failure
 * the writer stays failed (the file may end in a partial chunk, which a
 * reader reports as truncation) and log_writer_error says why. */
struct log_writer;

/* Create `path` and write the prelude and `header`, then fsync, so the file
 * never holds a half-written header. An existing file is refused unless
 * `force`, which truncates it. Returns NULL with a message in err. */
struct log_writer *log_writer_open(const char *path, bool force,
				   const void *header, size_t header_len,
				   char *err, size_t errlen);
/* A writer on fd, which the caller opened and keeps, for a file that goes
 * on after the container (a snapshot's page area): nothing is synced; the
 * caller syncs the whole file once it is complete. */
struct log_writer *log_writer_open_fd(int fd, const void *header,
				      size_t header_len, char *err,
				      size_t errlen);
/* Buffer one record of at most LOG_RECORD_MAX bytes; writes a chunk when
 * LOG_CHUNK_BYTES are buffered. */
int log_writer_append(struct log_writer *w, const void *rec, size_t len);
/* Write the buffered records as a chunk now, so that a recorder killed later
 * loses only what it appended after this call. Nothing to write is fine. */
int log_writer_flush(struct log_writer *w);
/* Flush, write the end marker, fsync and free. Frees even on failure. */
int log_writer_close(struct log_writer *w);
/* Flush, write the end marker and free, leaving the fd open at the end
 * of the container and unsynced (for log_writer_open_fd's writers). */
int log_writer_end(struct log_writer *w);
/* Whether writers of this process fsync at open and close (default
 * true). A hunt's tries turn it off: most of their files are deleted a
 * moment later, and the driver syncs the one it keeps before renaming
 * it (a short run otherwise spends half its time in fsync). */
void log_writer_sync(bool on);
const char *log_writer_error(const struct log_writer *w);
void log_writer_stats(const struct log_writer *w, struct log_stats *out);

/* Reading. */
struct log_reader;

/* Open and validate the prelude and header. NULL with a message in err for
 * a file that is not a recording, has an unsupported version, or whose
 * header is damaged. */
struct log_reader *log_reader_open(const char *path, char *err, size_t errlen);
/* The same over `size` bytes at `data`, which must outlive the reader. */
struct log_reader *log_reader_open_mem(const void *data, size_t size, char *err,
				       size_t errlen);
/* Either of the two, named for what the file holds: kind ("recording",
 * "snapshot") is the word its messages use. data non-NULL: read `size`
 * bytes there; path (may be NULL then) only names it in messages. */
struct log_reader *log_reader_open_as(const char *path, const void *data,
				      size_t size, const char *kind, char *err,
				      size_t errlen);
/* Open a container at the start of fd (which the reader dup()s, so that
 * the caller keeps its own); name is for messages. */
struct log_reader *log_reader_open_fd(int fd, const char *name,
				      const char *kind, char *err,
				      size_t errlen);
/* What follows the end marker belongs to the caller (a snapshot's page
 * area) instead of making the file corrupt; log_reader_stats' offset then
 * says where the container ended. */
void log_reader_allow_tail(struct log_reader *r);
const void *log_reader_header(const struct log_reader *r, size_t *len);
/* 1 with the next record (valid until the next call or close); 0 at the
 * end, which is either the end marker or, if log_reader_truncated says so,
 * the file stopping early (a recorder that never closed it); -1 for a
 * corrupt or unreadable file, with log_reader_error naming the byte offset.
 * A chunk's records are returned only after the whole chunk checked out. */
int log_reader_next(struct log_reader *r, const void **rec, size_t *len);
/* True once log_reader_next has returned 0 for a file without its end
 * marker: every record before the cut was returned, the rest is lost. */
bool log_reader_truncated(const struct log_reader *r);
const char *log_reader_error(const struct log_reader *r);
void log_reader_stats(const struct log_reader *r, struct log_stats *out);
void log_reader_close(struct log_reader *r);

#endif
