/* One payload into a typed command. A cursor walks the payload and every
 * step checks the end first, so no input can read past it; anything the
 * command's grammar does not allow, including trailing bytes, is -EINVAL. */
#include "packet.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

struct cursor {
	const uint8_t *p, *end;
};

static bool cur_at_end(const struct cursor *c)
{
	return c->p == c->end;
}

static bool cur_take(struct cursor *c, char ch)
{
	if (c->p < c->end && *c->p == (uint8_t)ch) {
		c->p++;
		return true;
	}
	return false;
}

/* Take the literal s if the input continues with it. */
static bool cur_take_str(struct cursor *c, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
}

/* Is the rest of the input exactly s? Consumes it if so. */
static bool cur_rest_is(struct cursor *c, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(c->end - c->p) != n || memcmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
}

/* One or more hex digits that fit in 64 bits. */
static int cur_hex(struct cursor *c, uint64_t *out)
{
	uint64_t v = 0;
	const uint8_t *start = c->p;
	int d;
	while (c->p < c->end && (d = gdb_hex_digit(*c->p)) >= 0) {
		if (v > (UINT64_MAX >> 4))
			return -EINVAL;
		v = v << 4 | (uint64_t)d;
		c->p++;
	}
	if (c->p == start)
		return -EINVAL;
	*out = v;
	return 0;
}

