/* The gdb stub against a mock target over a socketpair: the test is the
 * client, writing raw packets and asserting the exact replies. Also the
 * target description (checked by gdb-multiarch itself) and the listening
 * sockets. The stub serves on its own thread; the mock is only touched by
 * the test before the session starts and after it ends. */
#include "../gdb/packet.h"
#include "../gdb/server.h"
#include "../gdb/stub.h"
#include "../gdb/target_xml.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* ---- The mock target: 2 harts, 4 KiB of RAM at 0x80000000 ---- */

#define NHARTS	 2
#define RAM_BASE 0x80000000u
#define RAM_SIZE 4096u
#define MAX_BPS	 3
/* mvendorid: a register the document has and the mock cannot read. */
#define REG_BROKEN (GDB_REG_CSR_BASE + 0xf11)

struct mock_bp {
	enum gdb_bp_type type;
	uint64_t addr, len;
};

static struct mock {
	uint64_t regs[NHARTS][69]; /* x, pc, f, and fflags-fcsr */
	uint8_t ram[RAM_SIZE];
	struct mock_bp bps[MAX_BPS];
	int nbps;
	bool running, interrupted, exit_on_continue, no_history;
	int bogus_thread; /* when not 0, steps stop "on" this hart */
	enum gdb_resume_kind last_kind;
	int last_thread, resumes, interrupts;
	uint64_t history; /* steps that can be undone */
	struct gdb_stop stop;
	char monitor_cmd[256];
	int phys; /* the memory mode phys_mode set */
} mock;

static int mock_nthreads(void *ctx)
{
	(void)ctx;
	return NHARTS;
}

static int mock_reg_read(void *ctx, int t, int regno, uint64_t *val)
{
	(void)ctx;
	ck_assert(t >= 0 && t < NHARTS);
	if (regno >= 0 && regno < 69 && regno != GDB_REG_CSR_BASE) {
		*val = mock.regs[t][regno];
		return 0;
	}
	if (regno == GDB_REG_PRIV) {
		*val = 3;
		return 0;
	}
	if (regno == REG_BROKEN || !gdb_tdesc_find(regno))
		return -ENOENT;
	*val = (uint64_t)regno; /* other CSRs read as their number */
	return 0;
}

static int mock_reg_write(void *ctx, int t, int regno, uint64_t val)
{
	(void)ctx;
	ck_assert(t >= 0 && t < NHARTS);
	if (regno < 0 || regno >= 69)
		return -ENOENT;
	mock.regs[t][regno] = val;
	return 0;
}

/* Mapped bytes from addr on: a partial count at the end of RAM. */
static size_t mock_mapped(uint64_t addr, size_t len)
{
	if (addr < RAM_BASE || addr >= RAM_BASE + RAM_SIZE)
		return 0;
	size_t left = RAM_BASE + RAM_SIZE - addr;
	return len < left ? len : left;
}

static long mock_mem_read(void *ctx, int t, uint64_t addr, uint8_t *buf,
			  size_t len)
{
	(void)ctx;
	(void)t;
	size_t n = mock_mapped(addr, len);
	if (n)
		memcpy(buf, mock.ram + (addr - RAM_BASE), n);
	return (long)n;
}

static long mock_mem_write(void *ctx, int t, uint64_t addr, const uint8_t *buf,
			   size_t len)
{
	(void)ctx;
	(void)t;
	size_t n = mock_mapped(addr, len);
	if (n)
		memcpy(mock.ram + (addr - RAM_BASE), buf, n);
	return (long)n;
}

static int mock_bp_insert(void *ctx, enum gdb_bp_type type, uint64_t addr,
			  uint64_t len)
{
	(void)ctx;
	if (type >= GDB_WATCH_WRITE && len != 1 && len != 2 && len != 4 &&
	    len != 8)
		return -EINVAL;
	if (mock.nbps == MAX_BPS)
		return -ENOSPC;
	mock.bps[mock.nbps++] = (struct mock_bp){type, addr, len};
	return 0;
}

static int mock_bp_remove(void *ctx, enum gdb_bp_type type, uint64_t addr,
			  uint64_t len)
{
	(void)ctx;
	for (int i = 0; i < mock.nbps; i++) {
		struct mock_bp *b = &mock.bps[i];
		if (b->type == type && b->addr == addr && b->len == len) {
			*b = mock.bps[--mock.nbps];
			return 0;
		}
	}
	return -ENOENT;
}

static int mock_resume(void *ctx, enum gdb_resume_kind kind, int thread)
{
	(void)ctx;
	bool reverse = kind == GDB_REVERSE_CONTINUE || kind == GDB_REVERSE_STEP;
	if (reverse && mock.no_history)
		return -ENOTSUP;
	mock.last_kind = kind;
	mock.last_thread = thread;
	mock.resumes++;
	mock.running = true;
	mock.interrupted = false;
	return 0;
}

/* Where a continue stops: the first breakpoint or watchpoint set, else
 * an exit when asked for, else nowhere (it runs until interrupted). */
