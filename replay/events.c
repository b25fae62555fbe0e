/* Encoding records explicitly, little-endian, field by field, so that a
 * recording reads the same on any host. Decoding reads with the
 * bounds-checked state reader (core/state.h). */
#include "events.h"
#include "../core/machine.h"
#include "../core/state.h"
#include "../core/util/crc32.h"
#include "../core/util/le.h"

#include <stdio.h>
#include <string.h>

size_t event_max_size(void)
{
	return 1 + 8 + 8 + 4 + 4 + EV_MAX_BYTES + 4 + EV_DIGEST_MAX_BYTES;
}

size_t event_payload_len(const struct event *e)
{
	switch (e->type) {
	case EV_ENTROPY:
	case EV_CONSOLE:
	case EV_MEM_WRITE: return e->len;
	case EV_NET_RX:
	case EV_NET_TX: return e->len;
	case EV_DIGEST: return EV_DIGEST_BYTES(e->nharts);
	default: return 0;
	}
}

size_t event_encode(const struct event *e, uint8_t *buf)
{
	uint8_t *p = buf;
	*p++ = (uint8_t)e->type;
	le_put64(p, e->icount);
	p += 8;
	switch (e->type) {
	case EV_WALL:
		le_put64(p, e->value);
		p += 8;
		break;
	case EV_ENTROPY:
	case EV_CONSOLE:
	case EV_NET_RX:
	case EV_NET_TX:
		le_put32(p, e->len);
		p += 4;
		break;
	case EV_DIGEST:
		le_put64(p, e->value);
		le_put32(p + 8, e->nharts);
		p += 12;
		break;
	case EV_END:
		le_put64(p, e->value);
		le_put32(p + 8, (uint32_t)e->code);
		p += 12;
		break;
	case EV_REG_WRITE:
		le_put32(p, e->hart);
		le_put32(p + 4, e->reg);
		le_put64(p + 8, e->value);
		p += 16;
		break;
	case EV_MEM_WRITE:
		le_put64(p, e->value);
		le_put32(p + 8, e->len);
		p += 12;
		break;
	case EV_SCHEDULE:
		le_put32(p, e->reg);
		le_put32(p + 4, e->hart);
		le_put64(p + 8, e->ordinal);
		le_put64(p + 16, e->value);
		p += 24;
		break;
	case EV_IMAGE: /* written by replay/pack.c, never as events */
	case EV_KINDS: break;
	}
	/* The payload is stored as it is held: bytes, or registers already
	 * little-endian. */
	size_t n = event_payload_len(e);
	if (n)
		memcpy(p, e->bytes, n);
	return (size_t)(p - buf) + n;
}

int event_decode(const uint8_t *rec, size_t len, struct event *e)
{
	if (len < 9)
		return -1;
	struct state_reader c = {rec + 1, rec + len, false};
	*e = (struct event){.type = (enum ev_type)rec[0]};
	e->icount = state_get_u64(&c);
	switch (e->type) {
	case EV_WALL: e->value = state_get_u64(&c); break;
	case EV_ENTROPY:
	case EV_CONSOLE:
		e->len = state_get_u32(&c);
		if (c.bad || e->len > EV_MAX_BYTES)
			return -1;
		break;
	case EV_NET_RX:
	case EV_NET_TX:
		e->len = state_get_u32(&c);
		if (c.bad || e->len < EV_FRAME_MIN || e->len > EV_MAX_BYTES)
			return -1;
		break;
	case EV_DIGEST:
		e->value = state_get_u64(&c);
		e->nharts = state_get_u32(&c);
		if (c.bad || e->nharts < 1 || e->nharts > EV_MAX_HARTS)
			return -1;
		break;
	case EV_END:
		e->value = state_get_u64(&c);
		e->code = (int32_t)state_get_u32(&c);
		break;
	case EV_REG_WRITE:
		e->hart = state_get_u32(&c);
		e->reg = state_get_u32(&c);
		e->value = state_get_u64(&c);
		break;
	case EV_MEM_WRITE:
		e->value = state_get_u64(&c);
		e->len = state_get_u32(&c);
		/* One page at most, and never across one. */
		if (c.bad || e->len == 0 || e->len > EV_MAX_BYTES ||
		    (e->value & (PAGE_SIZE - 1)) + e->len > PAGE_SIZE)
			return -1;
		break;
	case EV_SCHEDULE:
		e->reg = state_get_u32(&c);
		e->hart = state_get_u32(&c);
		e->ordinal = state_get_u64(&c);
		e->value = state_get_u64(&c);
		if (e->reg < CHAOS_QUANTUM || e->reg > CHAOS_KIND_LAST)
			return -1;
		break;
	default: return -1;
	}
	size_t n = event_payload_len(e);
	e->bytes = state_get_span(&c, n);
	return c.bad || state_left(&c) != 0 ? -1 : 0;
}

