#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>

/* Each takes its own argv (argv[0] is the command name) and returns the
 * process exit status. */
int cmd_run(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_trace(int argc, char **argv);

struct gate;
struct machine_opts;
struct rec_config;
/* A machine restored from a snapshot file (its options and configuration
 * filled in), or NULL after printing why. */
struct machine *snapshot_machine(const char *path, struct gate *g,
				 struct machine_opts *o, struct rec_config *rc);

/* rewind run --gdb SPEC: a live run under the debugger, with
 * checkpoints kept within budget bytes. */
int run_debug(const struct machine_opts *o, const char *spec, uint64_t budget);
/* The same, checking that the file hashes to expect_sha256 (hex, or
 * NULL), and with chaos scheduling from seed when chaos is set. */
struct machine *snapshot_machine_from(const char *path,
				      const char *expect_sha256, struct gate *g,
				      struct machine_opts *o,
				      struct rec_config *rc, bool chaos,
				      uint64_t seed);
/* -1 (after printing why) when options given on the command line
 * contradict the machine of the snapshot snap (from: its options). */
int snapshot_opts_check(const char *snap, const struct machine_opts *given,
			const struct machine_opts *from);
/* The SHA-256 of the snapshot file this process restored, or NULL. */
const uint8_t *snapshot_restored_sha256(void);
/* Ctrl-A S: save m now into rewind-ICOUNT.snap in the current directory
 * (a child of the restored snapshot, if any); says where on stderr. */
void snapshot_now(const struct machine *m, const struct machine_opts *o);
/* Print how long restores and saves take (--stats). */
void snapshot_timing(bool on);

struct host_inputs;
/* The host's real clock and entropy. */
extern const struct host_inputs host_real;
/* The host's clock, and entropy from a generator that a restore seeds
 * with the snapshot's hash. */
struct host_inputs snapshot_host_inputs(void);

#endif
