#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

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

struct host_inputs;
/* The host's real clock and entropy. */
extern const struct host_inputs host_real;

#endif
