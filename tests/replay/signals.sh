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

# A replay stops on SIGINT too, within a slice, and says where.
timeout 300 "$rewind" replay "$work/INT.rec" >/dev/null 2>"$work/rint.err" </dev/null &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
rc=$?
# The replay of a short recording may finish before the signal: then 0.
check "[ $rc -eq 130 ] || [ $rc -eq 0 ]" "replay after SIGINT exited $rc: $(tail -2 "$work/rint.err")"

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
check "[ $rc -eq 130 ] && [ ! -e '$work/s.snap' ]" \
	"snapshot save after SIGINT exited $rc: $(tail -2 "$work/snap.err")"

# SIGKILL: the recorder flushes at least every second of host time. The
# guest waits for input that never raises an interrupt, so its icount
# stands still and no instruction count ever forces a flush: only the
# clock writes the console bytes it took. A kill after 2.5 s leaves at
# least one whole chunk, whose prefix replays.
here=$(cd "$(dirname "$0")" && pwd)
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
	-nostdlib -nostartfiles -T "$here/../../guests/isa/common/link.ld" \
	"$here/../guests/wait_input.S" -o "$work/wait.elf" || exit 1
mkfifo "$work/in"
"$rewind" record -o "$work/kill.rec" --bios none --kernel "$work/wait.elf" \
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
