/* The gdb packet layer: framing and checksums, the receiver's events
 * however the bytes are split, escapes, every command's parse, every kind
 * of malformed payload refused, and the reply encodings. */
#include "../gdb/packet.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static struct gdb_rx rx;
static struct gdb_cmd cmd;

static int parse_n(const char *s, size_t n)
{
	return gdb_packet_parse((const uint8_t *)s, n, &cmd);
}

static int parse(const char *s)
{
	return parse_n(s, strlen(s));
}

/* Parses, and is of that kind. */
static void parses_as(const char *s, enum gdb_cmd_kind kind)
{
	ck_assert_msg(parse(s) == 0, "'%s' did not parse", s);
	ck_assert_msg(cmd.kind == kind, "'%s': kind %d, not %d", s, cmd.kind,
		      kind);
}

static void malformed(const char *s)
{
	ck_assert_msg(parse(s) == -EINVAL, "'%s' was accepted", s);
}

/* $payload#checksum, as a client frames it. */
static size_t frame(const char *payload, char *out, size_t cap)
{
	long n = gdb_packet_frame((const uint8_t *)payload, strlen(payload),
				  (uint8_t *)out, cap);
	ck_assert_int_gt(n, 0);
	out[n] = 0;
	return (size_t)n;
}

/* Feed s from the start; the first event and how far it got. */
static enum gdb_rx_event feed(const char *s, size_t len, size_t *used)
{
	enum gdb_rx_event ev;
	*used = gdb_rx_feed(&rx, (const uint8_t *)s, len, &ev);
	return ev;
}

static void payload_is(const char *want)
{
	size_t len;
	const uint8_t *p = gdb_rx_payload(&rx, &len);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert(memcmp(p, want, len) == 0);
}

static void setup(void)
{
	gdb_rx_init(&rx);
}

/* ---- Framing and receiving ---- */

START_TEST(test_frame_checksum)
{
	char out[32];
	ck_assert_uint_eq(frame("OK", out, sizeof out), 6);
	ck_assert_str_eq(out, "$OK#9a");
	frame("", out, sizeof out);
	ck_assert_str_eq(out, "$#00");
	ck_assert_int_eq(
		gdb_packet_frame((const uint8_t *)"OK", 2, (uint8_t *)out, 5),
		-ENOSPC);
	ck_assert_uint_eq(gdb_packet_checksum((const uint8_t *)"g", 1), 0x67);
}
END_TEST

START_TEST(test_rx_packet)
{
	size_t used;
	const char *s = "$g#67$?#3f";
	ck_assert_int_eq(feed(s, strlen(s), &used), GDB_RX_PACKET);
	ck_assert_uint_eq(used, 5);
	payload_is("g");
	ck_assert_int_eq(feed(s + 5, strlen(s) - 5, &used), GDB_RX_PACKET);
	payload_is("?");
	/* Checksum digits in either case. */
	char up[32];
	frame("qAttached", up, sizeof up);
	for (char *p = strchr(up, '#'); *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	ck_assert_int_eq(feed(up, strlen(up), &used), GDB_RX_PACKET);
	payload_is("qAttached");
}
END_TEST

START_TEST(test_rx_split_anywhere)
{
	/* However the socket cuts the stream, the same events come out. */
	char s[128];
	size_t n = frame("m80000000,4", s, sizeof s);
	s[n++] = 0x03;
	s[n++] = '+';
	n += frame("vCont;c", s + n, sizeof s - n);
	enum gdb_rx_event want[] = {GDB_RX_PACKET, GDB_RX_INTERRUPT, GDB_RX_ACK,
				    GDB_RX_PACKET};
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t used;
		enum gdb_rx_event ev = feed(s + i, 1, &used);
		ck_assert_uint_eq(used, 1);
		if (ev == GDB_RX_NONE)
			continue;
		ck_assert_uint_lt(k, 4);
		ck_assert_int_eq(ev, want[k]);
		if (k == 0)
			payload_is("m80000000,4");
		if (k == 3)
			payload_is("vCont;c");
		k++;
	}
	ck_assert_uint_eq(k, 4);
}
END_TEST

