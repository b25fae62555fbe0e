"""Searches that skip (history/skip.h), measured at the protocol level:
continue to the end of a recording, then one reverse-continue with a
write watchpoint (KIND watch, LEN bytes at ADDR) or a breakpoint (KIND
break at ADDR). Prints `name value unit` lines: the search's time, where
it stopped, and how many checkpoint intervals it replayed and skipped.
Usage: skip.py PORT NAME KIND ADDR [LEN]"""
import re
import sys
import time

from rsp import Stub

port, name, kind, addr = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
length = int(sys.argv[5]) if len(sys.argv) > 5 else 8
stub = Stub(port)
ask, monitor = stub.ask, stub.monitor
r = ask(b"c")
if b"replaylog:end" not in r:
    sys.exit("continue did not reach the end of the recording: %r" % r)
before = monitor("checkpoints")
if kind == "watch":
    ok = ask(b"Z2,%s,%x" % (addr.encode(), length))
else:
    ok = ask(b"Z1,%s,4" % addr.encode())
if ok != b"OK":
    sys.exit("setting the %s: %r" % (kind, ok))
t0 = time.perf_counter()
r = ask(b"bc")
print("%s %.3f s" % (name, time.perf_counter() - t0))
if not r.startswith(b"T"):
    sys.exit("bc: %r" % r)
at = re.search(r"^icount (\d+)", monitor("icount"), re.M)
print("%s-stop-icount %s" % (name, at.group(1) if at else "?"))


def counts(text):
    m = re.search(r"searches replayed (\d+) intervals and skipped (\d+)", text)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


r0, k0 = counts(before)
r1, k1 = counts(monitor("checkpoints"))
print("%s-replayed %d intervals" % (name, r1 - r0))
print("%s-skipped %d intervals" % (name, k1 - k0))
stub.kill()
