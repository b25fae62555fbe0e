/* The state encoding: growable little-endian buffer, bounds-checked reader
 * and section framing. */
#include "state.h"
#include "util/le.h"
#include "util/vec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool state_reserve(struct state_buf *b, size_t n)
{
	if (b->oom)
		return false;
	if (n <= b->cap - b->len)
		return true; /* every put but a few: no call to grow */
	uint8_t *p = n <= SIZE_MAX - b->len
			     ? vec_grow(b->p, &b->cap, b->len + n, 1)
			     : NULL;
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	return true;
}

void state_put_bytes(struct state_buf *b, const void *data, size_t len)
{
	if (len == 0 || !state_reserve(b, len))
		return;
	memcpy(b->p + b->len, data, len);
	b->len += len;
}

/* Little-endian whatever the host is, so states move between hosts. */
static void state_put_le(struct state_buf *b, uint64_t v, unsigned n)
{
	uint8_t bytes[8];
	le_put(bytes, v, n);
	state_put_bytes(b, bytes, n);
}

void state_put_u8(struct state_buf *b, uint8_t v)
{
	state_put_le(b, v, 1);
}

void state_put_u32(struct state_buf *b, uint32_t v)
{
	state_put_le(b, v, 4);
}

void state_put_u64(struct state_buf *b, uint64_t v)
{
	state_put_le(b, v, 8);
}

void state_begin(struct state_buf *b, const char *tag)
{
	/* Sections do not nest: a second begin is a programming error that
	 * would corrupt the framing, so the buffer is declared unusable. */
	if (b->open)
		b->oom = true;
	state_put_bytes(b, tag, STATE_TAG_LEN);
	b->sect = b->len;
	b->open = true;
	state_put_u32(b, 0); /* the length, filled in by state_end */
}

void state_end(struct state_buf *b)
{
	if (!b->open) {
		b->oom = true;
		return;
	}
	b->open = false;
	if (b->oom)
		return;
	size_t len = b->len - b->sect - 4;
	if (len > UINT32_MAX) {
		b->oom = true;
		return;
	}
	le_put32(b->p + b->sect, (uint32_t)len);
}

size_t state_left(const struct state_reader *r)
{
	return r->bad ? 0 : (size_t)(r->end - r->p);
}

const uint8_t *state_get_span(struct state_reader *r, size_t len)
{
	if (r->bad || len > (size_t)(r->end - r->p)) {
		r->bad = true;
		return NULL;
	}
	const uint8_t *p = r->p;
	if (len == 0)
		return p; /* an empty state may have no buffer at all */
	r->p += len;
	return p;
}

void state_get_bytes(struct state_reader *r, void *out, size_t len)
{
	const uint8_t *p = state_get_span(r, len);
	if (p)
		memcpy(out, p, len);
	else
		memset(out, 0, len);
}

static uint64_t state_get_le(struct state_reader *r, unsigned n)
{
	const uint8_t *p = state_get_span(r, n);
	return p ? le_get(p, n) : 0;
}

uint8_t state_get_u8(struct state_reader *r)
{
	return (uint8_t)state_get_le(r, 1);
}

uint32_t state_get_u32(struct state_reader *r)
{
	return (uint32_t)state_get_le(r, 4);
}

uint64_t state_get_u64(struct state_reader *r)
{
	return state_get_le(r, 8);
}

bool state_get_bool(struct state_reader *r)
{
	uint8_t v = state_get_u8(r);
	if (v > 1)
		r->bad = true;
	return v == 1;
}

/* "section HART (hart 1)" into buf. */
static void state_name(char *buf, size_t len, const char *tag, const char *what)
{
	snprintf(buf, len, "section %.4s%s%s%s", tag, what ? " (" : "",
		 what ? what : "", what ? ")" : "");
}

/* A tag as printable text: a corrupt one may hold any bytes. */
static void state_tag_text(char out[STATE_TAG_LEN + 1], const uint8_t *tag)
{
	for (unsigned i = 0; i < STATE_TAG_LEN; i++)
		out[i] = tag[i] >= 0x20 && tag[i] < 0x7f ? (char)tag[i] : '?';
	out[STATE_TAG_LEN] = 0;
}

int state_section(struct state_reader *r, const char *tag, const char *what,
		  struct state_reader *sect, char *err, size_t errlen)
{
	char name[80];
	state_name(name, sizeof(name), tag, what);
	if (r->bad || (size_t)(r->end - r->p) < STATE_TAG_LEN + 4) {
		snprintf(err, errlen, "%s is missing: the state ends early",
			 name);
		return -ENOENT;
	}
	if (memcmp(r->p, tag, STATE_TAG_LEN) != 0) {
		char found[STATE_TAG_LEN + 1];
		state_tag_text(found, r->p);
		snprintf(err, errlen, "%s expected, found \"%s\"", name, found);
		return -EBADMSG;
	}
	r->p += STATE_TAG_LEN;
	uint32_t len = state_get_u32(r);
	if (len > (size_t)(r->end - r->p)) {
		snprintf(err, errlen,
			 "%s claims %u bytes but only %zu remain: the state "
			 "is cut short or corrupt",
			 name, len, (size_t)(r->end - r->p));
		r->bad = true;
		return -EOVERFLOW;
	}
	*sect = (struct state_reader){r->p, r->p + len, false};
	r->p += len;
	return 0;
}

int state_section_done(const struct state_reader *sect, const char *tag,
		       const char *what, char *err, size_t errlen)
{
	char name[80];
	state_name(name, sizeof(name), tag, what);
	if (sect->bad) {
		snprintf(err, errlen, "%s is cut short or holds invalid values",
			 name);
		return -EINVAL;
	}
	if (sect->p != sect->end) {
		snprintf(err, errlen, "%s has %zu unexpected bytes at its end",
			 name, (size_t)(sect->end - sect->p));
		return -EINVAL;
	}
	return 0;
}

int state_config_match(uint64_t saved, uint64_t here, const char *what,
		       char *err, size_t errlen)
{
	if (saved == here)
		return 0;
	snprintf(err, errlen,
		 "the state is of a machine with %llu %s; this one has %llu",
		 (unsigned long long)saved, what, (unsigned long long)here);
	return -EINVAL;
}

/* Each width runs the same one-line choice between save and load. */
#define STATE_IO_UINT(bits)                                                    \
	void state_io_u##bits(struct state_io *io, uint##bits##_t *v)          \
	{                                                                      \
		if (io->b)                                                     \
			state_put_u##bits(io->b, *v);                          \
		else                                                           \
			*v = state_get_u##bits(io->r);                         \
	}

STATE_IO_UINT(8)
STATE_IO_UINT(32)
STATE_IO_UINT(64)

void state_io_bool(struct state_io *io, bool *v)
{
	if (io->b)
		state_put_u8(io->b, *v ? 1 : 0);
	else
		*v = state_get_bool(io->r);
}

void state_io_bytes(struct state_io *io, void *p, size_t len)
{
	if (io->b)
		state_put_bytes(io->b, p, len);
	else
		state_get_bytes(io->r, p, len);
}

int state_load_checked(struct state_reader *r, state_pass_fn read,
		       void (*prepare)(void *obj), void *obj)
{
	struct state_reader check = *r;
	int rc = read(obj, &check, false);
	if (rc)
		return rc;
	if (prepare)
		prepare(obj);
	return read(obj, r, true);
}