START_TEST(test_rx_bad_checksum)
{
	size_t used;
	const char *s = "$g#68";
	ck_assert_int_eq(feed(s, strlen(s), &used), GDB_RX_BAD_CHECKSUM);
	ck_assert_uint_eq(used, 5);
	/* Not hex at all. */
	ck_assert_int_eq(feed("$g#zz", 5, &used), GDB_RX_BAD_CHECKSUM);
	/* And the next good one still arrives. */
	ck_assert_int_eq(feed("$g#67", 5, &used), GDB_RX_PACKET);
	payload_is("g");
}
END_TEST

START_TEST(test_rx_out_of_band)
{
	size_t used;
	ck_assert_int_eq(feed("\x03", 1, &used), GDB_RX_INTERRUPT);
	ck_assert_int_eq(feed("+", 1, &used), GDB_RX_ACK);
	ck_assert_int_eq(feed("-", 1, &used), GDB_RX_NACK);
	/* Line noise between packets is skipped. */
	ck_assert_int_eq(feed("xyz\r\n$g#67", 10, &used), GDB_RX_PACKET);
	ck_assert_uint_eq(used, 10);
	/* Inside a packet 0x03 and + - are data (X does not escape them). */
	char s[32];
	size_t n = frame("X0,3:\x03+-", s, sizeof s);
	ck_assert_int_eq(feed(s, n, &used), GDB_RX_PACKET);
	payload_is("X0,3:\x03+-");
}
END_TEST

START_TEST(test_rx_truncated)
{
	size_t used;
	/* Cut before or inside the checksum: nothing yet, all consumed. */
	ck_assert_int_eq(feed("$m0,4", 5, &used), GDB_RX_NONE);
	ck_assert_uint_eq(used, 5);
	ck_assert_int_eq(feed("#", 1, &used), GDB_RX_NONE);
	ck_assert_int_eq(feed("6", 1, &used), GDB_RX_NONE);
	/* A new '$' where the checksum belongs: the cut packet is reported
	 * and the new one read. */
	ck_assert_int_eq(feed("$g#67", 5, &used), GDB_RX_BAD_CHECKSUM);
	ck_assert_uint_eq(used, 1);
	ck_assert_int_eq(feed("g#67", 4, &used), GDB_RX_PACKET);
	payload_is("g");
	/* A '$' inside the payload starts over silently. */
	ck_assert_int_eq(feed("$m0,4$g#67", 10, &used), GDB_RX_PACKET);
	payload_is("g");
}
END_TEST

START_TEST(test_rx_overlong)
{
	static char s[GDB_PACKET_MAX + 16];
	size_t used;
	/* Exactly the maximum is fine... */
	memset(s, 0, sizeof s);
	s[0] = '$';
	memset(s + 1, 'a', GDB_PACKET_MAX);
	uint8_t sum = (uint8_t)('a' * GDB_PACKET_MAX);
	snprintf(s + 1 + GDB_PACKET_MAX, 4, "#%02x", sum);
	ck_assert_int_eq(feed(s, strlen(s), &used), GDB_RX_PACKET);
	size_t len;
	gdb_rx_payload(&rx, &len);
	ck_assert_uint_eq(len, GDB_PACKET_MAX);
	/* ...one more byte is dropped, checksum or not, and reported. */
	memset(s + 1, 'a', GDB_PACKET_MAX + 1);
	snprintf(s + 2 + GDB_PACKET_MAX, 4, "#%02x", (uint8_t)(sum + 'a'));
	ck_assert_int_eq(feed(s, strlen(s), &used), GDB_RX_OVERLONG);
	ck_assert_uint_eq(used, strlen(s));
	ck_assert_int_eq(feed("$g#67", 5, &used), GDB_RX_PACKET);
	payload_is("g");
}
END_TEST

/* ---- Parsing ---- */

