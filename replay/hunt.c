/* The hunt driver: a pool of child processes, one per try. A child is
 * a whole recorder (record_run) with its own part file, so tries share
 * nothing and a crash in one is that run's error, not the hunt's. */
#define _GNU_SOURCE
#include "hunt.h"
#include "../core/util/file_io.h"
#include "../core/util/progress.h"
#include "exit_status.h"
#include "interrupt.h"
#include "logfile.h"
#include "recording.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What a child reports, in memory shared with the driver. */
struct hunt_report {
	int status;
	bool guest_failed;
	bool done; /* record_run returned */
};

struct hunt_try {
	pid_t pid; /* 0: a free slot */
	uint64_t run, seed;
	int out, err; /* anonymous files: its console output, its messages */
	bool cancelled;
	char part[REC_PATH_MAX + 32];
};

/* A finished try that decides the hunt unless a lower run does. */
struct hunt_keep {
	bool have;
	struct hunt_try t;
	int status;
	bool guest_failed;
};

struct hunt {
	const struct record_opts *ro;
	const struct hunt_opts *h;
	struct hunt_try *tries;
	struct hunt_report *reports; /* one per slot, shared */
	int jobs, active;
	uint64_t next, done, failures;
	struct hunt_keep keep;
	bool forwarded; /* the caught signal was passed on to the tries */
	struct timespec start;
	struct progress progress;
	/* The driver waits with SIGCHLD, SIGINT and SIGTERM blocked except
	 * inside ppoll, so an ending try or a signal always wakes it
	 * (none can slip in between a look and the wait). */
	sigset_t unblocked;
	struct sigaction old_chld;
};

static double hunt_elapsed(const struct hunt *hu)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - hu->start.tv_sec) +
	       (double)(now.tv_nsec - hu->start.tv_nsec) * 1e-9;
}

/* The progress line (a terminal only): runs done, the rate, failures. */
static void hunt_progress(struct hunt *hu)
{
	if (!progress_due(&hu->progress))
		return;
	double s = hunt_elapsed(hu);
	char text[128];
	snprintf(text, sizeof(text),
		 "%llu of %llu runs, %.1f runs/s, %llu failing",
		 (unsigned long long)hu->done,
		 (unsigned long long)(hu->h->last - hu->h->first + 1),
		 s > 0 ? (double)hu->done / s : 0.0,
		 (unsigned long long)hu->failures);
	progress_text(&hu->progress, text);
}

static void hunt_discard(struct hunt_try *t)
{
	unlink(t->part);
	close(t->out);
	close(t->err);
	t->pid = 0;
}

/* The child: record one run, stdin from /dev/null (a hunt's tries take
 * no console input: the same run must be the same run however many run
 * at once), stdout and stderr into the driver's anonymous files. */
static void hunt_child(const struct hunt *hu, struct hunt_try *t,
		       struct hunt_report *rep)
{
	/* The try is a recorder like any other: signals as the caller set
	 * them (SIGINT and SIGTERM caught, stopping it cleanly). */
	sigaction(SIGCHLD, &hu->old_chld, NULL);
	sigprocmask(SIG_SETMASK, &hu->unblocked, NULL);
	int in = open("/dev/null", O_RDONLY);
	if (in < 0 || dup2(in, STDIN_FILENO) < 0 ||
	    dup2(t->out, STDOUT_FILENO) < 0 || dup2(t->err, STDERR_FILENO) < 0)
		_exit(REWIND_EXIT_ERROR);
	log_writer_sync(false); /* the driver syncs the run it keeps */
	struct session_result res = record_run(hu->ro, t->part, true, t->seed);
	rep->status = res.status;
	rep->guest_failed = res.guest_failed;
	rep->done = true;
	fflush(stdout);
	fflush(stderr);
	_exit(0);
}

