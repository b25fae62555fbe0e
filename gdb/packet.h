/* The GDB remote serial protocol on the wire: an incremental receiver that
 * turns socket bytes into packets and out-of-band events, a parser that
 * turns one packet's payload into a typed command, and the builders for
 * replies. No I/O and no target here, so all of it can be fuzzed and unit
 * tested on its own. Every length read from the wire is checked against
 * the buffer it lands in; malformed input gives an error, never UB. */
#ifndef REWIND_GDB_PACKET_H
#define REWIND_GDB_PACKET_H

#include "target.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest payload we accept, and advertise as PacketSize. gdb sizes
 * its m/M/X requests from it, so a memory read reply (two hex digits a
 * byte) always fits in a payload of this size too. */
#define GDB_PACKET_MAX 0x4000
/* The most bytes one m, M or X moves. */
#define GDB_MEM_MAX (GDB_PACKET_MAX / 2)
/* The most actions one vCont carries: one per hart and a default. */
#define GDB_VCONT_MAX 64
#define GDB_ANNEX_MAX 64

/* ---- Receiving ---- */

enum gdb_rx_event {
	GDB_RX_NONE,	     /* all bytes consumed, nothing complete yet */
	GDB_RX_PACKET,	     /* a packet with a good checksum */
	GDB_RX_BAD_CHECKSUM, /* a packet whose checksum did not match */
	GDB_RX_OVERLONG,     /* a packet longer than GDB_PACKET_MAX, dropped */
	GDB_RX_INTERRUPT,    /* Ctrl-C (0x03) between packets */
	GDB_RX_ACK,	     /* '+' between packets */
	GDB_RX_NACK,	     /* '-' between packets: resend the last reply */
};

struct gdb_rx {
	int state;
	uint8_t sum;	  /* running checksum of the payload bytes */
	uint8_t sent_sum; /* the checksum's first digit */
	bool overlong;
	size_t len;
	uint8_t buf[GDB_PACKET_MAX];
};

void gdb_rx_init(struct gdb_rx *rx);

/* Consume bytes from data[0..len) up to and including the first one that
 * completes an event, which goes to *ev (GDB_RX_NONE when all were
 * consumed without one). Returns the number of bytes consumed. Bytes that
 * are neither inside a packet nor one of + - 0x03 are line noise and
 * skipped, as is a packet cut short by a new '$'. */
size_t gdb_rx_feed(struct gdb_rx *rx, const uint8_t *data, size_t len,
		   enum gdb_rx_event *ev);

/* The payload of the last GDB_RX_PACKET, valid until the next feed. */
const uint8_t *gdb_rx_payload(const struct gdb_rx *rx, size_t *len);

/* ---- Parsing ---- */

enum gdb_cmd_kind {
	GDB_CMD_UNSUPPORTED,	  /* reply with an empty packet */
	GDB_CMD_STATUS,		  /* ? */
	GDB_CMD_READ_REGS,	  /* g */
	GDB_CMD_WRITE_REGS,	  /* G hex: data */
	GDB_CMD_READ_REG,	  /* p n: regno */
	GDB_CMD_WRITE_REG,	  /* P n=hex: regno, data */
	GDB_CMD_READ_MEM,	  /* m addr,len */
	GDB_CMD_WRITE_MEM,	  /* M addr,len:hex and X addr,len:bin: data */
	GDB_CMD_BP_INSERT,	  /* Z type,addr,kind: bp_type, addr, len */
	GDB_CMD_BP_REMOVE,	  /* z type,addr,kind */
	GDB_CMD_CONTINUE,	  /* c [addr], C sig[;addr]: has_addr, addr */
	GDB_CMD_STEP,		  /* s [addr], S sig[;addr] */
	GDB_CMD_REVERSE_CONTINUE, /* bc */
	GDB_CMD_REVERSE_STEP,	  /* bs */
	GDB_CMD_VCONT_QUERY,	  /* vCont? */
	GDB_CMD_VCONT,		  /* vCont;action[:tid]...: actions */
	GDB_CMD_SET_THREAD,	  /* H[gc]tid: op, tid */
	GDB_CMD_THREAD_ALIVE,	  /* T tid */
	GDB_CMD_THREAD_FIRST,	  /* qfThreadInfo */
	GDB_CMD_THREAD_NEXT,	  /* qsThreadInfo */
	GDB_CMD_CURRENT_THREAD,	  /* qC */
	GDB_CMD_THREAD_EXTRA,	  /* qThreadExtraInfo,tid */
	GDB_CMD_SUPPORTED,	  /* qSupported[:features]: error_message */
	GDB_CMD_XFER_FEATURES,	  /* qXfer:features:read:annex:off,len */
	GDB_CMD_MONITOR,	  /* qRcmd,hex: data as a C string */
	GDB_CMD_ATTACHED,	  /* qAttached[:pid] */
	GDB_CMD_NO_ACK_MODE,	  /* QStartNoAckMode */
	GDB_CMD_MUST_REPLY_EMPTY, /* vMustReplyEmpty */
	GDB_CMD_KILL,		  /* k */
	GDB_CMD_DETACH,		  /* D[;pid] */
	GDB_CMD_PHYS_QUERY,	  /* qqemu.PhyMemMode */
	GDB_CMD_PHYS_SET,	  /* Qqemu.PhyMemMode:0|1: addr */
};