START_TEST(test_parse_simple)
{
	parses_as("?", GDB_CMD_STATUS);
	parses_as("g", GDB_CMD_READ_REGS);
	parses_as("k", GDB_CMD_KILL);
	parses_as("D", GDB_CMD_DETACH);
	parses_as("D;1", GDB_CMD_DETACH);
	parses_as("bc", GDB_CMD_REVERSE_CONTINUE);
	parses_as("bs", GDB_CMD_REVERSE_STEP);
	parses_as("vCont?", GDB_CMD_VCONT_QUERY);
	parses_as("vMustReplyEmpty", GDB_CMD_MUST_REPLY_EMPTY);
	parses_as("QStartNoAckMode", GDB_CMD_NO_ACK_MODE);
	parses_as("qfThreadInfo", GDB_CMD_THREAD_FIRST);
	parses_as("qsThreadInfo", GDB_CMD_THREAD_NEXT);
	parses_as("qC", GDB_CMD_CURRENT_THREAD);
	parses_as("qAttached", GDB_CMD_ATTACHED);
	parses_as("qAttached:1", GDB_CMD_ATTACHED);
	malformed("?x");
	malformed("gg");
	malformed("k1");
	malformed("D;");
	malformed("D;zz");
	malformed("qAttached:");
	malformed("qAttached:1x");
}
END_TEST

START_TEST(test_parse_unsupported)
{
	/* Commands we do not implement get the empty reply. */
	const char *unknown[] = {"",
				 "!",
				 "qTStatus",
				 "qCRC:0,4",
				 "qOffsets",
				 "qSymbol::",
				 "qXfer:memory-map:read::0,100",
				 "qXfer:features:write:target.xml:0:",
				 "QNonStop:1",
				 "QStartNoAckModeX",
				 "vKill;1",
				 "vFile:open:",
				 "vContX",
				 "bx",
				 "Hm1",
				 "H",
				 "A0,0,",
				 "R00"};
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
		parses_as(unknown[i], GDB_CMD_UNSUPPORTED);
}
END_TEST

START_TEST(test_parse_registers)
{
	parses_as("p20", GDB_CMD_READ_REG);
	ck_assert_int_eq(cmd.regno, 0x20);
	parses_as("p1041", GDB_CMD_READ_REG);
	ck_assert_int_eq(cmd.regno, 4161);
	parses_as("P20=0011223344556677", GDB_CMD_WRITE_REG);
	ck_assert_int_eq(cmd.regno, 0x20);
	ck_assert_uint_eq(cmd.data_len, 8);
	ck_assert_uint_eq(cmd.data[0], 0x00);
	ck_assert_uint_eq(cmd.data[7], 0x77);
	parses_as("PA=aBcD", GDB_CMD_WRITE_REG);
	ck_assert_uint_eq(cmd.data_len, 2);
	ck_assert_uint_eq(cmd.data[0], 0xab);
	ck_assert_uint_eq(cmd.data[1], 0xcd);
	malformed("p");
	malformed("pzz");
	malformed("p20x");
	malformed("p80000000"); /* past INT_MAX */
	malformed("p10000000000000000");
	malformed("P20");
	malformed("P20=");
	malformed("P20=001");
	malformed("P20=00zz");
	malformed("P=00");

	parses_as("G000102", GDB_CMD_WRITE_REGS);
	ck_assert_uint_eq(cmd.data_len, 3);
	ck_assert_uint_eq(cmd.data[2], 2);
	malformed("G");
	malformed("G0");
	malformed("G0g");
}
END_TEST