static bool mock_continue_stop(struct gdb_stop *st)
{
	if (mock.exit_on_continue) {
		*st = (struct gdb_stop){.kind = GDB_STOP_EXITED,
					.exit_code = 7};
		return true;
	}
	if (mock.nbps == 0)
		return false;
	static const enum gdb_stop_kind kinds[] = {
		GDB_STOP_SWBREAK, GDB_STOP_HWBREAK, GDB_STOP_WATCH,
		GDB_STOP_RWATCH, GDB_STOP_AWATCH};
	const struct mock_bp *b = &mock.bps[0];
	*st = (struct gdb_stop){.kind = kinds[b->type],
				.thread = 0,
				.addr = b->type >= GDB_WATCH_WRITE ? b->addr
								   : 0};
	if (b->type < GDB_WATCH_WRITE)
		mock.regs[0][GDB_REG_PC] = b->addr;
	return true;
}

static bool mock_poll(void *ctx, struct gdb_stop *st)
{
	(void)ctx;
	ck_assert(mock.running);
	bool stopped = true;
	int t = mock.last_thread >= 0 ? mock.last_thread : 0;
	if (mock.interrupted) {
		*st = (struct gdb_stop){.kind = GDB_STOP_INTERRUPT,
					.thread = 0};
	} else if (mock.last_kind == GDB_STEP) {
		mock.regs[t][GDB_REG_PC] += 4;
		mock.history++;
		*st = (struct gdb_stop){.kind = GDB_STOP_STEP, .thread = t};
	} else if (mock.last_kind == GDB_REVERSE_STEP && mock.history) {
		mock.regs[t][GDB_REG_PC] -= 4;
		mock.history--;
		*st = (struct gdb_stop){.kind = GDB_STOP_STEP, .thread = t};
	} else if (mock.last_kind != GDB_CONTINUE) {
		/* Reverse with no breakpoint behind, or no step left. */
		mock.history = 0;
		*st = (struct gdb_stop){.kind = GDB_STOP_HISTORY_BEGIN,
					.thread = 0};
	} else {
		stopped = mock_continue_stop(st);
	}
	if (!stopped) {
		usleep(1000); /* the guest runs for a while */
		return false;
	}
	if (mock.bogus_thread)
		st->thread = mock.bogus_thread;
	mock.running = false;
	mock.stop = *st;
	return true;
}

static void mock_interrupt(void *ctx)
{
	(void)ctx;
	mock.interrupted = true;
	mock.interrupts++;
}

static void mock_stop_reason(void *ctx, struct gdb_stop *st)
{
	(void)ctx;
	*st = mock.stop;
}

static void mock_thread_describe(void *ctx, int t, char *buf, size_t len)
{
	(void)ctx;
	snprintf(buf, len, "hart %d, M-mode", t);
}

static char long_output[20000];

static int mock_monitor(void *ctx, const char *cmd, char *out, size_t len)
{
	(void)ctx;
	snprintf(mock.monitor_cmd, sizeof mock.monitor_cmd, "%s", cmd);
	if (strcmp(cmd, "help") == 0) {
		snprintf(out, len, "commands: help, long\n");
		return 0;
	}
	if (strcmp(cmd, "long") == 0) {
		snprintf(out, len, "%s", long_output);
		return 0;
	}
	snprintf(out, len, "unknown command: %s", cmd);
	return -1;
}

static int mock_phys_mode(void *ctx, int phys)
{
	(void)ctx;
	if (phys >= 0)
		mock.phys = phys;
	return mock.phys;
}

static const struct gdb_target_ops mock_ops = {
	.nthreads = mock_nthreads,
	.reg_read = mock_reg_read,
	.reg_write = mock_reg_write,
	.mem_read = mock_mem_read,
	.mem_write = mock_mem_write,
	.bp_insert = mock_bp_insert,
	.bp_remove = mock_bp_remove,
	.resume = mock_resume,
	.poll = mock_poll,
	.interrupt = mock_interrupt,
	.stop_reason = mock_stop_reason,
	.thread_describe = mock_thread_describe,
	.monitor = mock_monitor,
	.phys_mode = mock_phys_mode,
};

/* ---- The client side ---- */

static struct gdb_stub *stub;
static int client = -1;
static pthread_t server;
static int serve_result;
static bool acking; /* the session is in acknowledgement mode */
static char reply[65536];

static void *serve_thread(void *arg)
{
	serve_result = gdb_stub_serve(stub, *(int *)arg);
	close(*(int *)arg);
	return NULL;
}

static void setup(void)
{
	memset(&mock, 0, sizeof mock);
	mock.stop = (struct gdb_stop){.kind = GDB_STOP_STEP, .thread = 0};
	for (int t = 0; t < NHARTS; t++)
		for (int r = 0; r < 69; r++)
			mock.regs[t][r] = 0x1111111111111111ull * (uint64_t)r +
					  (uint64_t)t;
	for (unsigned i = 0; i < RAM_SIZE; i++)
		mock.ram[i] = (uint8_t)i;
	for (size_t i = 0; i < sizeof long_output - 1; i++)
		long_output[i] = (char)('a' + i % 26);
	stub = gdb_stub_new(&mock_ops, NULL);
	ck_assert_ptr_nonnull(stub);
}

static void teardown(void)
{
	gdb_stub_free(stub);
}

static void start(void)
{
	static int server_fd;
	int sv[2];
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	client = sv[0];
	server_fd = sv[1];
	acking = true;
	ck_assert_int_eq(
		pthread_create(&server, NULL, serve_thread, &server_fd), 0);
}

