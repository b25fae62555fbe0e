#!/usr/bin/env python3
"""Types commands into a guest's console one prompt at a time.

Usage: console_drive.py OUT PROMPT CMD... -- PROGRAM ARGS...

Runs PROGRAM with its stdin and stdout on pipes and copies its stdout to
OUT. A newline is typed at once, so that it waits in the pipe for the
guest's first read of the console (a boot countdown, which a key stops
whenever the host gets to it), then each CMD is typed after the next
PROMPT. Waiting for the prompt
matters: a command that polls the console for an interrupt key while it
works (U-Boot's md, for one) swallows bytes typed ahead of time, so
piping all input at once would lose characters, here as on any board.
After the last command the driver closes stdin and waits for PROGRAM to
end; its exit status is PROGRAM's.

A guest that never shows what it waits for is a failure, not a hang: no
output for IDLE_S seconds ends the run with status 2 and a message.
"""
import os
import selectors
import subprocess
import sys

IDLE_S = 300


def main():
    args = sys.argv[1:]
    if "--" not in args or args.index("--") < 2:
        sys.exit("usage: console_drive.py OUT PROMPT CMD... -- PROGRAM ARGS...")
    split = args.index("--")
    out_path, prompt = args[0], args[1].encode()
    cmds = [c.encode() + b"\n" for c in args[2:split]]
    program = args[split + 1:]

    proc = subprocess.Popen(program, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    seen = b""
    cursor = 0  # output before this offset has been answered
    proc.stdin.write(b"\n")
    proc.stdin.flush()
    with open(out_path, "wb") as out:
        while True:
            if not sel.select(IDLE_S):
                proc.kill()
                proc.wait()
                sys.exit(f"console_drive.py: no output for {IDLE_S} s; "
                         f"{len(cmds)} commands not typed")
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out.write(chunk)
            seen += chunk
            while cmds and seen.find(prompt, cursor) >= 0:
                cursor = seen.find(prompt, cursor) + len(prompt)
                proc.stdin.write(cmds.pop(0))
                proc.stdin.flush()
                if not cmds:
                    proc.stdin.close()
    status = proc.wait()
    if cmds:
        print(f"console_drive.py: the guest ended with {len(cmds)} "
              "commands not typed", file=sys.stderr)
        sys.exit(status if status else 2)
    sys.exit(status)


main()
