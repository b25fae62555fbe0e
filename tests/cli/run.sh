#!/usr/bin/env bash
# Command-line behaviour of `rewind run`: exit statuses, console output and
# clear errors for bad input. Usage: run.sh REWIND
set -u
rewind=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

build_guest() {
	riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
		-nostdlib -nostartfiles -T "$here/../../guests/isa/common/link.ld" \
		"$here/../guests/$1.S" -o "$work/$1.elf" || exit 1
}

# expect STATUS STDERR-PATTERN -- ARGS...: run rewind, check status and that
# stderr matches the pattern (a clear message, not a crash).
expect() {
	local want=$1 pattern=$2
	shift 3
	timeout 60 "$rewind" "$@" >"$work/out" 2>"$work/err" </dev/null
	local rc=$?
	if [ $rc -ne "$want" ]; then
		bad "rewind $* exited $rc, expected $want; stderr: $(head -c 300 "$work/err")"
	elif [ -n "$pattern" ] && ! grep -qE "$pattern" "$work/err"; then
		bad "rewind $*: stderr lacks /$pattern/: $(head -c 300 "$work/err")"
	elif grep -qE 'AddressSanitizer|runtime error' "$work/err"; then
		bad "rewind $*: sanitizer report: $(head -c 300 "$work/err")"
	else
		ok
	fi
}

for g in exit_code hello wfi_forever trap_storm reboot panic spin timer_wait \
	idle_input; do
	build_guest $g
done

# The guest's finisher code is the process exit status.
expect 42 '' -- run --bios none --kernel "$work/exit_code.elf"
# Console output reaches stdout exactly.
expect 0 '' -- run --bios none --kernel "$work/hello.elf"
if [ "$(cat "$work/out")" = "hello from the guest" ]; then ok; else
	bad "console output was '$(cat "$work/out")'"; fi
# --smp: every hart starts at the entry; the first to report decides.
expect 0 '' -- run --bios none --smp 4 --kernel "$work/hello.elf"
# A guest reboot restarts the machine: RAM zeroed, the RTC kept.
expect 0 '' -- run --bios none --kernel "$work/reboot.elf"
# A machine that can never run again says so.
expect 1 'waiting for an interrupt' -- run --bios none --kernel "$work/wfi_forever.elf"
expect 1 'trapping endlessly' -- run --bios none --kernel "$work/trap_storm.elf"

# On a terminal (a pseudo-terminal here) Ctrl-A X quits a guest that waits
# for input; Ctrl-A Ctrl-A would send a plain Ctrl-A.
(sleep 1; printf '\001x') | timeout 30 script -qec \
	"$rewind run --bios none --kernel $work/wfi_forever.elf" /dev/null \
	>"$work/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q 'quit from the console' "$work/out"; then ok; else
	bad "Ctrl-A X on a terminal: exit $rc, $(head -c 300 "$work/out")"; fi

# Idle costs nothing: at a terminal, a guest waiting for a timer 1000 s
# away lets its virtual time pass no faster than the wall's, so after the
# second before it is stopped its icount is bounded by the wall time the
# whole run took (at 100 M instructions a virtual second, plus one 10 ms
# look at the console), and it never reached its timer. A recording of
# such a run (stopped by SIGTERM) replays to the same icount; with input
# from a pipe nobody types, so the same guest reaches its timer and
# passes at once.
# on_tty SECONDS CMD...: CMD with a pseudo-terminal on stdin, stopped by
# SIGTERM after SECONDS; its output in $work/out, its status returned.
on_tty() {
	python3 - "$@" >"$work/out" 2>&1 <<'PY'
import os, pty, signal, subprocess, sys, time
master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[2:], stdin=slave)
time.sleep(float(sys.argv[1]))
p.send_signal(signal.SIGTERM)
sys.exit(p.wait(timeout=60))
PY
}
for cmd in run record; do
	t0=$(date +%s%N)
	if [ $cmd = run ]; then
		on_tty 1 "$rewind" run --stats --bios none --kernel "$work/timer_wait.elf"
	else
		on_tty 1 "$rewind" record -o "$work/idle.rec" --bios none \
			--kernel "$work/timer_wait.elf"
	fi
	rc=$?
	t1=$(date +%s%N)
	n=$(sed -nE 's/.*interrupted by SIGTERM at icount ([0-9]+).*/\1/p' "$work/out")
	most=$(((t1 - t0) / 10 + 1000000))
	if [ $rc -eq 143 ] && grep -q '^waiting' "$work/out" &&
		! grep -q tick "$work/out" && [ -n "$n" ] && [ "$n" -le $most ]; then
		ok
	else
		bad "$cmd idle at a terminal: exit $rc, icount $n (at most $most): $(head -c 300 "$work/out")"
	fi
