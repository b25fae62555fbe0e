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
	/* A frame the network card took from the host side (input, offered
	 * to the card at this icount) and one the guest sent (output, logged
	 * so that pcap needs no replay and a replay can check it): u32
	 * length, the frame. */
	EV_NET_RX = 7,
	/* A debugger's write in a live session (replay/write.h), applied
	 * before the instruction at its icount: u32 hart, u32 register
	 * (WRITE_REG_*), u64 value. */
	EV_REG_WRITE = 8,
	/* ... to guest-physical RAM: u64 address, u32 length, the bytes
	 * (within one page). */
	EV_MEM_WRITE = 9,
	/* (see EV_NET_RX) */
	EV_NET_TX = 10,
	/* A chaos decision that departed from the default schedule (output
	 * of the machine, logged so that info can count them and shrink can
	 * name them, and checked by a replay): u32 kind (enum chaos_kind),
	 * u32 hart, line or slot, u64 the draw's number, u64 the value. */
	EV_SCHEDULE = 11,
	/* One more than the largest type: a table indexed by type has
	 * EV_KINDS entries, so a new type (numbered before this) fits. */
	EV_KINDS
};

/* EV_END's exit kind when the recorder stopped on SIGINT or SIGTERM, or
 * the user quit from the console (Ctrl-A X): the machine was still
 * running, and the code is the signal's number (0 for the quit). The
 * other kinds are enum machine_exit's (0: stopped by the recorder). */
#define EV_END_INTERRUPTED 6
/* ... when the recorder stopped at --limit, the guest still running and
 * not failed: a replay ends there with the same status (124). */
#define EV_END_LIMIT 7

#define EV_MAX_BYTES 4096 /* payload of an entropy or console event */
/* A frame event: an Ethernet header at least, at most EV_MAX_BYTES (the
 * card's VIRTIO_NET_FRAME_MAX). */
#define EV_FRAME_MIN 14
#define EV_MAX_HARTS 8 /* harts in a digest */

/* A digest holds, per hart, DIGEST_REGS little-endian u64 (see events.c:
 * digest_reg_name), as they are stored in the recording. */
#define DIGEST_REGS		40
#define EV_DIGEST_BYTES(nharts) ((size_t)(nharts)*DIGEST_REGS * 8)
#define EV_DIGEST_MAX_BYTES	EV_DIGEST_BYTES(EV_MAX_HARTS)

/* One record, decoded. Small enough to live on the stack or in a queue by
 * the thousand: its payload is pointed at, never copied in. `bytes` is
 * borrowed: it points into the record the event was decoded from
 * (event_decode), the buffer handed to event_digest_take, or whatever the
 * builder of an event to log points it at, and is valid as long as that
 * memory is. */
struct event {
	enum ev_type type;
	uint64_t icount;
	/* EV_WALL: ns; EV_END: exit kind; EV_DIGEST: RAM hash;
	 * EV_REG_WRITE: the value; EV_MEM_WRITE: the physical address;
	 * EV_SCHEDULE: the decided value */
	uint64_t value;
	int32_t code; /* EV_END: exit code */
	/* EV_ENTROPY, EV_CONSOLE, EV_MEM_WRITE, EV_NET_*: bytes */
	uint32_t len;
	uint32_t nharts;    /* EV_DIGEST */
	uint32_t hart, reg; /* EV_REG_WRITE; EV_SCHEDULE: who, kind */
	uint64_t ordinal;   /* EV_SCHEDULE: the draw's number */
	/* EV_ENTROPY, EV_CONSOLE, EV_MEM_WRITE, EV_NET_*: the len bytes;
	 * EV_DIGEST: the EV_DIGEST_BYTES(nharts) bytes of registers. */
	const uint8_t *bytes;
};

/* Encode into buf (at least event_max_size() bytes); returns the length. */
size_t event_encode(const struct event *e, uint8_t *buf);
size_t event_max_size(void);
/* Decode a record; -1 when it is malformed (every length is checked).
 * e->bytes points into rec. */
int event_decode(const uint8_t *rec, size_t len, struct event *e);
/* How many bytes e->bytes covers. */
size_t event_payload_len(const struct event *e);

const char *event_type_name(enum ev_type t);
const char *digest_reg_name(unsigned i);

/* How a digest hashes RAM: every page written since power-on, in page
 * order, with its page number, through a 64-bit FNV-1a chain. FNV: the
 * chain takes the page's contents 8 bytes at a time (recordings without
 * the header key ram-hash), a multiply after every 8 bytes, each one
 * waiting for the last. CRC32C: it takes the page's CRC-32C, which the
 * hardware computes in three independent streams (header
 * ram-hash=crc32c): half the host instructions, and at most the time
 * reading the pages from memory takes (docs/recording-format.md). */
enum ram_hash { RAM_HASH_NONE, RAM_HASH_FNV, RAM_HASH_CRC32C };
/* The one new recordings use. */
#define RAM_HASH_CURRENT RAM_HASH_CRC32C

/* Fill a digest event with the machine's state at its current icount,
 * with a RAM hash of kind ram (RAM_HASH_NONE: none, value 0); its
 * registers go to regs, which e->bytes then points at. */
void event_digest_take(const struct machine *m, enum ram_hash ram,
		       struct event *e, uint8_t regs[EV_DIGEST_MAX_BYTES]);
/* Register `reg` of hart `hart` in a digest event. */
uint64_t event_digest_reg(const struct event *e, unsigned hart, unsigned reg);
/* Compare two digests; on a difference write the hart and the registers
 * that differ into why and return false. */
bool event_digest_equal(const struct event *want, const struct event *have,
			char *why, size_t len);

#endif
