/* The console: host stdin feeds the guest's UART, the UART's output goes to
 * stdout. On a terminal stdin is put in raw mode, Ctrl-A X quits and
 * Ctrl-A S saves a snapshot. */
#ifndef REWIND_REPLAY_CONSOLE_H
#define REWIND_REPLAY_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <termios.h>

struct machine;

struct console {
	int fd;		       /* stdin, or -1 once it reached end of file */
	bool raw;	       /* the terminal was switched to raw mode */
	struct termios saved;  /* its mode before, to put back */
	bool escape;	       /* Ctrl-A seen: the next key is a command */
	bool quit;	       /* the user asked to quit */
	bool save;	       /* the user asked for a snapshot now */
	uint8_t pending[4096]; /* read from stdin, not yet delivered */
	size_t npending;
	char tail[256];	   /* the last bytes the guest printed */
	bool saw_failure;  /* a kernel panic or oops went by */
	const char *watch; /* a string to look for in the output, or NULL */
	bool saw_watch;
};

void console_open(struct console *c);
void console_close(struct console *c);
/* Read what stdin has into pending, waiting up to timeout_ms when nothing
 * is pending yet. */
void console_read(struct console *c, int timeout_ms);
/* Drop the first n pending bytes: the machine took them. */
void console_consume(struct console *c, size_t n);
/* Can more input still arrive? */
bool console_has_input(const struct console *c);
/* The UART's transmit callback: bytes to stdout. */
void console_tx(void *ctx, uint8_t byte);

#endif