/* Close our end (unless closed already) and collect how serve ended. */
static int finish(void)
{
	if (client >= 0)
		close(client);
	client = -1;
	ck_assert_int_eq(pthread_join(server, NULL), 0);
	return serve_result;
}

static void send_raw(const void *data, size_t len)
{
	ck_assert_int_eq(send(client, data, len, MSG_NOSIGNAL), (ssize_t)len);
}

static void send_packet_n(const char *payload, size_t len)
{
	static uint8_t framed[GDB_PACKET_MAX + 64];
	long n = gdb_packet_frame((const uint8_t *)payload, len, framed,
				  sizeof framed);
	ck_assert_int_gt(n, 0);
	send_raw(framed, (size_t)n);
}

/* One byte from the stub; a stub that says nothing fails the test rather
 * than hanging it. */
static int recv_byte(void)
{
	struct pollfd pfd = {client, POLLIN, 0};
	ck_assert_msg(poll(&pfd, 1, 10000) == 1, "the stub did not answer");
	uint8_t c;
	ssize_t n = recv(client, &c, 1, 0);
	return n == 1 ? c : -1;
}

static void expect_byte(char want)
{
	int c = recv_byte();
	ck_assert_msg(c == (uint8_t)want, "got %d, wanted '%c'", c, want);
}

/* The next packet from the stub, checksum verified and acknowledged. */
static const char *recv_packet(void)
{
	int c;
	while ((c = recv_byte()) != '$')
		ck_assert_msg(c >= 0, "connection closed before a packet");
	size_t n = 0;
	while ((c = recv_byte()) != '#') {
		ck_assert_int_ge(c, 0);
		ck_assert_uint_lt(n, sizeof reply - 1);
		reply[n++] = (char)c;
	}
	reply[n] = 0;
	char cs[3] = {(char)recv_byte(), (char)recv_byte(), 0};
	ck_assert_uint_eq(strtoul(cs, NULL, 16),
			  gdb_packet_checksum((const uint8_t *)reply, n));
	if (acking)
		send_raw("+", 1);
	return reply;
}

/* Send a packet; the stub acknowledges it in acknowledgement mode. */
static void send_packet(const char *payload)
{
	send_packet_n(payload, strlen(payload));
	if (acking)
		expect_byte('+');
}

static const char *cmd(const char *payload)
{
	send_packet(payload);
	return recv_packet();
}

static void cmd_is(const char *payload, const char *want)
{
	const char *got = cmd(payload);
	ck_assert_msg(strcmp(got, want) == 0, "%s: got '%s', wanted '%s'",
		      payload, got, want);
}

static void no_ack_mode(void)
{
	cmd_is("QStartNoAckMode", "OK");
	acking = false;
}

static char *hex_of(const char *s, char *out)
{
	static const char d[] = "0123456789abcdef";
	size_t i = 0;
	for (; s[i]; i++) {
		out[2 * i] = d[(uint8_t)s[i] >> 4];
		out[2 * i + 1] = d[(uint8_t)s[i] & 15];
	}
	out[2 * i] = 0;
	return out;
}

/* A value as gdb sees a register: little-endian hex of `bytes` bytes. */
static char *le_hex(uint64_t v, unsigned bytes, char *out)
{
	for (unsigned i = 0; i < bytes; i++)
		sprintf(out + 2 * i, "%02x", (unsigned)(v >> (8 * i)) & 0xff);
	return out;
}

/* ---- Sessions ---- */

START_TEST(test_handshake)
{
	start();
	cmd_is("qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+",
	       "PacketSize=4000;qXfer:features:read+;ReverseStep+;"
	       "ReverseContinue+;swbreak+;hwbreak+;vContSupported+;"
	       "QStartNoAckMode+");
	cmd_is("vMustReplyEmpty", "");
	cmd_is("qTStatus", "");
	no_ack_mode();
	/* From here on nothing is acknowledged either way. */
	cmd_is("?", "T05thread:1;");
	cmd_is("qAttached", "1");
	cmd_is("qAttached:1", "1");
	cmd_is("qC", "QC1");
	cmd_is("vCont?", "vCont;c;C;s;S");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
}
END_TEST

START_TEST(test_registers)
{
	char want[1024], hex[64];
	start();
	/* g: x0-x31 and pc of the selected hart. */
	want[0] = 0;
	for (int r = 0; r <= GDB_REG_PC; r++)
		strcat(want, le_hex(mock.regs[0][r], 8, hex));
	cmd_is("g", want);
	cmd_is("p20", le_hex(mock.regs[0][GDB_REG_PC], 8, hex));
	cmd_is("p21", le_hex(mock.regs[0][GDB_REG_F0], 8, hex));
	/* fflags, frm and fcsr are 32 bits wide on the wire. */
	cmd_is("p42", le_hex(mock.regs[0][66], 4, hex));
	cmd_is("p44", le_hex(mock.regs[0][68], 4, hex));
	cmd_is("p1041", "0300000000000000"); /* priv: M-mode */
	cmd_is("p341", "4103000000000000");  /* mstatus: 65 + 0x300 */
	/* Declared, but the target has no value: unavailable. */
	cmd_is("pf52", "xxxxxxxxxxxxxxxx");
	/* Not in the description (CSR 0, ustatus) or past it. */
	cmd_is("p41", "E02");
	cmd_is("p2000", "E02");
	cmd_is("p20x", "E16");

	cmd_is("P20=8877665544332211", "OK");
	cmd_is("p20", "8877665544332211");
	cmd_is("P42=1f000000", "OK");
	cmd_is("P42=1f", "E16"); /* 32 bits, not 8 */
	cmd_is("P41=0000000000000000", "E02");

	/* G writes as many registers as it carries, in g's order. */
	char g[1024] = "G";
	for (int r = 0; r <= GDB_REG_PC; r++)
		strcat(g, le_hex(0x100 + (uint64_t)r, 8, hex));
	cmd_is(g, "OK");
	cmd_is("p5", le_hex(0x105, 8, hex));
	cmd_is("G0011", "E16"); /* not a whole register */

	/* Hg picks the hart registers come from. */
	cmd_is("Hg2", "OK");
	cmd_is("p20", le_hex(mock.regs[1][GDB_REG_PC], 8, hex));
	cmd_is("Hg3", "E03");
	cmd_is("Hg0", "OK");
	cmd_is("p5", le_hex(0x105, 8, hex));
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	ck_assert_uint_eq(mock.regs[0][GDB_REG_PC], 0x100 + GDB_REG_PC);
	ck_assert_uint_eq(mock.regs[0][66], 0x1f);
}
END_TEST