/* Start run hu->next in slot i. 0, or -1 after saying why. */
static int hunt_launch(struct hunt *hu, int i)
{
	struct hunt_try *t = &hu->tries[i];
	memset(t, 0, sizeof(*t));
	t->run = hu->next;
	t->seed = hunt_run_seed(hu->h->seed, t->run);
	snprintf(t->part, sizeof(t->part), "%s.run%llu.part", hu->ro->out,
		 (unsigned long long)t->run);
	t->out = memfd_create("rewind-hunt-out", MFD_CLOEXEC);
	t->err = memfd_create("rewind-hunt-err", MFD_CLOEXEC);
	if (t->out < 0 || t->err < 0) {
		fprintf(stderr, "rewind record: hunt: %s\n", strerror(errno));
		if (t->out >= 0)
			close(t->out);
		if (t->err >= 0)
			close(t->err);
		return -1;
	}
	memset(&hu->reports[i], 0, sizeof(hu->reports[i]));
	/* Nothing buffered may be written twice, by the driver and a child. */
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "rewind record: hunt: fork: %s\n",
			strerror(errno));
		close(t->out);
		close(t->err);
		return -1;
	}
	if (pid == 0)
		hunt_child(hu, t, &hu->reports[i]);
	t->pid = pid;
	hu->active++;
	hu->next++;
	return 0;
}

/* Runs above the decisive one cannot change the answer: stop them. Their
 * part files go when they are reaped. */
static void hunt_cancel_above(struct hunt *hu, uint64_t run)
{
	for (int i = 0; i < hu->jobs; i++) {
		struct hunt_try *t = &hu->tries[i];
		if (t->pid && !t->cancelled && t->run > run) {
			kill(t->pid, SIGKILL);
			t->cancelled = true;
		}
	}
}

/* Slot i's child ended with wait status ws. */
static void hunt_reap(struct hunt *hu, int i, int ws)
{
	struct hunt_try *t = &hu->tries[i];
	const struct hunt_report *rep = &hu->reports[i];
	hu->active--;
	if (t->cancelled) {
		hunt_discard(t);
		return;
	}
	hu->done++;
	int status = rep->status;
	bool guest_failed = rep->guest_failed;
	if (!rep->done || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0) {
		/* The try died before it could report: rewind's own fault,
		 * for that run; what it said is in its messages. */
		char why[64];
		if (WIFSIGNALED(ws))
			snprintf(why, sizeof(why), "killed by signal %d",
				 WTERMSIG(ws));
		else
			snprintf(why, sizeof(why), "exit status %d",
				 WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
		dprintf(t->err,
			"rewind record: hunt: the try of run %llu "
			"died (%s)\n",
			(unsigned long long)t->run, why);
		status = REWIND_EXIT_ERROR;
		guest_failed = false;
	}
	if (guest_failed)
		hu->failures++;
	/* A pass says nothing; anything else (a failure, rewind's error, a
	 * try stopped by a signal) decides unless a lower run does. */
	if (!guest_failed && status == REWIND_EXIT_PASS) {
		hunt_discard(t);
		return;
	}
	if (hu->keep.have && hu->keep.t.run < t->run) {
		hunt_discard(t);
		return;
	}
	if (hu->keep.have)
		hunt_discard(&hu->keep.t);
	hu->keep.have = true;
	hu->keep.t = *t;
	hu->keep.status = status;
	hu->keep.guest_failed = guest_failed;
	t->pid = 0;
	hunt_cancel_above(hu, hu->keep.t.run);
}

/* Pass a caught SIGINT / SIGTERM on to every try: each closes its
 * recording and ends as a recorder does. */
static void hunt_forward(struct hunt *hu)
{
	int sig = interrupt_pending();
	if (!sig || hu->forwarded)
		return;
	hu->forwarded = true;
	for (int i = 0; i < hu->jobs; i++)
		if (hu->tries[i].pid && !hu->tries[i].cancelled)
			kill(hu->tries[i].pid, sig);
}

/* Only there to make SIGCHLD interrupt ppoll. */
static void hunt_on_child(int sig)
{
	(void)sig;
}

static void hunt_signals_take(struct hunt *hu)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = hunt_on_child;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, &hu->old_chld);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &hu->unblocked);
	sigdelset(&hu->unblocked, SIGCHLD);
	sigdelset(&hu->unblocked, SIGINT);
	sigdelset(&hu->unblocked, SIGTERM);
}

