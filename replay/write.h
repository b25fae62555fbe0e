/* A debugger's writes in a live session: registers and guest-physical
 * memory changed between two instructions. They are inputs like any other
 * host value: applied and logged through the gate at the machine's icount
 * (write_record), and applied again at that icount on replay
 * (write_apply), before the instruction there runs. */
#ifndef REWIND_REPLAY_WRITE_H
#define REWIND_REPLAY_WRITE_H

#include "gate.h"

/* EV_REG_WRITE's register numbers: the recording's own, whatever
 * numbering a debugger uses. */
#define WRITE_REG_PC	 32u		 /* 1..31: x1..x31 */
#define WRITE_REG_F(n)	 (64u + (n))	 /* f0..f31 */
#define WRITE_REG_CSR(n) (0x1000u + (n)) /* CSR n, written as in M-mode */

/* Apply a register or memory write event to m. 0, or -1 with why filled
 * (no such hart or register, a CSR that refuses the value, memory that is
 * not writable RAM); nothing changed then. */
int write_apply(struct machine *m, const struct event *e, char *why,
		size_t len);

/* Live: apply e at the machine's icount (its stamp is set here) and log
 * it when recording. 0, or -1 with why filled, nothing applied. */
int write_record(struct gate *g, struct event *e, char *why, size_t len);

#endif