START_TEST(test_memory)
{
	start();
	no_ack_mode();
	cmd_is("m80000000,4", "00010203");
	cmd_is("m80000010,2", "1011");
	/* The end of RAM: what could be read, then nothing at all. */
	cmd_is("m80000ffe,4", "feff");
	cmd_is("m80001000,4", "E0e");
	cmd_is("m0,1", "E0e");
	cmd_is("m80000000,0", "E16");
	cmd_is("m80000000", "E16");
	cmd_is("m80000000,2001", "E16");

	cmd_is("M80000000,2:beef", "OK");
	cmd_is("m80000000,3", "beef02");
	/* Half of it unmapped: the target wrote what it could. */
	cmd_is("M80000fff,2:0102", "E0e");
	cmd_is("M0,1:00", "E0e");
	cmd_is("M80000000,2:be", "E16");

	/* X: binary, with } escapes for # $ } *. */
	const char x[] = "X80000100,5:}\x03}\x04}\x5d}\x0a\x03";
	send_packet_n(x, sizeof x - 1);
	ck_assert_str_eq(recv_packet(), "OK");
	cmd_is("m80000100,5", "23247d2a03");
	cmd_is("X80000000,0:", "OK");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
	ck_assert_uint_eq(mock.ram[0], 0xbe);
	ck_assert_uint_eq(mock.ram[0xfff], 0x01);
}
END_TEST

START_TEST(test_breakpoints)
{
	start();
	no_ack_mode();
	cmd_is("Z0,80000010,4", "OK");
	cmd_is("Z0,80000020,3", "E16"); /* not an instruction length */
	cmd_is("Z2,80000100,3", "E16"); /* the target refuses it */
	cmd_is("Z1,80000022,2", "OK");
	cmd_is("Z2,80000100,8", "OK");
	cmd_is("Z3,80000200,4", "E1c"); /* full */
	cmd_is("z0,80000030,4", "E02"); /* never set */
	cmd_is("z1,80000022,2", "OK");
	/* Continue runs into the breakpoint. */
	send_packet("vCont;c");
	ck_assert_str_eq(recv_packet(), "T05thread:1;swbreak:;");
	ck_assert_int_eq(mock.last_kind, GDB_CONTINUE);
	cmd_is("p20", "1000008000000000");
	cmd_is("z0,80000010,4", "OK");
	/* Now the watchpoint is first. */
	send_packet("c");
	ck_assert_str_eq(recv_packet(), "T05thread:1;watch:80000100;");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
	ck_assert_int_eq(mock.nbps, 1);
	ck_assert_int_eq(mock.bps[0].type, GDB_WATCH_WRITE);
}
END_TEST

START_TEST(test_step)
{
	start();
	no_ack_mode();
	uint64_t pc1 = mock.regs[1][GDB_REG_PC];
	/* Step hart 1 (thread 2) while the others continue. */
	send_packet("vCont;s:2;c");
	ck_assert_str_eq(recv_packet(), "T05thread:2;");
	ck_assert_int_eq(mock.last_kind, GDB_STEP);
	ck_assert_int_eq(mock.last_thread, 1);
	/* The hart that stopped is now the selected one. */
	cmd_is("qC", "QC2");
	char hex[32];
	cmd_is("p20", le_hex(pc1 + 4, 8, hex));
	/* A plain s steps it again; s with an address starts there. */
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:2;");
	ck_assert_int_eq(mock.last_thread, 1);
	send_packet("s80000400");
	ck_assert_str_eq(recv_packet(), "T05thread:2;");
	cmd_is("p20", "0404008000000000");
	/* Hc names the hart for the next step. */
	cmd_is("Hc1", "OK");
	send_packet("vCont;s");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	ck_assert_int_eq(mock.last_thread, 0);
	cmd_is("vCont;s:3", "E03");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
	ck_assert_int_eq(mock.resumes, 4);
}
END_TEST

