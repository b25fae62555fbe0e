/* Machine state as bytes: an explicit little-endian encoding, so that a
 * state saved on one host loads on any other, independent of struct layout
 * and padding.
 *
 * The state is a sequence of sections, each a 4-character tag and a u32
 * length followed by that many bytes. A reader enters each section by the
 * tag it expects, so a missing, reordered, cut short or overlong section is
 * found and named in the error instead of being misread as its neighbour.
 *
 * Writers never fail midway: a failed allocation sets `oom` and later puts
 * do nothing, so a writer checks once at the end. Readers never read past
 * the end: a short read sets `bad` and yields zeros, so a reader checks
 * once at the end of a section. */
#ifndef REWIND_CORE_STATE_H
#define REWIND_CORE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATE_TAG_LEN 4

struct state_buf {
	uint8_t *p; /* malloc'd; the owner frees it */
	size_t len, cap;
	/* Out of memory, or a section longer than a u32 can say: the
	 * contents are incomplete and must not be used. */
	bool oom;
	size_t sect; /* offset of the open section's length field */
	bool open;   /* a section is open (sections do not nest) */
};

/* Room for n more bytes; false (and oom) when there is none. Puts make
 * room themselves; reserving first saves growing step by step. */
bool state_reserve(struct state_buf *b, size_t n);
void state_put_u8(struct state_buf *b, uint8_t v);
void state_put_u32(struct state_buf *b, uint32_t v);
void state_put_u64(struct state_buf *b, uint64_t v);
void state_put_bytes(struct state_buf *b, const void *data, size_t len);
/* Open a section tagged with the first four characters of tag; state_end
 * fills in its length. */
void state_begin(struct state_buf *b, const char *tag);
void state_end(struct state_buf *b);

struct state_reader {
	const uint8_t *p, *end;
	bool bad; /* a read ran past the end or found an invalid value */
};

uint8_t state_get_u8(struct state_reader *r);
uint32_t state_get_u32(struct state_reader *r);
uint64_t state_get_u64(struct state_reader *r);
/* A u8 that must be 0 or 1; anything else sets bad. */
bool state_get_bool(struct state_reader *r);
/* Copy len bytes out (zeros when they are not there). */
void state_get_bytes(struct state_reader *r, void *out, size_t len);
/* Point at the next len bytes without copying, or NULL (and bad). */
const uint8_t *state_get_span(struct state_reader *r, size_t len);
size_t state_left(const struct state_reader *r);

/* Enter the next section, which must be tagged `tag`: on success *sect
 * covers its contents and r moves past it. Otherwise a negative errno and
 * a message naming the section in err: -ENOENT when the state ends first,
 * -EBADMSG for another tag, -EOVERFLOW for a length that runs past the
 * end. `what` says which one is meant (e.g. "hart 1"); may be NULL. */
int state_section(struct state_reader *r, const char *tag, const char *what,
		  struct state_reader *sect, char *err, size_t errlen);
/* After parsing a section: 0 when it was read exactly to its end, or
 * -EINVAL with a message when it was cut short or has bytes left over. */
int state_section_done(const struct state_reader *sect, const char *tag,
		       const char *what, char *err, size_t errlen);
/* One list of a part's fields, run in either direction: saving writes each
 * field, loading reads each into place. Writing the list once keeps the
 * save and load orders in step. Exactly one of b and r is set; saving only
 * reads through the pointers. */
struct state_io {
	struct state_buf *b;
	struct state_reader *r;
};

void state_io_u8(struct state_io *io, uint8_t *v);
void state_io_u32(struct state_io *io, uint32_t *v);
void state_io_u64(struct state_io *io, uint64_t *v);
/* A u8 that must be 0 or 1 (loading sets r->bad otherwise). */
void state_io_bool(struct state_io *io, bool *v);
void state_io_bytes(struct state_io *io, void *p, size_t len);

/* A load that must change nothing unless all of its section is valid reads
 * the section twice: `read` with apply false, on a copy of r, checks every
 * value; then `prepare` (NULL: none) clears what the loaded contents will
 * replace, and `read` with apply true loads them. Returns the first pass's
 * error, or the second pass's result. */
typedef int (*state_pass_fn)(void *obj, struct state_reader *r, bool apply);
int state_load_checked(struct state_reader *r, state_pass_fn read,
		       void (*prepare)(void *obj), void *obj);

/* Does the machine a state was saved from have as many of `what` (e.g.
 * "harts") as this one? 0, or -EINVAL with a message saying both. */
int state_config_match(uint64_t saved, uint64_t here, const char *what,
		       char *err, size_t errlen);

#endif