done
timeout 60 "$rewind" replay --verify "$work/idle.rec" >"$work/rep.out" 2>"$work/err" </dev/null
rc=$?
if grep -q "interrupted by SIGTERM at icount $n\b" "$work/err" &&
	grep -q "^waiting" "$work/rep.out" && ! grep -q tick "$work/rep.out"; then ok; else
	bad "replay of the idle recording: exit $rc: $(head -c 300 "$work/err")"; fi
# A line typed at the terminal while the guest sleeps paced for a timer
# 1000 s away wakes it at once (it echoes and passes, the timer never
# fires), and the recording, whose input arrived in the middle of a paced
# wait, replays to the same end with --verify.
python3 - "$rewind" record -o "$work/typed.rec" --bios none \
	--kernel "$work/idle_input.elf" >"$work/typed.out" 2>"$work/typed.err" <<'PY'
import os, pty, subprocess, sys, time
master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=slave)
time.sleep(1)
os.write(master, b"typed\r")
try:
    sys.exit(p.wait(timeout=60))
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit(99)
PY
rc=$?
if [ $rc -eq 0 ] && grep -q '^waiting' "$work/typed.out" &&
	grep -q typed "$work/typed.out" && ! grep -q tick "$work/typed.out"; then ok; else
	bad "a line typed at an idle guest: exit $rc: $(head -c 300 "$work/typed.out") $(head -c 300 "$work/typed.err")"; fi
timeout 60 "$rewind" replay --verify "$work/typed.rec" >"$work/rep.out" 2>"$work/err" </dev/null
rc=$?
if [ $rc -eq 0 ] && cmp -s "$work/typed.out" "$work/rep.out" && grep -q 'verified: ' "$work/err"; then ok; else
	bad "replay of the typed recording: exit $rc: $(head -c 300 "$work/err")"; fi
mkfifo "$work/in"
exec 3<>"$work/in" # open, and nothing ever arrives
timeout 60 "$rewind" run --bios none --kernel "$work/timer_wait.elf" <&3 \
	>"$work/out" 2>"$work/err"
rc=$?
exec 3<&-
if [ $rc -eq 0 ] && grep -q tick "$work/out"; then ok; else
	bad "timer_wait with piped input: exit $rc: $(head -c 300 "$work/out") $(head -c 300 "$work/err")"; fi

# Bad input: missing, empty, truncated, foreign and non-ELF kernels.
expect 125 'No such file' -- run --bios none --kernel "$work/missing.elf"
: >"$work/empty.elf"
expect 125 'is empty' -- run --bios none --kernel "$work/empty.elf"
head -c 40 "$work/hello.elf" >"$work/trunc.elf"
expect 125 'truncated' -- run --bios none --kernel "$work/trunc.elf"
head -c 300 "$work/hello.elf" >"$work/trunc2.elf"
expect 125 'truncated|outside' -- run --bios none --kernel "$work/trunc2.elf"
expect 125 'not a 64-bit little-endian RISC-V ELF' -- run --bios none --kernel /bin/true
echo "just text" >"$work/text.elf"
expect 125 'not an ELF' -- run --bios none --kernel "$work/text.elf"
# A segment outside guest memory is refused, not written anywhere.
sed 's/0x80000000/0x40000000/' "$here/../../guests/isa/common/link.ld" >"$work/low.ld"
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany -nostdlib \
	-nostartfiles -T "$work/low.ld" "$here/../guests/hello.S" -o "$work/low.elf"
