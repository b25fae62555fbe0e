/* What each command does to the target, and what it answers. Errors are
 * E and the errno in two hex digits (E0e: a fault; E16: a malformed or
 * impossible request; E02: no such register). */
#include "../core/util/le.h"
#include "stub_impl.h"

#include <errno.h>
#include <string.h>

/* A handler's outcome: send s->reply, send nothing (a resume, whose
 * answer is the stop reply, or a reply already sent), or end the session
 * (a gdb_serve_end, >= 0). */
#define OUT_REPLY -1
#define OUT_QUIET -2

/* gdb's g packet: x0-x31 and pc. gdb reads the others with p. */
#define G_REGS (GDB_REG_PC + 1)

static int reply_error(struct gdb_stub *s, int rc)
{
	gdb_buf_reset(&s->reply);
	gdb_packet_error(&s->reply, rc);
	return OUT_REPLY;
}

/* A refused write: the target's reason as text when it has one (gdb
 * shows the reply of a failed register write). */
static int reply_write_error(struct gdb_stub *s, int rc)
{
	const char *why = rc == -EPERM && s->ops->refusal
				  ? s->ops->refusal(s->ctx)
				  : NULL;
	if (!why)
		return reply_error(s, rc);
	gdb_buf_reset(&s->reply);
	gdb_packet_error_text(&s->reply, why);
	return OUT_REPLY;
}

static int reply_str(struct gdb_stub *s, const char *str)
{
	gdb_buf_put_str(&s->reply, str);
	return OUT_REPLY;
}

/* A wire thread id naming one existing hart: its index, or -1. */
static int thread_index(struct gdb_stub *s, int tid)
{
	return tid > 0 && stub_valid_hart(s, tid - 1) ? tid - 1 : -1;
}

/* The hart a step or a resume address is for: the one named by Hc, else
 * the one that stopped last. */
static int resume_thread(const struct gdb_stub *s)
{
	return s->c_thread >= 0 ? s->c_thread : s->stop_thread;
}

/* A register's value as gdb wants it: bitsize / 8 bytes, little-endian
 * like the target; x's when the target cannot supply it. */
static void put_reg(struct gdb_stub *s, int thread, int regno, unsigned bytes)
{
	uint64_t v;
	if (s->ops->reg_read(s->ctx, thread, regno, &v) < 0) {
		for (unsigned i = 0; i < 2 * bytes; i++)
			gdb_buf_put_str(&s->reply, "x");
		return;
	}
	uint8_t le[8];
	le_put(le, v, bytes);
	gdb_buf_put_hex(&s->reply, le, bytes);
}

static int cmd_read_regs(struct gdb_stub *s)
{
	for (int r = 0; r < G_REGS; r++)
		put_reg(s, s->g_thread, r, 8);
	return OUT_REPLY;
}

static int cmd_write_regs(struct gdb_stub *s, const struct gdb_cmd *c)
{
	if (c->data_len % 8 || c->data_len > G_REGS * 8)
		return reply_error(s, -EINVAL);
	for (size_t r = 0; r < c->data_len / 8; r++) {
		int rc = s->ops->reg_write(s->ctx, s->g_thread, (int)r,
					   le_get64(c->data + 8 * r));
		if (rc < 0)
			return reply_write_error(s, rc);
	}
	return reply_str(s, "OK");
}

static int cmd_read_reg(struct gdb_stub *s, const struct gdb_cmd *c)
{
	const struct gdb_reg_desc *d = gdb_tdesc_find(c->regno);
	if (!d)
		return reply_error(s, -ENOENT);
	put_reg(s, s->g_thread, c->regno, d->bitsize / 8);
	return OUT_REPLY;
}

static int cmd_write_reg(struct gdb_stub *s, const struct gdb_cmd *c)
{
	const struct gdb_reg_desc *d = gdb_tdesc_find(c->regno);
	if (!d)
		return reply_error(s, -ENOENT);
	if (c->data_len != d->bitsize / 8)
		return reply_error(s, -EINVAL);
	int rc = s->ops->reg_write(s->ctx, s->g_thread, c->regno,
				   le_get(c->data, d->bitsize / 8));
	return rc < 0 ? reply_write_error(s, rc) : reply_str(s, "OK");
}

