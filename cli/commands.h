#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

/* Each takes its own argv (argv[0] is the command name) and returns the
 * process exit status. */
int cmd_run(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_pcap(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_trace(int argc, char **argv);

#endif
