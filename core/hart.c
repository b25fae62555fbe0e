/* Hart lifetime, fetch and the block execution loop. */
#include "block.h"
#include "chain.h"
#include "decode.h"
#include "jit/jit.h"
#include "machine.h"
#include "mmu.h"
#include "state.h"
#include "trigger.h"

#include <errno.h>
#include <stdlib.h>

struct hart *hart_new(struct machine *m, uint64_t hartid)
{
	/* Cache-line aligned; aligned_alloc wants a multiple of the line. */
	size_t size = (sizeof(struct hart) + 63) & ~(size_t)63;
	struct hart *h = aligned_alloc(64, size);
	if (!h)
		return NULL;
	/* Zeroed tags would match page 0, and the logs say nothing is
	 * filled: hart_reset's flush must clear every array in full, once. */
	memset(h, 0, sizeof(*h));
	for (int s = 0; s < TLB_SETS; s++)
		h->tlb[s].nlog = TLB_LOG + 1;
	for (int p = 0; p < 4; p++)
		h->jcache[p].nlog = JCACHE_LOG + 1;
	h->m = m;
	h->hartid = hartid;
	hart_reset(h);
	return h;
}

/* The architectural state: the part of struct hart before the caches. */
#define HART_STATE_BYTES offsetof(struct hart, tlb)
_Static_assert(HART_STATE_BYTES <= 4096, "keep the state before the caches");

void hart_reset(struct hart *h)
{
	struct machine *m = h->m;
	uint64_t hartid = h->hartid;
	/* The caches are emptied through their logs (hart_flush_tlb), which
	 * costs what they hold rather than their megabytes: a reboot, and so
	 * every snapshot restore, passes here. */
	memset(h, 0, HART_STATE_BYTES);
	h->m = m;
	h->hartid = hartid;
	h->tune = m ? m->tune : 0;
	h->priv = PRIV_M;
	/* RV64 with I M A F D C S U; UXL = SXL = 64 bits. */
	h->misa = (2ull << 62) | (1u << ('I' - 'A')) | (1u << ('M' - 'A')) |
		  (1u << ('A' - 'A')) | (1u << ('F' - 'A')) |
		  (1u << ('D' - 'A')) | (1u << ('C' - 'A')) |
		  (1u << ('S' - 'A')) | (1u << ('U' - 'A'));
	h->mstatus = (2ull << 32) | (2ull << 34);
	trig_reset(h);
	hart_flush_tlb(h);
}

void hart_free(struct hart *h)
{
	free(h);
}

/* The 64-bit fields of the architectural state, in their saved order.
 * A field added to struct hart that the future depends on belongs here
 * (or in hart_state_save below). */
#define HART_U64_FIELDS(X)                                                     \
	X(pc)                                                                  \
	X(icount)                                                              \
	X(resv_addr)                                                           \
	X(mstatus)                                                             \
	X(misa)                                                                \
	X(medeleg)                                                             \
	X(mideleg)                                                             \
	X(mie)                                                                 \
	X(mip)                                                                 \
	X(mtvec)                                                               \
	X(mscratch)                                                            \
	X(mepc)                                                                \
	X(mcause)                                                              \
	X(mtval)                                                               \
	X(mcounteren)                                                          \
	X(menvcfg)                                                             \
	X(mcountinhibit)                                                       \
	X(stvec)                                                               \
	X(sscratch)                                                            \
	X(sepc)                                                                \
	X(scause)                                                              \
	X(stval)                                                               \
	X(satp)                                                                \
	X(scounteren)                                                          \
	X(senvcfg)                                                             \
	X(stimecmp)                                                            \
	X(mcycle_off)                                                          \
	X(minstret_off)

void hart_state_save(const struct hart *h, struct state_buf *b)
{
	state_put_u64(b, h->hartid);
	for (int i = 1; i < 32; i++)
		state_put_u64(b, h->x[i]);
	for (int i = 0; i < 32; i++)
		state_put_u64(b, h->f[i]);
	state_put_u32(b, h->fflags);
	state_put_u32(b, h->frm);
	state_put_u32(b, (uint32_t)h->priv);
#define HART_PUT(f) state_put_u64(b, h->f);
	HART_U64_FIELDS(HART_PUT)
#undef HART_PUT
	state_put_bytes(b, h->pmpcfg, PMP_COUNT);
	for (int i = 0; i < PMP_COUNT; i++)
		state_put_u64(b, h->pmpaddr[i]);
	state_put_u32(b, h->trap_streak);
	state_put_u8(b, h->resv_valid);
	state_put_u8(b, h->wfi);
	state_put_u8(b, h->seip_line);
	state_put_u8(b, h->seip_sw);
	/* A trailing part, so that states saved before triggers existed
	 * still load; version 1 machines have none to save. */
	if (h->m->identity >= MACHINE_IDENTITY_V2)
		trig_state_save(h, b);
}