expect 125 'outside guest memory' -- run --bios none --kernel "$work/low.elf"
# A kernel larger than --mem is refused.
printf '.section .text.init\n.globl _start\n_start: j _start\n.bss\n.space 0x200000\n' >"$work/big.S"
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany -nostdlib \
	-nostartfiles -T "$here/../../guests/isa/common/link.ld" "$work/big.S" -o "$work/big.elf"
expect 125 'outside guest memory' -- run --bios none --mem 1M --kernel "$work/big.elf"

# Bad firmware, kernel, initrd and disk files get a clear error.
expect 125 'firmware .*No such file' -- run --bios "$work/nofw.bin" --kernel "$work/hello.elf"
expect 125 'firmware .* is empty' -- run --bios "$work/empty.elf" --kernel "$work/hello.elf"
expect 125 'kernel .*not a 64-bit little-endian RISC-V ELF' -- run --kernel /bin/true
expect 125 'kernel .*No such file' -- run --kernel "$work/nokernel"
expect 125 'initrd .*No such file' -- run --bios none --kernel "$work/hello.elf" --initrd "$work/noinitrd"
head -c 3000000 /dev/zero >"$work/big.initrd"
expect 125 'initrd .*does not fit' -- run --bios none --mem 2M --kernel "$work/hello.elf" --initrd "$work/big.initrd"
expect 125 'nodisk.img' -- run --bios none --kernel "$work/hello.elf" --disk "$work/nodisk.img"
head -c 1000 /dev/zero >"$work/odd.img"
expect 125 'odd.img.*512' -- run --bios none --kernel "$work/hello.elf" --disk "$work/odd.img"
expect 125 'at most' -- run --bios none --kernel "$work/hello.elf" --disk a --disk b --disk c --disk d --disk e
expect 125 'needs --kernel' -- run --bios none
# The default firmware with nothing to start is refused, not left spinning.
expect 125 'default firmware needs --kernel' -- run
expect 125 'default firmware needs --kernel' -- record -o "$work/nok.rec"

# Bad options.
expect 125 'smp' -- run --bios none --smp 9 --kernel "$work/hello.elf"
expect 125 'smp' -- run --bios none --smp x --kernel "$work/hello.elf"
expect 125 'mem' -- run --bios none --mem lots --kernel "$work/hello.elf"
expect 125 'mem' -- run --bios none --mem 100 --kernel "$work/hello.elf"
expect 125 'needs a value' -- run --bios none --kernel
expect 125 'unknown option' -- run --frobnicate
expect 125 'unknown command' -- frobnicate

# Recordings: whatever follows the end record must be a sound end marker,
# for replay as for info (same message, the path said once).
expect 42 '' -- record -o "$work/e.rec" --bios none --kernel "$work/exit_code.elf"
size=$(stat -c %s "$work/e.rec")
cp "$work/e.rec" "$work/junk.rec"
printf 'junk' >>"$work/junk.rec"
cp "$work/e.rec" "$work/twice.rec"
tail -c 24 "$work/e.rec" >>"$work/twice.rec"
cp "$work/e.rec" "$work/damaged.rec"
printf '\xff' | dd of="$work/damaged.rec" bs=1 seek=$((size - 10)) conv=notrunc 2>/dev/null
python3 - "$work/e.rec" "$work/counts.rec" <<'PY'
import struct, sys, zlib
d = bytearray(open(sys.argv[1], 'rb').read())
end = len(d) - 24
struct.pack_into('<Q', d, end + 12, struct.unpack_from('<Q', d, end + 12)[0] + 1)
struct.pack_into('<I', d, end + 20, zlib.crc32(bytes(d[end:end + 20])))
open(sys.argv[2], 'wb').write(d)
PY
for c in "junk:data after the end marker" "twice:data after the end marker" \
	"damaged:header checksum mismatch" "counts:end marker at byte [0-9]+ counts"; do
	name=${c%%:*}
	expect 125 "${c#*:}.*corrupt" -- replay "$work/$name.rec"
	expect 125 "${c#*:}.*corrupt" -- info "$work/$name.rec"
	n=$(grep -o "$name.rec" "$work/err" | wc -l)
	if [ "$n" -eq 1 ]; then ok; else bad "info names $name.rec $n times: $(cat "$work/err")"; fi
