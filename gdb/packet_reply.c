/* Reply payloads: a bounded buffer and the encodings gdb expects in it. */
#include "packet.h"

#include <string.h>

static const char hex_digits[] = "0123456789abcdef";

void gdb_buf_init(struct gdb_buf *b, uint8_t *data, size_t cap)
{
	b->data = data;
	b->cap = cap;
	gdb_buf_reset(b);
}

void gdb_buf_reset(struct gdb_buf *b)
{
	b->len = 0;
	b->overflow = false;
}

void gdb_buf_put(struct gdb_buf *b, const void *data, size_t len)
{
	if (b->overflow || len > b->cap - b->len) {
		b->overflow = true;
		return;
	}
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
}

void gdb_buf_put_str(struct gdb_buf *b, const char *s)
{
	gdb_buf_put(b, s, strlen(s));
}

void gdb_buf_put_hex(struct gdb_buf *b, const uint8_t *data, size_t len)
{
	if (b->overflow || len > (b->cap - b->len) / 2) {
		b->overflow = true;
		return;
	}
	for (size_t i = 0; i < len; i++) {
		b->data[b->len++] = (uint8_t)hex_digits[data[i] >> 4];
		b->data[b->len++] = (uint8_t)hex_digits[data[i] & 15];
	}
}

void gdb_buf_put_num(struct gdb_buf *b, uint64_t v)
{
	char tmp[16];
	size_t n = 0;
	do {
		tmp[sizeof tmp - ++n] = hex_digits[v & 15];
		v >>= 4;
	} while (v);
	gdb_buf_put(b, tmp + sizeof tmp - n, n);
}

static bool byte_reserved(uint8_t c)
{
	return c == '#' || c == '$' || c == '}' || c == '*';
}

size_t gdb_buf_put_binary(struct gdb_buf *b, const uint8_t *data, size_t len)
{
	size_t i;
	if (b->overflow)
		return 0;
	for (i = 0; i < len; i++) {
		/* '*' too: gdb would take it for run-length encoding. */
		bool esc = byte_reserved(data[i]);
		if (b->cap - b->len < (esc ? 2u : 1u))
			break;
		if (esc)
			b->data[b->len++] = '}';
		b->data[b->len++] = esc ? data[i] ^ 0x20 : data[i];
	}
	return i;
}

static void put_thread(struct gdb_buf *b, int thread)
{
	gdb_buf_put_str(b, "thread:");
	gdb_buf_put_num(b, (uint64_t)thread + 1);
	gdb_buf_put_str(b, ";");
}

static void put_addr_reason(struct gdb_buf *b, const char *name, uint64_t a)
{
	gdb_buf_put_str(b, name);
	gdb_buf_put_num(b, a);
	gdb_buf_put_str(b, ";");
}

void gdb_packet_stop_reply(struct gdb_buf *b, const struct gdb_stop *st)
{
	if (st->kind == GDB_STOP_EXITED) {
		uint8_t code = (uint8_t)st->exit_code;
		gdb_buf_put_str(b, "W");
		gdb_buf_put_hex(b, &code, 1);
		return;
	}
	/* Signal 2 (SIGINT) for Ctrl-C, 5 (SIGTRAP) for everything else,
	 * with the reason spelled out so gdb need not guess from the pc. */
	gdb_buf_put_str(b, st->kind == GDB_STOP_INTERRUPT ? "T02" : "T05");
	put_thread(b, st->thread < 0 ? 0 : st->thread);
	switch (st->kind) {
	case GDB_STOP_SWBREAK: gdb_buf_put_str(b, "swbreak:;"); break;
	case GDB_STOP_HWBREAK: gdb_buf_put_str(b, "hwbreak:;"); break;
	case GDB_STOP_WATCH: put_addr_reason(b, "watch:", st->addr); break;
	case GDB_STOP_RWATCH: put_addr_reason(b, "rwatch:", st->addr); break;
	case GDB_STOP_AWATCH: put_addr_reason(b, "awatch:", st->addr); break;
	case GDB_STOP_HISTORY_BEGIN:
		gdb_buf_put_str(b, "replaylog:begin;");
		break;
	case GDB_STOP_HISTORY_END: gdb_buf_put_str(b, "replaylog:end;"); break;
	default: break;
	}
}

void gdb_packet_error(struct gdb_buf *b, int rc)
{
	uint8_t code = (uint8_t)(rc < 0 ? -rc : rc);
	gdb_buf_put_str(b, "E");
	gdb_buf_put_hex(b, &code, 1);
}

void gdb_packet_error_text(struct gdb_buf *b, const char *text)
{
	gdb_buf_put_str(b, "E.");
	for (const char *p = text; *p && !b->overflow; p++) {
		uint8_t c = (uint8_t)*p;
		if (byte_reserved(c) || c < 0x20 || c >= 0x7f)
			c = '?';
		gdb_buf_put(b, &c, 1);
	}
}

size_t gdb_packet_console(struct gdb_buf *b, const char *text, size_t len)
{
	gdb_buf_put_str(b, "O");
	if (b->overflow)
		return 0;
	size_t room = (b->cap - b->len) / 2;
	size_t n = len < room ? len : room;
	gdb_buf_put_hex(b, (const uint8_t *)text, n);
	return n;
}
