/* The recording file container. Layout (docs/recording-format.md):
 *
 *   prelude  "RWNDLOG\0" | version u32 | header_len u32 | header_crc u32
 *   header   header_len opaque bytes
 *   chunk*   "RWCK" | raw_len u32 | stored_len u32 | nrec u32 |
 *            payload_crc u32 | header_crc u32 | stored_len bytes of LZ4
 *   end      "RWEN" | chunks u64 | records u64 | header_crc u32
 *
 * Integers are little-endian. Each chunk header carries its own checksum so
 * that a damaged length is caught before it is used to read the payload:
 * a short read can then only mean the file really ends there. */
#include "logfile.h"
#include "../core/util/crc32.h"
#include "../core/util/file_io.h"
#include "../core/util/le.h"
#include "../core/util/vec.h"

#include <errno.h>
#include <fcntl.h>
#include <lz4.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define CHUNK_MAGIC "RWCK"
#define END_MAGIC   "RWEN"
#define MAGIC_SIZE  8
#define ERR_SIZE    512

/* The largest buffers each side can need. The writer holds less than a
 * chunk's worth of records plus one more of the largest size. */
#define WRITE_BUF_MAX	(LOG_CHUNK_BYTES + 4 + LOG_RECORD_MAX)
#define WRITE_OUT_MAX	(LOG_CHUNK_HEADER_SIZE + LZ4_COMPRESSBOUND(WRITE_BUF_MAX))
#define READ_STORED_MAX LZ4_COMPRESSBOUND(LOG_CHUNK_MAX)

/* ---- encoding ---- */

/* The checksum of a fixed-size header is the CRC of the bytes before it. */
static void seal_header(uint8_t *h, size_t size)
{
	le_put32(h + size - 4, crc32_update(0, h, size - 4));
}

static bool header_sealed(const uint8_t *h, size_t size)
{
	return crc32_update(0, h, size - 4) == le_get32(h + size - 4);
}

/* Grow *buf to hold at least `need` bytes but never past `limit` (>= need),
 * the most its user can ever need: memory stays bounded by the format's
 * limits. */
static int buf_reserve(uint8_t **buf, size_t *cap, size_t need, size_t limit)
{
	uint8_t *p = vec_grow_max(*buf, cap, need, 1, limit);
	if (!p)
		return -ENOMEM;
	*buf = p;
	return 0;
}

/* ---- writer ---- */

struct log_writer {
	int fd;
	uint8_t *buf; /* records of the chunk being filled, length-prefixed */
	size_t len, cap;
	uint32_t nrec;
	uint8_t *out; /* chunk header and compressed payload */
	size_t out_cap;
	struct log_stats st;
	bool sync;   /* fsync at open and close */
	bool own_fd; /* close the fd when done */
	int failed;  /* sticky negative errno once a write went wrong */
	char err[ERR_SIZE];
};

/* A failed write may have left part of a chunk in the file, so every later
 * call must fail too rather than append after the fragment. */
static int writer_fail(struct log_writer *w, int rc, const char *what)
{
	w->failed = rc;
	snprintf(w->err, sizeof w->err, "%s: %s", what, strerror(-rc));
	return rc;
}

static bool writer_sync = true;

void log_writer_sync(bool on)
{
	writer_sync = on;
}

static int writer_put_prelude(int fd, const void *header, size_t header_len,
			      bool sync)
{
	uint8_t p[LOG_PRELUDE_SIZE];
	memcpy(p, LOG_MAGIC, MAGIC_SIZE);
	le_put32(p + 8, LOG_VERSION);
	le_put32(p + 12, (uint32_t)header_len);
	uint32_t crc = crc32_update(0, p, 16);
	le_put32(p + 16, crc32_update(crc, header, header_len));
	int rc = file_write_all(fd, p, sizeof p);
	if (rc == 0)
		rc = file_write_all(fd, header, header_len);
	if (rc == 0 && sync && fsync(fd) < 0)
		rc = -errno;
	return rc;
}

