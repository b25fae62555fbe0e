#ifndef REWIND_CORE_FILE_READ_H
#define REWIND_CORE_FILE_READ_H

#include <stddef.h>
#include <stdint.h>

/* Read a whole file into a malloc'ed buffer. Returns 0, or -1 with a
 * message naming the path in err. */
int file_read_all(const char *path, uint8_t **out, size_t *len, char *err,
		  size_t errlen);

#endif
