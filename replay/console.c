#include "console.h"
#include "../core/machine.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define CTRL_A 0x01

void console_open(struct console *c)
{
	memset(c, 0, sizeof(*c));
	c->fd = STDIN_FILENO;
	if (isatty(c->fd) && tcgetattr(c->fd, &c->saved) == 0) {
		struct termios raw = c->saved;
		cfmakeraw(&raw);
		/* Keep output post-processing so the guest's \n still
		 * returns the carriage. */
		raw.c_oflag |= OPOST;
		if (tcsetattr(c->fd, TCSANOW, &raw) == 0)
			c->raw = true;
	}
}

void console_close(struct console *c)
{
	if (c->raw)
		tcsetattr(STDIN_FILENO, TCSANOW, &c->saved);
	c->raw = false;
	fflush(stdout);
}

bool console_has_input(const struct console *c)
{
	return c->fd >= 0 || c->npending > 0;
}

/* Watch the output for the words a failing kernel prints. */
static void console_watch(struct console *c, uint8_t byte)
{
	size_t n = strlen(c->tail);
	if (n + 1 >= sizeof(c->tail)) {
		memmove(c->tail, c->tail + n / 2, n - n / 2 + 1);
		n = strlen(c->tail);
	}
	c->tail[n] = (char)byte;
	c->tail[n + 1] = '\0';
	if (strstr(c->tail, "Kernel panic") || strstr(c->tail, "Oops")) {
		c->saw_failure = true;
		c->tail[0] = '\0';
	}
	if (c->watch && strstr(c->tail, c->watch)) {
		c->saw_watch = true;
		c->tail[0] = '\0';
	}
}

void console_tx(void *ctx, uint8_t byte)
{
	if (ctx)
		console_watch(ctx, byte);
	putchar(byte);
	if (byte == '\n')
		fflush(stdout);
}

/* On a terminal, Ctrl-A starts a command: X quits, S saves a snapshot,
 * Ctrl-A sends Ctrl-A. Piped input is the guest's, byte for byte. */
static void console_take(struct console *c, uint8_t byte)
{
	if (c->raw) {
		if (c->escape) {
			c->escape = false;
			if (byte == 'x' || byte == 'X') {
				c->quit = true;
				return;
			}
			if (byte == 's' || byte == 'S') {
				c->save = true;
				return;
			}
			if (byte != CTRL_A)
				return;
		} else if (byte == CTRL_A) {
			c->escape = true;
			return;
		}
	}
	if (c->npending < sizeof(c->pending))
		c->pending[c->npending++] = byte;
}

void console_read(struct console *c, int timeout_ms)
{
	/* A prompt ends without a newline, and whoever types the answer
	 * must see it first. */
	fflush(stdout);
	if (c->fd < 0 || c->npending == sizeof(c->pending))
		return;
	struct pollfd p = {.fd = c->fd, .events = POLLIN};
	if (poll(&p, 1, c->npending ? 0 : timeout_ms) <= 0)
		return;
	uint8_t buf[1024];
	size_t room = sizeof(c->pending) - c->npending;
	ssize_t n = read(c->fd, buf, room < sizeof(buf) ? room : sizeof(buf));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		c->fd = -1; /* end of input */
		return;
	}
	for (ssize_t i = 0; i < n; i++)
		console_take(c, buf[i]);
}

void console_consume(struct console *c, size_t n)
{
	memmove(c->pending, c->pending + n, c->npending - n);
	c->npending -= n;
}
