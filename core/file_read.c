#include "file_read.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int file_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		  size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			uint8_t *bigger = realloc(buf, cap);
			if (!bigger) {
				free(buf);
				fclose(f);
				snprintf(err, errlen, "%s: out of memory",
					 path);
				return -1;
			}
			buf = bigger;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		free(buf);
		snprintf(err, errlen, "%s: read error", path);
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
}
