/* The image hash cache: fixed-size entries, written whole by rename. */
#include "hash_cache.h"
#include "crc32.h"
#include "file_io.h"
#include "le.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* An entry: magic, the key (7 little-endian u64), the SHA-256, and a
 * CRC-32 of everything before it. */
#define HC_MAGIC     "RWHASH1\n"
#define HC_KEY_AT    8
#define HC_KEY_WORDS 7
#define HC_HASH_AT   (HC_KEY_AT + 8 * HC_KEY_WORDS)
#define HC_CRC_AT    (HC_HASH_AT + SHA256_BYTES)
#define HC_SIZE	     (HC_CRC_AT + 4)

/* A file modified this recently may be modified again within the same
 * timestamp tick without its mtime changing: no entry for it yet. */
#define HC_SETTLE_SECONDS 2

bool hash_cache_applies(const struct stat *st)
{
	return S_ISREG(st->st_mode) && st->st_size >= HASH_CACHE_MIN_BYTES;
}

static void hc_key(const struct stat *st, uint8_t *p)
{
	const uint64_t k[HC_KEY_WORDS] = {
		(uint64_t)st->st_dev,	       (uint64_t)st->st_ino,
		(uint64_t)st->st_size,	       (uint64_t)st->st_mtim.tv_sec,
		(uint64_t)st->st_mtim.tv_nsec, (uint64_t)st->st_ctim.tv_sec,
		(uint64_t)st->st_ctim.tv_nsec,
	};
	for (int i = 0; i < HC_KEY_WORDS; i++)
		le_put64(p + 8 * i, k[i]);
}

/* The cache directory and this file's entry in it; false when the
 * names do not fit. */
static bool hc_paths(const struct stat *st, char *dir, char *entry)
{
	const char *base = getenv("REWIND_CACHE");
	if (!base || !*base)
		base = "/var/cache/rewind";
	int n = snprintf(dir, PATH_MAX, "%s/hashes", base);
	if (n < 0 || n >= PATH_MAX)
		return false;
	n = snprintf(entry, PATH_MAX, "%s/%llx-%llx", dir,
		     (unsigned long long)st->st_dev,
		     (unsigned long long)st->st_ino);
	return n > 0 && n < PATH_MAX;
}

bool hash_cache_get(const struct stat *st, uint8_t out[SHA256_BYTES])
{
	char dir[PATH_MAX], entry[PATH_MAX];
	if (!hash_cache_applies(st) || !hc_paths(st, dir, entry))
		return false;
	/* O_NONBLOCK: whatever sits at the entry's name must not hang us. */
	int fd = open(entry, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	uint8_t e[HC_SIZE + 1], key[8 * HC_KEY_WORDS];
	struct stat es;
	ssize_t n = fstat(fd, &es) == 0 && S_ISREG(es.st_mode)
			    ? file_read_full(fd, e, sizeof e)
			    : -1;
	close(fd);
	hc_key(st, key);
	if (n != HC_SIZE || memcmp(e, HC_MAGIC, 8) != 0 ||
	    le_get32(e + HC_CRC_AT) != crc32_update(0, e, HC_CRC_AT) ||
	    memcmp(e + HC_KEY_AT, key, sizeof key) != 0)
		return false;
	memcpy(out, e + HC_HASH_AT, SHA256_BYTES);
	return true;
}

static bool hc_settled(const struct stat *st)
{
	struct timespec now;
	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return false;
	time_t newest = st->st_mtim.tv_sec > st->st_ctim.tv_sec
				? st->st_mtim.tv_sec
				: st->st_ctim.tv_sec;
	return now.tv_sec - newest >= HC_SETTLE_SECONDS;
}

void hash_cache_put(const struct stat *before, const struct stat *after,
		    const uint8_t d[SHA256_BYTES])
{
	const struct stat *st = before;
	char dir[PATH_MAX], entry[PATH_MAX], tmp[PATH_MAX + 32];
	uint8_t k1[8 * HC_KEY_WORDS], k2[8 * HC_KEY_WORDS];
	hc_key(before, k1);
	hc_key(after, k2);
	if (memcmp(k1, k2, sizeof k1) != 0 || !hash_cache_applies(st) ||
	    !hc_settled(st) || !hc_paths(st, dir, entry))
		return;
	/* Only the last component may be missing: REWIND_CACHE itself is
	 * created too, /var/cache is not. */
	char *slash = strrchr(dir, '/');
	*slash = '\0';
	(void)mkdir(dir, 0755);
	*slash = '/';
	(void)mkdir(dir, 0755);
	uint8_t e[HC_SIZE];
	memcpy(e, HC_MAGIC, 8);
	hc_key(st, e + HC_KEY_AT);
	memcpy(e + HC_HASH_AT, d, SHA256_BYTES);
	le_put32(e + HC_CRC_AT, crc32_update(0, e, HC_CRC_AT));
	/* Written whole under a private name, then renamed over the old
	 * entry: a reader sees the old entry or the new one, never half. */
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", entry, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      0644);
	if (fd < 0)
		return;
	bool ok = file_write_all(fd, e, sizeof e) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, entry) < 0)
		unlink(tmp);
}
