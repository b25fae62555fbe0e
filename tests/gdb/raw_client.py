"""A gdb client that misbehaves: malformed and hostile packets, Ctrl-C
while the target runs, a disconnect in the middle of a packet. The stub
must answer each with an error and keep serving. Prints one line per
failed check and exits non-zero if any failed.
Usage: raw_client.py PORT"""
import socket
import sys
import time

port = int(sys.argv[1])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: raw: " + what)


def frame(payload):
    return b"$" + payload + b"#%02x" % (sum(payload) % 256)


def connect():
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    return s


def read_reply(s):
    """The next packet's payload, acknowledging it; '+'/'-' are skipped
    but remembered in acks."""
    buf = b""
    while True:
        c = s.recv(1)
        if not c:
            raise EOFError("the stub closed the connection")
        if c in b"+-" and not buf:
            read_reply.acks += c
            continue
        buf += c
        if buf.startswith(b"$") and len(buf) >= 4 and buf[-3:-2] == b"#":
            s.sendall(b"+")
            return buf[1:-3]


read_reply.acks = b""


def ask(s, payload):
    s.sendall(frame(payload))
    return read_reply(s)


s = connect()
check(b"PacketSize=" in ask(s, b"qSupported:swbreak+;hwbreak+"),
      "qSupported lacks PacketSize")
check(ask(s, b"?").startswith(b"T05"), "? is not a stop reply")

# A bad checksum is refused with '-', then the stub still answers.
read_reply.acks = b""
s.sendall(b"$g#00")
time.sleep(0.2)
check(ask(s, b"?").startswith(b"T05"), "no answer after a bad checksum")
check(b"-" in read_reply.acks, "a bad checksum was not refused with '-'")

# Malformed and hostile requests get error replies.
for bad in [b"mzz,4", b"m1000", b"m0,ffffffffffffffff", b"M1000,4:zz",
            b"Z0,zz,4", b"Z7,1000,4", b"p", b"pzzz", b"Hgzz",
            b"X1000,ffffffff:", b"vCont;q", b"m" + b"f" * 40 + b",4"]:
    r = ask(s, bad)
    check(r.startswith(b"E") or r == b"", "%r got %r" % (bad, r[:40]))

# An overlong packet is dropped with an error; the next one is answered.
s.sendall(b"$" + b"A" * 200000 + b"#00")
r = read_reply(s)
check(r.startswith(b"E"), "an overlong packet got %r" % r[:40])
check(ask(s, b"?").startswith(b"T05"), "no answer after an overlong packet")

# Ctrl-C while running stops the target.
s.sendall(frame(b"c"))
time.sleep(0.3)
s.sendall(b"\x03")
r = read_reply(s)
check(r.startswith(b"T02") or r.startswith(b"T05") or r.startswith(b"W"),
      "Ctrl-C: no stop reply, got %r" % r[:40])
check(r.startswith(b"T02"), "Ctrl-C did not stop with T02: %r" % r[:40])


def monitor(s, text):
    """A monitor command: its text output and the final reply."""
    r = ask(s, b"qRcmd," + text.encode().hex().encode())
    out = b""
    while r.startswith(b"O") and r != b"OK":
        out += bytes.fromhex(r[1:].decode())
        r = read_reply(s)
    return out.decode(errors="replace"), r


# Every length and address gdb hands over is bounded: watchpoints over the
# whole address space or a terabyte are set at once, and a forward and a
# reverse search under one answer (a walk over the range's pages would
# not end); accesses at the top of the address space, transfer offsets
# and monitor arguments at the limits get errors. The socket's timeout
# (a minute) turns a hang into a failure.
for z in (b"2", b"3", b"4"):
    r = ask(s, b"Z" + z + b",0,ffffffffffffffff")
    check(r == b"OK", "Z%s over the whole address space got %r" % (z, r))
    r = ask(s, b"z" + z + b",0,ffffffffffffffff")
    check(r == b"OK", "z%s over the whole address space got %r" % (z, r))
check(ask(s, b"Z2,80000000,10000000000") == b"OK", "a 1 TiB watchpoint")
check(ask(s, b"z2,80000000,10000000000") == b"OK", "removing it")
check(ask(s, b"Z2,0,ffffffffffffffff") == b"OK", "the whole space again")
first = ask(s, b"c")
check(first.startswith(b"T05") and b"watch:" in first,
      "continue under a whole-space watchpoint: %r" % first[:60])
second = ask(s, b"c")
check(second.startswith(b"T05") and b"watch:" in second,
      "continue again: %r" % second[:60])
back = ask(s, b"bc")
check(back.startswith(b"T05"), "reverse-continue under it: %r" % back[:60])
check(ask(s, b"z2,0,ffffffffffffffff") == b"OK", "removing the watchpoint")
# A breakpoint at the very top is harmless: set or refused, and answered.
r = ask(s, b"Z0,fffffffffffffffe,4")
check(r == b"OK" or r.startswith(b"E"), "Z0 at the top got %r" % r[:40])
ask(s, b"z0,fffffffffffffffe,4")
for bad in [b"Z2,2,ffffffffffffffff", b"mfffffffffffffff0,1000", b"mffffffffffffffff,1",
            b"Mffffffffffffffff,2:0000", b"m0,ffffffffffffffff",
            b"Xfffffffffffffffe,4:\x00\x00\x00\x00",
            b"qXfer:features:read:target.xml:ffffffffffffffff,ffffffff",
            b"qXfer:features:read:target.xml:fffffffffffffffff,1",
            b"vFile:pread:0,ffffffffffffffff,ffffffffffffffff",
            b"qThreadExtraInfo,ffffffffffffffff", b"pffffffffffffffff",
            b"vCont;s:ffffffffffffffff"]:
    r = ask(s, bad)
    check(r.startswith(b"E") or r == b"", "%r got %r" % (bad[:40], r[:40]))
# A transfer asking for more than a packet holds gets at most a packet.
r = ask(s, b"qXfer:features:read:target.xml:0,ffffffffffffffff")
check(r[:1] in (b"m", b"l") and len(r) <= 0x4000,
      "qXfer with a huge length: %r..., %d bytes" % (r[:20], len(r)))
for cmd, what in [("x/1000i 0xfffffffffffffff0", "cannot read memory"),
                  ("x/99999999999999999999i $pc", "usage"),
                  ("x/0i $pc", "usage"),
                  ("seek 99999999999999999999999", "icount"),
                  ("last-write 0xffffffffffffffff 4096", "wraps"),
                  ("last-write 0 18446744073709551615", "4096"),
                  ("writes 0 8 --limit 18446744073709551615", "--limit")]:
    out, r = monitor(s, cmd)
    check(r.startswith(b"E") and what in out,
          "monitor %s got %r, %r" % (cmd, out[:80], r))
check(ask(s, b"?").startswith(b"T"), "no answer after the hostile ranges")

# Gone in the middle of a packet: the process stays up for the next one.
s.sendall(b"$m80000000,4")
s.close()
time.sleep(0.2)
s = connect()
check(ask(s, b"?").startswith(b"T"), "no answer after a client vanished")
# The code at the pc where the guest stopped is readable.
pc = ask(s, b"p20")
check(len(pc) == 16, "reading the pc: %r" % pc)
pc = int.from_bytes(bytes.fromhex(pc.decode()), "little")
reply = ask(s, b"m%x,4" % pc)
check(len(reply) == 8 and reply != b"00000000",
      "reading the code at the pc %x: %r" % (pc, reply))
s.sendall(frame(b"k"))
s.close()
sys.exit(1 if failures else 0)
