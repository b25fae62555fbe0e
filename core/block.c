/* Block building and invalidation. */
#include "block.h"
#include "chain.h"
#include "decode.h"
#include "exec.h"
#include "isa.h"
#include "jit/jit.h"
#include "machine.h"
#include "state.h"
#include "waitloop.h"

#include <errno.h>
#include <stdlib.h>

/* Stores to a page that holds decoded code must take the slow path, which
 * invalidates the blocks; so no hart may keep a fast write mapping to it. */
static void block_unmap_writes(struct bus *b, const uint8_t *page_host)
{
	struct machine *m = b->m;
	if (!m)
		return;
	for (int i = 0; i < m->nharts; i++) {
		struct hart *h = m->harts[i];
		for (int s = 0; s < TLB_SETS; s++) {
			struct tlb_set *set = &h->tlb[s];
			struct tlb_entry *w = set->w;
			/* Only logged slots can be valid, unless it overflowed.
			 */
			bool all = set->nlog > TLB_LOG;
			uint32_t n = all ? TLB_SIZE : set->nlog;
			for (uint32_t j = 0; j < n; j++) {
				unsigned k = j;
				if (!all) {
					if (set->log[j] >> TLB_BITS != 1)
						continue;
					k = set->log[j] & (TLB_SIZE - 1);
				}
				if (w[k].tag == TLB_INVALID)
					continue;
				if (tlb_host_page(&w[k]) ==
				    (uintptr_t)page_host)
					w[k].tag = TLB_INVALID;
			}
		}
	}
}

int block_end(struct hart *h, const struct insn *in)
{
	return hart_goto(h, in, h->pc + in->off, in->idx);
}

/* Decode a block. It ends after BLOCK_MAX_INSNS, at the page's end, or
 * after an instruction that may change control flow, privilege,
 * translation or interrupt state; a conditional branch only ends it when
 * taken, since the fall-through path is the block's own. */
static struct block *block_build(const uint8_t *host, uint64_t pc_off,
				 unsigned tune)
{
	uint32_t max = (tune & TUNE_NO_BLOCKS) ? 1 : BLOCK_MAX_INSNS;
	struct insn tmp[BLOCK_MAX_INSNS + 1];
	uint32_t n = 0, off = 0;
	while (n < max && pc_off + off < PAGE_SIZE) {
		uint64_t room = PAGE_SIZE - (pc_off + off);
		uint16_t lo;
		memcpy(&lo, host + off, 2);
		struct insn *in = &tmp[n];
		const struct isa_insn *row;
		if ((lo & 3) != 3) {
			row = decode_compressed(in, lo);
		} else {
			if (room < 4)
				break; /* straddles the page: run uncached */
			uint32_t raw;
			memcpy(&raw, host + off, 4);
			row = decode_insn(in, raw);
		}
		in->off = (uint16_t)off;
		in->idx = (uint8_t)n;
		off += in->len;
		n++;
		/* A conditional branch not taken goes on in this block. */
		bool branch_in =
			row && row->fn_in && !(tune & TUNE_NO_BRANCH_IN);
		if (branch_in)
			in->fn = row->fn_in;
		/* A branch back may close a wait loop. */
		if (row && (row->fn_in || row == &isa_insns[ISA_ROW_jal]))
			waitloop_mark(in, host - pc_off,
				      (uint32_t)(pc_off + in->off));
		if (branch_in)
			continue;
		if (decode_ends_block(row))
			break;
	}
	if (n == 0)
		return NULL;
	memset(&tmp[n], 0, sizeof(tmp[n]));
	tmp[n].fn = block_end;
	tmp[n].off = (uint16_t)off;
	tmp[n].idx = (uint8_t)n;
	struct block *blk =
		malloc(sizeof(*blk) + (n + 1) * sizeof(struct insn));
	if (!blk)
		return NULL;
	blk->next = NULL;
	blk->n = n;
	blk->bytes = off;
	memcpy(blk->insns, tmp, (n + 1) * sizeof(struct insn));
	return blk;
}

/* What a restore marks a code page with: the page counts as code (the
 * guest can tell, see block.h) but has no blocks yet. Shared and never
 * written: the page gets a table of its own when a block is first built
 * on it, so a restore does not allocate and clear 16 KiB for each of the
 * hundreds of code pages of a booted kernel. */
static struct code_page code_page_restored;

/* A cleared table: a spare if there is one (clearing 16 KiB costs less
 * than allocating it afresh and faulting its pages in), else a new one. */
static struct code_page *code_page_new(struct bus *b)
{
	if (!b->nspare)
		return calloc(1, sizeof(struct code_page));
	struct code_page *cp = b->spare[--b->nspare];
	memset(cp, 0, sizeof(*cp));
	return cp;
}

static void code_page_free(struct bus *b, struct code_page *cp)
{
	if (cp == &code_page_restored)
		return;
	if (b && b->nspare < BUS_CODE_SPARES)
		b->spare[b->nspare++] = cp;
	else
		free(cp);
}

void block_free_spares(struct bus *b)
{
	while (b->nspare)
		free(b->spare[--b->nspare]);
}

/* Page p of r gets code page cp (NULL: none); code_map follows. */
static void code_page_set(struct mem_region *r, uint64_t p,
			  struct code_page *cp)
{
	r->code[p] = cp;
	if (cp)
		r->code_map[p / 64] |= 1ull << (p % 64);
	else
		r->code_map[p / 64] &= ~(1ull << (p % 64));
}

