/* What the debugger's files share inside history/ (see debug.h). */
#ifndef REWIND_HISTORY_DEBUG_IMPL_H
#define REWIND_HISTORY_DEBUG_IMPL_H

#include "debug.h"

/* The hart of thread, or the one of the last stop for -1. */
struct hart *debug_hart(struct debugger *d, int thread);
/* gdb_target_ops.mem_read: memory only, as thread's hart sees it. */
long debug_mem_read(void *ctx, int thread, uint64_t addr, uint8_t *buf,
		    size_t len);
/* gdb_target_ops.reg_read (debug.c). */
int debug_reg_read(void *ctx, int thread, int regno, uint64_t *val);
/* gdb_target_ops.reg_write, mem_write and refusal (debug_write.c). */
int debug_reg_write(void *ctx, int thread, int regno, uint64_t val);
long debug_mem_write(void *ctx, int thread, uint64_t addr, const uint8_t *buf,
		     size_t len);
const char *debug_write_refusal(void *ctx);
/* "M", "S" or "U". */
const char *debug_priv_name(enum priv p);
/* gdb_target_ops.monitor (debug_monitor.c). */
int debug_monitor(void *ctx, const char *cmd, char *out, size_t outlen);

#endif
