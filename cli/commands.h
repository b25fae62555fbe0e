#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

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

struct host_inputs;
/* The host's real clock and entropy. */
extern const struct host_inputs host_real;

#endif
