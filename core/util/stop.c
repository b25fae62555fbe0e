#include "stop.h"

#include <signal.h>

static volatile sig_atomic_t requested;

void stop_request(void)
{
	requested = 1;
}

bool stop_requested(void)
{
	return requested != 0;
}
