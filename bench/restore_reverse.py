#!/usr/bin/env python3
"""A gdb session started from a snapshot (`run --restore SNAP --gdb`),
measured at the protocol level: the first checkpoint the session took
(the restored machine, the base of its history; from `monitor
checkpoints`), then, after three forward steps, the first reverse step
and the median of the next five. Run RUNS sessions; prints "name value
unit" lines (medians, and the worst first reverse step).
Usage: restore_reverse.py REWIND SNAP RUNS"""
import os
import re
import statistics
import subprocess
import sys
import time

from rsp import Stub

rewind, snap, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
base, first, later = [], [], []
for _ in range(runs):
    err = open(os.devnull, 'w')
    p = subprocess.Popen([rewind, 'run', '--restore', snap, '--gdb',
                          '127.0.0.1:0'], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         cwd=os.path.dirname(os.path.abspath(snap)))
    port = None
    seen = b''
    deadline = time.time() + 120
    while port is None:
        line = p.stderr.readline()
        if not line or time.time() > deadline:
            p.kill()
            sys.exit('restore_reverse: no gdb port: %r' % seen)
        seen += line
        m = re.search(rb'on port (\d+)', line)
        port = int(m.group(1)) if m else None
    stub = Stub(port)
    stub.ask(b'?')
    text = stub.monitor('checkpoints').splitlines()[0]
    m = re.search(r'taken (\d+) in ([\d.]+) ms', text)
    if not m:
        sys.exit('restore_reverse: monitor checkpoints: %r' % text)
    base.append(float(m.group(2)) / int(m.group(1)))
    for _ in range(3):
        stub.ask(b'vCont;s:1')
    t = time.perf_counter()
    r = stub.ask(b'bs')
    first.append((time.perf_counter() - t) * 1e3)
    if not r.startswith(b'T05'):
        sys.exit('restore_reverse: bs: %r' % r)
    steps = []
    for _ in range(5):
        t = time.perf_counter()
        stub.ask(b'bs')
        steps.append((time.perf_counter() - t) * 1e3)
    later.append(statistics.median(steps))
    stub.kill()
    p.wait()
print('restore-gdb.first-checkpoint %.2f ms' % statistics.median(base))
print('restore-gdb.first-reverse-step %.2f ms' % statistics.median(first))
print('restore-gdb.first-reverse-step.max %.2f ms' % max(first))
print('restore-gdb.later-reverse-step %.2f ms' % statistics.median(later))
