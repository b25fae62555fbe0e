/* Parsing the MACHINE options shared by run, record and snapshot. */
#ifndef REWIND_CLI_OPTIONS_H
#define REWIND_CLI_OPTIONS_H

#include "../replay/session.h"

#include <stdbool.h>
#include <stdint.h>

/* Parse a plain number (an icount, a seed, a count); returns 0 or -1. */
int opts_parse_u64(const char *s, uint64_t *out);
/* Parse a size such as 128M, 1G, 65536; returns 0 or -1. */
int opts_parse_size(const char *s, uint64_t *out);

/* Consume the MACHINE option at argv[*i] (and its value). Returns 1 when it
 * was one, 0 when it is not a machine option, -1 on a bad value (message
 * printed). */
int opts_parse_machine(struct machine_opts *o, int argc, char **argv, int *i);
/* The same for the option a command did not know itself: anything but a
 * MACHINE option is reported as an unknown option of cmd. 0, or -1 after
 * a message. */
int opts_parse_rest(const char *cmd, struct machine_opts *o, int argc,
		    char **argv, int *i);

/* The value of option argv[*i] (advancing past it), or NULL after saying
 * "rewind CMD: OPT needs FORM". An option's value never starts with "--":
 * that is the next option, and the value was left out. */
const char *opts_value(const char *cmd, int argc, char **argv, int *i,
		       const char *form);
/* --gdb's value, said the same way by every command that serves gdb. */
#define OPTS_GDB_FORM "a port: --gdb [HOST:]PORT, e.g. --gdb 1234"

/* The MACHINE options, explained, for the --help of run, record and
 * snapshot. */
extern const char opts_machine_help[];

#endif
