/*
 * init for the rewind Linux guest: checks the machine from inside, prints
 * one line per check on the console, and powers off.
 *
 * Output contract (tests match these lines):
 *   rewind-init: check NAME: ok
 *   rewind-init: check NAME: FAIL (reason)
 *   rewind-init: all N checks passed | rewind-init: M of N checks failed
 *   rewind-init: echo: LINE            (only with rewind.echo=1)
 *   rewind-init: tcpecho: listening on PORT / echoed N bytes
 *                                      (only with rewind.tcpecho=PORT)
 *   rewind-init: tcpget: LINE          (only with rewind.tcpget=PORT)
 *   rewind-init: info loop: N iterations (only with rewind.loop=N)
 *   rewind-init: info work: N rounds     (only with rewind.work=N)
 * Lines starting "rewind-init: info" carry extra facts and are not checks.
 *
 * Whatever goes wrong, init prints the summary and powers off: a guest that
 * hangs would stall the test that boots it.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/rtc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define PREFIX "rewind-init: "

/* Guest seconds a single check or the echo read may block. The RNG and the
 * console wait on the host, so a missing input must not stall the boot. */
#define CHECK_TIMEOUT_S 20
#define ECHO_TIMEOUT_S	60

#define RNG_BYTES    64
#define DISK_OFFSET  (1024 * 1024)
#define DISK_BYTES   4096
#define RTC_MIN_YEAR 2024

/* Room for a kernel command line (COMMAND_LINE_SIZE is 1024 on RISC-V). */
static char cmdline[4096];
static volatile sig_atomic_t timed_out;

/* Writes one whole line with a single write(), so that kernel messages on
 * the same console cannot land in the middle of it. */
static void say(const char *fmt, ...)
{
	char line[512];
	int len = snprintf(line, sizeof(line), PREFIX);
	va_list ap;

	va_start(ap, fmt);
	len += vsnprintf(line + len, sizeof(line) - len - 1, fmt, ap);
	va_end(ap);
	if (len > (int)sizeof(line) - 2)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	if (write(STDOUT_FILENO, line, len) < 0) {
		/* Nowhere left to report to. */
	}
}

/* Formats a failure reason into the caller's buffer; returns -1 so that a
 * check can `return fail(...)`. */
static int fail(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return -1;
}

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

/* SIGALRM without SA_RESTART makes a blocked read() return EINTR, which is
 * how a check that waits on the host gives up. */
static void install_alarm(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
}

static void arm_timeout(unsigned seconds)
{
	timed_out = 0;
	alarm(seconds);
}

static void disarm_timeout(void)
{
	alarm(0);
}

/* A directory is a mount point when it lives on a different device from
 * its parent. */
static bool is_mounted(const char *dir)
{
	char parent[64];
	struct stat st, pst;

	snprintf(parent, sizeof(parent), "%s/..", dir);
	if (stat(dir, &st) < 0 || stat(parent, &pst) < 0)
		return false;
	return st.st_dev != pst.st_dev;
}

static void mount_fs(const char *type, const char *dir, unsigned long flags)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		say("info mount: mkdir %s: %s", dir, strerror(errno));
	if (is_mounted(dir))
		return;
	if (mount(type, dir, type, flags, NULL) < 0)
		say("info mount: %s on %s: %s", type, dir, strerror(errno));
}

/* The kernel opens /dev/console as fds 0-2 for init when the initramfs has
 * the node. If it did not, fall back to devtmpfs's node so the report is
 * still seen. */
