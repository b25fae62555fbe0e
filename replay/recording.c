#include "recording.h"
#include "../core/util/sha256.h"
#include "../core/util/vec.h"
#include "events.h"
#include "logfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hash_image(struct rec_image *im, char *err, size_t errlen)
{
	uint8_t d[32];
	if (sha256_file(im->path, d, err, errlen))
		return -1;
	sha256_hex(d, im->sha256);
	return 0;
}

struct rec_image *recording_image(struct rec_config *c, unsigned s)
{
	switch (s) {
	case REC_SLOT_BIOS: return c->has_bios ? &c->bios : NULL;
	case REC_SLOT_KERNEL: return c->has_kernel ? &c->kernel : NULL;
	case REC_SLOT_INITRD: return c->has_initrd ? &c->initrd : NULL;
	case REC_SLOT_SNAPSHOT: return c->has_snapshot ? &c->snapshot : NULL;
	default:
		s -= REC_SLOT_DISK0;
		return (int)s < c->ndisks ? &c->disks[s] : NULL;
	}
}

void recording_ram_hash_current(struct rec_config *c)
{
	c->ram_hash = RAM_HASH_CURRENT;
}

int recording_hash_images(struct rec_config *c, char *err, size_t errlen)
{
	if (c->has_bios && hash_image(&c->bios, err, errlen))
		return -1;
	if (c->has_kernel && hash_image(&c->kernel, err, errlen))
		return -1;
	if (c->has_initrd && hash_image(&c->initrd, err, errlen))
		return -1;
	for (int i = 0; i < c->ndisks; i++)
		if (hash_image(&c->disks[i], err, errlen))
			return -1;
	return 0;
}

/* Append "key=value\n"; values never contain a newline (checked). */
static void put(char **buf, size_t *len, size_t *cap, const char *key,
		const char *val)
{
	size_t need = strlen(key) + strlen(val) + 2;
	char *n = vec_grow(*buf, cap, *len + need + 1, 1);
	if (!n)
		return;
	*buf = n;
	*len += (size_t)sprintf(*buf + *len, "%s=%s\n", key, val);
}

static void put_image(char **buf, size_t *len, size_t *cap, const char *key,
		      const struct rec_image *im)
{
	char k[64];
	put(buf, len, cap, key, im->path);
	snprintf(k, sizeof(k), "%s.sha256", key);
	put(buf, len, cap, k, im->sha256);
}

static const char *mode_name(enum disk_mode m)
{
	return m == DISK_READONLY  ? "ro"
	       : m == DISK_PERSIST ? "persist"
				   : "overlay";
}