static int cmd_read_mem(struct gdb_stub *s, const struct gdb_cmd *c)
{
	/* The parser bounds len by GDB_MEM_MAX, so its hex fits a reply. */
	uint8_t buf[GDB_MEM_MAX];
	if (c->len == 0)
		return reply_error(s, -EINVAL);
	long n = s->ops->mem_read(s->ctx, s->g_thread, c->addr, buf,
				  (size_t)c->len);
	if (n <= 0)
		return reply_error(s, n < 0 ? (int)n : -EFAULT);
	if ((uint64_t)n > c->len)
		n = (long)c->len;
	gdb_buf_put_hex(&s->reply, buf, (size_t)n);
	return OUT_REPLY;
}

static int cmd_write_mem(struct gdb_stub *s, const struct gdb_cmd *c)
{
	/* X with length 0 is how gdb probes for X: it is supported. */
	if (c->len == 0)
		return reply_str(s, "OK");
	long n = s->ops->mem_write(s->ctx, s->g_thread, c->addr, c->data,
				   c->data_len);
	if (n < 0)
		return reply_write_error(s, (int)n);
	if ((size_t)n < c->data_len)
		return reply_error(s, -EFAULT);
	return reply_str(s, "OK");
}

static int cmd_breakpoint(struct gdb_stub *s, const struct gdb_cmd *c)
{
	/* Breakpoint kinds are instruction lengths: 2 (compressed) or 4. */
	bool code = c->bp_type == GDB_BP_SW || c->bp_type == GDB_BP_HW;
	if ((code && c->len != 2 && c->len != 4) || (!code && c->len == 0))
		return reply_error(s, -EINVAL);
	int rc =
		c->kind == GDB_CMD_BP_INSERT
			? s->ops->bp_insert(s->ctx, c->bp_type, c->addr, c->len)
			: s->ops->bp_remove(s->ctx, c->bp_type, c->addr,
					    c->len);
	return rc < 0 ? reply_error(s, rc) : reply_str(s, "OK");
}

/* Start the target; the reply is the stop reply, once it stops. */
static int stub_resume(struct gdb_stub *s, enum gdb_resume_kind kind,
		       int thread)
{
	if (s->exited)
		return reply_error(s, -ESRCH);
	int rc = s->ops->resume(s->ctx, kind, thread);
	if (rc < 0)
		return reply_error(s, rc);
	s->running = true;
	return OUT_QUIET;
}

static int cmd_resume(struct gdb_stub *s, const struct gdb_cmd *c)
{
	int thread = resume_thread(s);
	if (c->has_addr && !s->exited) {
		int rc = s->ops->reg_write(s->ctx, thread, GDB_REG_PC, c->addr);
		if (rc < 0)
			return reply_error(s, rc);
	}
	if (c->kind == GDB_CMD_STEP)
		return stub_resume(s, GDB_STEP, thread);
	return stub_resume(s, GDB_CONTINUE, -1);
}

/* All-stop vCont: a step action (for its thread, or the default one)
 * makes this a step of that hart; otherwise everything continues. */
static int cmd_vcont(struct gdb_stub *s, const struct gdb_cmd *c)
{
	int step = -2;
	for (size_t i = 0; i < c->nactions; i++) {
		const struct gdb_vcont_action *a = &c->actions[i];
		int t = -1;
		if (a->tid > 0 && (t = thread_index(s, a->tid)) < 0)
			return reply_error(s, -ESRCH);
		if ((a->op == 's' || a->op == 'S') && step == -2)
			step = t >= 0 ? t : resume_thread(s);
	}
	if (step >= 0)
		return stub_resume(s, GDB_STEP, step);
	return stub_resume(s, GDB_CONTINUE, -1);
}