done
# Every command that reads a recording names a bad one once, and pcap its
# output file once.
head -c 100 "$work/e.rec" >"$work/hcut.rec"
for c in "replay" "replay --verify" "info" "trace" "pcap -o $work/hcut.pcap" \
	"shrink -o $work/hcut2.rec" "query --at 1 last-write 0x80000000 8"; do
	read -ra w <<<"$c"
	expect 125 'hcut.rec: the recording is truncated inside its header' -- "${w[0]}" "$work/hcut.rec" "${w[@]:1}"
	n=$(grep -o 'hcut.rec' "$work/err" | wc -l)
	[ "$n" -eq 1 ] && ok || bad "$c names hcut.rec $n times: $(cat "$work/err")"
done
expect 125 'nodir/x.pcap: No such file or directory' -- pcap "$work/e.rec" -o "$work/nodir/x.pcap"
n=$(grep -o 'nodir/x.pcap' "$work/err" | wc -l)
[ "$n" -eq 1 ] && ok || bad "pcap names its output $n times: $(cat "$work/err")"
# Cut before its first whole chunk: truncated, not a divergence.
hlen=$(od -An -tu4 -j12 -N4 "$work/e.rec")
head -c $((20 + hlen + 10)) "$work/e.rec" >"$work/cut.rec"
expect 125 'recording is truncated.*at icount 0; replayed up to there' -- replay "$work/cut.rec"
# A header asking for an impossible machine names the file.
cp "$work/e.rec" "$work/mem.rec"
python3 "$here/../snapshots/edit_header.py" "$work/mem.rec" mem=134217728 mem=99999999999999
expect 125 'mem.rec: .*cannot be built: --mem' -- replay "$work/mem.rec"

# Snapshots and recordings given the wrong way round say what they are;
# a snapshot cut inside its end marker is refused; errors say snapshot.
expect 0 '' -- snapshot save -o "$work/s.snap" --bios none --kernel "$work/wfi_forever.elf" --at 2
expect 125 'is a snapshot, not a recording' -- replay "$work/s.snap"
expect 125 's.snap is a snapshot, not a recording: use `rewind snapshot info' -- info "$work/s.snap"
if grep -q malformed "$work/err"; then bad "info on a snapshot: $(cat "$work/err")"; else ok; fi
expect 125 'is a recording, not a snapshot' -- snapshot info "$work/e.rec"
expect 125 'is a recording, not a snapshot' -- run --restore "$work/e.rec"
head -c -10 "$work/s.snap" >"$work/cut.snap"
expect 125 'cut.snap: the snapshot is truncated' -- snapshot info "$work/cut.snap"
expect 125 'cut.snap: the snapshot is truncated' -- run --restore "$work/cut.snap"
cp "$work/s.snap" "$work/flip.snap"
# Byte 100 inverted (a fixed 'Z' was no change when the byte already was one).
old=$(od -An -tu1 -j100 -N1 "$work/s.snap" | tr -d ' ')
printf "\\$(printf '%03o' $((255 - old)))" |
	dd of="$work/flip.snap" bs=1 seek=100 conv=notrunc 2>/dev/null
expect 125 'the snapshot is corrupt' -- snapshot info "$work/flip.snap"
if grep -q recording "$work/err"; then bad "snapshot error speaks of a recording: $(cat "$work/err")"; else ok; fi

# An unknown disk option is named as such.
head -c 4096 /dev/zero >"$work/d.img"
expect 125 "unknown disk option 'bogus' \(known: ro, persist\)" -- run --bios none --kernel "$work/hello.elf" --disk "$work/d.img,bogus"