struct log_writer *log_writer_open(const char *path, bool force,
				   const void *header, size_t header_len,
				   char *err, size_t errlen)
{
	if (header_len > LOG_HEADER_MAX) {
		snprintf(err, errlen, "%s: header of %zu bytes exceeds %u",
			 path, header_len, LOG_HEADER_MAX);
		return NULL;
	}
	struct log_writer *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL);
	w->fd = open(path, flags, 0644);
	if (w->fd < 0) {
		if (errno == EEXIST)
			snprintf(err, errlen,
				 "%s already exists; --force replaces it",
				 path);
		else
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(w);
		return NULL;
	}
	w->sync = writer_sync;
	w->own_fd = true;
	int rc = writer_put_prelude(w->fd, header, header_len, w->sync);
	if (rc < 0) {
		snprintf(err, errlen, "%s: cannot write the header: %s", path,
			 strerror(-rc));
		/* Remove a file we created. With force the path may be
		 * anything the caller named (a device, a symlink), so it
		 * stays; no reader accepts the stub. */
		close(w->fd);
		if (!force)
			unlink(path);
		free(w);
		return NULL;
	}
	w->st.offset = LOG_PRELUDE_SIZE + header_len;
	return w;
}

struct log_writer *log_writer_open_fd(int fd, const void *header,
				      size_t header_len, char *err,
				      size_t errlen)
{
	if (header_len > LOG_HEADER_MAX) {
		snprintf(err, errlen, "header of %zu bytes exceeds %u",
			 header_len, LOG_HEADER_MAX);
		return NULL;
	}
	struct log_writer *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->fd = fd;
	int rc = writer_put_prelude(fd, header, header_len, false);
	if (rc < 0) {
		snprintf(err, errlen, "cannot write the header: %s",
			 strerror(-rc));
		free(w);
		return NULL;
	}
	w->st.offset = LOG_PRELUDE_SIZE + header_len;
	return w;
}

int log_writer_append(struct log_writer *w, const void *rec, size_t len)
{
	if (w->failed)
		return w->failed;
	if (len > LOG_RECORD_MAX) {
		snprintf(w->err, sizeof w->err,
			 "record of %zu bytes exceeds the %u-byte limit", len,
			 LOG_RECORD_MAX);
		return -EINVAL;
	}
	if (buf_reserve(&w->buf, &w->cap, w->len + 4 + len, WRITE_BUF_MAX) <
	    0) {
		snprintf(w->err, sizeof w->err, "out of memory");
		return -ENOMEM;
	}
	le_put32(w->buf + w->len, (uint32_t)len);
	if (len)
		memcpy(w->buf + w->len + 4, rec, len);
	w->len += 4 + len;
	w->nrec++;
	w->st.records++;
	if (w->len >= LOG_CHUNK_BYTES)
		return log_writer_flush(w);
	return 0;
}

int log_writer_flush(struct log_writer *w)
{
	if (w->failed)
		return w->failed;
	if (w->nrec == 0)
		return 0;
	int bound = LZ4_compressBound((int)w->len);
	if (buf_reserve(&w->out, &w->out_cap,
			LOG_CHUNK_HEADER_SIZE + (size_t)bound,
			WRITE_OUT_MAX) < 0)
		/* Sticky like a write error, so the buffer never grows past
		 * one chunk plus one record. */
		return writer_fail(w, -ENOMEM, "buffering a chunk");
	uint8_t *payload = w->out + LOG_CHUNK_HEADER_SIZE;
	int n = LZ4_compress_default((const char *)w->buf, (char *)payload,
				     (int)w->len, bound);
	if (n <= 0)
		return writer_fail(w, -EIO, "compressing a chunk");
	uint8_t *h = w->out;
	memcpy(h, CHUNK_MAGIC, 4);
	le_put32(h + 4, (uint32_t)w->len);
	le_put32(h + 8, (uint32_t)n);
	le_put32(h + 12, w->nrec);
	le_put32(h + 16, crc32_update(0, payload, (size_t)n));
	seal_header(h, LOG_CHUNK_HEADER_SIZE);
	int rc = file_write_all(w->fd, w->out,
				LOG_CHUNK_HEADER_SIZE + (size_t)n);
	if (rc < 0)
		return writer_fail(w, rc, "writing a chunk");
	w->st.chunks++;
	w->st.raw_bytes += w->len;
	w->st.stored_bytes += (uint64_t)n;
	w->st.chunk_offset = w->st.offset;
	w->st.offset += LOG_CHUNK_HEADER_SIZE + (uint64_t)n;
	w->len = 0;
	w->nrec = 0;
	return 0;
}

/* The end marker tells a reader the recorder finished: a file without one
 * was cut short, even when the cut falls between two chunks. */
static int writer_put_end(struct log_writer *w)
{
	uint8_t h[LOG_CHUNK_HEADER_SIZE];
	memcpy(h, END_MAGIC, 4);
	le_put64(h + 4, w->st.chunks);
	le_put64(h + 12, w->st.records);
	seal_header(h, sizeof h);
	int rc = file_write_all(w->fd, h, sizeof h);
	if (rc < 0)
		return writer_fail(w, rc, "writing the end marker");
	w->st.offset += sizeof h;
	return 0;
}