char *recording_header_build(const struct rec_config *c, size_t *len)
{
	char *buf = NULL, num[32];
	size_t n = 0, cap = 0;
	snprintf(num, sizeof(num), "rewind-virt-%d",
		 c->identity ? c->identity : MACHINE_IDENTITY_CURRENT);
	put(&buf, &n, &cap, "machine", num);
	/* Said only when not 1, so that a header of scheduler 1 reads the
	 * same to the builds that knew no other. */
	if (c->scheduler > MACHINE_SCHEDULER_V1) {
		snprintf(num, sizeof(num), "%d", c->scheduler);
		put(&buf, &n, &cap, "scheduler", num);
	}
	snprintf(num, sizeof(num), "%llu", (unsigned long long)c->mem);
	put(&buf, &n, &cap, "mem", num);
	snprintf(num, sizeof(num), "%d", c->smp);
	put(&buf, &n, &cap, "smp", num);
	if (c->bare)
		put(&buf, &n, &cap, "bios", "none");
	else if (c->has_bios)
		put_image(&buf, &n, &cap, "bios", &c->bios);
	if (c->has_kernel)
		put_image(&buf, &n, &cap, "kernel", &c->kernel);
	if (c->has_initrd)
		put_image(&buf, &n, &cap, "initrd", &c->initrd);
	if (c->has_append)
		put(&buf, &n, &cap, "append", c->append);
	for (int i = 0; i < c->ndisks; i++) {
		char key[32];
		snprintf(key, sizeof(key), "disk%d", i);
		put_image(&buf, &n, &cap, key, &c->disks[i]);
		snprintf(key, sizeof(key), "disk%d.mode", i);
		put(&buf, &n, &cap, key, mode_name(c->disk_modes[i]));
	}
	if (c->net)
		put(&buf, &n, &cap, "net", "user");
	if (c->chaos) {
		snprintf(num, sizeof(num), "%llu",
			 (unsigned long long)c->chaos_seed);
		put(&buf, &n, &cap, "chaos-seed", num);
	}
	if (c->chaos && c->chaos_keep_only) {
		/* Up to REC_CHAOS_KEEP_MAX numbers of at most 20 digits. */
		char *list = malloc(REC_CHAOS_KEEP_MAX * 21 + 1);
		size_t at = 0;
		if (list) {
			list[0] = '\0';
			for (size_t i = 0; i < c->chaos_nkeep; i++)
				at += (size_t)sprintf(
					list + at, "%s%llu", i ? "," : "",
					(unsigned long long)c->chaos_keep[i]);
			put(&buf, &n, &cap, "chaos-keep", list);
			free(list);
		}
	}
	if (c->chaos && c->chaos_faults)
		put(&buf, &n, &cap, "chaos-faults", "yes");
	if (c->schedule_logged)
		put(&buf, &n, &cap, "schedule-log", "yes");
	/* Said only when not FNV, so a header without it reads as before. */
	if (c->ram_hash == RAM_HASH_CRC32C)
		put(&buf, &n, &cap, "ram-hash", "crc32c");
	if (c->packed)
		put(&buf, &n, &cap, "packed", "yes");
	if (c->snapshot_version) {
		snprintf(num, sizeof(num), "%u", c->snapshot_version);
		put(&buf, &n, &cap, "snapshot-version", num);
	}
	if (c->has_parent)
		put_image(&buf, &n, &cap, "parent", &c->parent);
	if (c->has_snapshot)
		put_image(&buf, &n, &cap, "snapshot", &c->snapshot);
	*len = n;
	return buf;
}

static int copy_value(char *dst, size_t dstlen, const char *v, size_t vlen)
{
	if (vlen >= dstlen)
		return -1;
	memcpy(dst, v, vlen);
	dst[vlen] = '\0';
	return 0;
}

static int parse_u64(const char *v, size_t vlen, uint64_t *out)
{
	char tmp[32];
	if (copy_value(tmp, sizeof(tmp), v, vlen) || !vlen)
		return -1;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(tmp, &end, 10);
	if (errno || *end)
		return -1;
	*out = x;
	return 0;
}

/* A count from 1 to max. */
static int parse_count(const char *v, size_t vlen, uint64_t max, uint64_t *out)
{
	return parse_u64(v, vlen, out) || *out < 1 || *out > max ? -1 : 0;
}

/* "chaos-keep": draw numbers, ascending, comma-separated (none: empty). */
static int parse_keep(struct rec_config *c, const char *v, size_t vlen)
{
	c->chaos_keep_only = true;
	c->chaos_nkeep = 0;
	size_t pos = 0;
	while (pos < vlen) {
		const char *comma = memchr(v + pos, ',', vlen - pos);
		size_t len = comma ? (size_t)(comma - (v + pos)) : vlen - pos;
		uint64_t x;
		if (c->chaos_nkeep == REC_CHAOS_KEEP_MAX ||
		    parse_u64(v + pos, len, &x) ||
		    (c->chaos_nkeep && x <= c->chaos_keep[c->chaos_nkeep - 1]))
			return -1;
		c->chaos_keep[c->chaos_nkeep++] = x;
		pos += len + 1;
		if (comma && pos == vlen)
			return -1; /* a trailing comma */
	}
	return 0;
}

