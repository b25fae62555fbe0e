/* The records of a recording: what crosses the input gate, and checkpoints
 * of machine state, each stamped with the machine-wide icount. */
#ifndef REWIND_REPLAY_EVENTS_H
#define REWIND_REPLAY_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

enum ev_type {
	EV_WALL = 1,	/* the RTC's wall-clock base, read once */
	EV_ENTROPY = 2, /* bytes a virtio-rng request consumed */
	EV_CONSOLE = 3, /* bytes delivered to the UART's receiver */
	EV_DIGEST = 4,	/* every hart's registers, and a RAM hash */
	EV_END = 5,	/* the run ended: how, and the exit code */
	/* A piece of a packed image (--pack), before every other record:
	 * u8 image slot, u64 offset, bytes. Handled by replay/pack.c. */
	EV_IMAGE = 6,
};

/* Per-hart state in a digest: enough to name the registers that differ. */
#define DIGEST_REGS 40
struct hart_digest {
	uint64_t r[DIGEST_REGS]; /* see events.c: digest_reg_name */
};

#define EV_MAX_BYTES 4096
struct event {
	enum ev_type type;
	uint64_t icount;
	uint64_t
		value; /* EV_WALL: ns; EV_END: exit kind; EV_DIGEST: RAM hash */
	int32_t code;  /* EV_END: exit code */
	uint32_t len;  /* EV_ENTROPY, EV_CONSOLE: bytes */
	uint8_t bytes[EV_MAX_BYTES];
	uint32_t nharts; /* EV_DIGEST */
	struct hart_digest harts[8];
};

/* Encode into buf (at least event_max_size() bytes); returns the length. */
size_t event_encode(const struct event *e, uint8_t *buf);
size_t event_max_size(void);
/* Decode a record; -1 when it is malformed (every length is checked). */
int event_decode(const uint8_t *rec, size_t len, struct event *e);

const char *event_type_name(enum ev_type t);
const char *digest_reg_name(unsigned i);

/* Fill a digest event with the machine's state at its current icount. */
void event_digest_take(const struct machine *m, bool with_ram, struct event *e);
/* Compare two digests; on a difference write the hart and the registers
 * that differ into why and return false. */
bool event_digest_equal(const struct event *want, const struct event *have,
			char *why, size_t len);

#endif