int log_writer_close(struct log_writer *w)
{
	if (!w)
		return 0;
	int rc = log_writer_flush(w);
	if (rc == 0)
		rc = writer_put_end(w);
	if (rc == 0 && w->sync && fsync(w->fd) < 0)
		rc = -errno;
	if (w->own_fd && close(w->fd) < 0 && rc == 0)
		rc = -errno;
	free(w->buf);
	free(w->out);
	free(w);
	return rc;
}

int log_writer_end(struct log_writer *w)
{
	return log_writer_close(w);
}

const char *log_writer_error(const struct log_writer *w)
{
	return w->err;
}

void log_writer_stats(const struct log_writer *w, struct log_stats *out)
{
	*out = w->st;
}

/* ---- reader ---- */

enum reader_state { READING, ENDED, FAILED };

struct log_reader {
	int fd;		    /* -1 when reading from memory */
	const uint8_t *mem; /* the memory source */
	size_t mem_len;
	uint64_t pos; /* bytes consumed from the source */
	char *name;   /* the path, for messages; NULL for memory */
	uint8_t *header;
	size_t header_len;
	uint8_t *stored; /* the current chunk's compressed payload */
	size_t stored_cap;
	uint8_t *raw; /* ... and its records, checked before use */
	size_t raw_cap, raw_pos;
	uint32_t left; /* records of the current chunk not yet returned */
	struct log_stats st;
	enum reader_state state;
	bool truncated;
	bool tail_ok;	  /* bytes after the end marker are the caller's */
	const char *kind; /* "recording" or "snapshot", for messages */
	char err[ERR_SIZE];
};

/* Read up to n bytes; fewer only at the end of the source. */
static ssize_t source_read(struct log_reader *r, void *buf, size_t n)
{
	ssize_t got;
	if (r->fd >= 0) {
		got = file_read_full(r->fd, buf, n);
		if (got < 0)
			return got;
	} else {
		size_t avail = r->mem_len - (size_t)r->pos;
		got = (ssize_t)(n < avail ? n : avail);
		if (got)
			memcpy(buf, r->mem + r->pos, (size_t)got);
	}
	r->pos += (uint64_t)got;
	return got;
}

static void reader_say(struct log_reader *r, const char *fmt, va_list ap)
{
	char msg[ERR_SIZE - 64];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (r->name)
		snprintf(r->err, sizeof r->err, "%s: %s", r->name, msg);
	else
		snprintf(r->err, sizeof r->err, "%s", msg);
}

__attribute__((format(printf, 2, 3))) static int
reader_fail(struct log_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	reader_say(r, fmt, ap);
	va_end(ap);
	r->state = FAILED;
	return -1;
}

static int reader_truncate(struct log_reader *r)
{
	r->truncated = true;
	r->state = ENDED;
	snprintf(r->err, sizeof r->err, "%s%sthe %s is truncated",
		 r->name ? r->name : "", r->name ? ": " : "", r->kind);
	return 0;
}

static int reader_read_error(struct log_reader *r, ssize_t rc)
{
	return reader_fail(r, "read error at byte %llu: %s",
			   (unsigned long long)r->pos, strerror((int)-rc));
}

/* Check the prelude and load the header. 0, or -1 with r->err set. */
static int reader_start(struct log_reader *r)
{
	uint8_t p[LOG_PRELUDE_SIZE];
	ssize_t got = source_read(r, p, sizeof p);
	if (got < 0)
		return reader_read_error(r, got);
	if (got < MAGIC_SIZE || memcmp(p, LOG_MAGIC, MAGIC_SIZE) != 0)
		return reader_fail(r, "not a rewind %s", r->kind);
	if (got < LOG_PRELUDE_SIZE)
		return reader_fail(r, "the %s is truncated inside its prelude",
				   r->kind);
	uint32_t version = le_get32(p + 8);
	if (version != LOG_VERSION)
		return reader_fail(r,
				   "%s format version %u is not "
				   "supported (this rewind reads %u)",
				   r->kind, version, LOG_VERSION);
	uint32_t len = le_get32(p + 12);
	if (len > LOG_HEADER_MAX)
		return reader_fail(r,
				   "header length %u exceeds the %u-byte "
				   "limit: the %s is corrupt",
				   len, LOG_HEADER_MAX, r->kind);
	r->header = malloc(len ? len : 1);
	if (!r->header)
		return reader_fail(r, "out of memory");
	r->header_len = len;
	got = source_read(r, r->header, len);
	if (got < 0)
		return reader_read_error(r, got);
	if ((size_t)got < len)
		return reader_fail(r, "the %s is truncated inside its header",
				   r->kind);
	uint32_t crc = crc32_update(crc32_update(0, p, 16), r->header, len);
	if (crc != le_get32(p + 16))
		return reader_fail(r,
				   "header checksum mismatch: the %s is "
				   "corrupt",
				   r->kind);
	r->st.offset = r->pos;
	return 0;
}