static int cmd_set_thread(struct gdb_stub *s, const struct gdb_cmd *c)
{
	int t = -1;
	if (c->tid > 0 && (t = thread_index(s, c->tid)) < 0)
		return reply_error(s, -ESRCH);
	/* -1 (all) and 0 (any): registers come from the thread that
	 * stopped, and resuming is not tied to one. */
	if (c->op == 'g')
		s->g_thread = t >= 0 ? t : s->stop_thread;
	else
		s->c_thread = t;
	return reply_str(s, "OK");
}

static int cmd_thread_list(struct gdb_stub *s)
{
	int n = s->ops->nthreads(s->ctx);
	gdb_buf_put_str(&s->reply, "m");
	for (int i = 0; i < n; i++) {
		if (i)
			gdb_buf_put_str(&s->reply, ",");
		gdb_buf_put_num(&s->reply, (uint64_t)i + 1);
	}
	return OUT_REPLY;
}

static int cmd_thread_extra(struct gdb_stub *s, const struct gdb_cmd *c)
{
	int t = thread_index(s, c->tid);
	if (t < 0)
		return reply_error(s, -ESRCH);
	/* Hex of the text, so it must fit in half a reply. */
	size_t cap = GDB_PACKET_MAX / 2 + 1;
	s->text[0] = 0;
	s->ops->thread_describe(s->ctx, t, s->text, cap);
	s->text[cap - 1] = 0;
	gdb_buf_put_hex(&s->reply, (const uint8_t *)s->text, strlen(s->text));
	return OUT_REPLY;
}

static int cmd_supported(struct gdb_stub *s, const struct gdb_cmd *c)
{
	s->error_message = c->error_message;
	gdb_buf_put_str(&s->reply, "PacketSize=");
	gdb_buf_put_num(&s->reply, GDB_PACKET_MAX);
	return reply_str(s, ";qXfer:features:read+;ReverseStep+;"
			    "ReverseContinue+;swbreak+;hwbreak+;"
			    "vContSupported+;QStartNoAckMode+");
}

/* A piece of the target description: m when more follows, l for the
 * last piece, escaped as binary. */
static int cmd_xfer_features(struct gdb_stub *s, const struct gdb_cmd *c)
{
	if (strcmp(c->annex, "target.xml") != 0)
		return reply_error(s, 0); /* E00: no such annex */
	if (c->offset > s->xml_len || c->len == 0)
		return reply_error(s, -EINVAL);
	size_t left = s->xml_len - (size_t)c->offset;
	size_t want = c->len < left ? (size_t)c->len : left;
	gdb_buf_put_str(&s->reply, "m");
	size_t n = gdb_buf_put_binary(
		&s->reply, (const uint8_t *)s->xml + c->offset, want);
	if (n == left)
		s->reply.data[0] = 'l';
	return OUT_REPLY;
}

static int cmd_monitor(struct gdb_stub *s, const struct gdb_cmd *c)
{
	s->text[0] = 0;
	int rc = s->ops->monitor(s->ctx, (const char *)c->data, s->text,
				 sizeof s->text);
	s->text[sizeof s->text - 1] = 0;
	if (rc < 0 && s->error_message && s->text[0]) {
		gdb_buf_reset(&s->reply);
		gdb_packet_error_text(&s->reply, s->text);
		return OUT_REPLY;
	}
	/* A client without E.text replies shows the text, then the error. */
	stub_send_console(s, s->text);
	gdb_buf_reset(&s->reply);
	return rc < 0 ? reply_error(s, -EPERM) : reply_str(s, "OK");
}

/* qqemu.PhyMemMode answers the mode as a digit; Qqemu.PhyMemMode:N sets
 * it. A target without the mode answers empty (not supported). */
static int cmd_phys(struct gdb_stub *s, const struct gdb_cmd *c)
{
	if (!s->ops->phys_mode)
		return OUT_REPLY;
	int set = c->kind == GDB_CMD_PHYS_SET ? (int)c->addr : -1;
	int rc = s->ops->phys_mode(s->ctx, set);
	if (rc < 0)
		return reply_error(s, rc);
	if (set >= 0)
		return reply_str(s, "OK");
	return reply_str(s, rc ? "1" : "0");
}

