/* Physical memory protection: 16 entries, 4-byte granularity (G = 0). */
#include "bus.h"
#include "mmu.h"

#include <string.h>

#define PMP_R	     0x01
#define PMP_W	     0x02
#define PMP_X	     0x04
#define PMP_A	     0x18
#define PMP_L	     0x80
#define PMP_OFF	     0x00
#define PMP_TOR	     0x08
#define PMP_NA4	     0x10
#define PMP_NAPOT    0x18
#define PMPADDR_MASK ((1ull << 54) - 1)

/* The byte range [lo, hi) of entry i; false when the entry is off. */
static bool pmp_range(const struct hart *h, unsigned i, uint64_t *lo,
		      uint64_t *hi)
{
	uint8_t cfg = h->pmpcfg[i];
	uint64_t a = h->pmpaddr[i];
	switch (cfg & PMP_A) {
	case PMP_TOR:
		*lo = i ? h->pmpaddr[i - 1] << 2 : 0;
		*hi = a << 2;
		return true;
	case PMP_NA4:
		*lo = a << 2;
		*hi = *lo + 4;
		return true;
	case PMP_NAPOT: {
		unsigned t = (unsigned)__builtin_ctzll(~a);
		if (t >= 54) {
			*lo = 0;
			*hi = UINT64_MAX; /* the whole space */
			return true;
		}
		*lo = (a >> t << t) << 2;
		*hi = *lo + (8ull << t);
		return true;
	}
	default: return false;
	}
}

static bool pmp_perm(uint8_t cfg, enum access acc)
{
	static const uint8_t need[3] = {PMP_R, PMP_W, PMP_X};
	return (cfg & need[acc]) != 0;
}

/* The outcome for [pa, pa+len): 1 allowed, 0 denied. When `partial` is
 * given, reports whether an entry overlaps only part of the range. */
static bool pmp_decide(const struct hart *h, uint64_t pa, uint64_t len,
		       enum access acc, enum priv priv, bool *partial)
{
	uint64_t end = pa + len;
	if (partial)
		*partial = false;
	for (unsigned i = 0; i < PMP_COUNT; i++) {
		uint64_t lo, hi;
		if (!pmp_range(h, i, &lo, &hi) || hi <= pa || lo >= end ||
		    lo >= hi)
			continue;
		if (lo > pa || hi < end) {
			/* Matches some bytes but not all: the access fails. */
			if (partial)
				*partial = true;
			return false;
		}
		uint8_t cfg = h->pmpcfg[i];
		if (priv == PRIV_M && !(cfg & PMP_L))
			return true;
		return pmp_perm(cfg, acc);
	}
	/* No entry matches: M-mode succeeds; S and U fail because entries
	 * are implemented. */
	return priv == PRIV_M;
}

/* Whole-page outcomes are remembered: page-table walks and TLB fills ask
 * about the same few pages over and over, and a scan of 16 entries is
 * dear. A page is remembered only when one outcome holds for all of it,
 * and therefore for any access inside it. */
static struct pmp_memo *pmp_memo_slot(struct hart *h, uint64_t page_pa,
				      enum access acc, enum priv priv,
				      uint64_t *key)
{
	*key = page_pa | (uint64_t)acc << 1 | (uint64_t)priv << 3 | 1;
	unsigned k = (unsigned)((page_pa >> 12) ^ (page_pa >> 18) ^
				(uint64_t)acc ^ (uint64_t)priv << 2);
	return &h->pmp_memo[k & (PMP_MEMO - 1)];
}

/* The outcome for the page at page_pa, and whether it holds for all of
 * it. */
static bool pmp_page(struct hart *h, uint64_t page_pa, enum access acc,
		     enum priv priv, bool *ok)
{
	uint64_t key;
	struct pmp_memo *m = pmp_memo_slot(h, page_pa, acc, priv, &key);
	if (m->key == key) {
		*ok = m->ok;
		return true;
	}
	bool partial;
	*ok = pmp_decide(h, page_pa, PAGE_SIZE, acc, priv, &partial);
	if (partial)
		return false;
	m->key = key;
	m->ok = *ok;
	return true;
}

bool pmp_allows(struct hart *h, uint64_t pa, uint64_t len, enum access acc,
		enum priv priv)
{
	if (priv == PRIV_M && !h->pmp_active)
		return true;
	bool ok;
	if (len && ((pa ^ (pa + len - 1)) >> 12) == 0 &&
	    pmp_page(h, pa & ~(PAGE_SIZE - 1), acc, priv, &ok))
		return ok;
	return pmp_decide(h, pa, len, acc, priv, NULL);
}

bool pmp_page_uniform(struct hart *h, uint64_t page_pa, enum access acc,
		      enum priv priv, bool *ok)
{
	if (priv == PRIV_M && !h->pmp_active) {
		*ok = true;
		return true;
	}
	return pmp_page(h, page_pa, acc, priv, ok);
}

uint64_t pmp_read_cfg(const struct hart *h, unsigned reg)
{
	/* RV64 has only the even pmpcfg registers, 8 entries each. */
	uint64_t v = 0;
	for (unsigned k = 0; k < 8; k++)
		v |= (uint64_t)h->pmpcfg[reg * 4 + k] << (8 * k);
	return v;
}

void pmp_refresh(struct hart *h)
{
	/* M-mode must check once any entry is on: locked entries bind it,
	 * and an access matching an entry only in part fails in every
	 * mode. */
	h->pmp_active = false;
	for (unsigned i = 0; i < PMP_COUNT; i++)
		if (h->pmpcfg[i] & PMP_A)
			h->pmp_active = true;
	memset(h->pmp_memo, 0, sizeof(h->pmp_memo));
	hart_flush_tlb(h);
}

void pmp_write_cfg(struct hart *h, unsigned reg, uint64_t val)
{
	for (unsigned k = 0; k < 8; k++) {
		unsigned i = reg * 4 + k;
		if (i >= PMP_COUNT || (h->pmpcfg[i] & PMP_L))
			continue;
		uint8_t c = (uint8_t)(val >> (8 * k)) &
			    (PMP_R | PMP_W | PMP_X | PMP_A | PMP_L);
		if ((c & (PMP_R | PMP_W)) == PMP_W)
			c &= (uint8_t)~PMP_W; /* R=0 W=1 is reserved */
		h->pmpcfg[i] = c;
	}
	pmp_refresh(h);
}

uint64_t pmp_read_addr(const struct hart *h, unsigned i)
{
	return h->pmpaddr[i];
}

void pmp_write_addr(struct hart *h, unsigned i, uint64_t val)
{
	if (h->pmpcfg[i] & PMP_L)
		return;
	/* A locked TOR entry above also locks this address register. */
	if (i + 1 < PMP_COUNT && (h->pmpcfg[i + 1] & PMP_L) &&
	    (h->pmpcfg[i + 1] & PMP_A) == PMP_TOR)
		return;
	h->pmpaddr[i] = val & PMPADDR_MASK;
	pmp_refresh(h);
}
