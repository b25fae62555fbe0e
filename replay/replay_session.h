/* A recording opened for replay: its configuration, the machine rebuilt
 * from it and the gate that feeds it the recorded inputs. Shared by
 * `replay`, `trace` and the debugger. */
#ifndef REWIND_REPLAY_REPLAY_SESSION_H
#define REWIND_REPLAY_REPLAY_SESSION_H

#include "replayer.h"
#include "session.h"

struct log_reader;
struct restore;

struct replay_session {
	struct rec_config rc;
	struct machine_opts o;
	struct log_reader *r;
	struct gate g;
	struct machine *m;
	/* Where packed images were extracted to, and the first record after
	 * them, which the gate must still see. */
	char pack_dir[REC_PATH_MAX];
	const void *pack_first;
	size_t pack_first_len;
	bool packed;
	struct restore *origin; /* the snapshot it starts from, if any */
};

/* Open path, check its images, build and boot the machine. seekable: read
 * every event into memory so positions can be returned to (gate_seek).
 * 0, or -1 after printing why (rs is then closed). */
int replay_session_open(struct replay_session *rs, const char *path,
			bool seekable);
void replay_session_close(struct replay_session *rs);
/* The same on the heap (a session is large): NULL after printing why. */
struct replay_session *replay_session_new(const char *path, bool seekable);
void replay_session_free(struct replay_session *rs);

/* Report how a replay ended (messages to stderr) and return the process
 * exit status: the guest's when it ended as recorded, else 1. */
int replay_session_status(struct replay_session *rs, enum replay_status st);

/* rewind replay without a debugger: replay path to icount to (UINT64_MAX:
 * to its end), verify: with RAM hashes. The process exit status. */
int replay_run(const char *path, uint64_t to, bool verify);

#endif
