"""Host CPU of an idle guest: start CMD with a terminal on stdin (as a
person at a shell would), wait until its output shows READY, then take
the CPU time (user + system) the process uses over SECONDS of wall time,
and end it by typing a line. Prints the percentage of one host core.
Usage: idle.py SECONDS READY CMD..."""
import os
import pty
import subprocess
import sys
import time

seconds, ready, cmd = float(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
master, slave = pty.openpty()
p = subprocess.Popen(cmd, stdin=slave, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
os.close(slave)
buf = b""
deadline = time.time() + 600
while ready not in buf:
    b = p.stdout.read1(4096)
    if not b or time.time() > deadline:
        sys.exit("idle.py: the guest never showed %r" % ready)
    buf += b[-4096:]


def cpu():
    # utime and stime, in clock ticks: fields 14 and 15 of /proc/PID/stat
    # (counted after the command name, which may hold spaces).
    with open("/proc/%d/stat" % p.pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


c0, t0 = cpu(), time.time()
c1, t1 = c0, t0
while t1 - t0 < seconds:
    time.sleep(0.01)
    pid, _, ru = os.wait4(p.pid, os.WNOHANG)
    if pid:
        # It stopped waiting: its own timeout ran out in virtual time.
        # The share of a core it used while it lasted, from its rusage.
        t1 = time.time()
        c1 = ru.ru_utime + ru.ru_stime
        sys.stderr.write("idle.py: the guest stopped waiting after "
                         "%.2f s\n" % (t1 - t0))
        print("%.2f" % (100 * (c1 - c0) / (t1 - t0)))
        sys.exit(0)
    c1, t1 = cpu(), time.time()
os.write(master, b"idle\r")
try:
    out = p.communicate(timeout=120)[0]
except subprocess.TimeoutExpired:
    p.kill()
    p.wait()
    sys.exit("idle.py: the guest did not end after its line")
if ready == b"all 4 checks passed" and b"echo: idle" not in out:
    sys.exit("idle.py: the guest did not read its line")
print("%.2f" % (100 * (c1 - c0) / (t1 - t0)))
