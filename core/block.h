/* Decoded blocks: straight-line runs of pre-decoded instructions within one
 * physical page, cached by physical address. */
#ifndef REWIND_CORE_BLOCK_H
#define REWIND_CORE_BLOCK_H

#include "bus.h"
#include "hart.h"

#define BLOCK_MAX_INSNS 64

struct block {
	struct block *next;   /* on its page's list, or in the graveyard */
	const uint8_t *host;  /* its first instruction in host memory */
	struct code_page *cp; /* its page's table; NULL once dropped */
	uint32_t n;	      /* instructions in insns[] */
	uint32_t bytes;	      /* guest bytes covered: pc after the block */
	uint32_t pc_off;      /* its first instruction's offset in the page */
	/* The block on the same page last chained to, at page offset
	 * link_off (UINT32_MAX: none); both go when the page's blocks do. */
	uint32_t link_off;
	struct block *link;
	/* How the whole block is entered (hart_run, chaining): its first
	 * handler, or the translation tier's counter or code (core/jit/).
	 * A block cut short always starts with insns[0].fn. */
	insn_fn entry;
	uint32_t runs; /* entries counted towards translation */
	/* n instructions, then the terminator (block_end, off = bytes,
	 * idx = n) */
	struct insn insns[];
};

/* The terminator's handler: the block ran to its end, so h->pc moves past
 * it (in->off bytes) and in->idx instructions retired. */
int block_end(struct hart *h, const struct insn *in);

struct code_page {
	struct block *at[PAGE_SIZE / 2]; /* by (pc & 0xfff) / 2 */
	struct block *blocks;		 /* every block built on this page */
};

/* The block starting at host address `host` (guest pc's page offset
 * `pc_off`) in region r; built on first use. NULL only when out of memory. */
struct block *block_get(struct bus *b, struct mem_region *r,
			const uint8_t *host, uint64_t pc_off);

/* Drop every block on page `page` of r: a store changed its code. The blocks
 * go to the graveyard because one of them may be executing right now. */
void block_invalidate_page(struct bus *b, struct mem_region *r, uint64_t page);
void block_free_region(struct mem_region *r);
/* Free the graveyard; call only between blocks. */
void block_reap(struct bus *b);
/* Free the spare code-page tables (when the bus goes). */
void block_free_spares(struct bus *b);

struct state_buf;
struct state_reader;
/* Which pages hold decoded code, for snapshots: the guest can tell, since
 * stores to those pages never get a fast mapping and so walk the page
 * tables (setting A/D bits) every time. Also checks that the memory map
 * is the saved one. Load expects no code at all (after block_free_region
 * on every region), flushes every hart's TLB, and marks the pages as code
 * (their tables come with their first block): 0, or -EINVAL changing
 * nothing. */
void block_state_save(const struct bus *b, struct state_buf *out);
int block_state_load(struct bus *b, struct state_reader *r);

#endif
