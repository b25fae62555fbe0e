#include "interrupt.h"
#include "../core/util/stop.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t caught;

/* No work here: the run loops see the flag between slices. Only the first
 * signal counts, so a second Ctrl-C while stopping changes nothing. */
static void interrupt_note(int sig)
{
	if (!caught)
		caught = sig;
	stop_request(); /* work before the run loops looks there */
}

static void interrupt_set(void (*handler)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a console wait returns at once to look. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void interrupt_catch(void)
{
	interrupt_set(interrupt_note);
}

void interrupt_release(void)
{
	interrupt_set(SIG_DFL);
}

int interrupt_pending(void)
{
	return caught;
}

const char *interrupt_name(int sig)
{
	static char buf[32];
	if (sig == SIGINT)
		return "SIGINT";
	if (sig == SIGTERM)
		return "SIGTERM";
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

int interrupt_status(int sig)
{
	return 128 + sig;
}
