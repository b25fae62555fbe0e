#!/usr/bin/env python3
"""The peer emulator's savevm and loadvm on the same booted Linux guest as
bench/snapshot.sh: boot under qemu-system-riscv64 with a qcow2 disk (where
savevm keeps the machine state), wait for the console line, then time
RUNS savevm and RUNS loadvm commands over QMP (each the command's round
trip: the machine is stopped, saved or loaded, and the reply comes).
Prints "snapshot.peer.save|restore.min|median VALUE ms" lines.
Usage: peer_snapshot.py LINUX_DIR WORKDIR RUNS"""
import json
import os
import socket
import statistics
import subprocess
import sys
import time

linux, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
disk = os.path.join(work, 'peer.qcow2')
console = os.path.join(work, 'peer.console')
qmp_path = os.path.join(work, 'peer.qmp')
subprocess.run(['qemu-img', 'create', '-q', '-f', 'qcow2', disk, '16M'],
               check=True)
open(console, 'w').close()
peer = subprocess.Popen(
    ['qemu-system-riscv64', '-M', 'virt', '-smp', '1', '-m', '256M',
     '-display', 'none', '-kernel', os.path.join(linux, 'Image'),
     '-initrd', os.path.join(linux, 'initramfs.cpio'),
     '-append', 'console=ttyS0 panic=-1 rewind.cpus=1 rewind.echo=1',
     '-global', 'virtio-mmio.force-legacy=false',
     '-device', 'virtio-rng-device',
     '-drive', 'file=%s,format=qcow2,if=none,id=d0' % disk,
     '-device', 'virtio-blk-device,drive=d0',
     '-serial', 'file:' + console, '-monitor', 'none',
     '-qmp', 'unix:%s,server=on,wait=off' % qmp_path],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
try:
    deadline = time.time() + 120
    while b'all 4 checks passed' not in open(console, 'rb').read():
        if time.time() > deadline or peer.poll() is not None:
            sys.exit('peer_snapshot: the peer guest did not boot')
        time.sleep(0.05)
    s = socket.socket(socket.AF_UNIX)
    s.connect(qmp_path)
    f = s.makefile('rw')

    def command(cmd, **args):
        f.write(json.dumps({'execute': cmd, 'arguments': args}) + '\n')
        f.flush()
        while True:
            reply = json.loads(f.readline())
            if 'return' in reply or 'error' in reply:
                if 'error' in reply or reply['return'] not in ({}, ''):
                    sys.exit('peer_snapshot: %s: %s' % (cmd, reply))
                return

    json.loads(f.readline())  # the greeting
    command('qmp_capabilities')

    def timed(line):
        t = time.perf_counter()
        command('human-monitor-command', **{'command-line': line})
        return (time.perf_counter() - t) * 1000

    save = [timed('savevm bench') for _ in range(runs)]
    load = [timed('loadvm bench') for _ in range(runs)]
    for name, v in (('save', save), ('restore', load)):
        print('snapshot.peer.%s.min %.1f ms' % (name, min(v)))
        print('snapshot.peer.%s.median %.1f ms' % (name, statistics.median(v)))
finally:
    peer.kill()
    peer.wait()
