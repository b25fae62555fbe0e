#include "gate.h"
#include "../core/dev/uart.h"
#include "../core/dev/virtio_net.h"
#include "../core/util/vec.h"
#include "logfile.h"
#include "net_user.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gate_init(struct gate *g, enum gate_mode mode,
	      const struct host_inputs *host, struct log_writer *w,
	      struct log_reader *r)
{
	memset(g, 0, sizeof(*g));
	g->mode = mode;
	if (host)
		g->host = *host;
	g->w = w;
	g->r = r;
	/* A recording logs every departure from the default schedule. */
	g->schedule_logged = mode == GATE_RECORD;
	/* A recording hashes RAM the newest way, a replay the way its
	 * header says (replay_session_open). */
	g->ram_hash = mode == GATE_RECORD ? RAM_HASH_CURRENT : RAM_HASH_FNV;
	g->encode_buf = malloc(event_max_size());
	return g->encode_buf ? 0 : -ENOMEM;
}

void gate_free(struct gate *g)
{
	free(g->queue);
	free(g->held);
	free(g->encode_buf);
	memset(g, 0, sizeof(*g));
}

void gate_fail(struct gate *g, uint64_t icount, const char *fmt, ...)
{
	if (g->failed)
		return;
	g->failed = true;
	g->failed_at = icount;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(g->why, sizeof(g->why), fmt, ap);
	va_end(ap);
	/* Stop the machine where it stands: running on would only blur
	 * where it went astray. */
	if (g->m)
		machine_exit(g->m, MEXIT_HALTED, 1);
}

static uint64_t gate_now(const struct gate *g)
{
	return g->m ? machine_now(g->m) : 0;
}

void gate_log(struct gate *g, const struct event *e)
{
	if (g->mode != GATE_RECORD)
		return;
	size_t n = event_encode(e, g->encode_buf);
	if (log_writer_append(g->w, g->encode_buf, n) < 0)
		gate_fail(g, e->icount, "writing the recording failed");
	g->counts[e->type]++;
	if (g->keep && e->type != EV_DIGEST) {
		if (gate_queue_record(g, g->encode_buf, n))
			gate_fail(g, e->icount, "out of memory");
		g->qhead = g->qlen; /* consumed as it happened */
	}
}

void gate_log_digest(struct gate *g, bool with_ram)
{
	uint8_t regs[EV_DIGEST_MAX_BYTES];
	struct event e;
	event_digest_take(g->m, with_ram ? g->ram_hash : RAM_HASH_NONE, &e,
			  regs);
	gate_log(g, &e);
}

void gate_keep(struct gate *g)
{
	g->keep = true;
	g->eof = true; /* the queue is all there is */
}

/* Queued event i, its payload pointer made current: `held` may have
 * moved since it was queued. */
struct event *gate_event(struct gate *g, size_t i)
{
	struct gate_slot *s = &g->queue[i];
	s->e.bytes = g->held + s->at;
	return &s->e;
}

/* Replay: make sure at least `want` events are queued after qhead. */
static bool gate_fill(struct gate *g, size_t want)
{
	while (g->qlen - g->qhead < want && !g->eof) {
		const void *rec;
		size_t len;
		int r = log_reader_next(g->r, &rec, &len);
		if (r <= 0) {
			g->eof = true;
			g->truncated = log_reader_truncated(g->r);
			if (r < 0) {
				g->corrupt = true;
				gate_fail(g, gate_now(g), "%s",
					  log_reader_error(g->r));
			}
			break;
		}
		/* Consumed events go, unless positions must stay valid. */
		if (want != SIZE_MAX && g->qhead > 0 && g->qhead == g->qlen)
			g->qhead = g->qlen = g->held_len = 0;
		int rc = gate_queue_record(g, rec, len);
		if (rc == -ENOMEM) {
			gate_fail(g, gate_now(g), "out of memory");
			return false;
		}
		if (rc < 0) {
			g->eof = g->corrupt = true;
			gate_fail(g, gate_now(g),
				  "malformed record in the recording");
			break;
		}
	}
	return g->qlen - g->qhead >= want;
}

static bool machine_pulled(enum ev_type t)
{
	/* A frame the guest sends is asked for by the machine too: a replay
	 * checks it against the recording where the card sends it. */
	return t == EV_WALL || t == EV_ENTROPY || t == EV_NET_TX ||
	       t == EV_SCHEDULE;
}