/* Is the value exactly the word w? */
static bool value_is(const char *v, size_t vlen, const char *w)
{
	return vlen == strlen(w) && memcmp(v, w, vlen) == 0;
}

/* One "key=value" line into c; -1 for an unknown key or a bad value. */
static int parse_line(struct rec_config *c, const char *k, size_t klen,
		      const char *v, size_t vlen)
{
	uint64_t x;
#define KEY(s) (klen == strlen(s) && memcmp(k, s, klen) == 0)
	if (KEY("machine")) {
		/* rewind-virt-1 and -2: the versions this build can run. */
		if (vlen != 13 || memcmp(v, "rewind-virt-", 12) ||
		    (v[12] != '1' && v[12] != '2'))
			return -1;
		c->identity = v[12] - '0';
		return 0;
	}
	if (KEY("scheduler")) {
		/* 2: the versions this build can run (1 is never written). */
		if (!value_is(v, vlen, "2"))
			return -1;
		c->scheduler = MACHINE_SCHEDULER_V2;
		return 0;
	}
	if (KEY("mem"))
		return parse_u64(v, vlen, &c->mem);
	/* The two counts: harts, and a snapshot's format version. */
	if (KEY("smp") || KEY("snapshot-version")) {
		bool smp = KEY("smp");
		if (parse_count(v, vlen, smp ? MACHINE_MAX_HARTS : UINT32_MAX,
				&x))
			return -1;
		if (smp)
			c->smp = (int)x;
		else
			c->snapshot_version = (uint32_t)x;
		return 0;
	}
	if (KEY("net")) {
		c->net = value_is(v, vlen, "user");
		return c->net ? 0 : -1;
	}
	if (KEY("packed")) {
		c->packed = value_is(v, vlen, "yes");
		return c->packed ? 0 : -1;
	}
	if (KEY("schedule-log")) {
		c->schedule_logged = value_is(v, vlen, "yes");
		return c->schedule_logged ? 0 : -1;
	}
	if (KEY("ram-hash")) {
		/* crc32c: the kinds this build knows (FNV is never written). */
		if (!value_is(v, vlen, "crc32c"))
			return -1;
		c->ram_hash = RAM_HASH_CRC32C;
		return 0;
	}
	if (KEY("chaos-faults")) {
		c->chaos_faults = value_is(v, vlen, "yes");
		return c->chaos_faults ? 0 : -1;
	}
	if (KEY("chaos-keep"))
		return parse_keep(c, v, vlen);
	if (KEY("chaos-seed")) {
		c->chaos = true;
		return parse_u64(v, vlen, &c->chaos_seed);
	}
	if (KEY("append")) {
		c->has_append = true;
		return copy_value(c->append, sizeof(c->append), v, vlen);
	}
	if (KEY("bios") && value_is(v, vlen, "none")) {
		c->bare = true;
		return 0;
	}
	struct rec_image *im = NULL;
	bool hash = klen > 7 && memcmp(k + klen - 7, ".sha256", 7) == 0;
	size_t base = hash ? klen - 7 : klen;
	bool mode = klen > 5 && memcmp(k + klen - 5, ".mode", 5) == 0;
	if (mode)
		base = klen - 5;
	if (base == 4 && memcmp(k, "bios", 4) == 0)
		im = &c->bios, c->has_bios = true;
	else if (base == 6 && memcmp(k, "kernel", 6) == 0)
		im = &c->kernel, c->has_kernel = true;
	else if (base == 6 && memcmp(k, "initrd", 6) == 0)
		im = &c->initrd, c->has_initrd = true;
	else if (base == 6 && memcmp(k, "parent", 6) == 0)
		im = &c->parent, c->has_parent = true;
	else if (base == 8 && memcmp(k, "snapshot", 8) == 0)
		im = &c->snapshot, c->has_snapshot = true;
	else if (base == 5 && memcmp(k, "disk", 4) == 0 && k[4] >= '0' &&
		 k[4] < '0' + MACHINE_MAX_DISKS) {
		int i = k[4] - '0';
		if (i + 1 > c->ndisks)
			c->ndisks = i + 1;
		im = &c->disks[i];
		if (mode) {
			if (value_is(v, vlen, "ro"))
				c->disk_modes[i] = DISK_READONLY;
			else if (value_is(v, vlen, "persist"))
				c->disk_modes[i] = DISK_PERSIST;
			else if (value_is(v, vlen, "overlay"))
				c->disk_modes[i] = DISK_OVERLAY;
			else
				return -1;
			return 0;
		}
	}
	if (!im || mode)
		return -1;
	if (hash)
		return vlen == 64 ? copy_value(im->sha256, sizeof(im->sha256),
					       v, vlen)
				  : -1;
	return copy_value(im->path, sizeof(im->path), v, vlen);
#undef KEY
}