static int cmd_status(struct gdb_stub *s)
{
	struct gdb_stop st = {.kind = GDB_STOP_STEP, .thread = s->stop_thread};
	s->ops->stop_reason(s->ctx, &st);
	if (st.kind == GDB_STOP_EXITED)
		s->exited = true;
	else if (stub_valid_hart(s, st.thread))
		s->stop_thread = s->g_thread = st.thread;
	else
		st.thread = s->stop_thread;
	gdb_packet_stop_reply(&s->reply, &st);
	return OUT_REPLY;
}

static int cmd_dispatch(struct gdb_stub *s, const struct gdb_cmd *c)
{
	switch (c->kind) {
	case GDB_CMD_UNSUPPORTED:
	case GDB_CMD_MUST_REPLY_EMPTY: return OUT_REPLY;
	case GDB_CMD_STATUS: return cmd_status(s);
	case GDB_CMD_READ_REGS: return cmd_read_regs(s);
	case GDB_CMD_WRITE_REGS: return cmd_write_regs(s, c);
	case GDB_CMD_READ_REG: return cmd_read_reg(s, c);
	case GDB_CMD_WRITE_REG: return cmd_write_reg(s, c);
	case GDB_CMD_READ_MEM: return cmd_read_mem(s, c);
	case GDB_CMD_WRITE_MEM: return cmd_write_mem(s, c);
	case GDB_CMD_BP_INSERT:
	case GDB_CMD_BP_REMOVE: return cmd_breakpoint(s, c);
	case GDB_CMD_CONTINUE:
	case GDB_CMD_STEP: return cmd_resume(s, c);
	case GDB_CMD_REVERSE_CONTINUE:
		return stub_resume(s, GDB_REVERSE_CONTINUE, -1);
	case GDB_CMD_REVERSE_STEP:
		return stub_resume(s, GDB_REVERSE_STEP, resume_thread(s));
	case GDB_CMD_VCONT_QUERY: return reply_str(s, "vCont;c;C;s;S");
	case GDB_CMD_VCONT: return cmd_vcont(s, c);
	case GDB_CMD_SET_THREAD: return cmd_set_thread(s, c);
	case GDB_CMD_THREAD_ALIVE:
		return thread_index(s, c->tid) < 0 ? reply_error(s, -ESRCH)
						   : reply_str(s, "OK");
	case GDB_CMD_THREAD_FIRST: return cmd_thread_list(s);
	case GDB_CMD_THREAD_NEXT: return reply_str(s, "l");
	case GDB_CMD_CURRENT_THREAD:
		gdb_buf_put_str(&s->reply, "QC");
		gdb_buf_put_num(&s->reply, (uint64_t)s->stop_thread + 1);
		return OUT_REPLY;
	case GDB_CMD_THREAD_EXTRA: return cmd_thread_extra(s, c);
	case GDB_CMD_SUPPORTED: return cmd_supported(s, c);
	case GDB_CMD_XFER_FEATURES: return cmd_xfer_features(s, c);
	case GDB_CMD_MONITOR: return cmd_monitor(s, c);
	case GDB_CMD_ATTACHED: return reply_str(s, "1");
	case GDB_CMD_NO_ACK_MODE:
		/* The OK itself still goes out under acknowledgement. */
		reply_str(s, "OK");
		stub_send_reply(s);
		s->ack = false;
		return OUT_QUIET;
	case GDB_CMD_PHYS_QUERY:
	case GDB_CMD_PHYS_SET: return cmd_phys(s, c);
	case GDB_CMD_KILL: return GDB_END_KILL;
	case GDB_CMD_DETACH:
		reply_str(s, "OK");
		stub_send_reply(s);
		return GDB_END_DETACH;
	}
	return OUT_REPLY;
}

int stub_handle_packet(struct gdb_stub *s)
{
	size_t len;
	const uint8_t *payload = gdb_rx_payload(&s->rx, &len);
	gdb_buf_reset(&s->reply);
	int out;
	if (gdb_packet_parse(payload, len, &s->cmd) < 0)
		out = reply_error(s, -EINVAL);
	else
		out = cmd_dispatch(s, &s->cmd);
	if (out == OUT_REPLY)
		stub_send_reply(s);
	return out >= 0 ? out : -1;
}
