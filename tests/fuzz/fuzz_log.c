/* Fuzz target for the recording reader: any byte string must either fail to
 * open with a message, or give records until the end marker, a truncation
 * or a reported corruption; never a crash, an out-of-bounds access or a
 * leak. Each input also runs a second time with its checksums recomputed,
 * because otherwise almost every mutation stops at a checksum and the
 * length checks, the decompressor and the record walk behind it would go
 * untested. */
#include "../../core/util/crc32.h"
#include "../../core/util/le.h"
#include "../../replay/logfile.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every byte so that a bad pointer or length is caught here. */
static uint8_t fold(const uint8_t *p, size_t len)
{
	uint8_t x = 0;
	for (size_t i = 0; i < len; i++)
		x ^= p[i];
	return x;
}

static void read_all(const uint8_t *data, size_t size)
{
	char err[512] = "";
	struct log_reader *r = log_reader_open_mem(data, size, err, sizeof err);
	if (!r) {
		if (!err[0])
			abort();
		return;
	}
	size_t len;
	const uint8_t *h = log_reader_header(r, &len);
	volatile uint8_t sink = fold(h, len);
	const void *rec;
	int rc;
	while ((rc = log_reader_next(r, &rec, &len)) == 1) {
		if (len > LOG_RECORD_MAX)
			abort();
		sink ^= fold(rec, len);
	}
	(void)sink;
	if (rc < 0 && !log_reader_error(r)[0])
		abort();
	/* The end and a failure are both final. */
	if (log_reader_next(r, &rec, &len) != rc)
		abort();
	log_reader_close(r);
}

/* Recompute every checksum the layout lets us find. */
static void repair_checksums(uint8_t *d, size_t size)
{
	if (size < LOG_PRELUDE_SIZE)
		return;
	uint32_t hlen = le_get32(d + 12);
	if (hlen > size - LOG_PRELUDE_SIZE)
		return;
	le_put32(d + 16, crc32_update(crc32_update(0, d, 16),
				      d + LOG_PRELUDE_SIZE, hlen));
	size_t at = LOG_PRELUDE_SIZE + hlen;
	while (size - at >= LOG_CHUNK_HEADER_SIZE) {
		uint8_t *h = d + at;
		at += LOG_CHUNK_HEADER_SIZE;
		uint32_t stored = le_get32(h + 8);
		if (memcmp(h, "RWCK", 4) == 0 && stored <= size - at) {
			le_put32(h + 16, crc32_update(0, d + at, stored));
			at += stored;
		}
		le_put32(h + 20, crc32_update(0, h, 20));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_all(data, size);
	/* An exact-size copy, so any over-read hits the sanitizer's redzone. */
	uint8_t *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	repair_checksums(copy, size);
	read_all(copy, size);
	free(copy);
	return 0;
}