# Odd disk files (issue 15): refused at once with a message naming the
# file and what it is, never a hang or an endless read. A big sparse image
# hashes once and then from the cache (a temporary REWIND_CACHE): both
# recordings name it by the same hash, and a damaged entry is ignored.
export REWIND_CACHE="$work/cache"
odd_rec() { expect 125 "$1" -- record -o "$work/odd.rec" --bios none --kernel "$work/hello.elf" "${@:2}"; }
odd_rec '/dev/zero: is a character device' --disk /dev/zero
mkfifo "$work/fifo"
odd_rec 'fifo: is a FIFO' --disk "$work/fifo"
odd_rec 'fifo: is a FIFO' --initrd "$work/fifo"
expect 125 'fifo: is a FIFO' -- run --bios none --kernel "$work/hello.elf" --disk "$work/fifo,persist"
expect 125 'kernel .*fifo: is a FIFO' -- run --bios none --kernel "$work/fifo"
expect 125 'kernel /dev/zero: is a character device' -- run --bios none --kernel /dev/zero
odd_rec "$work: Is a directory" --disk "$work"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$work/sock"
odd_rec 'sock: is a socket' --disk "$work/sock"
expect 125 'firmware .*fifo: is a FIFO' -- run --bios "$work/fifo" --kernel "$work/hello.elf"
# An image larger than any disk the machine would take (16 TiB) is refused
# before anything reads it. Sparse, on tmpfs: ext4 cannot hold the size.
huge=$(mktemp /dev/shm/rewind-huge.XXXXXX) && truncate -s 17T "$huge" ||
	bad "cannot make a 17 TiB sparse file in /dev/shm"
odd_rec 'bytes is larger than the 16 TiB an image may have' --disk "$huge"
rm -f "$huge"
# 4 GiB: large enough for the cache and the hole skipping, small enough
# that the first (uncached) hash costs seconds under the sanitizers.
truncate -s 4G "$work/sparse.img"
printf 'rewind' | dd of="$work/sparse.img" bs=1 seek=3000000000 conv=notrunc 2>/dev/null
printf 'end' | dd of="$work/sparse.img" bs=1 seek=$((4 * 1024 * 1024 * 1024 - 3)) conv=notrunc 2>/dev/null
truncate -s 256M "$work/medium.img"
sleep 3 # a file changed in the last 2 seconds gets no cache entry yet
# rec_disk NAME IMAGE: record with the image, print its header hash line.
rec_disk() {
	timeout 600 "$rewind" record -o "$work/$1.rec" --bios none --kernel "$work/hello.elf" \
		--disk "$work/$2" >/dev/null 2>"$work/$1.err" </dev/null &&
		"$rewind" info "$work/$1.rec" | grep '^disk0.sha256='
}
first=$(rec_disk sparse1 sparse.img)
[ -n "$first" ] && ok || bad "sparse image not recorded: $(head -c 300 "$work/sparse1.err")"
[ "$(ls "$work/cache/hashes" 2>/dev/null | wc -l)" = 1 ] && ok || bad "no cache entry for the sparse image"
grep -q 'hashing' "$work/sparse1.err" && bad "progress printed when stderr is not a terminal" || ok
cached=$(rec_disk sparse2 sparse.img)
[ "$cached" = "$first" ] && ok || bad "cached hash '$cached' differs from the first '$first'"
expect 0 '' -- replay "$work/sparse2.rec" --verify
# Progress on a terminal, for an image big enough to take a while.
script -qec "'$rewind' record -o '$work/medium.rec' --bios none --kernel '$work/hello.elf' --disk '$work/medium.img'" \
	/dev/null >"$work/tty.out" </dev/null
grep -q 'hashing .*medium.img: 100%' "$work/tty.out" && ok || bad "no progress on a terminal: $(head -c 300 "$work/tty.out")"
medium=$("$rewind" info "$work/medium.rec" | grep '^disk0.sha256=')
# Damage the medium image's entry (the newer of the two) on purpose.
entry=$(ls -t "$work/cache/hashes/"* | head -1)
printf 'XXXXXXXX' | dd of="$entry" bs=1 seek=70 conv=notrunc 2>/dev/null
damaged=$(rec_disk medium2 medium.img)
[ -n "$medium" ] && [ "$damaged" = "$medium" ] && ok || bad "with a damaged cache entry the image was recorded as '$damaged', not '$medium'"
# Changed in place behind the cache's back, its size and mtime put back as
# they were (only the ctime tells): hashed afresh, not taken from the entry.
touch -r "$work/medium.img" "$work/medium.times"
printf 'changed' | dd of="$work/medium.img" bs=1 seek=4096 conv=notrunc 2>/dev/null
touch -r "$work/medium.times" "$work/medium.img"
want="disk0.sha256=$(sha256sum "$work/medium.img" | cut -d' ' -f1)"
changed=$(rec_disk medium3 medium.img)
[ "$changed" = "$want" ] && [ "$changed" != "$medium" ] && ok || bad "an image changed in place was recorded as '$changed', not '$want'"
unset REWIND_CACHE