static void hunt_signals_give(struct hunt *hu)
{
	sigprocmask(SIG_SETMASK, &hu->unblocked, NULL);
	sigaction(SIGCHLD, &hu->old_chld, NULL);
}

static void hunt_copy(int from, int to)
{
	if (lseek(from, 0, SEEK_SET) < 0)
		return;
	char buf[65536];
	ssize_t n;
	while ((n = file_read_full(from, buf, sizeof(buf))) > 0)
		if (file_write_all(to, buf, (size_t)n))
			return;
}

/* Wait for one child; 1 when one was reaped, 0 when none ended within a
 * poll, -1 on error. */
static int hunt_wait(struct hunt *hu)
{
	int ws;
	pid_t pid = waitpid(-1, &ws, WNOHANG);
	if (pid < 0) {
		if (errno == EINTR)
			return 0;
		fprintf(stderr, "rewind record: hunt: waitpid: %s\n",
			strerror(errno));
		return -1;
	}
	if (pid == 0) {
		/* Until a try ends or a signal comes, or a while has passed
		 * for the progress line to move on during long runs. */
		struct timespec ts = {0, 250000000};
		ppoll(NULL, 0, &ts, &hu->unblocked);
		return 0;
	}
	for (int i = 0; i < hu->jobs; i++)
		if (hu->tries[i].pid == pid) {
			hunt_reap(hu, i, ws);
			return 1;
		}
	return 0; /* not one of ours */
}

/* The decisive run becomes REC; its console output and messages are
 * shown as if it had been the only run. */
static struct hunt_result hunt_finish(struct hunt *hu)
{
	struct hunt_result res = {.status = REWIND_EXIT_PASS};
	struct hunt_keep *k = &hu->keep;
	int sig = interrupt_pending();
	if (!k->have) {
		if (sig) {
			fprintf(stderr,
				"rewind: the hunt was interrupted by %s after "
				"%llu runs; no recording was kept\n",
				interrupt_name(sig),
				(unsigned long long)hu->done);
			res.status = interrupt_status(sig);
		} else {
			fprintf(stderr,
				"rewind: no failure in %llu run%s (%llu..%llu, "
				"hunt seed %llu)\n",
				(unsigned long long)hu->done,
				hu->done == 1 ? "" : "s",
				(unsigned long long)hu->h->first,
				(unsigned long long)hu->h->last,
				(unsigned long long)hu->h->seed);
		}
		return res;
	}
	hunt_copy(k->t.out, STDOUT_FILENO);
	hunt_copy(k->t.err, STDERR_FILENO);
	res.run = k->t.run;
	res.seed = k->t.seed;
	res.status = k->status;
	/* Its try did not sync it (log_writer_sync): on disk before it is
	 * named REC, so REC is never a file the host lost. */
	int fd = open(k->t.part, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(k->t.part, hu->ro->out)) {
		/* A try that could not even create its part file said why. */
		if (errno != ENOENT)
			fprintf(stderr, "rewind record: %s: %s\n", hu->ro->out,
				strerror(errno));
		hunt_discard(&k->t);
		res.status = REWIND_EXIT_ERROR;
		return res;
	}
	close(k->t.out);
	close(k->t.err);
	res.kept = true;
	if (k->guest_failed) {
		res.failed = true;
		if (!res.status)
			res.status = REWIND_EXIT_GUEST_FAILED;
		fprintf(stderr,
			"rewind: run %llu failed with chaos seed %llu; the "
			"recording is %s\n"
			"rewind: this run again: --hunt-seed=%llu "
			"--runs=%llu..%llu\n"
			"rewind: replay it with: rewind replay %s\n",
			(unsigned long long)res.run,
			(unsigned long long)res.seed, hu->ro->out,
			(unsigned long long)hu->h->seed,
			(unsigned long long)res.run,
			(unsigned long long)res.run, hu->ro->out);
	} else if (sig) {
		fprintf(stderr,
			"rewind: the hunt was interrupted in run %llu (chaos "
			"seed %llu); its recording is %s\n",
			(unsigned long long)res.run,
			(unsigned long long)res.seed, hu->ro->out);
	} else {
		fprintf(stderr,
			"rewind: run %llu (chaos seed %llu) ended with status "
			"%d; its recording is %s\n",
			(unsigned long long)res.run,
			(unsigned long long)res.seed, res.status, hu->ro->out);
	}
	/* A signal ends the hunt with its status whatever was kept. */
	if (sig)
		res.status = interrupt_status(sig);
	return res;
}