static void hart_state_read(struct hart *t, struct state_reader *r)
{
	if (state_get_u64(r) != t->hartid)
		r->bad = true; /* the state of another hart */
	for (int i = 1; i < 32; i++)
		t->x[i] = state_get_u64(r);
	for (int i = 0; i < 32; i++)
		t->f[i] = state_get_u64(r);
	t->fflags = state_get_u32(r);
	t->frm = state_get_u32(r);
	uint32_t priv = state_get_u32(r);
	/* Checked here: an enum must never hold a value it does not name. */
	if (priv != PRIV_U && priv != PRIV_S && priv != PRIV_M)
		r->bad = true;
	else
		t->priv = (enum priv)priv;
#define HART_GET(f) t->f = state_get_u64(r);
	HART_U64_FIELDS(HART_GET)
#undef HART_GET
	state_get_bytes(r, t->pmpcfg, PMP_COUNT);
	for (int i = 0; i < PMP_COUNT; i++)
		t->pmpaddr[i] = state_get_u64(r);
	t->trap_streak = state_get_u32(r);
	t->resv_valid = state_get_bool(r);
	t->wfi = state_get_bool(r);
	t->seip_line = state_get_bool(r);
	t->seip_sw = state_get_bool(r);
	if (state_left(r)) {
		if (t->m->identity < MACHINE_IDENTITY_V2)
			r->bad = true; /* no triggers to restore into */
		trig_state_read(t, r);
	} else {
		trig_reset(t); /* saved before triggers existed */
	}
}

