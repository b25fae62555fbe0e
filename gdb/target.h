/* What the stub asks of the machine it debugs: an ops table, as a
 * mini-gdbstub target implements, extended with reverse execution,
 * watchpoints, stop reasons and harts as threads.
 *
 * Threads are harts: the stub speaks gdb thread ids (hart + 1) on the
 * wire and passes 0-based hart indices here. Register numbers are gdb's
 * RISC-V numbering, the one gdb/target_xml.c describes: x0-x31 = 0-31,
 * pc = 32, f0-f31 = 33-64, CSR n = 65 + n (fflags 66, frm 67, fcsr 68),
 * the privilege mode = 4161. */
#ifndef REWIND_GDB_TARGET_H
#define REWIND_GDB_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GDB_REG_PC	 32
#define GDB_REG_F0	 33
#define GDB_REG_CSR_BASE 65
#define GDB_REG_PRIV	 4161

/* Z/z packet types. */
enum gdb_bp_type {
	GDB_BP_SW = 0,
	GDB_BP_HW = 1,
	GDB_WATCH_WRITE = 2,
	GDB_WATCH_READ = 3,
	GDB_WATCH_ACCESS = 4,
};

enum gdb_resume_kind {
	GDB_CONTINUE,
	GDB_STEP,
	GDB_REVERSE_CONTINUE,
	GDB_REVERSE_STEP,
};

enum gdb_stop_kind {
	GDB_STOP_STEP,		/* a step finished: T05 */
	GDB_STOP_INTERRUPT,	/* Ctrl-C honoured: T02 */
	GDB_STOP_SWBREAK,	/* T05 swbreak: */
	GDB_STOP_HWBREAK,	/* T05 hwbreak: */
	GDB_STOP_WATCH,		/* T05 watch:ADDR */
	GDB_STOP_RWATCH,	/* T05 rwatch:ADDR */
	GDB_STOP_AWATCH,	/* T05 awatch:ADDR */
	GDB_STOP_HISTORY_BEGIN, /* T05 replaylog:begin */
	GDB_STOP_HISTORY_END,	/* T05 replaylog:end */
	GDB_STOP_EXITED,	/* W code */
};

struct gdb_stop {
	enum gdb_stop_kind kind;
	int thread;    /* hart that stopped (0-based) */
	uint64_t addr; /* the data address for watchpoint stops */
	int exit_code; /* GDB_STOP_EXITED */
	/* Text for the user, shown on gdb's console (an O packet) before the
	 * stop is reported, or NULL; the target keeps it until it resumes. */
	const char *note;
};

struct gdb_target_ops {
	/* How many harts (threads) there are. */
	int (*nthreads)(void *ctx);
	/* Read or write one register of hart `thread`: 0, or -ENOENT for a
	 * register number the target does not have. */
	int (*reg_read)(void *ctx, int thread, int regno, uint64_t *val);
	int (*reg_write)(void *ctx, int thread, int regno, uint64_t val);
	/* Memory at virtual addresses, translated as hart `thread` sees it
	 * now (or at physical ones, see phys_mode). Returns how many bytes were
	 * done from the start (fewer than len when a page is not mapped), or a
	 * negative errno. */
	long (*mem_read)(void *ctx, int thread, uint64_t addr, uint8_t *buf,
			 size_t len);
	long (*mem_write)(void *ctx, int thread, uint64_t addr,
			  const uint8_t *buf, size_t len);
	/* Why the last reg_write or mem_write answered -EPERM (optional):
	 * a text sent to gdb as an E.text reply, or NULL. */
	const char *(*refusal)(void *ctx);
	/* Breakpoints and watchpoints: 0, -ENOSPC when full, -EINVAL for a
	 * length the target does not take, -ENOENT removing one not set. */
	int (*bp_insert)(void *ctx, enum gdb_bp_type type, uint64_t addr,
			 uint64_t len);
	int (*bp_remove)(void *ctx, enum gdb_bp_type type, uint64_t addr,
			 uint64_t len);
	/* Start executing. `thread` is the hart a step is for (-1: the
	 * current one). 0, or a negative errno (-ENOTSUP: no history to run
	 * backwards in); the stub then polls. */
	int (*resume)(void *ctx, enum gdb_resume_kind kind, int thread);
	/* Run for a short while (at most ~10 ms of host time): true with
	 * *stop filled once the target has stopped. */
	bool (*poll)(void *ctx, struct gdb_stop *stop);
	/* Ctrl-C: the next poll stops with GDB_STOP_INTERRUPT. */
	void (*interrupt)(void *ctx);
	/* Why the target is stopped now, for `?`. */
	void (*stop_reason)(void *ctx, struct gdb_stop *stop);
	/* Text for qThreadExtraInfo, e.g. "hart 0, S-mode". */
	void (*thread_describe)(void *ctx, int thread, char *buf, size_t len);
	/* Whether mem_read and mem_write take physical addresses (1) or
	 * virtual ones (0, the default): phys 0 or 1 sets it, -1 only asks.
	 * The mode now, or a negative errno. NULL: virtual only. */
	int (*phys_mode)(void *ctx, int phys);
	/* A monitor command (qRcmd): output text into out (NUL-terminated);
	 * 0, or -1 when the command failed or is unknown (out says why). */
	int (*monitor)(void *ctx, const char *cmd, char *out, size_t outlen);
	/* While the target is stopped, the stub waits for the client here:
	 * up to timeout_ms for fd to become readable, the target serving
	 * its own host side meanwhile (optional: NULL, the stub polls fd
	 * itself). */
	void (*wait)(void *ctx, int fd, int timeout_ms);
};

#endif
