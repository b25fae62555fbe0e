"""What recording costs over a plain run of the same machine, measured
two ways, since a short boot (a tenth of a second) is too short and too
noisy for a few per cent to show in the medians of a handful of runs:

  ir    host instructions of a run and a record, counted under
        valgrind's callgrind (exact and repeatable to a few parts in a
        million; --smc-check=all-non-file so that code the translation
        tier generates and patches is seen afresh). It counts
        instructions, not cycles: work that waits on memory or on a
        long multiply chain costs more time than its count says.
  cpu   PAIRS runs and records alternating (run first in even pairs,
        record first in odd ones, so a drift in host speed falls on
        both), each one's CPU time (user + system, from wait4) taken
        to the microsecond; the overhead is the trimmed mean of the
        pairs' ratios, its noise twice the standard error of that mean.

Prints one line of "key value" pairs. Both commands must exit 0.
Usage: overhead.py ir|cpu PAIRS WORKDIR REWIND MACHINE_ARGS..."""
import os
import re
import statistics
import subprocess
import sys
import time

mode, pairs, work, rewind, args = (sys.argv[1], int(sys.argv[2]),
                                   sys.argv[3], sys.argv[4], sys.argv[5:])
rec = os.path.join(work, "overhead.rec")
err = os.path.join(work, "overhead.err")
cmds = {"run": [rewind, "run"] + args,
        "record": [rewind, "record", "-o", rec, "--force"] + args}


def launch(cmd):
    """Run cmd to its end: (CPU seconds, wall seconds)."""
    with open(os.devnull, "rb") as i, open(os.devnull, "wb") as o, \
            open(err, "wb") as e:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdin=i, stdout=o, stderr=e)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        with open(err, errors="replace") as e:
            tail = e.read()[-300:]
        sys.exit("overhead.py: %s exited %d: %s" %
                 (" ".join(cmd), p.returncode, tail))
    return ru.ru_utime + ru.ru_stime, wall


def instructions(cmd):
    log = os.path.join(work, "callgrind.log")
    launch(["valgrind", "--tool=callgrind", "--smc-check=all-non-file",
            "--callgrind-out-file=/dev/null", "--log-file=" + log] + cmd)
    with open(log) as f:
        m = re.search(r"Collected : (\d+)", f.read())
    if not m:
        sys.exit("overhead.py: no instruction count in " + log)
    return int(m.group(1))


def trimmed(values, cut=0.2):
    v = sorted(values)
    k = int(len(v) * cut)
    return v[k:len(v) - k] if len(v) > 2 * k else v


# Once each first: caches warm (the page cache, the image hash cache).
launch(cmds["run"])
launch(cmds["record"])
if mode == "ir":
    # The run is counted twice: how far two counts of the same command
    # differ is the method's noise.
    run = instructions(cmds["run"])
    record = instructions(cmds["record"])
    again = instructions(cmds["run"])
    print("run %d record %d overhead %.2f noise %.4f" %
          (run, record, 100.0 * (record / run - 1),
           100.0 * abs(again - run) / run))
elif mode == "cpu":
    runs, records, ratios = [], [], []
    for i in range(pairs):
        order = ("run", "record") if i % 2 == 0 else ("record", "run")
        got = {k: launch(cmds[k])[0] for k in order}
        runs.append(got["run"])
        records.append(got["record"])
        ratios.append(100.0 * (got["record"] / got["run"] - 1))
    kept = trimmed(ratios)
    noise = 2 * statistics.stdev(kept) / len(kept) ** 0.5
    print("run %.4f record %.4f overhead %.2f noise %.2f median %.2f" %
          (statistics.median(runs), statistics.median(records),
           statistics.mean(kept), noise, statistics.median(ratios)))
else:
    sys.exit("overhead.py: the mode is ir or cpu")
