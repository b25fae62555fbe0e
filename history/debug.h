/* The machine as a gdb target: registers, memory, breakpoints and
 * watchpoints, and execution forwards and backwards through a replay
 * history (history.h). Implements the ops of gdb/target.h. */
#ifndef REWIND_HISTORY_DEBUG_H
#define REWIND_HISTORY_DEBUG_H

#include "../gdb/target.h"
#include "history.h"
#include "reverse.h"

#define DEBUG_MAX_POINTS 64

struct debug_point {
	enum gdb_bp_type type;
	uint64_t addr, len;
};

struct debug_live;

struct debugger {
	struct history *h;
	struct machine *m;
	const char *what; /* the recording, for `monitor info` */
	/* What the target is doing between resume and the stop. */
	bool running;
	enum gdb_resume_kind kind;
	int thread;		  /* the hart a step is for */
	uint64_t step_from;	  /* its retired count when the step began */
	bool interrupted;	  /* Ctrl-C arrived */
	struct history_search rc; /* a reverse-continue's search */
	struct history_rstep rs;  /* a reverse step's */
	struct gdb_stop stop;	  /* the last stop */
	char note[160];		  /* the text a stop tells gdb's user */
	/* Memory packets take physical addresses (Qqemu.PhyMemMode:1,
	 * `monitor phys on`); breakpoints and watchpoints stay virtual. */
	bool phys;
	struct debug_point pts[DEBUG_MAX_POINTS];
	int npts;
	char refused[256]; /* why the last write was refused */
	/* After `monitor branch`: the live session the debugger moved to
	 * (h and m are its own then). */
	struct debug_live *branch;
};

void debug_init(struct debugger *d, struct history *h, const char *what);
extern const struct gdb_target_ops debug_ops;

/* Listen on spec ([HOST:]PORT or a Unix socket path), wait for gdb and
 * serve it until it kills, detaches or the guest exits (a client that
 * goes away is waited for again), or until a signal interrupt_catch
 * caught ends it. 0; 1 after printing why the stub could not be served;
 * interrupt_status(sig) after a signal, having printed where it stopped.
 * *detached says whether gdb detached. */
int debug_serve(struct debugger *d, const char *spec, bool *detached);
/* While the target is stopped: wait up to timeout_ms for fd to become
 * readable, serving a live session's user network meanwhile, so that
 * host connections through it live on while the user sits at a
 * breakpoint (the guest sees what came once it runs again). */
void debug_wait(void *ctx, int fd, int timeout_ms);

/* Resume as gdb would (kind, for thread; -1: the selected one) and poll
 * until the target stops; the stop in *stop. For callers without a gdb
 * client: tests, queries. */
void debug_run(struct debugger *d, enum gdb_resume_kind kind, int thread,
	       struct gdb_stop *stop);

/* rewind replay --gdb: the recording at path under the debugger served on
 * spec, from icount to (UINT64_MAX: its start). The process exit status. */
int debug_replay(const char *path, const char *spec, uint64_t to, bool verify,
		 uint64_t budget);
/* rewind run --gdb: a live run of the machine o describes, or of the one
 * restored from the snapshot file restore (NULL: none), under the
 * debugger, with checkpoints kept within budget bytes. History begins
 * where the machine starts. The process exit status. */
int debug_live(const struct machine_opts *o, const char *restore,
	       const char *spec, uint64_t budget);
struct record_opts;
/* rewind record --gdb: the same, recording into ro->out (chaos seed seed
 * when ro->chaos), which is kept: a session that leaves the guest running
 * ends it with an end record where recording got to. The process exit
 * status. */
int debug_record(const struct record_opts *ro, uint64_t seed, const char *spec,
		 uint64_t budget);

#endif