START_TEST(test_bogus_stop_thread)
{
	/* A hart the target does not have is never named to the client,
	 * nor selected. */
	start();
	no_ack_mode();
	cmd_is("Hc2", "OK");
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:2;");
	mock.bogus_thread = 7; /* the stub thread is stopped: no race */
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:2;");
	cmd_is("qC", "QC2");
	mock.stop.thread = -5;
	cmd_is("?", "T05thread:2;");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_interrupt)
{
	start();
	send_packet("vCont;c");
	/* Running, with no breakpoint: only Ctrl-C stops it. */
	send_raw("\x03", 1);
	ck_assert_str_eq(recv_packet(), "T02thread:1;");
	ck_assert_int_eq(mock.interrupts, 1);
	/* Ctrl-C while stopped is ignored; the stub still answers. */
	send_raw("\x03", 1);
	cmd_is("?", "T02thread:1;");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
	ck_assert_int_eq(mock.interrupts, 1);
}
END_TEST

START_TEST(test_reverse)
{
	start();
	no_ack_mode();
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	/* Back over both steps, then the start of history. */
	send_packet("bs");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	ck_assert_int_eq(mock.last_kind, GDB_REVERSE_STEP);
	ck_assert_int_eq(mock.last_thread, 0);
	send_packet("bs");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	send_packet("bs");
	ck_assert_str_eq(recv_packet(), "T05thread:1;replaylog:begin;");
	send_packet("s");
	ck_assert_str_eq(recv_packet(), "T05thread:1;");
	send_packet("bc");
	ck_assert_str_eq(recv_packet(), "T05thread:1;replaylog:begin;");
	ck_assert_int_eq(mock.last_kind, GDB_REVERSE_CONTINUE);
	cmd_is("?", "T05thread:1;replaylog:begin;");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
}
END_TEST

START_TEST(test_reverse_without_history)
{
	mock.no_history = true;
	start();
	no_ack_mode();
	cmd_is("bc", "E5f");
	cmd_is("bs", "E5f");
	cmd_is("?", "T05thread:1;");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	ck_assert_int_eq(mock.resumes, 0);
}
END_TEST

START_TEST(test_monitor)
{
	char hex[256], cmdhex[64], want[128];
	start();
	/* Output comes as O packets, then OK. */
	send_packet("qRcmd,68656c70"); /* help */
	snprintf(want, sizeof want, "O%s",
		 hex_of("commands: help, long\n", cmdhex));
	ck_assert_str_eq(recv_packet(), want);
	ck_assert_str_eq(recv_packet(), "OK");
	/* A failure, to a client without E.text: the text, then E01. */
	snprintf(hex, sizeof hex, "qRcmd,%s", hex_of("frob", cmdhex));
	send_packet(hex);
	snprintf(want, sizeof want, "O%s",
		 hex_of("unknown command: frob", cmdhex));
	ck_assert_str_eq(recv_packet(), want);
	ck_assert_str_eq(recv_packet(), "E01");
	/* Output longer than a packet is split over several. */
	snprintf(hex, sizeof hex, "qRcmd,%s", hex_of("long", cmdhex));
	send_packet(hex);
	static char got[sizeof long_output];
	size_t n = 0;
	const char *p;
	int packets = 0;
	while (strcmp(p = recv_packet(), "OK") != 0) {
		ck_assert(p[0] == 'O' && strlen(p) % 2 == 1);
		packets++;
		for (p++; *p; p += 2) {
			char byte[3] = {p[0], p[1], 0};
			ck_assert_uint_lt(n, sizeof got - 1);
			got[n++] = (char)strtoul(byte, NULL, 16);
		}
	}
	got[n] = 0;
	ck_assert_str_eq(got, long_output);
	ck_assert_int_eq(packets, 3);
	/* A client that takes E.text gets the reason in the error. */
	cmd(strcpy(hex, "qSupported:error-message+"));
	snprintf(hex, sizeof hex, "qRcmd,%s", hex_of("frob", cmdhex));
	cmd_is(hex, "E.unknown command: frob");
	cmd_is("qRcmd,6", "E16");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	ck_assert_str_eq(mock.monitor_cmd, "frob");
}
END_TEST

/* Qqemu.PhyMemMode sets the target's memory mode, qqemu.PhyMemMode
 * reports it; a bad value changes nothing. */
START_TEST(test_phys_mode)
{
	start();
	no_ack_mode();
	cmd_is("qqemu.PhyMemMode", "0");
	cmd_is("Qqemu.PhyMemMode:1", "OK");
	ck_assert_int_eq(mock.phys, 1);
	cmd_is("qqemu.PhyMemMode", "1");
	cmd_is("Qqemu.PhyMemMode:2", "E16");
	cmd_is("qqemu.PhyMemMode", "1");
	cmd_is("Qqemu.PhyMemMode:0", "OK");
	cmd_is("qqemu.PhyMemMode", "0");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_threads)
{
	char hex[128];
	start();
	no_ack_mode();
	cmd_is("qfThreadInfo", "m1,2");
	cmd_is("qsThreadInfo", "l");
	cmd_is("qThreadExtraInfo,2", hex_of("hart 1, M-mode", hex));
	cmd_is("qThreadExtraInfo,1", hex_of("hart 0, M-mode", hex));
	cmd_is("qThreadExtraInfo,3", "E03");
	cmd_is("qThreadExtraInfo,0", "E03");
	cmd_is("T1", "OK");
	cmd_is("T2", "OK");
	cmd_is("T3", "E03");
	cmd_is("T0", "E03");
	cmd_is("Hc2", "OK");
	cmd_is("Hc-1", "OK");
	cmd_is("Hg-1", "OK");
	cmd_is("Hc0", "OK");
	cmd_is("Hc5", "E03");
	send_packet("D");
	ck_assert_str_eq(recv_packet(), "OK");
	ck_assert_int_eq(finish(), GDB_END_DETACH);
}
END_TEST

