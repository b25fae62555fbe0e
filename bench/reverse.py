"""Reverse-execution latency through the gdb stub, measured at the
protocol level (no client overhead): continue to the end of a
recording, then time single reverse steps (`bs`) and one reverse
continue across the whole recording to a breakpoint at the reset
vector. Prints `name value unit` lines.
Usage: reverse.py PORT [STEPS]"""
import re
import socket
import statistics
import sys
import time

port = int(sys.argv[1])
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
s = socket.create_connection(("127.0.0.1", port), timeout=600)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
acks = True


def frame(payload):
    return b"$" + payload + b"#%02x" % (sum(payload) % 256)


def reply():
    buf = b""
    while True:
        c = s.recv(1)
        if not c:
            raise EOFError
        if c in b"+-" and not buf:
            continue
        buf += c
        if buf.startswith(b"$") and len(buf) >= 4 and buf[-3:-2] == b"#":
            if acks:
                s.sendall(b"+")
            return buf[1:-3]


def ask(p):
    s.sendall(frame(p))
    return reply()


ask(b"QStartNoAckMode")
acks = False
t0 = time.perf_counter()
r = ask(b"c")
print("replay-with-checkpoints %.3f s" % (time.perf_counter() - t0))
if b"replaylog:end" not in r:
    sys.exit("continue did not reach the end of the recording: %r" % r)
# Monitor output comes as O packets (hex text), then OK.
s.sendall(frame(b"qRcmd," + b"checkpoints".hex().encode()))
text = b""
while True:
    r2 = reply()
    if not r2.startswith(b"O") or r2 == b"OK":
        break
    text += bytes.fromhex(r2[1:].decode())
first = text.decode().splitlines()[0]
m = re.search(r"^(\d+) checkpoints.*taken (\d+) in ([\d.]+) ms, ([\d.]+) ms each", first)
if not m:
    sys.exit("monitor checkpoints: %r" % first)
print("checkpoints-taken %s" % m.group(2))
print("checkpoint-cost %s ms" % m.group(4))
lat = []
for _ in range(steps):
    t0 = time.perf_counter()
    r = ask(b"bs")
    lat.append(time.perf_counter() - t0)
    if not r.startswith(b"T05"):
        sys.exit("bs: %r" % r)
print("reverse-stepi-median %.2f ms" % (statistics.median(lat) * 1e3))
print("reverse-stepi-max %.2f ms" % (max(lat) * 1e3))
ask(b"Z1,1000,4")
t0 = time.perf_counter()
r = ask(b"bc")
print("reverse-continue-whole-run %.3f s" % (time.perf_counter() - t0))
if b"hwbreak" not in r and b"replaylog:begin" not in r:
    sys.exit("bc: %r" % r)
s.sendall(frame(b"k"))
