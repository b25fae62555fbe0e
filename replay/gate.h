/* The input gate: the one place where values from the host enter the
 * machine. Live, it passes host values through; recording, it also logs
 * each with the icount at which the machine consumed it; replaying, it
 * serves the logged values instead and notices when the machine asks for
 * something the recording does not have (a divergence). */
#ifndef REWIND_REPLAY_GATE_H
#define REWIND_REPLAY_GATE_H

#include "../core/machine.h"
#include "events.h"

struct log_writer;
struct log_reader;
struct net_user;

enum gate_mode { GATE_LIVE, GATE_RECORD, GATE_REPLAY };

/* A queued event; its payload is at `at` in the gate's `held` bytes. */
struct gate_slot {
	struct event e;
	size_t at;
};

struct gate {
	enum gate_mode mode;
	struct machine *m;	 /* set once the machine exists */
	struct host_inputs host; /* the real sources (live, record) */
	struct log_writer *w;	 /* record */
	struct log_reader *r;	 /* replay */
	/* Replay: decoded events read ahead of the machine, their payloads
	 * copied into `held` (at gate_slot.at), since the reader's records
	 * last only until it reads on. An event the gate hands out stays
	 * valid until the gate reads more of the recording. */
	struct gate_slot *queue;
	size_t qhead, qlen, qcap;
	uint8_t *held;
	size_t held_len, held_cap;
	bool eof, truncated, corrupt;
	/* Replay: the end record says the recorder was stopped by this
	 * signal (EV_END_INTERRUPTED); 0 otherwise. */
	int interrupted;
	/* Replay: the end record says the recorder stopped at --limit. */
	bool at_limit;
	/* Replay: the machine asked for an input past the end of a
	 * truncated recording (g->why says where). */
	bool cut;
	/* The first divergence or log error, with its icount. */
	bool failed;
	uint64_t failed_at;
	char why[1024];
	uint64_t counts[EV_KINDS]; /* events logged or replayed, by type */
	/* Recording for a live debugging session: every logged event is
	 * also kept in the queue, so the session can go back and replay
	 * (switching mode to GATE_REPLAY) up to where recording stopped. */
	bool keep;
	uint8_t *encode_buf;
	/* Live and recording with --net: the user network the guest's
	 * frames go to (NULL: they go nowhere). */
	struct net_user *net;
	/* Replay: the recording logs its schedule's departures (header
	 * schedule-log=yes), so each one the machine makes is checked
	 * against it; older recordings have none to check. */
	bool schedule_logged;
	/* How digests hash RAM: the recording's (header ram-hash). */
	enum ram_hash ram_hash;
	/* Someone who wants each departure too (rewind shrink), or NULL. */
	void (*on_schedule)(void *ctx, const struct chaos_decision *d);
	void *on_schedule_ctx;
};

int gate_init(struct gate *g, enum gate_mode mode,
	      const struct host_inputs *host, struct log_writer *w,
	      struct log_reader *r);
void gate_free(struct gate *g);
/* The callbacks to put in machine_config.host. */
struct host_inputs gate_host_inputs(struct gate *g);

/* Console bytes reach the UART: returns how many were delivered. */
size_t gate_console(struct gate *g, const uint8_t *bytes, size_t n);
/* Offer a frame to the network card now, logged (when recording) as an
 * input at this icount whatever the card does with it: the card's answer
 * is a function of the machine's state, so a replay offering the same
 * frame at the same icount sees the same. The card's result (see
 * virtio_net_rx). */
int gate_net_rx(struct gate *g, const uint8_t *frame, size_t len);
/* The card's transmit callback (ctx: the gate): logged when recording,
 * checked against the recording when replaying, passed to g->net. */
void gate_net_tx(void *ctx, const uint8_t *frame, size_t len);

/* Log a machine-state record (digest, end) when recording. */
void gate_log(struct gate *g, const struct event *e);
/* Log a digest of the machine now (with a RAM hash when with_ram). */
void gate_log_digest(struct gate *g, bool with_ram);

/* Replay: queue a record read ahead of the gate (the first after packed
 * images); 0, -EBADMSG when it is malformed, -ENOMEM. */
int gate_queue_record(struct gate *g, const void *rec, size_t len);

/* Replay: the next event the driver must act on (console, digest, end) —
 * machine-pulled inputs before it stay queued for the callbacks. NULL at
 * the end of the recording. */
const struct event *gate_peek_driver_event(struct gate *g);
/* Consume that event. */
void gate_pop_driver_event(struct gate *g);
/* Record into memory too (see keep). */
void gate_keep(struct gate *g);

/* Replay, after the end record: nothing but a sound end marker may follow
 * (its counts right, no bytes after it). 0, or -1 after gate_fail (corrupt
 * set); g->truncated says when the file stops inside the end marker. */
int gate_check_end(struct gate *g);
/* Replay: read the rest of the recording into memory, so that positions
 * can be returned to (gate_tell, gate_seek). 0, or -1 after gate_fail. */
int gate_load_all(struct gate *g);
/* Queued event i (below qlen; after gate_load_all, every event of the
 * recording), its payload pointer made current. */
struct event *gate_event(struct gate *g, size_t i);
/* Replay, after gate_load_all: the read position, and back to one. */
size_t gate_tell(const struct gate *g);
void gate_seek(struct gate *g, size_t pos);

/* Record a divergence (the first one wins). */
void gate_fail(struct gate *g, uint64_t icount, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
