/* What the debugger's files share inside history/ (see debug.h). */
#ifndef REWIND_HISTORY_DEBUG_IMPL_H
#define REWIND_HISTORY_DEBUG_IMPL_H

#include "debug.h"

/* The hart of thread, or the one of the last stop for -1. */
struct hart *debug_hart(struct debugger *d, int thread);
/* gdb_target_ops.mem_read: memory only, as thread's hart sees it. */
long debug_mem_read(void *ctx, int thread, uint64_t addr, uint8_t *buf,
		    size_t len);
/* The physical address the debugger means by addr for thread's hart:
 * addr itself in physical mode, else its translation as the hart sees
 * it now (mmu_debug_translate). 0, or -1 when nothing is mapped there.
 * Memory reads and writes both go through it (debug_phys.c). */
int debug_translate(struct debugger *d, int thread, uint64_t addr,
		    uint64_t *pa);
/* gdb_target_ops.phys_mode. */
int debug_phys_mode(void *ctx, int phys);
/* Append formatted text to a monitor reply (bounded by outlen). */
void debug_say(char *out, size_t outlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* monitor phys [on|off] (debug_phys.c). */
int debug_monitor_phys(struct debugger *d, const char *arg, char *out,
		       size_t outlen);
/* monitor info version|registers|mtree and monitor pagetable VA
 * (debug_info.c): 0, -1 after saying what was wrong, or 1 when cmd is
 * none of them. */
int debug_monitor_info(struct debugger *d, const char *cmd, char *out,
		       size_t outlen);
/* gdb_target_ops.reg_read (debug.c). */
int debug_reg_read(void *ctx, int thread, int regno, uint64_t *val);
/* gdb_target_ops.reg_write, mem_write and refusal (debug_write.c). */
int debug_reg_write(void *ctx, int thread, int regno, uint64_t val);
long debug_mem_write(void *ctx, int thread, uint64_t addr, const uint8_t *buf,
		     size_t len);
const char *debug_write_refusal(void *ctx);
/* "M", "S" or "U". */
const char *debug_priv_name(enum priv p);
/* monitor last-write / writes (debug_query.c). */
int debug_monitor_query(struct debugger *d, const char *cmd, char *out,
			size_t outlen);
/* gdb_target_ops.monitor (debug_monitor.c). */
int debug_monitor(void *ctx, const char *cmd, char *out, size_t outlen);

#endif