struct hunt_result hunt_run(const struct record_opts *ro,
			    const struct hunt_opts *h)
{
	struct hunt_result res = {.status = REWIND_EXIT_ERROR};
	struct hunt hu = {.ro = ro, .h = h, .next = h->first};
	uint64_t span = h->last - h->first + 1;
	hu.jobs = span < (uint64_t)h->jobs ? (int)span : h->jobs;
	hu.tries = calloc((size_t)hu.jobs, sizeof(*hu.tries));
	hu.reports =
		mmap(NULL, (size_t)hu.jobs * sizeof(*hu.reports),
		     PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!hu.tries || hu.reports == MAP_FAILED) {
		fprintf(stderr, "rewind record: hunt: out of memory\n");
		free(hu.tries);
		if (hu.reports != MAP_FAILED)
			munmap(hu.reports,
			       (size_t)hu.jobs * sizeof(*hu.reports));
		return res;
	}
	fprintf(stderr,
		"rewind: hunt seed %llu%s; runs %llu..%llu, %d at once\n",
		(unsigned long long)h->seed,
		h->seed_drawn ? " (drawn from the host)" : "",
		(unsigned long long)h->first, (unsigned long long)h->last,
		hu.jobs);
	clock_gettime(CLOCK_MONOTONIC, &hu.start);
	progress_begin(&hu.progress, "hunt", 0, PROGRESS_DELAY_S);
	hunt_signals_take(&hu);
	bool broken = false;
	for (;;) {
		/* Once a run decided, only lower runs still running matter:
		 * they were all started (runs start in order). */
		while (!broken && !interrupt_pending() && !hu.keep.have &&
		       hu.active < hu.jobs && hu.next <= h->last) {
			int i = 0;
			while (hu.tries[i].pid)
				i++;
			if (hunt_launch(&hu, i))
				broken = true;
		}
		if (broken)
			hunt_cancel_above(&hu, 0);
		if (!hu.active)
			break;
		hunt_forward(&hu);
		if (hunt_wait(&hu) < 0)
			break;
		hunt_progress(&hu);
	}
	hunt_signals_give(&hu);
	progress_end(&hu.progress);
	double secs = hunt_elapsed(&hu);
	fprintf(stderr, "rewind: hunt: %llu run%s in %.2f s, %.1f runs/s\n",
		(unsigned long long)hu.done, hu.done == 1 ? "" : "s", secs,
		secs > 0 ? (double)hu.done / secs : 0.0);
	if (hu.active || broken) {
		/* The driver itself failed: stop and remove everything. */
		for (int i = 0; i < hu.jobs; i++)
			if (hu.tries[i].pid) {
				kill(hu.tries[i].pid, SIGKILL);
				waitpid(hu.tries[i].pid, NULL, 0);
				hunt_discard(&hu.tries[i]);
			}
		if (hu.keep.have)
			hunt_discard(&hu.keep.t);
	} else {
		res = hunt_finish(&hu);
	}
	free(hu.tries);
	munmap(hu.reports, (size_t)hu.jobs * sizeof(*hu.reports));
	return res;
}
