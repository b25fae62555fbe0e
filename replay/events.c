/* Encoding records explicitly, little-endian, field by field, so that a
 * recording reads the same on any host. */
#include "events.h"
#include "../core/machine.h"

#include <stdio.h>
#include <string.h>

static void put64(uint8_t **p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		*(*p)++ = (uint8_t)(v >> (8 * i));
}

static void put32(uint8_t **p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		*(*p)++ = (uint8_t)(v >> (8 * i));
}

/* A bounds-checked cursor over a record being decoded. */
struct cursor {
	const uint8_t *p, *end;
	bool bad;
};

static uint64_t get64(struct cursor *c)
{
	if (c->end - c->p < 8) {
		c->bad = true;
		return 0;
	}
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)c->p[i] << (8 * i);
	c->p += 8;
	return v;
}

static uint32_t get32(struct cursor *c)
{
	if (c->end - c->p < 4) {
		c->bad = true;
		return 0;
	}
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v |= (uint32_t)c->p[i] << (8 * i);
	c->p += 4;
	return v;
}

size_t event_max_size(void)
{
	return 1 + 8 + 8 + 4 + 4 + EV_MAX_BYTES + 4 +
	       8 * sizeof(struct hart_digest);
}

size_t event_encode(const struct event *e, uint8_t *buf)
{
	uint8_t *p = buf;
	*p++ = (uint8_t)e->type;
	put64(&p, e->icount);
	switch (e->type) {
	case EV_WALL: put64(&p, e->value); break;
	case EV_ENTROPY:
	case EV_CONSOLE:
		put32(&p, e->len);
		memcpy(p, e->bytes, e->len);
		p += e->len;
		break;
	case EV_DIGEST:
		put64(&p, e->value);
		put32(&p, e->nharts);
		for (uint32_t h = 0; h < e->nharts; h++)
			for (unsigned i = 0; i < DIGEST_REGS; i++)
				put64(&p, e->harts[h].r[i]);
		break;
	case EV_END:
		put64(&p, e->value);
		put32(&p, (uint32_t)e->code);
		break;
	case EV_IMAGE: break; /* written by replay/pack.c, never as events */
	}
	return (size_t)(p - buf);
}

int event_decode(const uint8_t *rec, size_t len, struct event *e)
{
	struct cursor c = {rec, rec + len, false};
	if (len < 9)
		return -1;
	memset(e, 0, offsetof(struct event, bytes));
	e->type = (enum ev_type) * c.p++;
	e->icount = get64(&c);
	switch (e->type) {
	case EV_WALL: e->value = get64(&c); break;
	case EV_ENTROPY:
	case EV_CONSOLE:
		e->len = get32(&c);
		if (c.bad || e->len > EV_MAX_BYTES ||
		    (size_t)(c.end - c.p) < e->len)
			return -1;
		memcpy(e->bytes, c.p, e->len);
		c.p += e->len;
		break;
	case EV_DIGEST:
		e->value = get64(&c);
		e->nharts = get32(&c);
		if (c.bad || e->nharts < 1 || e->nharts > 8)
			return -1;
		for (uint32_t h = 0; h < e->nharts; h++)
			for (unsigned i = 0; i < DIGEST_REGS; i++)
				e->harts[h].r[i] = get64(&c);
		break;
	case EV_END:
		e->value = get64(&c);
		e->code = (int32_t)get32(&c);
		break;
	default: return -1;
	}
	return c.bad || c.p != c.end ? -1 : 0;
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

/* FNV-1a over the RAM pages ever written (with their page numbers); the
 * others are zero. Cheap enough to take at every few digests. */
static uint64_t ram_hash(const struct machine *m)
{
	const struct mem_region *r = m->ram;
	uint64_t h = 0xcbf29ce484222325ull;
	for (uint64_t p = 0; p < r->size >> PAGE_SHIFT; p++) {
		if (!(r->written[p / 64] >> (p % 64) & 1))
			continue;
		const uint64_t *w =
			(const uint64_t *)(r->host + (p << PAGE_SHIFT));
		h = (h ^ p) * 0x100000001b3ull;
		for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
			h = (h ^ w[i]) * 0x100000001b3ull;
	}
	return h;
}

void event_digest_take(const struct machine *m, bool with_ram, struct event *e)
{
	memset(e, 0, offsetof(struct event, bytes));
	e->type = EV_DIGEST;
	e->icount = m->icount;
	e->value = with_ram ? ram_hash(m) : 0;
	e->nharts = (uint32_t)m->nharts;
	for (int i = 0; i < m->nharts; i++) {
		const struct hart *h = m->harts[i];
		uint64_t *r = e->harts[i].r;
		memset(r, 0, sizeof(e->harts[i].r));
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
	}
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
			uint64_t a = want->harts[h].r[i],
				 b = have->harts[h].r[i];
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