START_TEST(test_target_xml)
{
	static char doc[65536], got[65536];
	long len = gdb_tdesc_xml("target.xml", doc, sizeof doc);
	ck_assert_int_gt(len, 0);
	ck_assert_int_lt(len, sizeof doc);
	start();
	no_ack_mode();
	/* Read it in pieces as gdb does, undoing the escapes. */
	size_t n = 0;
	for (;;) {
		char q[96];
		snprintf(q, sizeof q, "qXfer:features:read:target.xml:%zx,3e8",
			 n);
		const char *r = cmd(q);
		ck_assert(r[0] == 'm' || r[0] == 'l');
		for (const char *p = r + 1; *p; p++) {
			char c = *p == '}' ? (char)(*++p ^ 0x20) : *p;
			ck_assert_uint_lt(n, sizeof got);
			got[n++] = c;
		}
		if (r[0] == 'l')
			break;
		ck_assert_uint_le(strlen(r + 1), 2 * 1000);
	}
	ck_assert_uint_eq(n, (size_t)len);
	ck_assert(memcmp(got, doc, n) == 0);
	char q[96];
	snprintf(q, sizeof q, "qXfer:features:read:target.xml:%lx,100", len);
	cmd_is(q, "l");
	snprintf(q, sizeof q, "qXfer:features:read:target.xml:%lx,100",
		 len + 1);
	cmd_is(q, "E16");
	cmd_is("qXfer:features:read:other.xml:0,100", "E00");
	cmd_is("qXfer:features:read:target.xml:0", "E16");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_malformed_then_valid)
{
	start();
	/* A bad checksum is refused with '-'; the resent packet is served. */
	send_raw("$?#00", 5);
	expect_byte('-');
	cmd_is("?", "T05thread:1;");
	/* Malformed commands get an error, and serving goes on. */
	cmd_is("m80000000", "E16");
	cmd_is("Z9,0,0", "E16");
	cmd_is("vCont;x", "E16");
	cmd_is("qRcmd,zz", "E16");
	cmd_is("Hgzz", "E16");
	/* Line noise between packets is ignored. */
	send_raw("garbage\r\n", 9);
	cmd_is("qC", "QC1");
	/* An overlong packet is taken ('+') and answered with an error. */
	static char big[GDB_PACKET_MAX + 2];
	memset(big, 'm', sizeof big - 1);
	big[sizeof big - 1] = 0;
	cmd_is(big, "E16");
	/* Without acknowledgements a bad checksum gets an error reply, or
	 * the client would wait for ever. */
	no_ack_mode();
	send_raw("$?#00", 5);
	ck_assert_str_eq(recv_packet(), "E16");
	cmd_is("?", "T05thread:1;");
	send_packet("k");
	ck_assert_int_eq(finish(), GDB_END_KILL);
}
END_TEST

START_TEST(test_nack_resends)
{
	start();
	cmd_is("qC", "QC1");
	/* '-' for the reply: the same packet again. */
	send_raw("-", 1);
	ck_assert_str_eq(recv_packet(), "QC1");
	cmd_is("qAttached", "1");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_close_mid_packet)
{
	start();
	cmd_is("?", "T05thread:1;");
	send_raw("$m8000", 6);
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_close_before_reply)
{
	/* The reply goes to a closed socket: no SIGPIPE, a clean end. */
	signal(SIGPIPE, SIG_DFL);
	start();
	send_packet_n("g", 1);
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
}
END_TEST

START_TEST(test_close_while_running)
{
	/* The target is left stopped for the caller. */
	start();
	send_packet("vCont;c");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	ck_assert(!mock.running);
	ck_assert_int_eq(mock.interrupts, 1);
}
END_TEST

START_TEST(test_exit)
{
	mock.exit_on_continue = true;
	start();
	no_ack_mode();
	send_packet("c");
	ck_assert_str_eq(recv_packet(), "W07");
	cmd_is("c", "E03"); /* nothing left to run */
	ck_assert_int_eq(finish(), GDB_END_EXITED);
	ck_assert_int_eq(mock.resumes, 1);
}
END_TEST

START_TEST(test_sessions_start_afresh)
{
	/* A second client on the same stub starts in acknowledgement mode,
	 * without the first one's options. */
	start();
	no_ack_mode();
	cmd_is("Hg2", "OK");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	start();
	cmd_is("qC", "QC1");
	cmd_is("p20", "2022222222222222");
	ck_assert_int_eq(finish(), GDB_END_DISCONNECT);
	ck_assert_int_eq(gdb_stub_serve(stub, -1), -EBADF);
}
END_TEST

/* ---- The target description ---- */