static struct log_reader *reader_open(struct log_reader *r, char *err,
				      size_t errlen)
{
	if (reader_start(r) == 0) {
		r->state = READING;
		return r;
	}
	snprintf(err, errlen, "%s", r->err);
	log_reader_close(r);
	return NULL;
}

struct log_reader *log_reader_open_as(const char *path, const void *data,
				      size_t size, const char *kind, char *err,
				      size_t errlen)
{
	struct log_reader *r = calloc(1, sizeof *r);
	char *name = path ? strdup(path) : NULL;
	if (!r || (path && !name)) {
		free(r);
		free(name);
		snprintf(err, errlen, "%s%sout of memory", path ? path : "",
			 path ? ": " : "");
		return NULL;
	}
	r->name = name;
	r->kind = kind;
	r->fd = -1;
	if (data) {
		r->mem = data;
		r->mem_len = size;
		return reader_open(r, err, errlen);
	}
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		log_reader_close(r);
		return NULL;
	}
	return reader_open(r, err, errlen);
}

struct log_reader *log_reader_open_fd(int fd, const char *name,
				      const char *kind, char *err,
				      size_t errlen)
{
	struct log_reader *r = calloc(1, sizeof *r);
	char *copy = strdup(name);
	if (!r || !copy) {
		free(r);
		free(copy);
		snprintf(err, errlen, "%s: out of memory", name);
		return NULL;
	}
	r->name = copy;
	r->kind = kind;
	r->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (r->fd < 0 || lseek(r->fd, 0, SEEK_SET) < 0) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		log_reader_close(r);
		return NULL;
	}
	return reader_open(r, err, errlen);
}

void log_reader_allow_tail(struct log_reader *r)
{
	r->tail_ok = true;
}

struct log_reader *log_reader_open(const char *path, char *err, size_t errlen)
{
	return log_reader_open_as(path, NULL, 0, "recording", err, errlen);
}

struct log_reader *log_reader_open_mem(const void *data, size_t size, char *err,
				       size_t errlen)
{
	/* Any non-NULL pointer marks a memory source, even for no bytes. */
	return log_reader_open_as(NULL, data ? data : "", size, "recording",
				  err, errlen);
}

const void *log_reader_header(const struct log_reader *r, size_t *len)
{
	*len = r->header_len;
	return r->header;
}

/* The end marker: its totals must match what came before it, and nothing
 * may follow it. */
static int reader_end(struct log_reader *r, const uint8_t *h, uint64_t at)
{
	uint64_t chunks = le_get64(h + 4), records = le_get64(h + 12);
	if (chunks != r->st.chunks || records != r->st.records)
		return reader_fail(r,
				   "end marker at byte %llu counts %llu chunks "
				   "and %llu records, but the %s holds "
				   "%llu and %llu: it is corrupt",
				   (unsigned long long)at,
				   (unsigned long long)chunks,
				   (unsigned long long)records, r->kind,
				   (unsigned long long)r->st.chunks,
				   (unsigned long long)r->st.records);
	uint8_t extra;
	ssize_t got = r->tail_ok ? 0 : source_read(r, &extra, 1);
	if (got < 0)
		return reader_read_error(r, got);
	if (got > 0)
		return reader_fail(r,
				   "unexpected data after the end marker at "
				   "byte %llu: the %s is corrupt",
				   (unsigned long long)(r->pos - 1), r->kind);
	r->st.offset = r->pos;
	r->state = ENDED;
	return 0;
}

/* Walk the decompressed records once, so that log_reader_next can trust
 * every length prefix. */
static const char *chunk_check_records(const uint8_t *raw, size_t len,
				       uint32_t nrec)
{
	size_t pos = 0;
	for (uint32_t i = 0; i < nrec; i++) {
		if (len - pos < 4)
			return "record length runs past the chunk";
		uint32_t n = le_get32(raw + pos);
		pos += 4;
		if (n > LOG_RECORD_MAX)
			return "record length exceeds the limit";
		if (n > len - pos)
			return "record runs past the chunk";
		pos += n;
	}
	if (pos != len)
		return "chunk has bytes after its last record";
	return NULL;
}

