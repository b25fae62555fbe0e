/* Sdtrig debug triggers: the guest's own breakpoints and watchpoints
 * (tselect, tdata1..3, tinfo, tcontrol), mcontrol (type 2) triggers with
 * action 0, a breakpoint exception. Offered on machine version 2 only:
 * on version 1 every trigger CSR stays an illegal instruction. */
#ifndef REWIND_CORE_TRIGGER_H
#define REWIND_CORE_TRIGGER_H

#include "hart.h"

struct block;
struct state_buf;
struct state_reader;

/* What an access asks a data trigger about. */
enum { TRIG_LOAD = 1, TRIG_STORE = 2 };

/* Is num a trigger CSR this hart has (0x7a0..0x7a5 on version 2)? */
bool trig_csr_exists(const struct hart *h, unsigned num);
/* Read or write a trigger CSR that exists; writes keep the WARL rules. */
uint64_t trig_csr_read(const struct hart *h, unsigned num);
void trig_csr_write(struct hart *h, unsigned num, uint64_t val);

/* How many of the `n` instructions of block b (at h->pc) run before an
 * execute trigger fires; call only while h->trig_exec is set. */
uint32_t trig_exec_limit(struct hart *h, const struct block *b, uint32_t n);
/* Does an execute trigger fire for the instruction of len bytes at pc?
 * On true its hit bit is set: raise the breakpoint exception. */
bool trig_exec_fires(struct hart *h, uint64_t pc, unsigned len);
/* Does a load or store trigger (kind TRIG_LOAD / TRIG_STORE, or both for
 * an AMO) fire for an access of size bytes at va? Call only while
 * h->trig_data is set; on true its hit bit is set. */
bool trig_data_fires(struct hart *h, uint64_t va, unsigned size, unsigned kind);
/* True when virtual page va >> 12 may hold an address a load or store
 * trigger of h matches: it must never get a cached translation. */
bool trig_data_page(const struct hart *h, uint64_t va);

/* tcontrol: M-mode triggers fire only while mte is set, and a trap into
 * M clears it (keeping the old value in mpte, which mret puts back), so a
 * trigger cannot fire again inside the handler it sent the hart to. */
#define TCONTROL_MTE  (1ull << 3)
#define TCONTROL_MPTE (1ull << 7)
static inline void trig_trap_to_m(struct hart *h)
{
	h->tcontrol = (h->tcontrol & TCONTROL_MTE) << 4;
}
static inline void trig_mret(struct hart *h)
{
	h->tcontrol = (h->tcontrol & TCONTROL_MPTE) |
		      ((h->tcontrol & TCONTROL_MPTE) >> 4);
}

/* The power-on triggers: type 2, nothing armed. */
void trig_reset(struct hart *h);
/* Recompute trig_exec / trig_data and drop the cached translations of the
 * pages data triggers watch (after a CSR write or a state load). */
void trig_refresh(struct hart *h);

/* The triggers as a trailing optional part of the hart's state: saved on
 * version 2, read when present. Load reads into t and sets r->bad for a
 * value the CSR rules never produce. */
void trig_state_save(const struct hart *h, struct state_buf *b);
void trig_state_read(struct hart *t, struct state_reader *r);

#endif
