/* Fuzz target for the gdb packet receiver and parser: any byte stream from
 * a socket must give events and parsed commands that keep their promises
 * (lengths within their buffers, data that matches the lengths given),
 * never a crash or an out-of-bounds access. The same stream fed one byte
 * at a time must give the same events, since a socket may split it
 * anywhere. The input is also parsed as a bare payload, so the parser sees
 * bytes that a checksum would otherwise stop, and used as data for M and X
 * packets built with our own encoders, which must decode back to it. */
#include "../../gdb/packet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct gdb_rx rx, rx_bytes;
static struct gdb_cmd cmd;

static void check(bool ok)
{
	if (!ok)
		abort();
}

/* What a successful parse promises. */
static void check_cmd(int rc, const struct gdb_cmd *c)
{
	check(rc == 0 || rc == -EINVAL);
	if (rc < 0)
		return;
	check(c->data_len <= GDB_PACKET_MAX);
	check(c->nactions <= GDB_VCONT_MAX);
	switch (c->kind) {
	case GDB_CMD_READ_MEM:
	case GDB_CMD_WRITE_MEM:
		check(c->len <= GDB_MEM_MAX);
		check(c->len == 0 || c->addr <= UINT64_MAX - (c->len - 1));
		if (c->kind == GDB_CMD_WRITE_MEM)
			check(c->data_len == c->len);
		break;
	case GDB_CMD_MONITOR:
		check(strlen((const char *)c->data) == c->data_len);
		break;
	case GDB_CMD_XFER_FEATURES:
		check(strlen(c->annex) < GDB_ANNEX_MAX);
		break;
	case GDB_CMD_VCONT:
		check(c->nactions > 0);
		for (size_t i = 0; i < c->nactions; i++)
			check(strchr("cCsS", c->actions[i].op) != NULL);
		break;
	case GDB_CMD_BP_INSERT:
	case GDB_CMD_BP_REMOVE: check(c->bp_type <= GDB_WATCH_ACCESS); break;
	case GDB_CMD_SET_THREAD: check(c->op == 'g' || c->op == 'c'); break;
	default: break;
	}
}

/* Feed the stream in one piece and byte by byte; the events must agree,
 * and every packet is parsed. */
static void feed_stream(const uint8_t *data, size_t size)
{
	gdb_rx_init(&rx);
	gdb_rx_init(&rx_bytes);
	size_t pos = 0, bpos = 0;
	for (;;) {
		enum gdb_rx_event ev, bev = GDB_RX_NONE;
		size_t n = gdb_rx_feed(&rx, data + pos, size - pos, &ev);
		check(n <= size - pos);
		check(ev == GDB_RX_NONE || n > 0);
		pos += n;
		while (bpos < pos && bev == GDB_RX_NONE) {
			check(gdb_rx_feed(&rx_bytes, data + bpos, 1, &bev) ==
			      1);
			bpos++;
		}
		check(bev == ev && bpos == pos);
		if (ev == GDB_RX_NONE) {
			check(pos == size);
			return;
		}
		if (ev != GDB_RX_PACKET)
			continue;
		size_t len, blen;
		const uint8_t *p = gdb_rx_payload(&rx, &len);
		const uint8_t *bp = gdb_rx_payload(&rx_bytes, &blen);
		check(len <= GDB_PACKET_MAX && len == blen &&
		      memcmp(p, bp, len) == 0);
		check_cmd(gdb_packet_parse(p, len, &cmd), &cmd);
	}
}

/* Build "<prefix>0,<len>:" then the data with the given encoder. */
static size_t build_write(uint8_t *out, size_t cap, char op,
			  const uint8_t *data, size_t size)
{
	struct gdb_buf b;
	gdb_buf_init(&b, out, cap);
	gdb_buf_put(&b, &op, 1);
	gdb_buf_put_str(&b, "0,");
	gdb_buf_put_num(&b, size);
	gdb_buf_put_str(&b, ":");
	if (op == 'M') {
		gdb_buf_put_hex(&b, data, size);
	} else if (gdb_buf_put_binary(&b, data, size) != size) {
		return 0;
	}
	return b.overflow ? 0 : b.len;
}

/* Our encoders and the parser must agree on every byte string. */
static void round_trip(const uint8_t *data, size_t size)
{
	static uint8_t pkt[GDB_PACKET_MAX], framed[GDB_PACKET_MAX + 4];
	if (size > GDB_MEM_MAX)
		return;
	for (int i = 0; i < 2; i++) {
		size_t len =
			build_write(pkt, sizeof pkt, i ? 'X' : 'M', data, size);
		if (!len)
			continue;
		/* Through the framing and the receiver too. */
		long f = gdb_packet_frame(pkt, len, framed, sizeof framed);
		check(f == (long)len + 4);
		gdb_rx_init(&rx);
		enum gdb_rx_event ev;
		check(gdb_rx_feed(&rx, framed, (size_t)f, &ev) == (size_t)f);
		check(ev == GDB_RX_PACKET);
		size_t plen;
		const uint8_t *p = gdb_rx_payload(&rx, &plen);
		check(gdb_packet_parse(p, plen, &cmd) == 0);
		check(cmd.kind == GDB_CMD_WRITE_MEM && cmd.len == size);
		check(cmd.data_len == size &&
		      memcmp(cmd.data, data, size) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	feed_stream(data, size);
	/* An exact-size copy as a bare payload: an over-read hits the
	 * sanitizer's redzone. */
	if (size <= GDB_PACKET_MAX) {
		uint8_t *copy = malloc(size ? size : 1);
		if (!copy)
			return 0;
		if (size)
			memcpy(copy, data, size);
		check_cmd(gdb_packet_parse(copy, size, &cmd), &cmd);
		free(copy);
	}
	round_trip(data, size);
	return 0;
}
