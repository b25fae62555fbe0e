/* Sdtrig debug triggers, the subset QEMU 7.2's virt board offers: two
 * mcontrol (type 2) address triggers per hart that raise a breakpoint
 * exception before the matching instruction or access.
 *
 * Cost: nothing while no trigger is armed. An armed execute trigger keeps
 * blocks from running whole or chaining (hart_run cuts them before a
 * matching instruction, as for the debugger's breakpoints); an armed load
 * or store trigger keeps the pages it can match out of the hart's TLBs, so
 * every access to them takes the slow path that checks it (as the
 * debugger's watchpoints do, core/watch.c). */
#include "trigger.h"
#include "block.h"
#include "machine.h"
#include "state.h"

enum {
	CSR_TSELECT = 0x7a0,
	CSR_TDATA1 = 0x7a1,
	CSR_TDATA2 = 0x7a2,
	CSR_TDATA3 = 0x7a3,
	CSR_TINFO = 0x7a4,
	CSR_TCONTROL = 0x7a5,
};

/* mcontrol fields (RV64). */
#define MC_TYPE_SHIFT	 60
#define MC_MASKMAX_SHIFT 53
#define MC_SIZEHI_SHIFT	 21
#define MC_HIT		 (1ull << 20)
#define MC_SIZELO_SHIFT	 16
#define MC_MATCH_SHIFT	 7
#define MC_M		 (1ull << 6)
#define MC_S		 (1ull << 4)
#define MC_U		 (1ull << 3)
#define MC_EXECUTE	 (1ull << 2)
#define MC_STORE	 (1ull << 1)
#define MC_LOAD		 (1ull << 0)
#define MC_MODES	 (MC_M | MC_S | MC_U)
#define MC_KEPT		 (MC_HIT | MC_MODES | MC_EXECUTE | MC_STORE | MC_LOAD)

/* Match modes: 0 equal, 1 NAPOT, 2 >=, 3 <. The others (the masked
 * halves, the negations) are not offered and read back as 0. */
enum { MATCH_EQ = 0, MATCH_NAPOT = 1, MATCH_GE = 2, MATCH_LT = 3 };
/* NAPOT ranges up to 2^63 bytes: maskmax = 63. */
#define MC_MASKMAX 63ull
/* type 2, maskmax; dmode, select (address only), timing (before),
 * action (0: breakpoint exception) and chain stay 0: no Debug Mode, no
 * data-value match, no chains. */
#define MC_FIXED ((2ull << MC_TYPE_SHIFT) | (MC_MASKMAX << MC_MASKMAX_SHIFT))

/* tinfo: version 1 (the ratified Sdtrig 1.0), type 2 only. */
#define TINFO_VALUE ((1ull << 24) | (1ull << 2))

bool trig_csr_exists(const struct hart *h, unsigned num)
{
	/* Version 1 machines never had them: a guest recorded there saw
	 * illegal instructions and must see them again. */
	return num >= CSR_TSELECT && num <= CSR_TCONTROL && h->m &&
	       h->m->identity >= MACHINE_IDENTITY_V2;
}

/* The size field (sizehi:sizelo) as the bytes it matches; 0 for any. The
 * encodings 4 (48-bit) and 6.. (wider) have no access here to match. */
static unsigned mc_size_bytes(uint64_t t1)
{
	unsigned code = (unsigned)(((t1 >> MC_SIZEHI_SHIFT) & 3) << 2 |
				   ((t1 >> MC_SIZELO_SHIFT) & 3));
	static const unsigned bytes[8] = {0, 1, 2, 4, 0, 8, 0, 0};
	return bytes[code];
}

/* tdata1 as a write of val leaves it (WARL). */
static uint64_t mc_legalize(uint64_t val)
{
	uint64_t t = MC_FIXED | (val & MC_KEPT);
	uint64_t match = (val >> MC_MATCH_SHIFT) & 15;
	if (match <= MATCH_LT)
		t |= match << MC_MATCH_SHIFT;
	unsigned code = (unsigned)(((val >> MC_SIZEHI_SHIFT) & 3) << 2 |
				   ((val >> MC_SIZELO_SHIFT) & 3));
	if (code <= 3 || code == 5)
		t |= (uint64_t)(code & 3) << MC_SIZELO_SHIFT |
		     (uint64_t)(code >> 2) << MC_SIZEHI_SHIFT;
	return t;
}