/* Thread ids as gdb writes them: -1 all, 0 any, n > 0 hart n - 1. */
#define GDB_TID_ALL -1
#define GDB_TID_ANY 0

struct gdb_vcont_action {
	char op;     /* 'c', 'C', 's' or 'S' */
	uint8_t sig; /* C and S */
	int tid;     /* GDB_TID_ALL when none was given */
};

struct gdb_cmd {
	enum gdb_cmd_kind kind;
	uint64_t addr;
	uint64_t len;	 /* m/M/X bytes, Z kind, qXfer length */
	uint64_t offset; /* qXfer */
	enum gdb_bp_type bp_type;
	int regno;
	int tid;
	char op;	    /* H: 'g' or 'c' */
	uint8_t sig;	    /* C, S */
	bool has_addr;	    /* c, s, C, S with a resume address */
	bool error_message; /* qSupported: the client takes E.text replies */
	size_t nactions;
	struct gdb_vcont_action actions[GDB_VCONT_MAX];
	char annex[GDB_ANNEX_MAX];
	/* Decoded bytes of M, X, G, P, and qRcmd's text (NUL-terminated). */
	size_t data_len;
	uint8_t data[GDB_PACKET_MAX + 1];
};

/* Parse one payload. 0 with cmd filled (GDB_CMD_UNSUPPORTED for a
 * command we do not know), or -EINVAL for a malformed one: bad hex,
 * numbers that overflow, missing fields, trailing junk, data whose length
 * disagrees with the one given, or a length over GDB_MEM_MAX. */
int gdb_packet_parse(const uint8_t *payload, size_t len, struct gdb_cmd *cmd);

/* ---- Building replies ---- */

/* A reply payload under construction. Appends that do not fit set
 * overflow and leave the contents as they were, so a caller checks once at
 * the end. */
struct gdb_buf {
	uint8_t *data;
	size_t len, cap;
	bool overflow;
};

void gdb_buf_init(struct gdb_buf *b, uint8_t *data, size_t cap);
void gdb_buf_reset(struct gdb_buf *b);
void gdb_buf_put(struct gdb_buf *b, const void *data, size_t len);
void gdb_buf_put_str(struct gdb_buf *b, const char *s);
/* Two lowercase hex digits per byte. */
void gdb_buf_put_hex(struct gdb_buf *b, const uint8_t *data, size_t len);
/* A number in hex without leading zeros ("0" for zero). */
void gdb_buf_put_num(struct gdb_buf *b, uint64_t v);
/* Bytes with # $ } * escaped as } and the byte XOR 0x20, for binary
 * replies. Stops before the first byte that does not fit, without setting
 * overflow, and returns how many input bytes went in. */
size_t gdb_buf_put_binary(struct gdb_buf *b, const uint8_t *data, size_t len);

/* Frame a payload as $payload#cs into out; returns the framed length, or
 * -ENOSPC when out is too small. */
long gdb_packet_frame(const uint8_t *payload, size_t len, uint8_t *out,
		      size_t cap);
uint8_t gdb_packet_checksum(const uint8_t *data, size_t len);

/* The stop reply for st: T05thread:TID;reason; (T02 for an interrupt), or
 * Wcode for an exit. */
void gdb_packet_stop_reply(struct gdb_buf *b, const struct gdb_stop *st);
/* E and two hex digits of the errno (-rc), e.g. E0e for -EFAULT. */
void gdb_packet_error(struct gdb_buf *b, int rc);
/* An E.text reply: bytes the protocol reserves become '?'. */
void gdb_packet_error_text(struct gdb_buf *b, const char *text);
/* One O packet of console output: O and the hex of as much of text as
 * fits; returns how many bytes of text went in. */
size_t gdb_packet_console(struct gdb_buf *b, const char *text, size_t len);

/* Hex helpers shared with the stub. */
int gdb_hex_digit(uint8_t c);

#endif
