/* Control and status registers. */
#ifndef REWIND_CORE_CSR_H
#define REWIND_CORE_CSR_H

#include "hart.h"

/* Read or write CSR `num` with the hart's current privilege and the
 * instruction `in` executing (for exact counter values). Both return 0, or
 * -1 when the access is illegal; a failed access changes nothing. `write`
 * does the privilege and read-only checks itself. */
int csr_read(struct hart *h, unsigned num, uint64_t *val);
int csr_write(struct hart *h, unsigned num, uint64_t val);

/* The value a read-modify-write (csrrs/csrrc) of CSR num modifies, given
 * what a plain read returned. For mip, SEIP there is the software-written
 * bit alone: the PLIC's line must not be written back as software's. */
uint64_t csr_rmw_base(const struct hart *h, unsigned num, uint64_t read);

/* May the current privilege access CSR num at all (and write it, when
 * writing is set)? */
bool csr_accessible(const struct hart *h, unsigned num, bool writing);

/* The instructions retired so far, exact also in the middle of a block. */
static inline uint64_t hart_instret_now(const struct hart *h)
{
	return h->icount + h->live_idx;
}

#endif