START_TEST(test_parse_memory)
{
	parses_as("m80000000,4", GDB_CMD_READ_MEM);
	ck_assert_uint_eq(cmd.addr, 0x80000000);
	ck_assert_uint_eq(cmd.len, 4);
	parses_as("mffffffffffffffff,1", GDB_CMD_READ_MEM);
	parses_as("mfffffffffffffff0,10", GDB_CMD_READ_MEM);
	parses_as("m0,0", GDB_CMD_READ_MEM);
	parses_as("m0,2000", GDB_CMD_READ_MEM); /* GDB_MEM_MAX */
	ck_assert_uint_eq(cmd.len, GDB_MEM_MAX);
	malformed("m");
	malformed("m80000000");
	malformed("m80000000,");
	malformed("m,4");
	malformed("m80000000,4x");
	malformed("m80000000;4");
	malformed("mg,4");
	malformed("m0,2001");		   /* longer than a reply holds */
	malformed("m0,ffffffffffffffff");  /* huge */
	malformed("m0,10000000000000000"); /* overflows 64 bits */
	malformed("m10000000000000000,1"); /* so does the address */
	malformed("mffffffffffffffff,2");  /* wraps around */
	malformed("mfffffffffffffff1,10");

	parses_as("M1000,2:aBcD", GDB_CMD_WRITE_MEM);
	ck_assert_uint_eq(cmd.addr, 0x1000);
	ck_assert_uint_eq(cmd.data_len, 2);
	ck_assert_uint_eq(cmd.data[0], 0xab);
	ck_assert_uint_eq(cmd.data[1], 0xcd);
	parses_as("M1000,0:", GDB_CMD_WRITE_MEM);
	malformed("M1000,2");
	malformed("M1000,2:");
	malformed("M1000,2:abc");
	malformed("M1000,2:abcdef");
	malformed("M1000,3:abcd");
	malformed("M1000,2:abzz");
	malformed("Mffffffffffffffff,2:abcd");
}
END_TEST

START_TEST(test_parse_binary_write)
{
	/* } escapes # $ } and *; everything else, 0x03 included, is raw. */
	const char bin[] = "X10,6:}\x03}\x04}\x5d}\x0a\x03\x00";
	ck_assert_int_eq(parse_n(bin, sizeof bin - 1), 0);
	ck_assert_int_eq(cmd.kind, GDB_CMD_WRITE_MEM);
	ck_assert_uint_eq(cmd.addr, 0x10);
	ck_assert_uint_eq(cmd.data_len, 6);
	ck_assert(memcmp(cmd.data, "#$}*\x03\x00", 6) == 0);
	/* The length probe gdb sends. */
	parses_as("X80000000,0:", GDB_CMD_WRITE_MEM);
	ck_assert_uint_eq(cmd.data_len, 0);
	malformed("X10,1:}");	  /* escape with nothing after it */
	malformed("X10,2:}\x03"); /* decodes to fewer bytes */
	malformed("X10,1:ab");	  /* more data than the length */
	malformed("X10,1");
	malformed("X10:a");
}
END_TEST

START_TEST(test_parse_breakpoints)
{
	parses_as("Z0,80000000,4", GDB_CMD_BP_INSERT);
	ck_assert_int_eq(cmd.bp_type, GDB_BP_SW);
	ck_assert_uint_eq(cmd.addr, 0x80000000);
	ck_assert_uint_eq(cmd.len, 4);
	parses_as("z1,80000002,2", GDB_CMD_BP_REMOVE);
	ck_assert_int_eq(cmd.bp_type, GDB_BP_HW);
	parses_as("Z2,80001000,8", GDB_CMD_BP_INSERT);
	ck_assert_int_eq(cmd.bp_type, GDB_WATCH_WRITE);
	parses_as("Z3,80001000,1", GDB_CMD_BP_INSERT);
	ck_assert_int_eq(cmd.bp_type, GDB_WATCH_READ);
	parses_as("z4,80001000,4", GDB_CMD_BP_REMOVE);
	ck_assert_int_eq(cmd.bp_type, GDB_WATCH_ACCESS);
	malformed("Z5,1000,4");
	malformed("Z0,1000");
	malformed("Z0,1000,");
	malformed("Z0");
	malformed("Z,1000,4");
	malformed("Z0,1000,4;X2,0a");
	malformed("Z0,1000,4,");
	malformed("Z0,10000000000000000,4");
}
END_TEST

START_TEST(test_parse_resume)
{
	parses_as("c", GDB_CMD_CONTINUE);
	ck_assert(!cmd.has_addr);
	parses_as("c80000000", GDB_CMD_CONTINUE);
	ck_assert(cmd.has_addr);
	ck_assert_uint_eq(cmd.addr, 0x80000000);
	parses_as("s", GDB_CMD_STEP);
	parses_as("s1234", GDB_CMD_STEP);
	ck_assert_uint_eq(cmd.addr, 0x1234);
	parses_as("C05", GDB_CMD_CONTINUE);
	ck_assert_uint_eq(cmd.sig, 5);
	ck_assert(!cmd.has_addr);
	parses_as("S0b;2000", GDB_CMD_STEP);
	ck_assert_uint_eq(cmd.sig, 11);
	ck_assert_uint_eq(cmd.addr, 0x2000);
	malformed("cxyz");
	malformed("c12;");
	malformed("C");
	malformed("C100");
	malformed("C05;");
	malformed("C05x");
	malformed("s1,2");
}
END_TEST

