"""Reverse-execution latency through the gdb stub, measured at the
protocol level (no client overhead): continue to the end of a
recording, then time single reverse steps (`bs`) and one reverse
continue across the whole recording to a breakpoint at the reset
vector. Prints `name value unit` lines.
Usage: reverse.py PORT [STEPS]"""
import re
import statistics
import sys
import time

from rsp import Stub

port = int(sys.argv[1])
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
stub = Stub(port)
ask = stub.ask
t0 = time.perf_counter()
r = ask(b"c")
print("replay-with-checkpoints %.3f s" % (time.perf_counter() - t0))
if b"replaylog:end" not in r:
    sys.exit("continue did not reach the end of the recording: %r" % r)
first = stub.monitor("checkpoints").splitlines()[0]
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
stub.kill()