uint64_t trig_csr_read(const struct hart *h, unsigned num)
{
	const struct trigger *t = &h->trig[h->tselect];
	switch (num) {
	case CSR_TSELECT: return h->tselect;
	case CSR_TDATA1: return t->tdata1;
	case CSR_TDATA2: return t->tdata2;
	case CSR_TINFO: return TINFO_VALUE;
	case CSR_TCONTROL: return h->tcontrol;
	default: return 0; /* tdata3: no extra match conditions */
	}
}

void trig_csr_write(struct hart *h, unsigned num, uint64_t val)
{
	struct trigger *t = &h->trig[h->tselect];
	switch (num) {
	case CSR_TSELECT:
		/* WARL: an index with no trigger keeps the old one, so that
		 * reading back tells software how many there are. */
		if (val < TRIG_COUNT)
			h->tselect = val;
		return;
	case CSR_TDATA1: t->tdata1 = mc_legalize(val); break;
	case CSR_TDATA2: t->tdata2 = val; break;
	case CSR_TCONTROL:
		h->tcontrol = val & (TCONTROL_MTE | TCONTROL_MPTE);
		break;
	default: return; /* tdata3 and tinfo ignore writes */
	}
	bool was_exec = h->trig_exec;
	trig_refresh(h);
	/* hart_run decides at its start whether blocks may run whole. */
	if (h->trig_exec && !was_exec)
		machine_resched(h->m);
}

/* May a trigger with action 0 fire in the current mode? Not in M unless
 * tcontrol.mte is set, and not in S with breakpoints delegated there and
 * SIE clear: either would trap again inside the handler that the trigger
 * sends the hart to. */
static bool trig_may_fire(const struct hart *h)
{
	switch (h->priv) {
	case PRIV_M: return (h->tcontrol & TCONTROL_MTE) != 0;
	case PRIV_S:
		return !((h->medeleg >> EXC_BREAKPOINT) & 1) ||
		       (h->mstatus & MSTATUS_SIE);
	default: return true;
	}
}

static uint64_t trig_mode_bit(const struct hart *h)
{
	return h->priv == PRIV_M ? MC_M : h->priv == PRIV_S ? MC_S : MC_U;
}

/* The bits below the NAPOT range's base: every bit up to and including
 * tdata2's lowest clear bit, at most 2^maskmax bytes. */
static uint64_t napot_mask(uint64_t t2)
{
	unsigned z = t2 == UINT64_MAX ? 64 : (unsigned)__builtin_ctzll(~t2);
	return z + 1 >= MC_MASKMAX ? (1ull << MC_MASKMAX) - 1
				   : (1ull << (z + 1)) - 1;
}

/* Does the access of size bytes at lo match the address condition? Equal
 * and NAPOT match when any accessed byte does (what the spec recommends
 * for equal); >= and < compare the lowest address. */
static bool mc_addr_match(uint64_t t1, uint64_t t2, uint64_t lo, unsigned size)
{
	switch ((t1 >> MC_MATCH_SHIFT) & 15) {
	case MATCH_EQ: return t2 - lo < size;
	case MATCH_NAPOT: {
		uint64_t mask = napot_mask(t2), base = t2 & ~mask;
		return lo - base <= mask || base - lo < size;
	}
	case MATCH_GE: return lo >= t2;
	default: return lo < t2;
	}
}

/* The trigger matching an access of `want` (MC_EXECUTE, or a mask of
 * MC_LOAD / MC_STORE) of size bytes at addr, or NULL. */
static struct trigger *trig_match(struct hart *h, uint64_t want, uint64_t addr,
				  unsigned size)
{
	if (!trig_may_fire(h))
		return NULL;
	uint64_t mode = trig_mode_bit(h);
	for (int i = 0; i < TRIG_COUNT; i++) {
		struct trigger *t = &h->trig[i];
		unsigned need = mc_size_bytes(t->tdata1);
		if ((t->tdata1 & mode) && (t->tdata1 & want) &&
		    (need == 0 || need == size) &&
		    mc_addr_match(t->tdata1, t->tdata2, addr, size))
			return t;
	}
	return NULL;
}