START_TEST(test_parse_vcont)
{
	parses_as("vCont;c", GDB_CMD_VCONT);
	ck_assert_uint_eq(cmd.nactions, 1);
	ck_assert_int_eq(cmd.actions[0].op, 'c');
	ck_assert_int_eq(cmd.actions[0].tid, GDB_TID_ALL);
	parses_as("vCont;s:2;c", GDB_CMD_VCONT);
	ck_assert_uint_eq(cmd.nactions, 2);
	ck_assert_int_eq(cmd.actions[0].op, 's');
	ck_assert_int_eq(cmd.actions[0].tid, 2);
	ck_assert_int_eq(cmd.actions[1].op, 'c');
	parses_as("vCont;S05:1;C0b:-1", GDB_CMD_VCONT);
	ck_assert_int_eq(cmd.actions[0].op, 'S');
	ck_assert_uint_eq(cmd.actions[0].sig, 5);
	ck_assert_int_eq(cmd.actions[0].tid, 1);
	ck_assert_uint_eq(cmd.actions[1].sig, 11);
	ck_assert_int_eq(cmd.actions[1].tid, GDB_TID_ALL);
	malformed("vCont");
	malformed("vCont;");
	malformed("vCont;c;");
	malformed("vCont;t");
	malformed("vCont;r1000,2000");
	malformed("vCont;s:");
	malformed("vCont;s:zz");
	malformed("vCont;s:p1.1");
	malformed("vCont;s1");
	malformed("vCont;C");
	malformed("vCont;c:80000000");

	/* One action per hart and a default fit; more do not. */
	char many[1024] = "vCont";
	for (int i = 0; i < GDB_VCONT_MAX; i++)
		strcat(many, ";c");
	parses_as(many, GDB_CMD_VCONT);
	ck_assert_uint_eq(cmd.nactions, GDB_VCONT_MAX);
	strcat(many, ";c");
	malformed(many);
}
END_TEST

START_TEST(test_parse_threads)
{
	parses_as("Hg0", GDB_CMD_SET_THREAD);
	ck_assert_int_eq(cmd.op, 'g');
	ck_assert_int_eq(cmd.tid, GDB_TID_ANY);
	parses_as("Hc-1", GDB_CMD_SET_THREAD);
	ck_assert_int_eq(cmd.op, 'c');
	ck_assert_int_eq(cmd.tid, GDB_TID_ALL);
	parses_as("Hg1f", GDB_CMD_SET_THREAD);
	ck_assert_int_eq(cmd.tid, 0x1f);
	malformed("Hg");
	malformed("Hg-2");
	malformed("Hg-");
	malformed("Hgx");
	malformed("Hg1x");
	malformed("Hg80000000");
	parses_as("T2", GDB_CMD_THREAD_ALIVE);
	ck_assert_int_eq(cmd.tid, 2);
	malformed("T");
	malformed("T2,");
	parses_as("qThreadExtraInfo,3", GDB_CMD_THREAD_EXTRA);
	ck_assert_int_eq(cmd.tid, 3);
	malformed("qThreadExtraInfo,");
	malformed("qThreadExtraInfo,3x");
}
END_TEST

