#!/usr/bin/env bash
# Signals: SIGINT and SIGTERM close a recording cleanly (end record saying
# so, exit 130 / 143) and it replays; SIGKILL loses at most about a second.
# Usage: signals.sh REWIND COMPUTE_ELF (the wait guest is built here)
set -u
rewind=$1
compute=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
# stopped PID: wait for PID after its signal; one that ignores the signal
# is killed after a minute, so a broken build fails instead of hanging.
stopped() {
	timeout 60 tail --pid="$1" -f /dev/null
	kill -KILL "$1" 2>/dev/null
	wait "$1"
}

# The compute guest runs for many seconds under the sanitizers: a signal
# after a second always finds it running. Only in the interpreter: the
# translation tier's code is not instrumented and can take it past the
# icounts below within the second.
export REWIND_TUNE=no-jit
for sig in INT TERM; do
	want=$([ $sig = INT ] && echo 130 || echo 143)
	rec="$work/$sig.rec"
	"$rewind" record -o "$rec" --bios none --kernel "$compute" \
		>/dev/null 2>"$work/$sig.err" </dev/null &
	pid=$!
	sleep 1
	kill -$sig $pid
	wait $pid
	rc=$?
	check "[ $rc -eq $want ]" "SIG$sig: record exited $rc: $(tail -2 "$work/$sig.err")"
	check "grep -q 'interrupted by SIG$sig at icount' '$work/$sig.err'" \
		"SIG$sig: record did not say so: $(cat "$work/$sig.err")"
	"$rewind" info "$rec" >"$work/$sig.info" 2>"$work/$sig.ierr"
	rc=$?
	check "[ $rc -eq 0 ] && grep -q '^events.end=1$' '$work/$sig.info' && grep -q '^interrupted=SIG$sig$' '$work/$sig.info'" \
		"SIG$sig: info exit $rc: $(cat "$work/$sig.info" "$work/$sig.ierr")"
	check "! grep -q truncated '$work/$sig.info'" "SIG$sig: the recording is truncated"
	timeout 300 "$rewind" replay "$rec" --verify >/dev/null 2>"$work/$sig.rerr" </dev/null
	rc=$?
	check "[ $rc -eq 0 ] && grep -q 'interrupted by SIG$sig at icount' '$work/$sig.rerr'" \
		"SIG$sig: replay --verify exit $rc: $(tail -2 "$work/$sig.rerr")"
done

# The same under the translation tier (the default): a guest that spins
# in translated code for ever is stopped at the signal too, and its
# recording is closed.
here=$(cd "$(dirname "$0")" && pwd)
build_guest() {
	riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
		-nostdlib -nostartfiles -T "$here/../../guests/isa/common/link.ld" \
		"$here/../guests/$1.S" -o "$work/$1.elf" || exit 1
}
build_guest spin
REWIND_TUNE= "$rewind" record -o "$work/jit.rec" --bios none \
	--kernel "$work/spin.elf" >/dev/null 2>"$work/jit.err" </dev/null &
pid=$!
sleep 1
kill -INT $pid
stopped $pid
rc=$?
check "[ $rc -eq 130 ] && grep -q 'interrupted by SIGINT at icount' '$work/jit.err'" \
	"tier: record exited $rc: $(tail -2 "$work/jit.err")"
"$rewind" info "$work/jit.rec" >"$work/jit.info" 2>&1
check "grep -q '^events.end=1$' '$work/jit.info' && grep -q '^interrupted=SIGINT$' '$work/jit.info'" \
	"tier: info: $(cat "$work/jit.info")"
REWIND_TUNE= timeout 300 "$rewind" replay "$work/jit.rec" --verify >/dev/null \
	2>"$work/jit.rerr" </dev/null
rc=$?
check "[ $rc -eq 0 ] && grep -q 'verified: ' '$work/jit.rerr'" \
	"tier: replay --verify exit $rc: $(tail -2 "$work/jit.rerr")"