#define HART_IRQ_BITS                                                          \
	(MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define HART_INHIBIT_BITS 5ull /* mcountinhibit: CY and IR only */

/* Refuse values the CSR write rules can never produce: the rest of the
 * core relies on their absence (MPP indexes the TLB sets, satp's mode
 * picks the page-table walk). */
static bool hart_state_valid(const struct hart *t)
{
	uint64_t satp;
	if (t->fflags > 31 || t->frm > 7 ||
	    ((t->mstatus & MSTATUS_MPP) >> 11) == 2 ||
	    !mmu_satp_legalize(t, t->satp, &satp) || satp != t->satp ||
	    ((t->mip | t->mie) & ~HART_IRQ_BITS) ||
	    (t->mcountinhibit & ~HART_INHIBIT_BITS))
		return false;
	for (int i = 0; i < PMP_COUNT; i++) {
		uint8_t c = t->pmpcfg[i];
		/* Bits 6:5 are reserved; R=0 W=1 is a reserved combination. */
		if ((c & 0x60) || (c & 3) == 2)
			return false;
	}
	return true;
}

int hart_state_load(struct hart *h, struct state_reader *r)
{
	/* hart_state_read writes only the architectural state (the bytes
	 * before the caches). Parse in place and put the old bytes back if
	 * the state is bad, so that a bad state changes nothing: keeping
	 * those few bytes costs far less than a copy of the whole hart with
	 * its megabytes of caches. */
	unsigned char keep[HART_STATE_BYTES];
	memcpy(keep, h, sizeof(keep));
	hart_state_read(h, r);
	if (r->bad || !hart_state_valid(h)) {
		memcpy(h, keep, sizeof(keep));
		return -EINVAL;
	}
	h->x[0] = 0;
	/* Recomputes pmp_active and drops every cached translation and
	 * jump-cache entry. */
	pmp_refresh(h);
	trig_refresh(h);
	hart_update_mode(h);
	return 0;
}

/* A host pointer as (region, offset); every cached one lies in memory. */
static void hart_put_host(const struct hart *h, struct state_buf *b,
			  uintptr_t host)
{
	uint64_t off = 0;
	int reg = bus_host_region(&h->m->bus, (const void *)host, &off);
	state_put_u8(b, (uint8_t)reg);
	state_put_u64(b, off);
}

static const struct tlb_entry *hart_tlb_entries(const struct tlb_set *s,
						unsigned acc)
{
	return acc == 0 ? s->r : acc == 1 ? s->w : s->x;
}

/* The slots of array acc of set s that hold a valid entry, as a bitmap in
 * ascending slot order. Only logged slots can be valid (hart_tlb_put logs
 * every one it fills) unless the log overflowed, so saving costs what the
 * hart has cached, not what the set could hold. Returns how many. */
static uint32_t hart_tlb_valid(const struct tlb_set *s, unsigned acc,
			       uint64_t bits[TLB_SIZE / 64])
{
	const struct tlb_entry *e = hart_tlb_entries(s, acc);
	uint32_t n = 0;
	memset(bits, 0, TLB_SIZE / 8);
	if (s->nlog > TLB_LOG) {
		for (unsigned k = 0; k < TLB_SIZE; k++)
			if (e[k].tag != TLB_INVALID)
				bits[k / 64] |= 1ull << (k % 64);
	} else {
		for (uint32_t i = 0; i < s->nlog; i++) {
			unsigned k = s->log[i] & (TLB_SIZE - 1);
			if (s->log[i] >> TLB_BITS == acc &&
			    e[k].tag != TLB_INVALID)
				bits[k / 64] |= 1ull << (k % 64);
		}
	}
	for (unsigned w = 0; w < TLB_SIZE / 64; w++)
		n += (uint32_t)__builtin_popcountll(bits[w]);
	return n;
}

static void hart_tlb_save(const struct hart *h, const struct tlb_set *s,
			  unsigned acc, struct state_buf *b)
{
	uint64_t bits[TLB_SIZE / 64];
	const struct tlb_entry *e = hart_tlb_entries(s, acc);
	if (s->nlog == 0) { /* the common case: a set never filled */
		state_put_u32(b, 0);
		return;
	}
	state_put_u32(b, hart_tlb_valid(s, acc, bits));
	for (unsigned w = 0; w < TLB_SIZE / 64; w++)
		for (uint64_t m = bits[w]; m; m &= m - 1) {
			unsigned k = w * 64 + (unsigned)__builtin_ctzll(m);
			state_put_u32(b, k);
			state_put_u64(b, e[k].tag >> 12); /* the page number */
			hart_put_host(h, b, tlb_host_page(&e[k]));
		}
}

static void hart_tlb_set_save(const struct hart *h, const struct tlb_set *s,
			      struct state_buf *b)
{
	for (unsigned acc = 0; acc < 3; acc++)
		hart_tlb_save(h, s, acc, b);
}

/* A jump cache's filled slots, found the same way through its log. */
static void hart_jcache_save(const struct hart *h, const struct jcache_set *j,
			     struct state_buf *b)
{
	uint64_t bits[JCACHE_SIZE / 64] = {0};
	const struct jcache_entry *e = j->e;
	if (j->nlog == 0) {
		state_put_u32(b, 0);
		return;
	}
	if (j->nlog > JCACHE_LOG) {
		for (unsigned k = 0; k < JCACHE_SIZE; k++)
			if (e[k].block)
				bits[k / 64] |= 1ull << (k % 64);
	} else {
		for (uint32_t i = 0; i < j->nlog; i++)
			if (e[j->log[i]].block)
				bits[j->log[i] / 64] |= 1ull
							<< (j->log[i] % 64);
	}
	uint32_t n = 0;
	for (unsigned w = 0; w < JCACHE_SIZE / 64; w++)
		n += (uint32_t)__builtin_popcountll(bits[w]);
	state_put_u32(b, n);
	for (unsigned w = 0; w < JCACHE_SIZE / 64; w++)
		for (uint64_t m = bits[w]; m; m &= m - 1) {
			unsigned k = w * 64 + (unsigned)__builtin_ctzll(m);
			state_put_u32(b, k);
			state_put_u64(b, e[k].pc & ~1ull); /* not parked */
			hart_put_host(h, b, (uintptr_t)e[k].block->host);
		}
}

/* The address spaces other than space 0, on machines that have them
 * (version 1 states end before this, as they always did). */
static void hart_spaces_save(const struct hart *h, struct state_buf *b)
{
	state_put_u32(b, h->space);
	state_put_u64(b, h->space_clock);
	for (int k = 0; k < TLB_SPACES; k++) {
		state_put_u64(b, h->space_satp[k]);
		state_put_u64(b, h->space_used[k]);
	}
	for (int s = TLB_SPACE_SETS(1); s < TLB_SETS; s++)
		hart_tlb_set_save(h, &h->tlb[s], b);
}

void hart_cache_save(const struct hart *h, struct state_buf *b)
{
	for (int s = 0; s < 4; s++)
		hart_tlb_set_save(h, &h->tlb[s], b);
	for (int p = 0; p < 4; p++)
		hart_jcache_save(h, &h->jcache[p], b);
	if (h->m->identity != MACHINE_IDENTITY_V1)
		hart_spaces_save(h, b);
}

/* A saved (region, offset): the region, or NULL when there is none. */
static struct mem_region *hart_get_host(struct hart *h, struct state_reader *r,
					uint64_t *off)
{
	struct bus *bus = &h->m->bus;
	uint8_t reg = state_get_u8(r);
	*off = state_get_u64(r);
	if (reg >= bus->nregions || *off >= bus->region[reg].size)
		return NULL;
	return &bus->region[reg];
}

/* The entries of one TLB array, in ascending slot order, each a page of
 * memory tagged for its own slot. A write mapping must allow writes and
 * must not cover code (stores there take the slow path to drop blocks),
 * and keeps the invariant that its page is marked dirty and written. */
static bool hart_tlb_read(struct hart *h, struct tlb_set *set, unsigned acc,
			  struct state_reader *r, bool apply)
{
	bool write = acc == 1;
	uint32_t n = state_get_u32(r);
	if (n > TLB_SIZE)
		return false;
	for (uint32_t i = 0, prev = 0; i < n; i++) {
		uint32_t k = state_get_u32(r);
		uint64_t tag = state_get_u64(r), off;
		struct mem_region *reg = hart_get_host(h, r, &off);
		if (r->bad || !reg || k >= TLB_SIZE || (i && k <= prev) ||
		    tlb_index(tag << 12) != k || tag > UINT64_MAX >> 12 ||
		    (off & (PAGE_SIZE - 1)))
			return false;
		if (write && (reg->readonly || reg->code[off >> PAGE_SHIFT]))
			return false;
		prev = k;
		if (!apply)
			continue;
		hart_tlb_put(set, acc, k, tag,
			     (uintptr_t)(reg->host + off) -
				     (uintptr_t)(tag << 12));
		if (write)
			bus_mark_dirty(reg, reg->base + off, PAGE_SIZE);
	}
	return true;
}

/* The entries of one privilege's jump cache; blocks are built anew from
 * RAM at the same physical place. */
static int hart_jcache_read(struct hart *h, struct jcache_set *j,
			    struct state_reader *r, bool apply)
{
	uint32_t n = state_get_u32(r);
	if (n > JCACHE_SIZE)
		return -EINVAL;
	for (uint32_t i = 0, prev = 0; i < n; i++) {
		uint32_t k = state_get_u32(r);
		uint64_t pc = state_get_u64(r), off;
		struct mem_region *reg = hart_get_host(h, r, &off);
		if (r->bad || !reg || k >= JCACHE_SIZE || (i && k <= prev) ||
		    jcache_index(pc) != k || (pc & 1) ||
		    (off & (PAGE_SIZE - 1)) != (pc & (PAGE_SIZE - 1)))
			return -EINVAL;
		/* A 4-byte instruction in a page's last two bytes is never
		 * in a block. */
		if ((off & (PAGE_SIZE - 1)) == PAGE_SIZE - 2 &&
		    (reg->host[off] & 3) == 3)
			return -EINVAL;
		prev = k;
		if (!apply)
			continue;
		struct block *blk = block_get(&h->m->bus, reg, reg->host + off,
					      pc & (PAGE_SIZE - 1));
		if (!blk)
			return -ENOMEM;
		hart_jcache_put(j, pc, blk);
	}
	return 0;
}

static bool hart_tlb_set_read(struct hart *h, struct tlb_set *set,
			      struct state_reader *r, bool apply)
{
	return hart_tlb_read(h, set, 0, r, apply) &&
	       hart_tlb_read(h, set, 1, r, apply) &&
	       hart_tlb_read(h, set, 2, r, apply);
}

/* What hart_spaces_save wrote. The current space must be satp's, and the
 * others free or named by distinct satp values the hart could hold. A
 * state without them (saved before there were spaces) leaves one: space
 * 0, satp's, as hart_flush_tlb left it. */
static int hart_spaces_read(struct hart *h, struct state_reader *r, bool apply)
{
	if (r->p == r->end)
		return 0;
	if (h->m->identity == MACHINE_IDENTITY_V1)
		return -EINVAL;
	uint32_t cur = state_get_u32(r);
	uint64_t clock = state_get_u64(r), key[TLB_SPACES], used[TLB_SPACES];
	for (int k = 0; k < TLB_SPACES; k++) {
		key[k] = state_get_u64(r);
		used[k] = state_get_u64(r);
	}
	if (r->bad || cur >= TLB_SPACES || key[cur] != h->satp)
		return -EINVAL;
	for (int k = 0; k < TLB_SPACES; k++) {
		uint64_t legal;
		if (used[k] > clock)
			return -EINVAL;
		if (key[k] == TLB_SPACE_NONE)
			continue;
		if (!mmu_satp_legalize(h, key[k], &legal) || legal != key[k])
			return -EINVAL;
		for (int o = 0; o < k; o++)
			if (key[o] == key[k])
				return -EINVAL;
	}
	for (int k = 1; k < TLB_SPACES; k++)
		if (!hart_tlb_set_read(h, &h->tlb[TLB_SPACE_SETS(k)], r,
				       apply) ||
		    !hart_tlb_set_read(h, &h->tlb[TLB_SPACE_SETS(k) + 1], r,
				       apply))
			return -EINVAL;
	if (apply) {
		memcpy(h->space_satp, key, sizeof(key));
		memcpy(h->space_used, used, sizeof(used));
		h->space_clock = clock;
		h->space = cur;
		hart_update_mode(h);
	}
	return 0;
}

static int hart_caches_read(void *obj, struct state_reader *r, bool apply)
{
	struct hart *h = obj;
	for (int s = 0; s < 4; s++)
		if (!hart_tlb_set_read(h, &h->tlb[s], r, apply))
			return -EINVAL;
	for (int p = 0; p < 4; p++) {
		int rc = hart_jcache_read(h, &h->jcache[p], r, apply);
		if (rc)
			return rc;
	}
	int rc = hart_spaces_read(h, r, apply);
	return rc ? rc : r->bad ? -EINVAL : 0;
}

static void hart_caches_clear(void *obj)
{
	hart_flush_tlb(obj);
}

int hart_cache_load(struct hart *h, struct state_reader *r)
{
	int rc = state_load_checked(r, hart_caches_read, hart_caches_clear, h);
	/* Saved caches never hold the pages a trigger watches; keep it so
	 * whatever the file says. */
	if (rc == 0)
		trig_refresh(h);
	return rc;
}

static struct tlb_entry *hart_tlb_array(struct tlb_set *s, unsigned acc)
{
	return (struct tlb_entry *)hart_tlb_entries(s, acc);
}

void hart_tlb_put(struct tlb_set *s, unsigned acc, unsigned k, uint64_t vpn,
		  uintptr_t addend)
{
	struct tlb_entry *e = &hart_tlb_array(s, acc)[k];
	/* A slot already valid is in the log (or the log overflowed). */
	if (e->tag == TLB_INVALID && s->nlog <= TLB_LOG) {
		if (s->nlog < TLB_LOG)
			s->log[s->nlog] = (uint16_t)(acc << TLB_BITS | k);
		s->nlog++;
	}
	e->tag = vpn << 12;
	e->addend = addend;
}

void hart_jcache_put(struct jcache_set *j, uint64_t pc, struct block *b)
{
	struct jcache_entry *e = &j->e[jcache_index(pc)];
	if (!e->block && j->nlog <= JCACHE_LOG) {
		if (j->nlog < JCACHE_LOG)
			j->log[j->nlog] = (uint16_t)jcache_index(pc);
		j->nlog++;
	}
	e->pc = pc;
	e->block = b;
	j->pages[(pc >> 18) & 63] |= 1ull << ((pc >> 12) & 63);
}

static void hart_tlb_set_flush(struct tlb_set *s, unsigned tune)
{
	if (s->nlog > TLB_LOG || (tune & TUNE_NO_FLUSH_LOG)) {
		/* All-ones tags never match: page numbers have at most 52
		 * bits. */
		memset(s->r, 0xff, sizeof(s->r));
		memset(s->w, 0xff, sizeof(s->w));
		memset(s->x, 0xff, sizeof(s->x));
	} else {
		for (uint32_t i = 0; i < s->nlog; i++)
			hart_tlb_array(
				s, s->log[i] >>
					   TLB_BITS)[s->log[i] & (TLB_SIZE - 1)]
				.tag = TLB_INVALID;
	}
	s->nlog = 0;
	s->super_lo = UINT64_MAX;
	s->super_hi = 0;
}

static void hart_jcache_set_flush(struct jcache_set *j, unsigned tune)
{
	if (j->nlog > JCACHE_LOG || (tune & TUNE_NO_FLUSH_LOG))
		memset(j->e, 0, sizeof(j->e));
	else
		for (uint32_t i = 0; i < j->nlog; i++)
			j->e[j->log[i]].block = NULL;
	j->nlog = 0;
	memset(j->pages, 0, sizeof(j->pages));
}

void hart_flush_jcache(struct hart *h)
{
	for (int p = 0; p < 4; p++)
		hart_jcache_set_flush(&h->jcache[p], h->tune);
}

/* The set of privilege p in address space k (M-mode's is shared). */
static struct tlb_set *hart_space_set(struct hart *h, unsigned k, int p)
{
	if (k == 0 || p == PRIV_M)
		return &h->tlb[p];
	return &h->tlb[TLB_SPACE_SETS(k) + (p == PRIV_S)];
}

static void hart_space_flush(struct hart *h, unsigned k)
{
	hart_tlb_set_flush(hart_space_set(h, k, PRIV_U), h->tune);
	hart_tlb_set_flush(hart_space_set(h, k, PRIV_S), h->tune);
}

void hart_flush_tlb(struct hart *h)
{
	hart_flush_jcache(h);
	for (int s = 0; s < TLB_SETS; s++)
		hart_tlb_set_flush(&h->tlb[s], h->tune);
	/* One address space is left: satp's, in space 0. */
	for (int k = 0; k < TLB_SPACES; k++) {
		h->space_satp[k] = TLB_SPACE_NONE;
		h->space_used[k] = 0;
	}
	h->space_satp[0] = h->satp;
	h->space_clock = 0;
	h->space = 0;
	hart_update_mode(h);
}

void hart_flush_tlb_paged(struct hart *h)
{
	hart_jcache_set_flush(&h->jcache[PRIV_U], h->tune);
	hart_jcache_set_flush(&h->jcache[PRIV_S], h->tune);
	for (unsigned k = 0; k < TLB_SPACES; k++)
		hart_space_flush(h, k);
}

void hart_flush_tlb_asid(struct hart *h, uint64_t asid)
{
	/* A version 1 hart has no ASIDs: every fence is a full one. */
	if (h->m->identity == MACHINE_IDENTITY_V1) {
		hart_flush_tlb_paged(h);
		return;
	}
	for (unsigned k = 0; k < TLB_SPACES; k++) {
		uint64_t key = h->space_satp[k];
		if (key == TLB_SPACE_NONE ||
		    ((key & SATP_ASID_MASK) >> SATP_ASID_SHIFT) !=
			    (asid & 0xffff))
			continue;
		hart_space_flush(h, k);
		if (k == h->space) {
			hart_jcache_set_flush(&h->jcache[PRIV_U], h->tune);
			hart_jcache_set_flush(&h->jcache[PRIV_S], h->tune);
		}
	}
}

void hart_satp_set(struct hart *h, uint64_t satp)
{
	h->satp = satp;
	/* The jump cache finds blocks by virtual pc: it holds the old
	 * space's. */
	hart_jcache_set_flush(&h->jcache[PRIV_U], h->tune);
	hart_jcache_set_flush(&h->jcache[PRIV_S], h->tune);
	if (h->m->identity == MACHINE_IDENTITY_V1) {
		hart_space_flush(h, 0);
		h->space_satp[0] = satp;
		return;
	}
	unsigned k = 0;
	while (k < TLB_SPACES && h->space_satp[k] != satp)
		k++;
	bool fresh = k == TLB_SPACES;
	if (fresh) {
		/* A new address space takes a free slot, or else the one
		 * current longest ago. */
		k = h->space == 0 ? 1 : 0;
		for (unsigned o = 0; o < TLB_SPACES; o++)
			if (o != h->space &&
			    (h->space_satp[o] == TLB_SPACE_NONE ||
			     (h->space_satp[k] != TLB_SPACE_NONE &&
			      h->space_used[o] < h->space_used[k])))
				k = o;
		h->space_satp[k] = satp;
	}
	/* A new space starts empty. So does one of ASID 0 on every switch:
	 * software that never uses ASIDs runs with 0 and may reuse a root
	 * without a fence, as on a hart without ASIDs. */
	if (fresh || !(satp & SATP_ASID_MASK))
		hart_space_flush(h, k);
	h->space = k;
	h->space_used[k] = ++h->space_clock;
	hart_update_mode(h);
}

/* Drop the entries of va's page from one set; true when the whole set had
 * to go (va lies in a superpage it caches). */
static bool hart_tlb_set_flush_page(struct tlb_set *s, uint64_t va,
				    unsigned tune)
{
	/* A superpage's entries are cached 4 KiB at a time, and a fence on
	 * any address inside it covers them all. */
	if (va >= s->super_lo && va <= s->super_hi) {
		hart_tlb_set_flush(s, tune);
		return true;
	}
	unsigned k = tlb_index(va);
	for (unsigned acc = 0; acc < 3; acc++)
		if ((hart_tlb_array(s, acc)[k].tag & ~TLB_PARKED) ==
		    (va & ~0xfffull))
			hart_tlb_array(s, acc)[k].tag = TLB_INVALID;
	return false;
}

void hart_flush_tlb_page(struct hart *h, uint64_t va)
{
	uint64_t vpn = va >> 12;
	for (int p = PRIV_U; p <= PRIV_S; p++) {
		struct jcache_set *j = &h->jcache[p];
		bool whole = false;
		for (unsigned k = 0; k < TLB_SPACES; k++)
			whole |= hart_tlb_set_flush_page(
				hart_space_set(h, k, p), va, h->tune);
		if (whole) {
			hart_jcache_set_flush(j, h->tune);
			continue;
		}
		/* Blocks never span pages: only jump-cache entries whose pc is
		 * on this page can lead into it, and those lie in the page's
		 * PAGE_SIZE / 2 consecutive slots (or the logged ones). */
		if (!(j->pages[(vpn >> 6) & 63] & (1ull << (vpn & 63))))
			continue;
		bool all = j->nlog > JCACHE_LOG;
		uint32_t n = all ? 2048 : j->nlog;
		for (uint32_t i = 0; i < n; i++) {
			unsigned k = all ? jcache_index(va & ~0xfffull) + i
					 : j->log[i];
			struct jcache_entry *e = &j->e[k & (JCACHE_SIZE - 1)];
			if (e->block && (e->pc >> 12) == vpn)
				e->block = NULL;
		}
	}
}

void hart_update_mode(struct hart *h)
{
	enum priv data = h->priv;
	if (h->priv == PRIV_M && (h->mstatus & MSTATUS_MPRV))
		data = (enum priv)((h->mstatus & MSTATUS_MPP) >> 11);
	h->dtlb = hart_space_set(h, h->space, data);
	h->itlb = hart_space_set(h, h->space, h->priv);
}

/* Execute one instruction fetched through the MMU, bypassing the block
 * cache: a 4-byte instruction whose halves lie on two pages (the pages may
 * map and change apart), or code on a page too finely protected to cache.
 * Returns the number retired (0 or 1). */
static uint64_t hart_step_uncached(struct hart *h)
{
	struct insn in[2];
	uint64_t lo, hi = 0;
	memset(in, 0, sizeof(in));
	in[0].len = 2;
	if (mmu_fetch_slow(h, &in[0], h->pc, &lo))
		return 0;
	if ((lo & 3) != 3) {
		decode_compressed(&in[0], (uint16_t)lo);
	} else {
		in[0].len = 4;
		if (mmu_fetch_slow(h, &in[0], h->pc + 2, &hi))
			return 0;
		decode_insn(&in[0], (uint32_t)lo | (uint32_t)hi << 16);
	}
	/* A block of one, in no page's table: it must not chain. */
	in[1].fn = block_end;
	in[1].off = in[0].len;
	in[1].idx = 1;
	h->chain_left = 0;
	if (h->trig_exec && trig_exec_fires(h, h->pc, in[0].len)) {
		hart_trap(h, &in[0], EXC_BREAKPOINT, h->pc);
		return 0;
	}
	return exec_retired(in[0].fn(h, in));
}

/* Run the first n (at least one) instructions of block b: a budget or a
 * breakpoint cuts it short. A copy ends early with its own terminator. */
static int hart_run_partial(struct hart *h, const struct block *b, uint32_t n)
{
	struct insn tmp[BLOCK_MAX_INSNS + 1];
	h->chain_left = 0; /* a copy belongs to no block */
	memcpy(tmp, b->insns, n * sizeof(tmp[0]));
	tmp[n] = b->insns[b->n];
	tmp[n].off = b->insns[n].off;
	tmp[n].idx = (uint8_t)n;
	return tmp[0].fn(h, tmp);
}

static bool hart_at_breakpoint(const struct hart *h)
{
	for (int k = 0; k < h->m->nbreakpoints; k++)
		if (h->m->breakpoints[k] == h->pc)
			return true;
	return false;
}

/* Find the block at h->pc. Returns 0 with *out set (NULL: execute one
 * instruction uncached), or EXEC_TRAP after a fetch fault was raised. */
static int hart_fetch_block(struct hart *h, struct block **out)
{
	uint64_t pc = h->pc;
	struct jcache_entry *j = &h->jcache[h->priv].e[jcache_index(pc)];
	if (__builtin_expect(j->pc == pc && j->block != NULL, 1)) {
		*out = j->block;
		return 0;
	}
	/* Parked at a checkpoint (core/dirty.c): back in use, as it was. */
	if (__builtin_expect(j->pc == (pc | 1) && j->block != NULL, 0)) {
		j->pc = pc;
		machine_touch(h->m, &h->m->touched_x, pc);
		*out = j->block;
		return 0;
	}
	struct tlb_entry *e = &h->itlb->x[tlb_index(pc)];
	*out = NULL;
	if (__builtin_expect(e->tag == ((pc & ~0xfffull) | TLB_PARKED), 0)) {
		e->tag &= ~TLB_PARKED;
		machine_touch(h->m, &h->m->touched_x, pc);
	}
	if (__builtin_expect(e->tag != (pc & ~0xfffull), 0)) {
		if (mmu_fetch_map(h, pc))
			return EXEC_TRAP;
		if (e->tag != (pc & ~0xfffull))
			return 0; /* not cacheable */
	}
	const uint8_t *host = (const uint8_t *)(e->addend + (uintptr_t)pc);
	if (__builtin_expect((pc & 0xfff) == 0xffe, 0) && (host[0] & 3) == 3)
		return 0; /* straddles two pages */
	struct bus *b = &h->m->bus;
	struct mem_region *r = h->m->ram;
	if ((uintptr_t)(host - r->host) >= r->size) {
		r = NULL;
		for (int i = 0; i < b->nregions; i++)
			if ((uintptr_t)(host - b->region[i].host) <
			    b->region[i].size)
				r = &b->region[i];
		if (!r)
			return 0;
	}
	*out = block_get(b, r, host, pc & (PAGE_SIZE - 1));
	if (*out && !(h->tune & TUNE_NO_JCACHE))
		hart_jcache_put(&h->jcache[h->priv], pc, *out);
	return 0;
}

uint64_t hart_run(struct hart *h, uint64_t budget)
{
	struct bus *bus = &h->m->bus;
	/* Breakpoints, watchpoints and execute triggers change only between
	 * runs (arming a trigger ends the run); each keeps blocks from
	 * running whole or chaining. */
	const int nbreakpoints =
		h->m->nbreakpoints + h->m->nwatch + h->trig_exec;
	/* A watched store or atomic leaves its block right after itself
	 * (mmu.c, exec_amo.c); a watched load cannot, so while reads are
	 * watched harts go one instruction at a time. */
	const bool watch_step = h->m->nwatch && machine_watch_reads(h->m);
	uint64_t done = 0;
	h->stop = STOP_NONE; /* the reason of an earlier run is spent */
	while (done < budget) {
		if (__builtin_expect((h->mip & h->mie) != 0, 0)) {
			h->wfi = false;
			hart_take_interrupt(h);
		}
		if (h->wfi) {
			h->stop = STOP_WFI;
			break;
		}
		struct block *b;
		if (hart_fetch_block(h, &b))
			continue; /* fetch fault: now at the trap handler */
		if (!b) {
			if (nbreakpoints && !h->bp_skip &&
			    hart_at_breakpoint(h)) {
				h->stop = STOP_BREAKPOINT;
				break;
			}
			uint64_t n = hart_step_uncached(h);
			if (n)
				h->bp_skip = false;
			h->icount += n;
			done += n;
			if (h->stop)
				break;
			continue;
		}
		int r;
		uint64_t icount0 = h->icount;
		if (__builtin_expect(b->n <= budget - done && !nbreakpoints,
				     1)) {
			uint64_t left = budget - done;
			h->chain_left = left < CHAIN_MAX ? left : CHAIN_MAX;
			if (h->tune & TUNE_NO_CHAIN)
				h->chain_left = 0;
			r = b->entry(h, b->insns);
		} else {
			/* Cut short by the budget or a stop: no chaining on
			 * past it, whatever an earlier block left. */
			h->chain_left = 0;
			uint32_t n = b->n;
			if (n > budget - done)
				n = (uint32_t)(budget - done);
			/* A watched access stops the hart right after its
			 * instruction: go one instruction at a time. */
			if (watch_step)
				n = 1;
			if (h->m->nbreakpoints)
				n = machine_breakpoint_limit(h->m, h, b, n);
			if (n == 0) {
				h->stop = STOP_BREAKPOINT;
				break;
			}
			/* The guest's own execute triggers: stop the block
			 * before one fires, and fire it when it is first. */
			if (h->trig_exec)
				n = trig_exec_limit(h, b, n);
			if (n == 0 &&
			    trig_exec_fires(h, h->pc, b->insns[0].len))
				r = hart_trap(h, &b->insns[0], EXC_BREAKPOINT,
					      h->pc);
			else
				r = n == b->n ? b->insns[0].fn(h, b->insns)
					      : hart_run_partial(h, b, n);
		}
		/* Chained blocks have added their own to icount; the counts
		 * after a retirement are the last block's business, as they
		 * would be had it been entered from here. */
		uint64_t last = exec_retired(r);
		h->icount += last;
		done += h->icount - icount0;
		h->live_idx = 0;
		if (last) {
			h->trap_streak = 0;
			h->bp_skip = false;
		}
		if (__builtin_expect(h->stop != STOP_NONE, 0))
			break;
	}
	/* Blocks dropped by stores into code; none runs any more. */
	if (__builtin_expect(bus->graveyard != NULL, 0))
		block_reap(bus);
	jit_safe_point(bus);
	return done;
}