START_TEST(test_parse_queries)
{
	parses_as("qSupported", GDB_CMD_SUPPORTED);
	ck_assert(!cmd.error_message);
	parses_as("qSupported:multiprocess+;swbreak+;hwbreak+;"
		  "xmlRegisters=i386;error-message+",
		  GDB_CMD_SUPPORTED);
	ck_assert(cmd.error_message);
	parses_as("qSupported:error-message-;error-message+x",
		  GDB_CMD_SUPPORTED);
	ck_assert(!cmd.error_message);
	malformed("qSupportedX");

	parses_as("qXfer:features:read:target.xml:0,ffb",
		  GDB_CMD_XFER_FEATURES);
	ck_assert_str_eq(cmd.annex, "target.xml");
	ck_assert_uint_eq(cmd.offset, 0);
	ck_assert_uint_eq(cmd.len, 0xffb);
	parses_as("qXfer:features:read::10,20", GDB_CMD_XFER_FEATURES);
	ck_assert_str_eq(cmd.annex, "");
	malformed("qXfer:features:read:target.xml");
	malformed("qXfer:features:read:target.xml:");
	malformed("qXfer:features:read:target.xml:0");
	malformed("qXfer:features:read:target.xml:0,");
	malformed("qXfer:features:read:target.xml:0,10,");
	malformed("qXfer:features:read:target.xml:10000000000000000,1");
	char annex[128];
	snprintf(annex, sizeof annex, "qXfer:features:read:%0*d:0,1",
		 GDB_ANNEX_MAX, 0);
	malformed(annex);
	const char nul[] = "qXfer:features:read:a\0b:0,1";
	ck_assert_int_eq(parse_n(nul, sizeof nul - 1), -EINVAL);

	parses_as("qRcmd,68656c70", GDB_CMD_MONITOR);
	ck_assert_str_eq((const char *)cmd.data, "help");
	parses_as("qRcmd,", GDB_CMD_MONITOR);
	ck_assert_str_eq((const char *)cmd.data, "");
	malformed("qRcmd,6");
	malformed("qRcmd,zz");
	malformed("qRcmd,6800"); /* a NUL inside the command */
}
END_TEST

START_TEST(test_parse_phys_mode)
{
	parses_as("qqemu.PhyMemMode", GDB_CMD_PHYS_QUERY);
	parses_as("Qqemu.PhyMemMode:1", GDB_CMD_PHYS_SET);
	ck_assert_uint_eq(cmd.addr, 1);
	parses_as("Qqemu.PhyMemMode:0", GDB_CMD_PHYS_SET);
	ck_assert_uint_eq(cmd.addr, 0);
	malformed("Qqemu.PhyMemMode:");
	malformed("Qqemu.PhyMemMode:2");
	malformed("Qqemu.PhyMemMode:1x");
	malformed("Qqemu.PhyMemMode:10000000000000001");
	parses_as("qqemu.PhyMemModeX", GDB_CMD_UNSUPPORTED);
	parses_as("Qqemu.PhyMemMode", GDB_CMD_UNSUPPORTED);
}
END_TEST

/* ---- Replies ---- */

static uint8_t out[64];
static struct gdb_buf b;

static void reply_is(const char *want)
{
	ck_assert(!b.overflow);
	ck_assert_uint_eq(b.len, strlen(want));
	ck_assert_msg(memcmp(b.data, want, b.len) == 0, "'%.*s' != '%s'",
		      (int)b.len, b.data, want);
	gdb_buf_reset(&b);
}

static void reply_setup(void)
{
	gdb_buf_init(&b, out, sizeof out);
}

START_TEST(test_reply_encodings)
{
	gdb_buf_put_hex(&b, (const uint8_t *)"\x00\x7f\xff", 3);
	reply_is("007fff");
	gdb_buf_put_num(&b, 0);
	reply_is("0");
	gdb_buf_put_num(&b, 0x1f);
	reply_is("1f");
	gdb_buf_put_num(&b, UINT64_MAX);
	reply_is("ffffffffffffffff");
	ck_assert_uint_eq(gdb_buf_put_binary(&b, (const uint8_t *)"a#$}*b", 6),
			  6);
	reply_is("a}\x03}\x04}\x5d}\x0a"
		 "b");
	gdb_packet_error(&b, -EFAULT);
	reply_is("E0e");
	gdb_packet_error(&b, 0);
	reply_is("E00");
	gdb_packet_error_text(&b, "no #such\ncommand");
	reply_is("E.no ?such?command");
	ck_assert_uint_eq(gdb_packet_console(&b, "hi\n", 3), 3);
	reply_is("O68690a");
}
END_TEST