/* Replay: the next event, which must be a machine-pulled `type` stamped
 * with the current icount; NULL (and a divergence) otherwise. */
static struct event *gate_take_pulled(struct gate *g, enum ev_type type)
{
	uint64_t now = gate_now(g);
	if (!gate_fill(g, 1)) {
		/* A truncated recording: not a divergence, the recorder was
		 * killed before it wrote this input down. */
		g->cut = g->truncated && !g->failed;
		if (g->cut)
			gate_fail(g, now,
				  "the recording is truncated (the recorder "
				  "was killed): it ends before the %s input "
				  "the machine asks for at icount %llu",
				  event_type_name(type),
				  (unsigned long long)now);
		else
			gate_fail(g, now,
				  "the machine asked for %s input that the "
				  "recording does not have",
				  event_type_name(type));
		return NULL;
	}
	struct event *e = gate_event(g, g->qhead);
	if (e->type != type || e->icount != now) {
		gate_fail(g, now,
			  "the machine asked for %s input at icount %llu; the "
			  "recording has %s at icount %llu",
			  event_type_name(type), (unsigned long long)now,
			  event_type_name(e->type),
			  (unsigned long long)e->icount);
		return NULL;
	}
	g->qhead++;
	g->counts[type]++;
	return e;
}

static uint64_t gate_wall_ns(void *ctx)
{
	struct gate *g = ctx;
	struct event e = {.type = EV_WALL, .icount = gate_now(g)};
	if (g->mode == GATE_REPLAY) {
		struct event *r = gate_take_pulled(g, EV_WALL);
		return r ? r->value : 0;
	}
	e.value = g->host.wall_ns ? g->host.wall_ns(g->host.ctx) : 0;
	gate_log(g, &e);
	return e.value;
}

static void gate_entropy(void *ctx, uint8_t *buf, size_t len)
{
	struct gate *g = ctx;
	while (len > 0) {
		size_t n = len < EV_MAX_BYTES ? len : EV_MAX_BYTES;
		if (g->mode == GATE_REPLAY) {
			struct event *r = gate_take_pulled(g, EV_ENTROPY);
			if (!r || r->len != n) {
				if (r)
					gate_fail(g, r->icount,
						  "the machine asked for %zu "
						  "bytes of entropy; the "
						  "recording has %u",
						  n, r->len);
				memset(buf, 0, len);
				return;
			}
			memcpy(buf, r->bytes, n);
		} else {
			if (g->host.entropy)
				g->host.entropy(g->host.ctx, buf, n);
			else
				memset(buf, 0, n);
			struct event e = {.type = EV_ENTROPY,
					  .icount = gate_now(g),
					  .len = (uint32_t)n,
					  .bytes = buf};
			gate_log(g, &e);
		}
		buf += n;
		len -= n;
	}
}

/* A chaos decision that departs from the default schedule: logged when
 * recording, checked against the recording when replaying one that logs
 * them. */
static void gate_schedule(void *ctx, const struct chaos_decision *d)
{
	struct gate *g = ctx;
	if (g->on_schedule)
		g->on_schedule(g->on_schedule_ctx, d);
	struct event e = {.type = EV_SCHEDULE,
			  .icount = d->icount,
			  .reg = (uint32_t)d->kind,
			  .hart = d->who,
			  .ordinal = d->ordinal,
			  .value = d->value};
	if (g->mode == GATE_RECORD) {
		gate_log(g, &e);
		return;
	}
	if (g->mode != GATE_REPLAY || !g->schedule_logged)
		return;
	struct event *r = gate_take_pulled(g, EV_SCHEDULE);
	if (r && (r->reg != e.reg || r->hart != e.hart ||
		  r->ordinal != e.ordinal || r->value != e.value))
		gate_fail(g, r->icount,
			  "the schedule departs differently: draw %llu decided "
			  "%llu, the recording has draw %llu deciding %llu",
			  (unsigned long long)e.ordinal,
			  (unsigned long long)e.value,
			  (unsigned long long)r->ordinal,
			  (unsigned long long)r->value);
}

struct host_inputs gate_host_inputs(struct gate *g)
{
	struct host_inputs h = {.ctx = g,
				.wall_ns = gate_wall_ns,
				.entropy = gate_entropy,
				.schedule = gate_schedule};
	return h;
}