/* The next page at or after p that has code, or `pages` when none. */
static uint64_t code_page_next(const struct mem_region *r, uint64_t p,
			       uint64_t pages)
{
	if (p >= pages)
		return pages;
	uint64_t w = p / 64;
	uint64_t bits = r->code_map[w] & (~0ull << (p % 64));
	while (!bits) {
		if (++w >= (pages + 63) / 64)
			return pages;
		bits = r->code_map[w];
	}
	return w * 64 + (uint64_t)__builtin_ctzll(bits);
}

struct block *block_get(struct bus *b, struct mem_region *r,
			const uint8_t *host, uint64_t pc_off)
{
	uint64_t page = (uint64_t)(host - r->host) >> PAGE_SHIFT;
	struct code_page *cp = r->code[page];
	if (cp && cp != &code_page_restored) {
		struct block *blk = cp->at[pc_off >> 1];
		if (blk)
			return blk;
	} else {
		bool fresh = !cp;
		cp = code_page_new(b);
		if (!cp)
			return NULL;
		code_page_set(r, page, cp);
		if (fresh)
			block_unmap_writes(b, host - pc_off);
	}
	struct block *blk = block_build(host, pc_off, b->m ? b->m->tune : 0);
	if (!blk)
		return NULL;
	blk->host = host;
	blk->cp = cp;
	blk->pc_off = (uint32_t)pc_off;
	blk->link_off = UINT32_MAX;
	blk->link = NULL;
	blk->entry = jit_block_entry(b->m ? b->m->tune : 0, blk->insns[0].fn);
	blk->runs = 0;
	blk->next = cp->blocks;
	cp->blocks = blk;
	cp->at[pc_off >> 1] = blk;
	return blk;
}

void block_invalidate_page(struct bus *b, struct mem_region *r, uint64_t page)
{
	struct code_page *cp = r->code[page];
	if (!cp)
		return;
	struct block *blk = cp->blocks;
	while (blk) {
		struct block *next = blk->next;
		/* Chaining must not look into it any more. */
		blk->cp = NULL;
		blk->link_off = UINT32_MAX;
		blk->next = b->graveyard;
		b->graveyard = blk;
		blk = next;
	}
	code_page_free(b, cp);
	code_page_set(r, page, NULL);
	/* Jump caches may point at the dropped blocks. */
	for (int i = 0; b->m && i < b->m->nharts; i++)
		hart_flush_jcache(b->m->harts[i]);
}

void block_free_region(struct mem_region *r)
{
	uint64_t pages = r->code ? r->size >> PAGE_SHIFT : 0;
	for (uint64_t p = code_page_next(r, 0, pages); p < pages;
	     p = code_page_next(r, p + 1, pages)) {
		struct code_page *cp = r->code[p];
		for (struct block *blk = cp->blocks, *next; blk; blk = next) {
			next = blk->next;
			free(blk);
		}
		code_page_free(r->bus, cp);
		code_page_set(r, p, NULL);
	}
}

void block_reap(struct bus *b)
{
	for (struct block *blk = b->graveyard, *next; blk; blk = next) {
		next = blk->next;
		free(blk);
	}
	b->graveyard = NULL;
}

void block_state_save(const struct bus *b, struct state_buf *out)
{
	state_put_u32(out, (uint32_t)b->nregions);
	for (int i = 0; i < b->nregions; i++) {
		const struct mem_region *r = &b->region[i];
		uint64_t pages = r->size >> PAGE_SHIFT, n = 0;
		for (uint64_t w = 0; w < (pages + 63) / 64; w++)
			n += (uint64_t)__builtin_popcountll(r->code_map[w]);
		state_put_u64(out, r->base);
		state_put_u64(out, r->size);
		state_put_u64(out, n);
		for (uint64_t p = code_page_next(r, 0, pages); p < pages;
		     p = code_page_next(r, p + 1, pages))
			state_put_u64(out, p);
	}
}

/* One pass over the saved pages: checks them all, and creates their code
 * tables when `apply` is set. */
static int block_pages_read(void *obj, struct state_reader *r, bool apply)
{
	struct bus *b = obj;
	if (state_get_u32(r) != (uint32_t)b->nregions)
		return -EINVAL;
	for (int i = 0; i < b->nregions && !r->bad; i++) {
		struct mem_region *reg = &b->region[i];
		uint64_t pages = reg->size >> PAGE_SHIFT;
		if (state_get_u64(r) != reg->base ||
		    state_get_u64(r) != reg->size)
			return -EINVAL;
		uint64_t n = state_get_u64(r);
		if (n > pages || n > state_left(r) / 8)
			return -EINVAL;
		for (uint64_t k = 0, prev = 0; k < n; k++) {
			uint64_t p = state_get_u64(r);
			if (p >= pages || (k && p <= prev))
				return -EINVAL;
			prev = p;
			if (apply && !reg->code[p])
				code_page_set(reg, p, &code_page_restored);
		}
	}
	return r->bad ? -EINVAL : 0;
}

/* No write mapping may survive onto a page that now holds code. */
static void block_flush_tlbs(void *obj)
{
	struct bus *b = obj;
	if (b->m)
		machine_flush_tlbs(b->m);
}

int block_state_load(struct bus *b, struct state_reader *r)
{
	return state_load_checked(r, block_pages_read, block_flush_tlbs, b);
}