static int cur_hex_max(struct cursor *c, uint64_t max, uint64_t *out)
{
	uint64_t v;
	if (cur_hex(c, &v) < 0 || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

/* A thread id: -1 for all, else hex (0 for any). We do not advertise
 * multiprocess, so the pPID.TID form is malformed here. */
static int cur_tid(struct cursor *c, int *tid)
{
	uint64_t v;
	if (cur_take(c, '-')) {
		if (!cur_take(c, '1'))
			return -EINVAL;
		*tid = GDB_TID_ALL;
		return 0;
	}
	if (cur_hex_max(c, INT_MAX, &v) < 0)
		return -EINVAL;
	*tid = (int)v;
	return 0;
}

/* Pairs of hex digits up to the end, into cmd->data. */
static int cur_hex_bytes(struct cursor *c, struct gdb_cmd *cmd)
{
	size_t n = (size_t)(c->end - c->p);
	if (n % 2 || n / 2 > GDB_PACKET_MAX)
		return -EINVAL;
	for (size_t i = 0; i < n / 2; i++) {
		int hi = gdb_hex_digit(c->p[2 * i]);
		int lo = gdb_hex_digit(c->p[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		cmd->data[i] = (uint8_t)(hi << 4 | lo);
	}
	cmd->data_len = n / 2;
	c->p = c->end;
	return 0;
}

/* Escaped binary up to the end, into cmd->data: } then the byte XOR 0x20. */
static int cur_binary(struct cursor *c, struct gdb_cmd *cmd)
{
	size_t n = 0;
	while (c->p < c->end) {
		uint8_t b = *c->p++;
		if (b == '}') {
			if (c->p == c->end)
				return -EINVAL;
			b = *c->p++ ^ 0x20;
		}
		/* The payload is at most GDB_PACKET_MAX bytes and decoding
		 * never grows it, but check the buffer all the same. */
		if (n >= GDB_PACKET_MAX)
			return -EINVAL;
		cmd->data[n++] = b;
	}
	cmd->data_len = n;
	return 0;
}

/* addr,len with len <= GDB_MEM_MAX and the range inside the address
 * space: the last byte addr + len - 1 must not wrap. */
static int cur_addr_len(struct cursor *c, struct gdb_cmd *cmd)
{
	if (cur_hex(c, &cmd->addr) < 0 || !cur_take(c, ',') ||
	    cur_hex_max(c, GDB_MEM_MAX, &cmd->len) < 0)
		return -EINVAL;
	if (cmd->len && cmd->addr > UINT64_MAX - (cmd->len - 1))
		return -EINVAL;
	return 0;
}

static int parse_mem(struct cursor *c, char op, struct gdb_cmd *cmd)
{
	if (cur_addr_len(c, cmd) < 0)
		return -EINVAL;
	if (op == 'm') {
		cmd->kind = GDB_CMD_READ_MEM;
		return cur_at_end(c) ? 0 : -EINVAL;
	}
	cmd->kind = GDB_CMD_WRITE_MEM;
	if (!cur_take(c, ':'))
		return -EINVAL;
	int rc = op == 'M' ? cur_hex_bytes(c, cmd) : cur_binary(c, cmd);
	if (rc < 0 || cmd->data_len != cmd->len)
		return -EINVAL;
	return 0;
}

static int parse_bp(struct cursor *c, bool insert, struct gdb_cmd *cmd)
{
	uint64_t type;
	if (cur_hex_max(c, GDB_WATCH_ACCESS, &type) < 0 || !cur_take(c, ',') ||
	    cur_hex(c, &cmd->addr) < 0 || !cur_take(c, ',') ||
	    cur_hex(c, &cmd->len) < 0 || !cur_at_end(c))
		return -EINVAL;
	cmd->kind = insert ? GDB_CMD_BP_INSERT : GDB_CMD_BP_REMOVE;
	cmd->bp_type = (enum gdb_bp_type)type;
	return 0;
}

/* c [addr], s [addr], C sig[;addr], S sig[;addr]. */
static int parse_resume(struct cursor *c, char op, struct gdb_cmd *cmd)
{
	cmd->kind = op == 'c' || op == 'C' ? GDB_CMD_CONTINUE : GDB_CMD_STEP;
	if (op == 'C' || op == 'S') {
		uint64_t sig;
		if (cur_hex_max(c, 0xff, &sig) < 0)
			return -EINVAL;
		cmd->sig = (uint8_t)sig;
		if (cur_at_end(c))
			return 0;
		if (!cur_take(c, ';'))
			return -EINVAL;
	} else if (cur_at_end(c)) {
		return 0;
	}
	if (cur_hex(c, &cmd->addr) < 0 || !cur_at_end(c))
		return -EINVAL;
	cmd->has_addr = true;
	return 0;
}

static int parse_vcont(struct cursor *c, struct gdb_cmd *cmd)
{
	cmd->kind = GDB_CMD_VCONT;
	while (cur_take(c, ';')) {
		if (cmd->nactions == GDB_VCONT_MAX || cur_at_end(c))
			return -EINVAL;
		struct gdb_vcont_action *a = &cmd->actions[cmd->nactions++];
		a->op = (char)*c->p++;
		a->sig = 0;
		a->tid = GDB_TID_ALL;
		if (a->op == 'C' || a->op == 'S') {
			uint64_t sig;
			if (cur_hex_max(c, 0xff, &sig) < 0)
				return -EINVAL;
			a->sig = (uint8_t)sig;
		} else if (a->op != 'c' && a->op != 's') {
			return -EINVAL; /* we advertise only c, C, s, S */
		}
		if (cur_take(c, ':') && cur_tid(c, &a->tid) < 0)
			return -EINVAL;
	}
	return cmd->nactions && cur_at_end(c) ? 0 : -EINVAL;
}

static int parse_v(struct cursor *c, struct gdb_cmd *cmd)
{
	if (cur_rest_is(c, "Cont?")) {
		cmd->kind = GDB_CMD_VCONT_QUERY;
		return 0;
	}
	if (cur_rest_is(c, "MustReplyEmpty")) {
		cmd->kind = GDB_CMD_MUST_REPLY_EMPTY;
		return 0;
	}
	/* vCont must be followed by its actions; any other v name (vKill,
	 * vFile, vRun...) is a packet we do not implement. */
	if (cur_take_str(c, "Cont") && (cur_at_end(c) || *c->p == ';'))
		return parse_vcont(c, cmd);
	return 0;
}

/* qSupported's features are name+, name- or name=value, split by ';'.
 * We only act on the client's error-message+. */
static int parse_supported(struct cursor *c, struct gdb_cmd *cmd)
{
	cmd->kind = GDB_CMD_SUPPORTED;
	if (cur_at_end(c))
		return 0;
	if (!cur_take(c, ':'))
		return -EINVAL;
	while (!cur_at_end(c)) {
		const uint8_t *start = c->p;
		while (c->p < c->end && *c->p != ';')
			c->p++;
		size_t n = (size_t)(c->p - start);
		if (n == 14 && memcmp(start, "error-message+", 14) == 0)
			cmd->error_message = true;
		cur_take(c, ';');
	}
	return 0;
}

static int parse_xfer(struct cursor *c, struct gdb_cmd *cmd)
{
	/* Other objects (memory-map, threads...) and writes: not ours. */
	if (!cur_take_str(c, "features:read:"))
		return 0;
	cmd->kind = GDB_CMD_XFER_FEATURES;
	size_t n = 0;
	while (c->p < c->end && *c->p != ':') {
		if (n + 1 >= GDB_ANNEX_MAX || *c->p == 0)
			return -EINVAL;
		cmd->annex[n++] = (char)*c->p++;
	}
	cmd->annex[n] = 0;
	if (!cur_take(c, ':') || cur_hex(c, &cmd->offset) < 0 ||
	    !cur_take(c, ',') || cur_hex(c, &cmd->len) < 0 || !cur_at_end(c))
		return -EINVAL;
	return 0;
}

static int parse_q(struct cursor *c, struct gdb_cmd *cmd)
{
	if (cur_rest_is(c, "fThreadInfo")) {
		cmd->kind = GDB_CMD_THREAD_FIRST;
	} else if (cur_rest_is(c, "sThreadInfo")) {
		cmd->kind = GDB_CMD_THREAD_NEXT;
	} else if (cur_rest_is(c, "C")) {
		cmd->kind = GDB_CMD_CURRENT_THREAD;
	} else if (cur_take_str(c, "ThreadExtraInfo,")) {
		cmd->kind = GDB_CMD_THREAD_EXTRA;
		if (cur_tid(c, &cmd->tid) < 0 || !cur_at_end(c))
			return -EINVAL;
	} else if (cur_take_str(c, "Supported")) {
		return parse_supported(c, cmd);
	} else if (cur_take_str(c, "Xfer:")) {
		return parse_xfer(c, cmd);
	} else if (cur_take_str(c, "Rcmd,")) {
		cmd->kind = GDB_CMD_MONITOR;
		if (cur_hex_bytes(c, cmd) < 0 ||
		    memchr(cmd->data, 0, cmd->data_len))
			return -EINVAL;
		cmd->data[cmd->data_len] = 0;
	} else if (cur_rest_is(c, "qemu.PhyMemMode")) {
		cmd->kind = GDB_CMD_PHYS_QUERY;
	} else if (cur_take_str(c, "Attached")) {
		uint64_t pid;
		cmd->kind = GDB_CMD_ATTACHED;
		if (cur_take(c, ':') && cur_hex(c, &pid) < 0)
			return -EINVAL;
		return cur_at_end(c) ? 0 : -EINVAL;
	}
	return 0;
}

static int parse_h(struct cursor *c, struct gdb_cmd *cmd)
{
	if (cur_at_end(c) || (*c->p != 'g' && *c->p != 'c'))
		return 0; /* other H operations are not ours */
	cmd->kind = GDB_CMD_SET_THREAD;
	cmd->op = (char)*c->p++;
	if (cur_tid(c, &cmd->tid) < 0 || !cur_at_end(c))
		return -EINVAL;
	return 0;
}

static int parse_reg(struct cursor *c, bool write, struct gdb_cmd *cmd)
{
	uint64_t regno;
	if (cur_hex_max(c, INT_MAX, &regno) < 0)
		return -EINVAL;
	cmd->regno = (int)regno;
	if (!write) {
		cmd->kind = GDB_CMD_READ_REG;
		return cur_at_end(c) ? 0 : -EINVAL;
	}
	cmd->kind = GDB_CMD_WRITE_REG;
	if (!cur_take(c, '=') || cur_hex_bytes(c, cmd) < 0 || !cmd->data_len)
		return -EINVAL;
	return 0;
}

/* A command that is a single letter and nothing else. */
static int parse_bare(struct cursor *c, enum gdb_cmd_kind kind,
		      struct gdb_cmd *cmd)
{
	cmd->kind = kind;
	return cur_at_end(c) ? 0 : -EINVAL;
}

int gdb_packet_parse(const uint8_t *payload, size_t len, struct gdb_cmd *cmd)
{
	/* Clear the header fields; data is written before it is read. */
	memset(cmd, 0, offsetof(struct gdb_cmd, data));
	cmd->kind = GDB_CMD_UNSUPPORTED;
	if (len == 0)
		return 0;
	struct cursor c = {payload + 1, payload + len};
	char op = (char)payload[0];
	int rc = 0;
	switch (op) {
	case '?': rc = parse_bare(&c, GDB_CMD_STATUS, cmd); break;
	case 'g': rc = parse_bare(&c, GDB_CMD_READ_REGS, cmd); break;
	case 'k': rc = parse_bare(&c, GDB_CMD_KILL, cmd); break;
	case 'G':
		cmd->kind = GDB_CMD_WRITE_REGS;
		if (cur_hex_bytes(&c, cmd) < 0 || !cmd->data_len)
			rc = -EINVAL;
		break;
	case 'p': rc = parse_reg(&c, false, cmd); break;
	case 'P': rc = parse_reg(&c, true, cmd); break;
	case 'm':
	case 'M':
	case 'X': rc = parse_mem(&c, op, cmd); break;
	case 'Z':
	case 'z': rc = parse_bp(&c, op == 'Z', cmd); break;
	case 'c':
	case 's':
	case 'C':
	case 'S': rc = parse_resume(&c, op, cmd); break;
	case 'b':
		if (cur_rest_is(&c, "c"))
			cmd->kind = GDB_CMD_REVERSE_CONTINUE;
		else if (cur_rest_is(&c, "s"))
			cmd->kind = GDB_CMD_REVERSE_STEP;
		break;
	case 'v': rc = parse_v(&c, cmd); break;
	case 'H': rc = parse_h(&c, cmd); break;
	case 'T':
		cmd->kind = GDB_CMD_THREAD_ALIVE;
		if (cur_tid(&c, &cmd->tid) < 0 || !cur_at_end(&c))
			rc = -EINVAL;
		break;
	case 'q': rc = parse_q(&c, cmd); break;
	case 'Q':
		if (cur_rest_is(&c, "StartNoAckMode")) {
			cmd->kind = GDB_CMD_NO_ACK_MODE;
		} else if (cur_take_str(&c, "qemu.PhyMemMode:")) {
			/* The memory packets' addresses: 1 physical, 0
			 * virtual (the protocol extension's two values). */
			cmd->kind = GDB_CMD_PHYS_SET;
			if (cur_hex(&c, &cmd->addr) < 0 || cmd->addr > 1 ||
			    !cur_at_end(&c))
				rc = -EINVAL;
		}
		break;
	case 'D': {
		uint64_t pid;
		cmd->kind = GDB_CMD_DETACH;
		if (cur_take(&c, ';') && cur_hex(&c, &pid) < 0)
			rc = -EINVAL;
		else if (!cur_at_end(&c))
			rc = -EINVAL;
		break;
	}
	default: break;
	}
	return rc;
}
