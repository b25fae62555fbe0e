/* A recording opened for replay: its configuration, the machine rebuilt
 * from it and the gate that feeds it the recorded inputs. Shared by
 * `replay`, `trace` and the debugger. */
#ifndef REWIND_CLI_REPLAY_SESSION_H
#define REWIND_CLI_REPLAY_SESSION_H

#include "../replay/replayer.h"
#include "session.h"

struct log_reader;

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
};

/* Open path, check its images, build and boot the machine. seekable: read
 * every event into memory so positions can be returned to (gate_seek).
 * 0, or -1 after printing why (rs is then closed). */
int replay_session_open(struct replay_session *rs, const char *path,
			bool seekable);
void replay_session_close(struct replay_session *rs);

/* Report how a replay ended (messages to stderr) and return the process
 * exit status: the guest's when it ended as recorded, else 1. */
int replay_session_status(struct replay_session *rs, enum replay_status st);

#endif
