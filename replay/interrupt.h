/* SIGINT and SIGTERM stop a run at the next safe point instead of killing
 * the process: the handler only notes the signal, and the run loops look
 * between two slices, so a recording is closed with its end record. */
#ifndef REWIND_REPLAY_INTERRUPT_H
#define REWIND_REPLAY_INTERRUPT_H

/* Catch SIGINT and SIGTERM from now on. */
void interrupt_catch(void);
/* Back to the default handling (the pending signal, if any, stays noted). */
void interrupt_release(void);
/* The first signal caught, or 0. */
int interrupt_pending(void);
/* "SIGINT", "SIGTERM", or "signal N". */
const char *interrupt_name(int sig);
/* The process exit status after signal sig: 128 + sig (130, 143). */
int interrupt_status(int sig);

#endif