uint32_t trig_exec_limit(struct hart *h, const struct block *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (trig_match(h, MC_EXECUTE, h->pc + b->insns[i].off,
			       b->insns[i].len))
			return i;
	return n;
}

bool trig_exec_fires(struct hart *h, uint64_t pc, unsigned len)
{
	struct trigger *t = trig_match(h, MC_EXECUTE, pc, len);
	if (t)
		t->tdata1 |= MC_HIT;
	return t != NULL;
}

bool trig_data_fires(struct hart *h, uint64_t va, unsigned size, unsigned kind)
{
	uint64_t want = ((kind & TRIG_LOAD) ? MC_LOAD : 0) |
			((kind & TRIG_STORE) ? MC_STORE : 0);
	struct trigger *t = trig_match(h, want, va, size);
	if (t)
		t->tdata1 |= MC_HIT;
	return t != NULL;
}

/* The addresses [*first, *last] whose page an access matching data
 * trigger t can start in; false when it matches none. Accesses that fit
 * in a page start on the page of a matching byte; others always take the
 * slow path. */
static bool trig_data_range(const struct trigger *t, uint64_t *first,
			    uint64_t *last)
{
	if (!(t->tdata1 & MC_MODES) || !(t->tdata1 & (MC_LOAD | MC_STORE)))
		return false;
	uint64_t t2 = t->tdata2;
	switch ((t->tdata1 >> MC_MATCH_SHIFT) & 15) {
	case MATCH_EQ: *first = *last = t2; return true;
	case MATCH_NAPOT: {
		uint64_t mask = napot_mask(t2);
		*first = t2 & ~mask;
		*last = *first + mask;
		return true;
	}
	case MATCH_GE:
		*first = t2;
		*last = UINT64_MAX;
		return true;
	default:
		*first = 0;
		*last = t2 - 1;
		return t2 != 0;
	}
}

bool trig_data_page(const struct hart *h, uint64_t va)
{
	uint64_t page = va & ~0xfffull, first, last;
	for (int i = 0; i < TRIG_COUNT; i++)
		if (trig_data_range(&h->trig[i], &first, &last) &&
		    page <= last && first <= page + 0xfff)
			return true;
	return false;
}

void trig_refresh(struct hart *h)
{
	h->trig_exec = h->trig_data = false;
	for (int i = 0; i < TRIG_COUNT; i++) {
		const struct trigger *t = &h->trig[i];
		uint64_t first, last;
		if ((t->tdata1 & MC_MODES) && (t->tdata1 & MC_EXECUTE))
			h->trig_exec = true;
		if (trig_data_range(t, &first, &last)) {
			h->trig_data = true;
			watch_drop_hart(h, first, last);
		}
	}
}

void trig_state_save(const struct hart *h, struct state_buf *b)
{
	for (int i = 0; i < TRIG_COUNT; i++) {
		state_put_u64(b, h->trig[i].tdata1);
		state_put_u64(b, h->trig[i].tdata2);
	}
	state_put_u64(b, h->tselect);
	state_put_u64(b, h->tcontrol);
}

void trig_state_read(struct hart *t, struct state_reader *r)
{
	for (int i = 0; i < TRIG_COUNT; i++) {
		t->trig[i].tdata1 = state_get_u64(r);
		t->trig[i].tdata2 = state_get_u64(r);
		if (mc_legalize(t->trig[i].tdata1) != t->trig[i].tdata1)
			r->bad = true;
	}
	t->tselect = state_get_u64(r);
	t->tcontrol = state_get_u64(r);
	if (t->tselect >= TRIG_COUNT ||
	    (t->tcontrol & ~(TCONTROL_MTE | TCONTROL_MPTE)))
		r->bad = true;
}

void trig_reset(struct hart *h)
{
	for (int i = 0; i < TRIG_COUNT; i++)
		h->trig[i] = (struct trigger){.tdata1 = MC_FIXED};
	h->tselect = h->tcontrol = 0;
	h->trig_exec = h->trig_data = false;
}
