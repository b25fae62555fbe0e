#!/usr/bin/env python3
"""Run a command on a pseudo-terminal, as a user at a console would: once
the output shows WAIT_FOR, type KEYS (Python escapes, e.g. '\\x01s'); then
copy everything the command printed to stdout and exit with its status.
Usage: pty_keys.py WAIT_FOR KEYS TIMEOUT_SECONDS COMMAND..."""
import os
import pty
import select
import sys
import time

wait_for = sys.argv[1].encode()
keys = sys.argv[2].encode().decode('unicode_escape').encode('latin-1')
deadline = time.monotonic() + float(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[4], sys.argv[4:])
out = b''
typed = False
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break  # the command closed the terminal: it exited
        if not data:
            break
        out += data
    if not typed and wait_for in out:
        os.write(fd, keys)
        typed = True
else:
    os.kill(pid, 9)
    sys.stdout.buffer.write(out)
    print('\npty_keys: timed out', file=sys.stderr)
    sys.exit(124)
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
if not typed:
    print('pty_keys: never saw what to wait for', file=sys.stderr)
    sys.exit(125)
sys.exit(os.waitstatus_to_exitcode(status))
