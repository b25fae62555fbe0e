/* Searches that skip: every checkpoint remembers the virtual 64-byte
 * lines the harts stored to and the pages they ran code from since the
 * checkpoint before (snapshots/timeline.h), so a run between two
 * checkpoints that stored to no write-watched line and ran no
 * breakpoint's page cannot hit, and a search need not replay it. Lines,
 * not pages: a variable written once in a while often shares its page
 * with others written all the time. Watchpoints and breakpoints compare virtual
 * addresses, and the pages are the virtual pages the harts used, so no
 * translation (satp, page tables, MPRV, privilege) enters the question.
 * Read and access watchpoints cannot be judged (loads are not noted):
 * with one set, nothing is skipped. REWIND_TUNE=no-skip turns it off. */
#ifndef REWIND_HISTORY_SKIP_H
#define REWIND_HISTORY_SKIP_H

#include "history.h"

/* False only when the run from icount lo to hi certainly does not stop
 * at the breakpoints and watchpoints set on the machine now. */
bool history_may_hit(const struct history *h, uint64_t lo, uint64_t hi);
/* Going forward with breakpoints or watchpoints set: jump to the last of
 * the checkpoints ahead that can be reached without passing a possible
 * hit (nothing when the next interval may hit). 0, or -1 with the reason
 * in h->err. */
int history_skip_ahead(struct history *h);
/* Where a forward run with breakpoints or watchpoints set should pause to
 * skip again: the next checkpoint ahead, or UINT64_MAX when there is none
 * or nothing can be skipped. */
uint64_t history_skip_pause(const struct history *h);

#endif
