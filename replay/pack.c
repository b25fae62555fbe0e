#include "pack.h"
#include "../core/util/le.h"
#include "events.h"
#include "logfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Payload per record: a record holds at most LOG_RECORD_MAX bytes, minus
 * the type, slot and offset. */
#define PACK_PIECE (LOG_RECORD_MAX - 64)
#define PACK_SLOTS (REC_SLOT_SNAPSHOT + 1)

static int pack_one(struct log_writer *w, unsigned slot,
		    const struct rec_image *im, uint8_t *buf, char *err,
		    size_t errlen)
{
	FILE *f = fopen(im->path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", im->path, strerror(errno));
		return -1;
	}
	uint64_t off = 0;
	size_t n;
	while ((n = fread(buf + 10, 1, PACK_PIECE, f)) > 0) {
		buf[0] = EV_IMAGE;
		buf[1] = (uint8_t)slot;
		le_put64(buf + 2, off);
		if (log_writer_append(w, buf, n + 10) < 0) {
			fclose(f);
			snprintf(err, errlen, "writing the recording failed");
			return -1;
		}
		off += n;
	}
	fclose(f);
	return 0;
}

int pack_write(struct log_writer *w, struct rec_config *c, char *err,
	       size_t errlen)
{
	uint8_t *buf = malloc(PACK_PIECE + 10);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int r = 0;
	for (unsigned s = 0; s < PACK_SLOTS && r == 0; s++) {
		const struct rec_image *im = recording_image(c, s);
		if (im)
			r = pack_one(w, s, im, buf, err, errlen);
	}
	free(buf);
	return r;
}

/* The file an extracted slot goes to. */
static void pack_path(const char *dir, unsigned slot, char *out, size_t len)
{
	snprintf(out, len, "%s/image%u", dir, slot);
}

int pack_extract(struct log_reader *r, struct rec_config *c, char *dir,
		 const void **rec, size_t *len, char *err, size_t errlen)
{
	snprintf(dir, REC_PATH_MAX, "%s/rewind-pack-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	FILE *files[PACK_SLOTS] = {0};
	int status = 0;
	for (;;) {
		int n = log_reader_next(r, rec, len);
		if (n <= 0) {
			*rec = NULL;
			if (n < 0) {
				snprintf(err, errlen, "%s",
					 log_reader_error(r));
				status = -1;
			}
			break;
		}
		const uint8_t *p = *rec;
		if (*len < 1 || p[0] != EV_IMAGE)
			break; /* the first record of the run itself */
		unsigned slot = *len >= 10 ? p[1] : PACK_SLOTS;
		if (slot >= PACK_SLOTS || !recording_image(c, slot)) {
			snprintf(err, errlen, "corrupt packed image record");
			status = -1;
			break;
		}
		if (!files[slot]) {
			char path[REC_PATH_MAX + 16];
			pack_path(dir, slot, path, sizeof(path));
			files[slot] = fopen(path, "wb");
		}
		if (!files[slot] ||
		    fseek(files[slot], (long)le_get64(p + 2), SEEK_SET) ||
		    fwrite(p + 10, 1, *len - 10, files[slot]) != *len - 10) {
			snprintf(err, errlen,
				 "extracting packed images in %s "
				 "failed",
				 dir);
			status = -1;
			break;
		}
	}
	for (unsigned s = 0; s < PACK_SLOTS; s++)
		if (files[s] && fclose(files[s]))
			status = -1;
	/* Boot from the extracted copies; the hashes prove them whole. */
	for (unsigned s = 0; s < PACK_SLOTS && status == 0; s++) {
		struct rec_image *im = recording_image(c, s);
		if (im)
			pack_path(dir, s, im->path, sizeof(im->path));
	}
	if (status == 0 && recording_check_images(c, "recording", err, errlen))
		status = -1;
	return status;
}

void pack_cleanup(struct rec_config *c, const char *dir)
{
	for (unsigned s = 0; s < PACK_SLOTS; s++) {
		char path[REC_PATH_MAX + 16];
		if (recording_image(c, s)) {
			pack_path(dir, s, path, sizeof(path));
			unlink(path);
		}
	}
	rmdir(dir);
}