# A replay stops on SIGINT too, within a slice, and says where. The
# recording above took a second of translated code; its replay in the
# interpreter takes many times that, so the signal always finds it
# running.
timeout 300 "$rewind" replay "$work/jit.rec" >/dev/null 2>"$work/rint.err" </dev/null &
pid=$!
sleep 1
kill -INT $pid
stopped $pid
rc=$?
check "[ $rc -eq 130 ] && grep -q 'replay interrupted by SIGINT at icount' '$work/rint.err'" \
	"replay after SIGINT exited $rc: $(tail -2 "$work/rint.err")"

# run: SIGTERM stops the machine and exits 143.
"$rewind" run --bios none --kernel "$compute" >/dev/null 2>"$work/run.err" </dev/null &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
rc=$?
check "[ $rc -eq 143 ] && grep -q 'interrupted by SIGTERM' '$work/run.err'" \
	"run after SIGTERM exited $rc: $(tail -2 "$work/run.err")"

# snapshot save: SIGINT before the icount is reached saves nothing.
"$rewind" snapshot save -o "$work/s.snap" --bios none --kernel "$compute" \
	--at 400000000 >/dev/null 2>"$work/snap.err" </dev/null &
pid=$!
sleep 1
kill -INT $pid
wait $pid
rc=$?
check "[ $rc -eq 130 ] && [ ! -e '$work/s.snap' ] && ! ls '$work' | grep -q part" \
	"snapshot save after SIGINT exited $rc: $(tail -2 "$work/snap.err")"

# A signal while a big image is still being hashed, before the machine
# runs: hashing stops at once, the status is the signal's, and neither a
# recording nor a cache entry is left (the first hash of 64 GiB of holes
# takes most of a minute).
truncate -s 64G "$work/big.img"
REWIND_CACHE=$work/cache "$rewind" record -o "$work/big.rec" --bios none \
	--kernel "$compute" --disk "$work/big.img" >/dev/null \
	2>"$work/big.err" </dev/null &
pid=$!
sleep 1
kill -INT $pid
stopped $pid
rc=$?
check "[ $rc -eq 130 ] && grep -q 'big.img: hashing stopped by a signal' '$work/big.err'" \
	"SIGINT while hashing: exit $rc: $(tail -2 "$work/big.err")"
check "[ ! -e '$work/big.rec' ] && [ ! -e '$work/cache/hashes' ] && ! ls '$work' | grep -q part" \
	"SIGINT while hashing left files: $(ls "$work" "$work/cache" 2>&1 | tr '\n' ' ')"
rm -f "$work/big.img"

# SIGKILL: the recorder flushes at least every second of host time. The
# guest waits for input that never raises an interrupt, so its icount
# stands still and no instruction count ever forces a flush: only the
# clock writes the console bytes it took. A kill after 2.5 s leaves at
# least one whole chunk, whose prefix replays.
build_guest wait_input
mkfifo "$work/in"
"$rewind" record -o "$work/kill.rec" --bios none --kernel "$work/wait_input.elf" \
	>/dev/null 2>&1 <"$work/in" &
pid=$!
exec 3>"$work/in"
printf 'typed' >&3
sleep 2.5
kill -KILL $pid
wait $pid 2>/dev/null
exec 3>&-
"$rewind" info "$work/kill.rec" >"$work/kill.info" 2>&1
chunks=$(sed -n 's/^chunks=//p' "$work/kill.info")
icount=$(sed -n 's/^icount=//p' "$work/kill.info")
check "[ '${chunks:-0}' -ge 1 ] && [ '${icount:-0}' -gt 0 ] && grep -q '^events.console=[1-9]' '$work/kill.info' && grep -q '^truncated=yes$' '$work/kill.info'" \
	"SIGKILL: info: $(cat "$work/kill.info")"
timeout 300 "$rewind" replay "$work/kill.rec" >/dev/null 2>"$work/kill.err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -q 'truncated.*replayed up to there' '$work/kill.err'" \
	"SIGKILL: replay exit $rc: $(tail -2 "$work/kill.err")"

echo "signals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
