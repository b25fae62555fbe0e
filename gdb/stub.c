/* The serve loop: socket I/O, acknowledgements and the running/stopped
 * states. What each command does is in stub_cmd.c. */
#include "../core/util/file_io.h"
#include "stub_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Keep serving. */
#define SERVE_ON -1

/* With a stop check, a stopped target's wait for the client is cut into
 * stretches this long: a signal landing just before the wait began would
 * otherwise go unseen until the client spoke. */
#define STOP_LOOK_MS 200

struct gdb_stub *gdb_stub_new(const struct gdb_target_ops *ops, void *ctx)
{
	struct gdb_stub *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->ops = ops;
	s->ctx = ctx;
	s->fd = -1;
	long n = gdb_tdesc_xml("target.xml", NULL, 0);
	s->xml = n > 0 ? malloc((size_t)n + 1) : NULL;
	if (!s->xml) {
		free(s);
		return NULL;
	}
	s->xml_len = (size_t)gdb_tdesc_xml("target.xml", s->xml, (size_t)n + 1);
	gdb_buf_init(&s->reply, s->reply_data, sizeof s->reply_data);
	return s;
}

void gdb_stub_free(struct gdb_stub *s)
{
	if (s)
		free(s->xml);
	free(s);
}

const char *gdb_serve_end_name(int end)
{
	switch (end) {
	case GDB_END_KILL: return "killed by the client";
	case GDB_END_DETACH: return "the client detached";
	case GDB_END_DISCONNECT: return "the client disconnected";
	case GDB_END_EXITED: return "the target exited";
	case GDB_END_STOPPED: return "rewind was told to stop";
	default: return end < 0 ? strerror(-end) : "unknown";
	}
}

/* Write all of data; a failure marks the connection broken, and the loop
 * ends the session at its next turn. */
void stub_send_raw(struct gdb_stub *s, const void *data, size_t len)
{
	if (!s->broken && file_send_all(s->fd, data, len) < 0)
		s->broken = true;
}

void stub_send_packet(struct gdb_stub *s, const uint8_t *payload, size_t len)
{
	long n = gdb_packet_frame(payload, len, s->frame, sizeof s->frame);
	if (n < 0) {
		/* Replies are built within GDB_PACKET_MAX; cannot happen. */
		static const uint8_t e[] = "E01";
		n = gdb_packet_frame(e, 3, s->frame, sizeof s->frame);
	}
	s->frame_len = (size_t)n;
	stub_send_raw(s, s->frame, s->frame_len);
}

void stub_send_reply(struct gdb_stub *s)
{
	if (s->reply.overflow) {
		gdb_buf_reset(&s->reply);
		gdb_packet_error(&s->reply, -ENOSPC);
	}
	stub_send_packet(s, s->reply.data, s->reply.len);
}

/* Console text as O packets, each as long as a reply allows. */
void stub_send_console(struct gdb_stub *s, const char *text)
{
	size_t len = strlen(text);
	while (len && !s->broken) {
		gdb_buf_reset(&s->reply);
		size_t n = gdb_packet_console(&s->reply, text, len);
		stub_send_reply(s);
		text += n;
		len -= n;
	}
}

/* The target stopped: tell the client, and make the thread that stopped
 * the selected one, as gdb assumes after a stop reply. */
void stub_report_stop(struct gdb_stub *s, const struct gdb_stop *st)
{
	struct gdb_stop stop = *st;
	s->running = false;
	if (stop.kind == GDB_STOP_EXITED) {
		s->exited = true;
	} else if (stub_valid_hart(s, stop.thread)) {
		s->stop_thread = s->g_thread = stop.thread;
		s->c_thread = -1;
	} else {
		/* Never name a thread the client was not told of. */
		stop.thread = s->stop_thread;
	}
	if (stop.note)
		stub_send_console(s, stop.note);
	gdb_buf_reset(&s->reply);
	gdb_packet_stop_reply(&s->reply, &stop);
	stub_send_reply(s);
}

bool stub_valid_hart(struct gdb_stub *s, int hart)
{
	return hart >= 0 && hart < s->ops->nthreads(s->ctx);
}

/* Read what the socket has, waiting up to timeout_ms (-1: forever).
 * 1 when bytes arrived, 0 when none did, -1 when the connection ended. */