/* Lengths a valid writer could have produced; anything else is refused
 * before a byte is allocated for it. */
static const char *chunk_check_lengths(uint32_t raw_len, uint32_t stored_len,
				       uint32_t nrec)
{
	if (raw_len == 0 || raw_len > LOG_CHUNK_MAX)
		return "impossible uncompressed length";
	if (stored_len == 0 ||
	    stored_len > (uint32_t)LZ4_compressBound((int)raw_len))
		return "impossible compressed length";
	if (nrec == 0 || nrec > raw_len / 4)
		return "impossible record count";
	return NULL;
}

static int chunk_fail(struct log_reader *r, uint64_t at, const char *why)
{
	return reader_fail(r, "chunk at byte %llu: %s: the %s is corrupt",
			   (unsigned long long)at, why, r->kind);
}

/* Read, verify and decompress the chunk whose header is h. 1 when loaded,
 * 0 for a truncated file, -1 for a corrupt one. */
static int reader_load_chunk(struct log_reader *r, const uint8_t *h,
			     uint64_t at)
{
	uint32_t raw_len = le_get32(h + 4), stored_len = le_get32(h + 8);
	uint32_t nrec = le_get32(h + 12);
	const char *why = chunk_check_lengths(raw_len, stored_len, nrec);
	if (why)
		return chunk_fail(r, at, why);
	if (buf_reserve(&r->stored, &r->stored_cap, stored_len,
			READ_STORED_MAX) < 0 ||
	    buf_reserve(&r->raw, &r->raw_cap, raw_len, LOG_CHUNK_MAX) < 0)
		return reader_fail(r, "out of memory");
	ssize_t got = source_read(r, r->stored, stored_len);
	if (got < 0)
		return reader_read_error(r, got);
	if ((size_t)got < stored_len)
		return reader_truncate(r);
	if (crc32_update(0, r->stored, stored_len) != le_get32(h + 16))
		return chunk_fail(r, at, "checksum mismatch");
	int n = LZ4_decompress_safe((const char *)r->stored, (char *)r->raw,
				    (int)stored_len, (int)raw_len);
	if (n < 0 || (uint32_t)n != raw_len)
		return chunk_fail(r, at, "decompression failed");
	why = chunk_check_records(r->raw, raw_len, nrec);
	if (why)
		return chunk_fail(r, at, why);
	r->raw_pos = 0;
	r->left = nrec;
	r->st.chunks++;
	r->st.raw_bytes += raw_len;
	r->st.stored_bytes += stored_len;
	r->st.chunk_offset = at;
	r->st.offset = r->pos;
	return 1;
}

/* Move to the next chunk: 1 when one is loaded, else 0 or -1 as
 * log_reader_next returns them. */
static int reader_advance(struct log_reader *r)
{
	uint8_t h[LOG_CHUNK_HEADER_SIZE];
	uint64_t at = r->pos;
	ssize_t got = source_read(r, h, sizeof h);
	if (got < 0)
		return reader_read_error(r, got);
	if ((size_t)got < sizeof h)
		return reader_truncate(r);
	bool end = memcmp(h, END_MAGIC, 4) == 0;
	if (!end && memcmp(h, CHUNK_MAGIC, 4) != 0)
		return chunk_fail(r, at, "bad chunk magic");
	if (!header_sealed(h, sizeof h))
		return chunk_fail(r, at, "header checksum mismatch");
	if (end)
		return reader_end(r, h, at);
	return reader_load_chunk(r, h, at);
}

int log_reader_next(struct log_reader *r, const void **rec, size_t *len)
{
	if (r->state == READING && r->left == 0)
		reader_advance(r);
	if (r->state != READING)
		return r->state == FAILED ? -1 : 0;
	/* chunk_check_records vouched for this prefix and its bytes. */
	uint32_t n = le_get32(r->raw + r->raw_pos);
	*rec = r->raw + r->raw_pos + 4;
	*len = n;
	r->raw_pos += 4 + (size_t)n;
	r->left--;
	r->st.records++;
	return 1;
}

bool log_reader_truncated(const struct log_reader *r)
{
	return r->truncated;
}

const char *log_reader_error(const struct log_reader *r)
{
	return r->err;
}

void log_reader_stats(const struct log_reader *r, struct log_stats *out)
{
	*out = r->st;
}

void log_reader_close(struct log_reader *r)
{
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	free(r->name);
	free(r->header);
	free(r->stored);
	free(r->raw);
	free(r);
}