int recording_header_parse(const char *text, size_t len, struct rec_config *c,
			   char *err, size_t errlen)
{
	memset(c, 0, sizeof(*c));
	size_t pos = 0;
	while (pos < len) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - line) : len - pos;
		const char *eq = memchr(line, '=', llen);
		if (!eq || parse_line(c, line, (size_t)(eq - line), eq + 1,
				      llen - (size_t)(eq - line) - 1)) {
			snprintf(err, errlen, "corrupt header: bad line '%.*s'",
				 (int)(llen > 80 ? 80 : llen), line);
			return -1;
		}
		pos += llen + 1;
	}
	if (!c->scheduler)
		c->scheduler = MACHINE_SCHEDULER_V1;
	if (!c->ram_hash)
		c->ram_hash = RAM_HASH_FNV;
	if (!c->identity || !c->mem || !c->smp || (!c->bare && !c->has_bios)) {
		snprintf(err, errlen, "corrupt header: missing machine fields");
		return -1;
	}
	/* A snapshot named without its hash could not be checked. */
	if ((c->has_parent && (!c->parent.path[0] || !c->parent.sha256[0])) ||
	    (c->has_snapshot &&
	     (!c->snapshot.path[0] || !c->snapshot.sha256[0]))) {
		snprintf(err, errlen,
			 "corrupt header: a snapshot without "
			 "its path or hash");
		return -1;
	}
	return 0;
}

static int check_image(const char *owner, const char *what,
		       const struct rec_image *im, char *err, size_t errlen)
{
	uint8_t d[32];
	char hex[65], why[512];
	if (sha256_file(im->path, d, why, sizeof(why))) {
		snprintf(err, errlen, "the %s needs %s %s: %s", owner, what,
			 im->path, why);
		return -1;
	}
	sha256_hex(d, hex);
	if (strcmp(hex, im->sha256) != 0) {
		snprintf(err, errlen,
			 "%s %s has changed since the %s (sha256 %s, "
			 "recorded %s)",
			 what, im->path, owner, hex, im->sha256);
		return -1;
	}
	return 0;
}

int recording_check_images(const struct rec_config *c, const char *owner,
			   char *err, size_t errlen)
{
	if (c->has_bios &&
	    check_image(owner, "firmware", &c->bios, err, errlen))
		return -1;
	if (c->has_kernel &&
	    check_image(owner, "kernel", &c->kernel, err, errlen))
		return -1;
	if (c->has_initrd &&
	    check_image(owner, "initrd", &c->initrd, err, errlen))
		return -1;
	for (int i = 0; i < c->ndisks; i++)
		if (check_image(owner, "disk", &c->disks[i], err, errlen))
			return -1;
	return 0;
}

struct log_writer *recording_writer_open(const struct rec_config *c,
					 const char *path, bool force,
					 char *err, size_t errlen)
{
	size_t hlen;
	char *header = recording_header_build(c, &hlen);
	if (!header) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	struct log_writer *w =
		log_writer_open(path, force, header, hlen, err, errlen);
	free(header);
	return w;
}
