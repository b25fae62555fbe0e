/* The post-mortem `rewind record` prints when a recorded guest fails: the
 * failing icount, the last instructions of every hart and the commands
 * that take a debugger there. */
#ifndef REWIND_HISTORY_POSTMORTEM_H
#define REWIND_HISTORY_POSTMORTEM_H

/* Instructions shown per hart. */
#define POSTMORTEM_LINES 32

/* If the finished recording at path ended in a failure (a finisher fail
 * code, a trap storm, every hart stuck, or a stop for a kernel panic,
 * oops or the instruction limit), replay its last stretch and print the
 * post-mortem on stderr. A clean end, or a recording without an end
 * record, prints nothing. 0, or a negative errno after saying why the
 * post-mortem could not be made. */
int postmortem_report(const char *path);

#endif