START_TEST(test_reply_overflow)
{
	/* A buffer that is full stays as it was and says so. */
	uint8_t small[5];
	struct gdb_buf s;
	gdb_buf_init(&s, small, sizeof small);
	gdb_buf_put_str(&s, "abc");
	gdb_buf_put_hex(&s, (const uint8_t *)"\x01\x02", 2);
	ck_assert(s.overflow);
	ck_assert_uint_eq(s.len, 3);
	gdb_buf_put_str(&s, "d"); /* stays overflowed */
	ck_assert_uint_eq(s.len, 3);
	gdb_buf_reset(&s);
	ck_assert(!s.overflow);
	/* Binary and console output stop at what fits, without overflow. */
	ck_assert_uint_eq(gdb_buf_put_binary(&s, (const uint8_t *)"ab##", 4),
			  3);
	ck_assert_uint_eq(s.len, 4);
	ck_assert(!s.overflow);
	gdb_buf_reset(&s);
	ck_assert_uint_eq(gdb_packet_console(&s, "abcdef", 6), 2);
	ck_assert_uint_eq(s.len, 5);
}
END_TEST

START_TEST(test_stop_replies)
{
	struct gdb_stop st = {.kind = GDB_STOP_STEP, .thread = 0};
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;");
	st = (struct gdb_stop){.kind = GDB_STOP_INTERRUPT, .thread = 1};
	gdb_packet_stop_reply(&b, &st);
	reply_is("T02thread:2;");
	st = (struct gdb_stop){.kind = GDB_STOP_SWBREAK, .thread = 15};
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:10;swbreak:;");
	st.kind = GDB_STOP_HWBREAK;
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:10;hwbreak:;");
	st = (struct gdb_stop){
		.kind = GDB_STOP_WATCH, .thread = 0, .addr = 0x80001000};
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;watch:80001000;");
	st.kind = GDB_STOP_RWATCH;
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;rwatch:80001000;");
	st.kind = GDB_STOP_AWATCH;
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;awatch:80001000;");
	st.kind = GDB_STOP_HISTORY_BEGIN;
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;replaylog:begin;");
	st.kind = GDB_STOP_HISTORY_END;
	gdb_packet_stop_reply(&b, &st);
	reply_is("T05thread:1;replaylog:end;");
	st = (struct gdb_stop){.kind = GDB_STOP_EXITED, .exit_code = 0};
	gdb_packet_stop_reply(&b, &st);
	reply_is("W00");
	st.exit_code = 3;
	gdb_packet_stop_reply(&b, &st);
	reply_is("W03");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("gdb_packet");
	TCase *rxc = tcase_create("receive");
	tcase_add_checked_fixture(rxc, setup, NULL);
	tcase_add_test(rxc, test_frame_checksum);
	tcase_add_test(rxc, test_rx_packet);
	tcase_add_test(rxc, test_rx_split_anywhere);
	tcase_add_test(rxc, test_rx_bad_checksum);
	tcase_add_test(rxc, test_rx_out_of_band);
	tcase_add_test(rxc, test_rx_truncated);
	tcase_add_test(rxc, test_rx_overlong);
	suite_add_tcase(s, rxc);
	TCase *pc = tcase_create("parse");
	tcase_add_test(pc, test_parse_simple);
	tcase_add_test(pc, test_parse_phys_mode);
	tcase_add_test(pc, test_parse_unsupported);
	tcase_add_test(pc, test_parse_registers);
	tcase_add_test(pc, test_parse_memory);
	tcase_add_test(pc, test_parse_binary_write);
	tcase_add_test(pc, test_parse_breakpoints);
	tcase_add_test(pc, test_parse_resume);
	tcase_add_test(pc, test_parse_vcont);
	tcase_add_test(pc, test_parse_threads);
	tcase_add_test(pc, test_parse_queries);
	suite_add_tcase(s, pc);
	TCase *rc = tcase_create("reply");
	tcase_add_checked_fixture(rc, reply_setup, NULL);
	tcase_add_test(rc, test_reply_encodings);
	tcase_add_test(rc, test_reply_overflow);
	tcase_add_test(rc, test_stop_replies);
	suite_add_tcase(s, rc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
