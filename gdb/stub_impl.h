/* The stub's state, shared by the serve loop (stub.c) and the command
 * handlers (stub_cmd.c); not for users of the stub. */
#ifndef REWIND_GDB_STUB_IMPL_H
#define REWIND_GDB_STUB_IMPL_H

#include "packet.h"
#include "stub.h"
#include "target_xml.h"

/* Monitor output and thread descriptions are collected here. */
#define STUB_TEXT_MAX 65536

enum pending {
	PENDING_NONE,
	PENDING_PACKET, /* rx holds a packet to handle */
	PENDING_ERROR,	/* answer E16: a packet we could not take */
};

struct gdb_stub {
	const struct gdb_target_ops *ops;
	void *ctx;
	int fd;
	bool ack;	    /* acknowledgement mode (until QStartNoAckMode) */
	bool error_message; /* the client takes E.text replies */
	bool running;	    /* resumed, no stop reported yet */
	bool exited;	    /* W was, or would be, the stop reply */
	bool broken;	    /* a write failed: the client is gone */
	enum pending pending;
	int (*stop)(void); /* gdb_stub_stop_when, or NULL */
	int stop_thread;   /* hart of the last stop (0-based) */
	int g_thread;	   /* hart for registers and memory (Hg) */
	int c_thread;	   /* hart for resuming (Hc), -1 for unspecified */
	char *xml;
	size_t xml_len;
	size_t in_pos, in_len;
	uint8_t in[4096];
	struct gdb_rx rx;
	struct gdb_cmd cmd;
	struct gdb_buf reply;
	uint8_t reply_data[GDB_PACKET_MAX];
	/* The last packet sent, framed, for a client's '-'. */
	size_t frame_len;
	uint8_t frame[GDB_PACKET_MAX + 4];
	char text[STUB_TEXT_MAX];
};

void stub_send_raw(struct gdb_stub *s, const void *data, size_t len);
void stub_send_packet(struct gdb_stub *s, const uint8_t *payload, size_t len);
/* Send s->reply (an error in its place when it overflowed). */
void stub_send_reply(struct gdb_stub *s);
/* Console text as O packets, each as long as a reply allows. */
void stub_send_console(struct gdb_stub *s, const char *text);
/* Report a stop and select the thread that stopped. */
void stub_report_stop(struct gdb_stub *s, const struct gdb_stop *st);
/* Is hart a 0-based index of one the target has? */
bool stub_valid_hart(struct gdb_stub *s, int hart);

/* Handle the packet in s->rx: -1 to keep serving, or a gdb_serve_end. */
int stub_handle_packet(struct gdb_stub *s);

#endif
