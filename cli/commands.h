#ifndef REWIND_CLI_COMMANDS_H
#define REWIND_CLI_COMMANDS_H

/* Each takes its own argv (argv[0] is the command name) and returns the
 * process exit status (replay/exit_status.h). */
int cmd_run(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_pcap(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_shrink(int argc, char **argv);

/* What `rewind COMMAND --help` prints: the usage line, each option with a
 * line of explanation, and an example. Each lives next to its parser, so
 * an option and its explanation change together. */
extern const char cmd_run_help[];
extern const char cmd_record_help[];
extern const char cmd_replay_help[];
extern const char cmd_info_help[];
extern const char cmd_pcap_help[];
extern const char cmd_snapshot_help[];
extern const char cmd_trace_help[];
extern const char cmd_diff_help[];
extern const char cmd_query_help[];
extern const char cmd_shrink_help[];

#endif