# Exit statuses a script can use (shared/DESIGN.md): 0 pass, the guest's
# code, 1 a guest failure without a code, 124 at --limit, 125 rewind's own
# error (130/143 after signals: tests/replay/signals.sh).
expect 125 'unknown option' -- replay "$work/e.rec" --frobnicate
expect 125 'No such file' -- replay "$work/missing.rec"
expect 1 'reported a failure' -- run --bios none --kernel "$work/panic.elf"
expect 1 'reported a failure' -- record -o "$work/panic.rec" --bios none --kernel "$work/panic.elf"
expect 1 '' -- replay "$work/panic.rec"
expect 42 '' -- replay "$work/e.rec"
expect 124 'instruction limit reached at icount 100000' -- record -o "$work/spin.rec" --bios none --kernel "$work/spin.elf" --limit 100000
# Its replay ends where the recorder stopped, with the same status.
expect 124 'stopped at its instruction limit, icount 100000' -- replay "$work/spin.rec" --verify
# `git bisect run`: 125 skips a commit rewind could not run (its kernel is
# missing here), instead of calling it the culprit. c1..c6: c3 cannot run,
# c5 brings the failure.
bisect=$work/bisect
mkdir "$bisect"
(
	cd "$bisect" && export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t \
		GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t &&
	git init -q && for k in hello hello missing hello exit_code exit_code; do
		echo "$k" >kernel && git add kernel && git commit -q --allow-empty -m "$k"
	done
) >/dev/null 2>&1
printf '#!/bin/sh\nexec "%s" run --bios none --kernel "%s/$(cat kernel).elf"\n' \
	"$rewind" "$work" >"$work/check.sh"
chmod +x "$work/check.sh"
c5=$(cd "$bisect" && git rev-parse HEAD~1)
(cd "$bisect" && git bisect start HEAD HEAD~5 && git bisect run "$work/check.sh") \
	>"$work/bisect.out" 2>&1
if grep -q "^$c5 is the first bad commit" "$work/bisect.out" &&
	grep -q 'missing.elf: No such file' "$work/bisect.out"; then ok; else
	bad "git bisect run did not skip c3 and find c5: $(tail -5 "$work/bisect.out")"; fi

# Every command explains itself: `rewind COMMAND --help` and `rewind help
# COMMAND` print its usage, every option its parser knows (read from its
# source) and an example, on stdout, exit 0; not the global usage.
src=$here/../../cli
for c in run record replay trace query diff shrink info pcap snapshot; do
	file=$src/$c.c
	[ "$c" = info ] && file=/dev/null
	opts=$(grep -oE 'strn?cmp\([a-z]+(\[i\])?, "(-o|--[a-z-]+)' "$file" | grep -oE '"[^"]+' | tr -d '"' | sort -u)
	case $c in run | record | snapshot)
		opts="$opts $(grep -oE '"--[a-z]+"' "$src/options.c" | tr -d '"' | sort -u)" ;;
	esac
	expect 0 '' -- "$c" --help
	cp "$work/out" "$work/help.$c"
	[ -s "$work/err" ] && bad "$c --help wrote on stderr: $(head -c 200 "$work/err")"
	grep -q "^usage: rewind $c " "$work/help.$c" && ok || bad "$c --help: no usage line: $(head -3 "$work/help.$c")"
	grep -q "^Example:" -A1 "$work/help.$c" && grep -A1 "^Example:" "$work/help.$c" | grep -q "^  rewind $c " &&
		ok || bad "$c --help has no example"
	grep -q "usage: rewind COMMAND" "$work/help.$c" && bad "$c --help printed the global usage" || ok
	for o in $opts; do
		grep -qE -- "^ +$o([ =[]|$)" "$work/help.$c" && ok || bad "$c --help does not explain $o"
		# docs/COMMAND.md too (the MACHINE options are in docs/run.md).
		doc=$here/../../docs/$c.md
		grep -q -- "\"$o\"" "$src/options.c" && doc=$here/../../docs/run.md
		grep -q -- "\`$o" "$doc" && ok || bad "$(basename "$doc") does not explain $o"
	done
	expect 0 '' -- help "$c"
	cmp -s "$work/out" "$work/help.$c" && ok || bad "rewind help $c differs from rewind $c --help"
