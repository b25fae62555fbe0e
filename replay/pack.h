/* Packed recordings (--pack): the images travel inside the recording, so
 * that it replays on a machine that has none of the files. */
#ifndef REWIND_REPLAY_PACK_H
#define REWIND_REPLAY_PACK_H

#include "recording.h"

#include <stddef.h>

struct log_writer;
struct log_reader;

/* Write every image of c as EV_IMAGE records; 0 or -1 with a message. */
int pack_write(struct log_writer *w, struct rec_config *c, char *err,
	       size_t errlen);

/* Read the EV_IMAGE records at the start of the recording into files in a
 * new directory (its path in dir, which has room for REC_PATH_MAX bytes),
 * point c's image paths at them and check their hashes. The first record
 * after the images comes back in rec and len (rec NULL at the end). */
int pack_extract(struct log_reader *r, struct rec_config *c, char *dir,
		 const void **rec, size_t *len, char *err, size_t errlen);
/* Remove the extracted files and their directory. */
void pack_cleanup(struct rec_config *c, const char *dir);

#endif