START_TEST(test_tdesc_table)
{
	const struct gdb_reg_desc *d = gdb_tdesc_find(0);
	ck_assert_str_eq(d->name, "zero");
	ck_assert_str_eq(gdb_tdesc_find(8)->name, "fp");
	ck_assert_str_eq(gdb_tdesc_find(GDB_REG_PC)->name, "pc");
	ck_assert_str_eq(gdb_tdesc_find(GDB_REG_F0)->name, "ft0");
	ck_assert_str_eq(gdb_tdesc_find(GDB_REG_F0 + 31)->name, "ft11");
	ck_assert_str_eq(gdb_tdesc_find(66)->name, "fflags");
	ck_assert_uint_eq(gdb_tdesc_find(66)->bitsize, 32);
	ck_assert_str_eq(gdb_tdesc_find(68)->name, "fcsr");
	ck_assert_str_eq(gdb_tdesc_find(65 + 0x300)->name, "mstatus");
	ck_assert_str_eq(gdb_tdesc_find(65 + 0x180)->name, "satp");
	ck_assert_str_eq(gdb_tdesc_find(65 + 0x3bf)->name, "pmpaddr15");
	ck_assert_str_eq(gdb_tdesc_find(GDB_REG_PRIV)->name, "priv");
	ck_assert_ptr_null(gdb_tdesc_find(65));
	ck_assert_ptr_null(gdb_tdesc_find(65 + 0x3a1)); /* RV32 only */
	ck_assert_ptr_null(gdb_tdesc_find(-1));
	ck_assert_ptr_null(gdb_tdesc_find(GDB_REG_PRIV + 1));
	/* Ascending and unique, and every one in the document. */
	static char doc[65536];
	ck_assert_int_lt(gdb_tdesc_xml("target.xml", doc, sizeof doc),
			 sizeof doc);
	ck_assert_ptr_nonnull(
		strstr(doc, "<architecture>riscv:rv64</architecture>"));
	for (size_t i = 0; i < gdb_tdesc_count(); i++) {
		d = gdb_tdesc_at(i);
		if (i)
			ck_assert_int_gt(d->regnum,
					 gdb_tdesc_at(i - 1)->regnum);
		ck_assert_ptr_eq(gdb_tdesc_find(d->regnum), d);
		char line[128];
		snprintf(line, sizeof line, "<reg name=\"%s\" bitsize=\"%u\"",
			 d->name, d->bitsize);
		ck_assert_msg(strstr(doc, line), "%s missing", d->name);
	}
	ck_assert_ptr_null(gdb_tdesc_at(gdb_tdesc_count()));
	ck_assert_int_eq(gdb_tdesc_xml("other.xml", doc, sizeof doc), -ENOENT);
	/* Like snprintf: the whole length, whatever fits. */
	char tiny[8];
	ck_assert_int_gt(gdb_tdesc_xml("target.xml", tiny, sizeof tiny), 8);
	ck_assert_str_eq(tiny, "<?xml v");
}
END_TEST

START_TEST(test_tdesc_gdb_accepts)
{
	/* gdb-multiarch reads the document and numbers every register, on
	 * the wire and in gdb, as declared, at the declared size. */
	static char doc[65536];
	char path[] = "/tmp/rewind-tdesc-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	long len = gdb_tdesc_xml("target.xml", doc, sizeof doc);
	ck_assert_int_eq(write(fd, doc, (size_t)len), len);
	close(fd);
	char command[512];
	snprintf(command, sizeof command,
		 "gdb-multiarch -nx -batch -ex 'set architecture riscv:rv64' "
		 "-ex 'set tdesc filename %s' -ex 'maint print "
		 "remote-registers' 2>&1",
		 path);
	FILE *p = popen(command, "r");
	ck_assert_ptr_nonnull(p);
	size_t found = 0;
	char line[256];
	while (fgets(line, sizeof line, p)) {
		char name[64], type[64];
		int nr, rel, off, size, rnr;
		if (sscanf(line, " %63s %d %d %d %d %63s %d", name, &nr, &rel,
			   &off, &size, type, &rnr) != 7)
			continue;
		const struct gdb_reg_desc *d = gdb_tdesc_find(nr);
		ck_assert_msg(d && strcmp(d->name, name) == 0,
			      "gdb has %s at %d", name, nr);
		ck_assert_int_eq(rnr, nr);
		ck_assert_int_eq(size * 8, (int)d->bitsize);
		found++;
	}
	int status = pclose(p);
	unlink(path);
	ck_assert_msg(status == 0, "gdb-multiarch failed (%d)", status);
	ck_assert_uint_eq(found, gdb_tdesc_count());
}
END_TEST

/* ---- Listening ---- */

static char err[256];

static void connects_and_accepts(int lfd, const struct sockaddr *sa,
				 socklen_t len)
{
	int c = socket(sa->sa_family, SOCK_STREAM, 0);
	ck_assert_int_ge(c, 0);
	ck_assert_int_eq(connect(c, sa, len), 0);
	int a = gdb_accept(lfd, 10000, err, sizeof err);
	ck_assert_msg(a >= 0, "%s", err);
	ck_assert_int_eq(send(c, "+", 1, 0), 1);
	char b;
	ck_assert_int_eq(recv(a, &b, 1, 0), 1);
	close(a);
	close(c);
}