static void ensure_console(void)
{
	int fd;

	if (fcntl(STDOUT_FILENO, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	for (int i = 0; i <= 2; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* Finds "key=value" on the kernel command line. Parameters with a dot are
 * not handed to init as arguments or environment, so /proc/cmdline is the
 * only place to read them. Returns NULL when the key is absent. */
static const char *cmdline_get(const char *key, char *val, size_t len)
{
	size_t klen = strlen(key);

	for (const char *p = cmdline; *p;) {
		size_t n;

		while (*p == ' ' || *p == '\n')
			p++;
		n = strcspn(p, " \n");
		if (n > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
			size_t vlen = n - klen - 1;

			if (vlen >= len)
				vlen = len - 1;
			memcpy(val, p + klen + 1, vlen);
			val[vlen] = '\0';
			return val;
		}
		p += n;
	}
	return NULL;
}

static void cmdline_load(void)
{
	int fd = open("/proc/cmdline", O_RDONLY);
	ssize_t n = 0;

	if (fd >= 0) {
		n = read(fd, cmdline, sizeof(cmdline) - 1);
		close(fd);
	}
	cmdline[n > 0 ? n : 0] = '\0';
}

/* Reads exactly len bytes unless an error, end of file or the timeout
 * intervenes; returns the count read or -1. */
static ssize_t read_full(int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = read(fd, (char *)buf + done, len - done);

		if (n < 0 && errno == EINTR && !timed_out)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += n;
	}
	return done;
}

/* rng: the virtio entropy device delivers bytes, and not just zeros. */
static int check_rng(char *why, size_t len)
{
	unsigned char buf[RNG_BYTES];
	ssize_t n;
	int fd = open("/dev/hwrng", O_RDONLY);

	if (fd < 0)
		return fail(why, len, "open /dev/hwrng: %s", strerror(errno));
	n = read_full(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0 && timed_out)
		return fail(why, len, "read timed out");
	if (n < 0)
		return fail(why, len, "read: %s", strerror(errno));
	if (n != (ssize_t)sizeof(buf))
		return fail(why, len, "short read: %zd of %zu", n, sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		if (buf[i] != 0)
			return 0;
	return fail(why, len, "%zu zero bytes", sizeof(buf));
}

/* rtc: the Goldfish RTC reads back a plausible wall-clock date. */
static int check_rtc(char *why, size_t len)
{
	struct rtc_time tm;
	int year;
	int fd = open("/dev/rtc0", O_RDONLY);

	if (fd < 0)
		return fail(why, len, "open /dev/rtc0: %s", strerror(errno));
	memset(&tm, 0, sizeof(tm));
	if (ioctl(fd, RTC_RD_TIME, &tm) < 0) {
		int err = errno;

		close(fd);
		return fail(why, len, "RTC_RD_TIME: %s", strerror(err));
	}
	close(fd);
	year = tm.tm_year + 1900;
	say("info rtc: %04d-%02d-%02d %02d:%02d:%02d UTC", year, tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (year < RTC_MIN_YEAR)
		return fail(why, len, "year %d before %d", year, RTC_MIN_YEAR);
	return 0;
}

/* A pattern that differs from run to run, so that a block left over from
 * an earlier boot cannot pass for a fresh write. The seed comes from the
 * guest clocks, which a recording replays exactly. */
static void fill_pattern(unsigned char *buf, size_t len)
{
	struct timespec rt, mono;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	x = (uint64_t)rt.tv_sec * 1000000007u ^ (uint64_t)rt.tv_nsec ^
	    ((uint64_t)mono.tv_nsec << 20) ^ 0x9e3779b97f4a7c15u;
	for (size_t i = 0; i < len; i++) {
		/* xorshift64: cheap and never stuck at zero. */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = (unsigned char)(x >> 24);
	}
}

/* disk: a write reaches the virtio block device and reads back from the
 * device itself. The write goes through the page cache and fsync (which
 * exercises the flush request); the read uses O_DIRECT so it bypasses the
 * cache and really asks the device. */
static int check_disk(char *why, size_t len)
{
	unsigned char *want = NULL, *got = NULL;
	uint64_t size = 0;
	ssize_t n;
	int rc = -1, fd = -1, dfd = -1;

	if (posix_memalign((void **)&want, DISK_BYTES, DISK_BYTES) ||
	    posix_memalign((void **)&got, DISK_BYTES, DISK_BYTES)) {
		fail(why, len, "out of memory");
		goto out;
	}
	fd = open("/dev/vda", O_RDWR);
	if (fd < 0) {
		fail(why, len, "open /dev/vda: %s", strerror(errno));
		goto out;
	}
	if (ioctl(fd, BLKGETSIZE64, &size) < 0) {
		fail(why, len, "BLKGETSIZE64: %s", strerror(errno));
		goto out;
	}
	if (size < DISK_OFFSET + DISK_BYTES) {
		fail(why, len, "disk too small: %llu bytes",
		     (unsigned long long)size);
		goto out;
	}
	fill_pattern(want, DISK_BYTES);
	n = pwrite(fd, want, DISK_BYTES, DISK_OFFSET);
	if (n != DISK_BYTES) {
		fail(why, len, "write: %s",
		     n < 0 ? strerror(errno) : "short write");
		goto out;
	}
	if (fsync(fd) < 0) {
		fail(why, len, "fsync: %s", strerror(errno));
		goto out;
	}
	dfd = open("/dev/vda", O_RDONLY | O_DIRECT);
	if (dfd < 0) {
		fail(why, len, "open O_DIRECT: %s", strerror(errno));
		goto out;
	}
	memset(got, 0, DISK_BYTES);
	n = pread(dfd, got, DISK_BYTES, DISK_OFFSET);
	if (n != DISK_BYTES) {
		fail(why, len, "direct read: %s",
		     n < 0 ? strerror(errno) : "short read");
		goto out;
	}
	if (memcmp(want, got, DISK_BYTES) != 0) {
		size_t i = 0;

		while (want[i] == got[i])
			i++;
		fail(why, len, "read back differs at byte %zu", i);
		goto out;
	}
	rc = 0;
out:
	if (dfd >= 0)
		close(dfd);
	if (fd >= 0)
		close(fd);
	free(want);
	free(got);
	return rc;
}

/* Counts "processor" lines in /proc/cpuinfo: one per online hart. */
static int count_cpus(void)
{
	char line[256];
	int n = 0;
	FILE *f = fopen("/proc/cpuinfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "processor", 9) == 0)
			n++;
	fclose(f);
	return n;
}

/* cpus: every hart the machine was given came online (through SBI HSM). */
static int check_cpus(char *why, size_t len)
{
	char val[32];
	char *end;
	long want;
	int have = count_cpus();

	if (have < 0)
		return fail(why, len, "open /proc/cpuinfo: %s",
			    strerror(errno));
	say("info cpus: %d online", have);
	if (!cmdline_get("rewind.cpus", val, sizeof(val)))
		return 0;
	want = strtol(val, &end, 10);
	if (end == val || *end != '\0' || want < 1)
		return fail(why, len, "bad rewind.cpus=%s", val);
	if (have != want)
		return fail(why, len, "%d online, expected %ld", have, want);
	return 0;
}

struct check {
	const char *name;
	int (*run)(char *why, size_t len);
};

static const struct check checks[] = {
	{"rng", check_rng},
	{"rtc", check_rtc},
	{"disk", check_disk},
	{"cpus", check_cpus},
};

#define NCHECKS (int)(sizeof(checks) / sizeof(checks[0]))

static int run_checks(void)
{
	int failed = 0;

	for (int i = 0; i < NCHECKS; i++) {
		char why[256] = "";
		int rc;

		arm_timeout(CHECK_TIMEOUT_S);
		rc = checks[i].run(why, sizeof(why));
		disarm_timeout();
		if (rc == 0) {
			say("check %s: ok", checks[i].name);
		} else {
			say("check %s: FAIL (%s)", checks[i].name, why);
			failed++;
		}
	}
	if (failed)
		say("%d of %d checks failed", failed, NCHECKS);
	else
		say("all %d checks passed", NCHECKS);
	return failed;
}

/* The console tty starts in canonical mode with echo on. Echo is switched
 * off so that the typed line shows up once, in our echo line, instead of
 * also wherever the tty happened to echo it among the check lines. */
static void console_noecho(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) < 0)
		return;
	t.c_lflag &= ~(ECHO | ECHONL);
	t.c_lflag |= ICANON;
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

/* Reads one line from the console and prints it back: the interactive
 * console test, fed through piped stdin on the host. */
/* A port from the command line, or 0 when absent or out of range. */
static int cmdline_port(const char *key)
{
	char val[16];
	long port;

	if (!cmdline_get(key, val, sizeof(val)))
		return 0;
	port = strtol(val, NULL, 10);
	return port > 0 && port < 65536 ? (int)port : 0;
}

/* rewind.tcpecho=PORT: accept one TCP connection on PORT (the host reaches
 * it through a hostfwd) and send back every byte until the peer closes. */
static void tcp_echo(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_ANY)};
	char buf[2048];
	long total = 0;
	int one = 1, s, c;
	ssize_t n;

	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one,
				sizeof(one)) ||
	    bind(s, (struct sockaddr *)&a, sizeof(a)) || listen(s, 1)) {
		say("tcpecho: FAIL (%s)", strerror(errno));
		return;
	}
	say("tcpecho: listening on %d", port);
	arm_timeout(ECHO_TIMEOUT_S);
	c = accept(s, NULL, NULL);
	if (c < 0) {
		say("tcpecho: FAIL (accept: %s)", strerror(errno));
		close(s);
		return;
	}
	while ((n = read(c, buf, sizeof(buf))) > 0) {
		if (write(c, buf, (size_t)n) != n)
			break;
		total += n;
	}
	alarm(0);
	close(c);
	close(s);
	say("tcpecho: echoed %ld bytes", total);
}

/* rewind.tcpget=PORT: connect to the host's PORT through the gateway
 * (10.0.2.2), say hello and print each line the host sends back. */
static void tcp_get(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port)};
	static const char hello[] = "hello from the guest\n";
	char buf[512], *line, *nl;
	size_t len = 0;
	ssize_t n;
	int s;

	inet_pton(AF_INET, "10.0.2.2", &a.sin_addr);
	arm_timeout(ECHO_TIMEOUT_S);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof(a)) ||
	    write(s, hello, sizeof(hello) - 1) != (ssize_t)sizeof(hello) - 1) {
		say("tcpget: FAIL (%s)", strerror(errno));
		alarm(0);
		if (s >= 0)
			close(s);
		return;
	}
	while (len < sizeof(buf) - 1 &&
	       (n = read(s, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += (size_t)n;
	alarm(0);
	close(s);
	buf[len] = '\0';
	for (line = buf; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		say("tcpget: %s", line);
	}
	say("tcpget: done");
}

static void echo_line(void)
{
	char buf[256];
	size_t used = 0;

	arm_timeout(ECHO_TIMEOUT_S);
	while (used < sizeof(buf) - 1) {
		ssize_t n = read(STDIN_FILENO, buf + used, 1);

		if (n < 0 && errno == EINTR && !timed_out)
			continue;
		if (n <= 0)
			break;
		if (buf[used] == '\n' || buf[used] == '\r')
			break;
		used++;
	}
	disarm_timeout();
	buf[used] = '\0';
	if (timed_out)
		say("echo failed (no line within %d s)", ECHO_TIMEOUT_S);
	else
		say("echo: %s", buf);
}

/* A number from the command line, or 0 when absent or malformed. */
static unsigned long cmdline_count(const char *key)
{
	char val[32];
	char *end;
	unsigned long n;

	if (!cmdline_get(key, val, sizeof(val)))
		return 0;
	n = strtoul(val, &end, 10);
	return end == val || *end != '\0' ? 0 : n;
}

/* A user-space hot loop of n iterations: no system calls, only the timer
 * interrupting it. The empty asm takes the result, so the loop stays. */
static void hot_loop(unsigned long n)
{
	unsigned long x = 1;

	for (unsigned long i = 0; i < n; i++)
		x = x * 6364136223846793005ul + i;
	__asm__ volatile("" : : "r"(x));
}

/* One round of work that keeps the kernel writing its own data, not only
 * running a user loop: a file written, read back and removed in the
 * root tmpfs, a child forked and reaped, bytes through a pipe, and a
 * file of /proc read. */
static void work_round(unsigned long round)
{
	static char buf[16384];
	char path[32];
	int fd, p[2];
	pid_t pid;

	hot_loop(200000);
	snprintf(path, sizeof(path), "/work.%lu", round % 4);
	memset(buf, (int)(round & 0xff), sizeof(buf));
	fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
	if (fd >= 0) {
		for (int i = 0; i < 4; i++)
			if (write(fd, buf, sizeof(buf)) < 0)
				break;
		if (lseek(fd, 0, SEEK_SET) == 0)
			while (read(fd, buf, sizeof(buf)) > 0)
				;
		close(fd);
	}
	if (round % 4 == 3)
		unlink(path);
	if (pipe(p) == 0) {
		pid = fork();
		if (pid == 0) {
			close(p[0]);
			hot_loop(20000);
			for (int i = 0; i < 8; i++)
				if (write(p[1], buf, 4096) < 0)
					break;
			_exit(0);
		}
		close(p[1]);
		while (read(p[0], buf, sizeof(buf)) > 0)
			;
		close(p[0]);
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	fd = open(round % 2 ? "/proc/meminfo" : "/proc/stat", O_RDONLY);
	if (fd >= 0) {
		while (read(fd, buf, sizeof(buf)) > 0)
			;
		close(fd);
	}
}

/* rewind.loop=N and rewind.work=N: a long run after the checks, for the
 * benchmarks (bench/workloads/20-linux.sh, 60-skip.sh). */
static void run_work(void)
{
	unsigned long n = cmdline_count("rewind.loop");

	if (n) {
		hot_loop(n);
		say("info loop: %lu iterations", n);
	}
	n = cmdline_count("rewind.work");
	if (n) {
		for (unsigned long i = 0; i < n; i++)
			work_round(i);
		say("info work: %lu rounds", n);
	}
}

int main(void)
{
	char val[8];
	bool echo;

	install_alarm();
	mount_fs("proc", "/proc", MS_NOSUID | MS_NODEV | MS_NOEXEC);
	mount_fs("sysfs", "/sys", MS_NOSUID | MS_NODEV | MS_NOEXEC);
	mount_fs("devtmpfs", "/dev", MS_NOSUID);
	ensure_console();
	cmdline_load();

	echo = cmdline_get("rewind.echo", val, sizeof(val)) &&
	       strcmp(val, "1") == 0;
	if (echo)
		console_noecho();

	say("info starting");
	run_checks();
	if (echo)
		echo_line();
	if (cmdline_port("rewind.tcpecho"))
		tcp_echo(cmdline_port("rewind.tcpecho"));
	if (cmdline_port("rewind.tcpget"))
		tcp_get(cmdline_port("rewind.tcpget"));
	run_work();

	sync();
	if (getpid() != 1)
		return 0;
	reboot(RB_POWER_OFF);
	/* Only reached when poweroff failed. Returning from init makes the
	 * kernel panic with a clear message rather than hang silently. */
	say("info poweroff: %s", strerror(errno));
	return 1;
}