size_t gate_console(struct gate *g, const uint8_t *bytes, size_t n)
{
	struct uart *u = g->m->uart;
	if (!uart_rx_ready(u))
		return 0;
	size_t sent = 0;
	while (sent < n && sent < EV_MAX_BYTES && uart_rx_room(u) > 0)
		uart_rx_push(u, bytes[sent++]);
	if (sent && g->mode == GATE_RECORD) {
		struct event e = {.type = EV_CONSOLE,
				  .icount = g->m->icount,
				  .len = (uint32_t)sent,
				  .bytes = bytes};
		gate_log(g, &e);
	}
	return sent;
}

int gate_net_rx(struct gate *g, const uint8_t *frame, size_t len)
{
	struct virtio_mmio *v = virtio_net_of(g->m);
	if (!v || len < EV_FRAME_MIN || len > EV_MAX_BYTES)
		return -EINVAL;
	if (g->mode == GATE_RECORD) {
		struct event e = {.type = EV_NET_RX,
				  .icount = g->m->icount,
				  .len = (uint32_t)len,
				  .bytes = frame};
		gate_log(g, &e);
	}
	return virtio_net_rx(v, frame, len);
}

void gate_net_tx(void *ctx, const uint8_t *frame, size_t len)
{
	struct gate *g = ctx;
	if (g->mode == GATE_REPLAY) {
		struct event *r = gate_take_pulled(g, EV_NET_TX);
		if (r && (r->len != len || memcmp(r->bytes, frame, len)))
			gate_fail(g, r->icount,
				  "the guest sent a different frame (%zu "
				  "bytes) than the recording has (%u bytes)",
				  len, r->len);
		return;
	}
	struct event e = {.type = EV_NET_TX,
			  .icount = gate_now(g),
			  .len = (uint32_t)len,
			  .bytes = frame};
	gate_log(g, &e);
	if (g->net)
		net_user_send(g->net, frame, len);
}

int gate_queue_record(struct gate *g, const void *rec, size_t len)
{
	struct event e;
	if (event_decode(rec, len, &e) < 0)
		return -EBADMSG;
	size_t n = event_payload_len(&e);
	struct gate_slot *q =
		vec_grow(g->queue, &g->qcap, g->qlen + 1, sizeof(*q));
	if (q)
		g->queue = q;
	uint8_t *h = q ? vec_grow(g->held, &g->held_cap, g->held_len + n + 1, 1)
		       : NULL;
	if (!h)
		return -ENOMEM;
	g->held = h;
	if (n)
		memcpy(h + g->held_len, e.bytes, n);
	g->queue[g->qlen++] = (struct gate_slot){.e = e, .at = g->held_len};
	g->held_len += n;
	return 0;
}

const struct event *gate_peek_driver_event(struct gate *g)
{
	for (size_t i = 0;; i++) {
		if (!gate_fill(g, i + 1))
			return NULL;
		const struct event *e = gate_event(g, g->qhead + i);
		if (!machine_pulled(e->type))
			return e;
	}
}

void gate_pop_driver_event(struct gate *g)
{
	/* Machine-pulled events before it must have been consumed. */
	const struct event *e = gate_event(g, g->qhead);
	if (machine_pulled(e->type)) {
		gate_fail(g, e->icount,
			  "the recording has %s input at icount %llu that the "
			  "machine never asked for",
			  event_type_name(e->type),
			  (unsigned long long)e->icount);
		return;
	}
	g->counts[e->type]++;
	g->qhead++;
}

int gate_check_end(struct gate *g)
{
	if (g->keep || !g->r || g->failed)
		return g->failed ? -1 : 0;
	uint64_t now = gate_now(g);
	const void *rec;
	size_t len;
	int r = g->qhead < g->qlen ? 1
		: g->eof	   ? 0
				   : log_reader_next(g->r, &rec, &len);
	if (r > 0) {
		g->corrupt = true;
		gate_fail(g, now,
			  "records follow the end record: the recording is "
			  "corrupt");
		return -1;
	}
	if (r < 0 || (g->eof && g->corrupt)) {
		g->corrupt = true;
		gate_fail(g, now, "%s", log_reader_error(g->r));
		return -1;
	}
	g->eof = true;
	g->truncated = log_reader_truncated(g->r);
	return 0;
}

int gate_load_all(struct gate *g)
{
	gate_fill(g, SIZE_MAX);
	return g->corrupt ? -1 : 0;
}

size_t gate_tell(const struct gate *g)
{
	return g->qhead;
}

void gate_seek(struct gate *g, size_t pos)
{
	g->qhead = pos <= g->qlen ? pos : g->qlen;
}
