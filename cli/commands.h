#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

/* Each takes its own argv (argv[0] is the command name) and returns the
 * process exit status. */
int cmd_run(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_info(int argc, char **argv);

struct host_inputs;
/* The host's real clock and entropy. */
extern const struct host_inputs host_real;

#endif