START_TEST(test_listen_tcp)
{
	int lfd = gdb_listen("0", err, sizeof err);
	ck_assert_msg(lfd >= 0, "%s", err);
	int port = gdb_listen_port(lfd);
	ck_assert_int_gt(port, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET,
				 .sin_port = htons((uint16_t)port),
				 .sin_addr.s_addr = htonl(0x7f000001)};
	connects_and_accepts(lfd, (struct sockaddr *)&sa, sizeof sa);
	/* Nobody else waiting: a timeout, said as such. */
	ck_assert_int_eq(gdb_accept(lfd, 0, err, sizeof err), -ETIMEDOUT);
	ck_assert_ptr_nonnull(strstr(err, "no gdb client"));
	/* The same port again, at once (SO_REUSEADDR), with a host. */
	gdb_listen_close(lfd);
	char spec[32];
	snprintf(spec, sizeof spec, "127.0.0.1:%d", port);
	lfd = gdb_listen(spec, err, sizeof err);
	ck_assert_msg(lfd >= 0, "%s", err);
	ck_assert_int_eq(gdb_listen_port(lfd), port);
	connects_and_accepts(lfd, (struct sockaddr *)&sa, sizeof sa);
	/* Taken while we listen. */
	ck_assert_int_lt(gdb_listen(spec, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(err, "cannot listen on 127.0.0.1:"));
	gdb_listen_close(lfd);
	lfd = gdb_listen("localhost:0", err, sizeof err);
	ck_assert_msg(lfd >= 0, "%s", err);
	gdb_listen_close(lfd);
}
END_TEST

START_TEST(test_listen_bad_specs)
{
	const char *bad[] = {"",	  "abc",      "65536",	  "-1",
			     "1234x",	  "host:",    "::1:1234", "[::1]",
			     "[::1:1234", "99999999", "1:2:3"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = 0;
		ck_assert_msg(gdb_listen(bad[i], err, sizeof err) == -EINVAL,
			      "'%s' accepted", bad[i]);
		ck_assert_msg(err[0], "no message for '%s'", bad[i]);
	}
}
END_TEST

START_TEST(test_listen_unix)
{
	char dir[] = "/tmp/rewind-gdbsock-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/gdb.sock", dir);
	int lfd = gdb_listen(path, err, sizeof err);
	ck_assert_msg(lfd >= 0, "%s", err);
	ck_assert_int_eq(gdb_listen_port(lfd), -EAFNOSUPPORT);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(sa.sun_path, path);
	connects_and_accepts(lfd, (struct sockaddr *)&sa, sizeof sa);
	/* Someone listens there: refused. */
	ck_assert_int_eq(gdb_listen(path, err, sizeof err), -EADDRINUSE);
	ck_assert_ptr_nonnull(strstr(err, path));
	/* A socket nobody listens on is stale: replaced. */
	close(lfd);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	lfd = gdb_listen(path, err, sizeof err);
	ck_assert_msg(lfd >= 0, "%s", err);
	connects_and_accepts(lfd, (struct sockaddr *)&sa, sizeof sa);
	/* Closing removes the file. */
	gdb_listen_close(lfd);
	ck_assert_int_eq(stat(path, &st), -1);
	/* A regular file is never replaced. */
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert_int_eq(gdb_listen(path, err, sizeof err), -EEXIST);
	ck_assert_ptr_nonnull(strstr(err, "not a socket"));
	ck_assert_int_eq(stat(path, &st), 0);
	unlink(path);
	/* Too long for a socket address; a directory that is not there. */
	char longpath[200];
	memset(longpath, 'a', sizeof longpath - 1);
	longpath[0] = '/';
	longpath[sizeof longpath - 1] = 0;
	ck_assert_int_eq(gdb_listen(longpath, err, sizeof err), -ENAMETOOLONG);
	snprintf(path, sizeof path, "%s/missing/gdb.sock", dir);
	ck_assert_int_eq(gdb_listen(path, err, sizeof err), -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, path));
	rmdir(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("gdb_stub");
	TCase *tc = tcase_create("stub");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_handshake);
	tcase_add_test(tc, test_registers);
	tcase_add_test(tc, test_memory);
	tcase_add_test(tc, test_breakpoints);
	tcase_add_test(tc, test_step);
	tcase_add_test(tc, test_bogus_stop_thread);
	tcase_add_test(tc, test_interrupt);
	tcase_add_test(tc, test_reverse);
	tcase_add_test(tc, test_reverse_without_history);
	tcase_add_test(tc, test_monitor);
	tcase_add_test(tc, test_phys_mode);
	tcase_add_test(tc, test_threads);
	tcase_add_test(tc, test_target_xml);
	tcase_add_test(tc, test_malformed_then_valid);
	tcase_add_test(tc, test_nack_resends);
	tcase_add_test(tc, test_close_mid_packet);
	tcase_add_test(tc, test_close_before_reply);
	tcase_add_test(tc, test_close_while_running);
	tcase_add_test(tc, test_exit);
	tcase_add_test(tc, test_sessions_start_afresh);
	suite_add_tcase(s, tc);
	TCase *td = tcase_create("target_xml");
	tcase_set_timeout(td, 60);
	tcase_add_test(td, test_tdesc_table);
	tcase_add_test(td, test_tdesc_gdb_accepts);
	suite_add_tcase(s, td);
	TCase *ls = tcase_create("listen");
	tcase_set_timeout(ls, 60);
	tcase_add_test(ls, test_listen_tcp);
	tcase_add_test(ls, test_listen_bad_specs);
	tcase_add_test(ls, test_listen_unix);
	suite_add_tcase(s, ls);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