done
# An option explained in run --help: at least the machine and gdb ones.
grep -q -- '--gdb \[HOST:\]PORT' "$work/help.run" && grep -q -- '--kernel FILE' "$work/help.run" && ok ||
	bad "run --help lacks --gdb or --kernel: $(cat "$work/help.run")"
# --help after a kernel command line is part of it, not a request.
expect 125 'needs --kernel' -- run --bios none --append --help
expect 0 '' -- help
grep -q '^usage: rewind COMMAND' "$work/out" && ok || bad "rewind help: $(head -3 "$work/out")"
expect 0 '' -- --help
expect 125 "unknown command 'frobnicate'" -- help frobnicate
expect 0 '' -- --version
grep -qE "^rewind $(cat "$here/../../VERSION")( \(.+\))?$" "$work/out" && ok ||
	bad "rewind --version printed '$(cat "$work/out")', VERSION is $(cat "$here/../../VERSION")"

# Hints: a mistake gets what to type instead.
expect 125 'replay: --gdb needs a port: --gdb \[HOST:\]PORT, e.g. --gdb 1234' -- replay "$work/e.rec" --gdb
expect 125 'run: --gdb needs a port: --gdb \[HOST:\]PORT' -- run --bios none --kernel "$work/hello.elf" --gdb
expect 125 'replay: --gdb needs a port' -- replay "$work/e.rec" --gdb --verify
expect 125 "'boot2.rec' is not an option; the recording is named with -o: rewind record -o boot2.rec" -- record boot2.rec
[ -e boot2.rec ] && bad "record boot2.rec wrote a file" || ok
expect 125 'record: name the recording with -o REC' -- record --bios none --kernel "$work/hello.elf"
expect 125 'snapshot save -o x.snap' -- snapshot save x.snap --at 5
expect 125 'e.rec already exists; --force replaces it' -- record -o "$work/e.rec" --bios none --kernel "$work/hello.elf"
expect 42 '' -- replay "$work/e.rec"
expect 125 'is a snapshot, not a recording: run it with `rewind run --restore .*s.snap`' -- replay "$work/s.snap"
expect 125 'unknown option .* \(`rewind help run` lists them\)' -- run --frobnicate
expect 125 "'Image' is not an option; a kernel is named with --kernel: rewind run --kernel Image" -- run Image
# An ELF kernel linked at virtual addresses (a vmlinux) behind firmware.
sed 's/0x80000000/0xffffffff80000000/' "$here/../../guests/isa/common/link.ld" >"$work/virt.ld"
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany -nostdlib \
	-nostartfiles -T "$work/virt.ld" "$here/../guests/hello.S" -o "$work/vmlinux" || exit 1
expect 125 "kernel .*vmlinux: .*pass the kernel's Image" -- run --kernel "$work/vmlinux"
# --to past the end names the end; --verify says what it verified.
end=$("$rewind" info "$work/e.rec" | sed -n 's/^icount=//p')
expect 125 "rewind: --to 99999999 is past the end: the recording ends at icount $end\$" -- replay "$work/e.rec" --to 99999999
expect 0 'stopped at icount 2' -- replay "$work/e.rec" --to 2
expect 42 "^rewind: verified: $end instructions, [1-9][0-9]* events, identical\$" -- replay "$work/e.rec" --verify
[ "$(grep -c verified "$work/err")" = 1 ] && ok || bad "--verify said more than one line: $(cat "$work/err")"
expect 125 'diverged|corrupt' -- replay "$work/damaged.rec" --verify
grep -q 'verified' "$work/err" && bad "a damaged recording was called verified" || ok

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
