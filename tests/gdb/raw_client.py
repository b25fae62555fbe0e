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