const char *event_type_name(enum ev_type t)
{
	switch (t) {
	case EV_WALL: return "wall-clock";
	case EV_ENTROPY: return "entropy";
	case EV_CONSOLE: return "console";
	case EV_DIGEST: return "digest";
	case EV_END: return "end";
	case EV_IMAGE: return "image";
	case EV_REG_WRITE: return "register-write";
	case EV_MEM_WRITE: return "memory-write";
	case EV_NET_RX: return "net-rx";
	case EV_NET_TX: return "net-tx";
	case EV_SCHEDULE: return "schedule";
	default: return "unknown";
	}
}

/* Digest slots: x0..x31 (x0 holds pc), then the state that most often
 * shows where a run went astray. */
enum {
	D_PC = 0,
	D_PRIV = 32,
	D_MSTATUS,
	D_SATP,
	D_MIP,
	D_MIE,
	D_MEPC,
	D_SEPC,
	D_FCSR,
};

const char *digest_reg_name(unsigned i)
{
	static const char *const x[32] = {
		"pc", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
		"s0", "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
		"a6", "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
		"s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
	static const char *const rest[] = {"priv", "mstatus", "satp", "mip",
					   "mie",  "mepc",    "sepc", "fcsr"};
	if (i < 32)
		return x[i];
	if (i - 32 < sizeof(rest) / sizeof(rest[0]))
		return rest[i - 32];
	return "?";
}

#define FNV_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* The RAM pages ever written (with their page numbers; the others are
 * zero), hashed as enum ram_hash says. Cheap enough to take at every few
 * digests. */
static uint64_t ram_hash(const struct machine *m, enum ram_hash how)
{
	const struct mem_region *r = m->ram;
	uint64_t h = FNV_BASIS;
	/* A word of the bitmap at a time: most of a large RAM is never
	 * written, and looking at its pages one by one cost a short boot's
	 * final digest a fifth of its instructions. */
	uint64_t pages = r->size >> PAGE_SHIFT;
	for (uint64_t i = 0; i < (pages + 63) / 64; i++) {
		uint64_t bits = r->written[i];
		if (pages - i * 64 < 64)
			bits &= (1ull << (pages - i * 64)) - 1;
		for (; bits; bits &= bits - 1) {
			uint64_t p = i * 64 + (uint64_t)__builtin_ctzll(bits);
			const uint8_t *page = r->host + (p << PAGE_SHIFT);
			h = (h ^ p) * FNV_PRIME;
			if (how == RAM_HASH_CRC32C) {
				h = (h ^ crc32c_update(0, page, PAGE_SIZE)) *
				    FNV_PRIME;
				continue;
			}
			const uint64_t *w = (const uint64_t *)page;
			for (unsigned k = 0; k < PAGE_SIZE / 8; k++)
				h = (h ^ w[k]) * FNV_PRIME;
		}
	}
	return h;
}

void event_digest_take(const struct machine *m, enum ram_hash ram,
		       struct event *e, uint8_t regs[EV_DIGEST_MAX_BYTES])
{
	*e = (struct event){.type = EV_DIGEST,
			    .icount = m->icount,
			    .value = ram ? ram_hash(m, ram) : 0,
			    .nharts = (uint32_t)m->nharts,
			    .bytes = regs};
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		uint64_t r[DIGEST_REGS] = {0};
		r[D_PC] = h->pc;
		for (int k = 1; k < 32; k++)
			r[k] = h->x[k];
		r[D_PRIV] = h->priv;
		r[D_MSTATUS] = h->mstatus;
		r[D_SATP] = h->satp;
		r[D_MIP] = h->mip;
		r[D_MIE] = h->mie;
		r[D_MEPC] = h->mepc;
		r[D_SEPC] = h->sepc;
		r[D_FCSR] = (uint64_t)h->frm << 5 | h->fflags;
		for (unsigned k = 0; k < DIGEST_REGS; k++)
			le_put64(regs + EV_DIGEST_BYTES(i) + 8 * k, r[k]);
	}
}

uint64_t event_digest_reg(const struct event *e, unsigned hart, unsigned reg)
{
	return le_get64(e->bytes + EV_DIGEST_BYTES(hart) + 8 * reg);
}

bool event_digest_equal(const struct event *want, const struct event *have,
			char *why, size_t len)
{
	if (want->nharts != have->nharts) {
		snprintf(why, len, "the recording has %u harts, the machine %u",
			 want->nharts, have->nharts);
		return false;
	}
	for (uint32_t h = 0; h < want->nharts; h++) {
		size_t n = 0;
		why[0] = '\0';
		for (unsigned i = 0; i < DIGEST_REGS; i++) {
			uint64_t a = event_digest_reg(want, h, i),
				 b = event_digest_reg(have, h, i);
			if (a == b || n + 1 >= len)
				continue;
			n += (size_t)snprintf(
				why + n, len - n,
				"%shart %u %s: recorded 0x%llx, replayed "
				"0x%llx",
				n ? "; " : "", h, digest_reg_name(i),
				(unsigned long long)a, (unsigned long long)b);
		}
		if (n)
			return false;
	}
	if (want->value && have->value && want->value != have->value) {
		snprintf(why, len,
			 "RAM contents differ (every register agrees)");
		return false;
	}
	return true;
}