static int stub_fill(struct gdb_stub *s, int timeout_ms)
{
	struct pollfd pfd = {s->fd, POLLIN, 0};
	int n = poll(&pfd, 1, timeout_ms);
	if (n < 0)
		return errno == EINTR ? 0 : -1;
	if (n == 0)
		return 0;
	ssize_t r = read(s->fd, s->in, sizeof s->in);
	if (r > 0) {
		s->in_pos = 0;
		s->in_len = (size_t)r;
		return 1;
	}
	if (r < 0 &&
	    (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	return -1; /* end of file, reset or error: the client is gone */
}

/* A packet arrived, or one that must be answered with an error. In
 * all-stop mode the client waits for the stop before sending commands;
 * one that comes anyway is held until the target stops. */
static int stub_take_pending(struct gdb_stub *s)
{
	enum pending p = s->pending;
	s->pending = PENDING_NONE;
	if (p == PENDING_ERROR) {
		gdb_buf_reset(&s->reply);
		gdb_packet_error(&s->reply, -EINVAL);
		stub_send_reply(s);
		return SERVE_ON;
	}
	return stub_handle_packet(s);
}

/* Handle the input buffered so far; SERVE_ON or a gdb_serve_end. */
static int stub_process(struct gdb_stub *s)
{
	for (;;) {
		if (s->broken)
			return GDB_END_DISCONNECT;
		if (s->pending != PENDING_NONE) {
			if (s->running)
				return SERVE_ON;
			int end = stub_take_pending(s);
			if (end != SERVE_ON)
				return end;
			continue;
		}
		if (s->in_pos == s->in_len)
			return SERVE_ON;
		enum gdb_rx_event ev;
		s->in_pos += gdb_rx_feed(&s->rx, s->in + s->in_pos,
					 s->in_len - s->in_pos, &ev);
		switch (ev) {
		case GDB_RX_NONE:
		case GDB_RX_ACK: break;
		case GDB_RX_NACK:
			if (s->ack && s->frame_len)
				stub_send_raw(s, s->frame, s->frame_len);
			break;
		case GDB_RX_INTERRUPT:
			/* Stopped already: the stop reply is on its way. */
			if (s->running)
				s->ops->interrupt(s->ctx);
			break;
		case GDB_RX_BAD_CHECKSUM:
			/* Ask for it again; without acks nobody would, so
			 * answer it with an error instead of leaving the
			 * client waiting. */
			if (s->ack)
				stub_send_raw(s, "-", 1);
			else
				s->pending = PENDING_ERROR;
			break;
		case GDB_RX_OVERLONG:
			/* Resending would not make it shorter. */
			if (s->ack)
				stub_send_raw(s, "+", 1);
			s->pending = PENDING_ERROR;
			break;
		case GDB_RX_PACKET:
			if (s->ack)
				stub_send_raw(s, "+", 1);
			s->pending = PENDING_PACKET;
			break;
		}
	}
}

/* The session is over: leave the target stopped for the caller. A
 * client still waiting for a stop reply when the process was told to
 * stop (sig) hears that the target was terminated by that signal, so it
 * says so instead of waiting on a closed connection. */
static int stub_finish(struct gdb_stub *s, int end, int sig)
{
	if (s->running) {
		struct gdb_stop st;
		s->ops->interrupt(s->ctx);
		while (!s->ops->poll(s->ctx, &st))
			;
		if (sig && st.kind == GDB_STOP_EXITED) {
			stub_report_stop(s, &st);
		} else if (sig) {
			char x[8];
			int n = snprintf(x, sizeof x, "X%02x", sig & 0xff);
			stub_send_packet(s, (const uint8_t *)x, (size_t)n);
		}
		s->running = false;
		if (st.kind == GDB_STOP_EXITED)
			s->exited = true;
	}
	if (s->exited && (end == GDB_END_DISCONNECT || end == GDB_END_KILL))
		end = GDB_END_EXITED;
	s->fd = -1;
	return end;
}

static void stub_reset(struct gdb_stub *s, int fd)
{
	s->fd = fd;
	gdb_rx_init(&s->rx);
	s->in_pos = s->in_len = 0;
	s->ack = true;
	s->error_message = false;
	s->running = s->exited = s->broken = false;
	s->pending = PENDING_NONE;
	s->frame_len = 0;
	struct gdb_stop st = {.kind = GDB_STOP_STEP, .thread = 0};
	s->ops->stop_reason(s->ctx, &st);
	s->stop_thread = stub_valid_hart(s, st.thread) ? st.thread : 0;
	s->g_thread = s->stop_thread;
	s->c_thread = -1;
	s->exited = st.kind == GDB_STOP_EXITED;
}

void gdb_stub_stop_when(struct gdb_stub *s, int (*stop)(void))
{
	s->stop = stop;
}

int gdb_stub_serve(struct gdb_stub *s, int fd)
{
	if (fcntl(fd, F_GETFL) < 0)
		return -errno;
	stub_reset(s, fd);
	for (;;) {
		int end = stub_process(s);
		if (end != SERVE_ON)
			return stub_finish(s, end, 0);
		int sig = s->stop ? s->stop() : 0;
		if (sig)
			return stub_finish(s, GDB_END_STOPPED, sig);
		if (s->running) {
			struct gdb_stop st;
			if (s->ops->poll(s->ctx, &st)) {
				stub_report_stop(s, &st);
				continue;
			}
			/* A held packet waits for the stop; otherwise a quick
			 * look for Ctrl-C between polls. */
			if (s->pending == PENDING_NONE && stub_fill(s, 0) < 0)
				return stub_finish(s, GDB_END_DISCONNECT, 0);
		} else {
			int ms = s->stop ? STOP_LOOK_MS : -1;
			/* The target waits, serving its host side. */
			if (s->ops->wait) {
				s->ops->wait(s->ctx, s->fd, STOP_LOOK_MS);
				ms = 0;
			}
			if (stub_fill(s, ms) < 0)
				return stub_finish(s, GDB_END_DISCONNECT, 0);
		}
	}
}
