/* The console: host stdin feeds the guest's UART, the UART's output goes to
 * stdout. On a terminal stdin is put in raw mode and Ctrl-A X quits. */
#ifndef REWIND_CLI_CONSOLE_H
#define REWIND_CLI_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

struct console {
	int fd;		       /* stdin, or -1 once it reached end of file */
	bool raw;	       /* the terminal was switched to raw mode */
	bool escape;	       /* Ctrl-A seen: the next key is a command */
	bool quit;	       /* the user asked to quit */
	uint8_t pending[4096]; /* read from stdin, not yet delivered */
	size_t npending;
};

void console_open(struct console *c);
void console_close(struct console *c);
/* Read what stdin has (waiting up to timeout_ms when asked to) and deliver
 * as much as the guest's UART takes. */
void console_poll(struct console *c, struct machine *m, int timeout_ms);
/* Can more input still arrive? */
bool console_has_input(const struct console *c);
/* The UART's transmit callback: bytes to stdout. */
void console_tx(void *ctx, uint8_t byte);

#endif
