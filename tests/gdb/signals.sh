#!/usr/bin/env bash
# Signals in debugging sessions: SIGTERM and SIGINT stop `run --gdb` and
# `replay --gdb` cleanly, whether gdb is connected or not: the client is
# told or closed, rewind says where it stopped and exits 128 + signal.
# Usage: signals.sh REWIND COMPUTE_ELF
set -u
rewind=$1
compute=$2
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

command -v gdb-multiarch >/dev/null || {
	echo "FAIL: gdb-multiarch is not installed (make deps installs it)"
	exit 1
}

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# stub_wait NAME WANT: the stub ends by itself within a minute with
# status WANT and says which signal stopped it.
stub_wait() {
	local name=$1 want=$2 sig=$3
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	if kill -0 "$stub_pid" 2>/dev/null; then
		bad "$name: the stub hangs after SIG$sig"
		kill -KILL "$stub_pid"
	fi
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq $want ]" "$name: the stub exited $rc, not $want: $(tail -3 "$work/$name.err")"
	check "grep -q 'interrupted by SIG$sig at icount [0-9]*; gdb session closed' '$work/$name.err'" \
		"$name: no message: $(cat "$work/$name.err")"
}

# The compute guest must outlast the sleeps below: under the sanitizers
# the interpreter takes many seconds, translated code about one.
export REWIND_TUNE=no-jit

# A recording to debug: the compute guest stopped after a second.
"$rewind" record -o "$work/c.rec" --bios none --kernel "$compute" \
	>/dev/null 2>"$work/rec.err" </dev/null &
rec_pid=$!
sleep 1
kill -INT $rec_pid
wait $rec_pid
check "[ $? -eq 130 ]" "record: $(tail -2 "$work/rec.err")"

# Nobody connected: the wait for gdb ends on the signal.
stub_start replay-wait replay "$work/c.rec" && {
	kill -TERM "$stub_pid"
	stub_wait replay-wait 143 TERM
}
stub_start live-wait run --bios none --kernel "$compute" && {
	kill -INT "$stub_pid"
	stub_wait live-wait 130 INT
}

# gdb NAME COMMANDS...: gdb in the background against the stub; its
# output in $work/NAME.gdb, its pid in $gdb_pid.
gdb_start() {
	local name=$1
	shift
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 120 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" >"$work/$name.gdb" 2>&1 &
	gdb_pid=$!
	pids+=("$gdb_pid")
}
# Wait until the stub has answered gdb (the stop at the start is shown).
gdb_connected() {
	for _ in $(seq 300); do
		grep -q '0x0*80000000 in' "$work/$1.gdb" 2>/dev/null && return 0
		sleep 0.1
	done
	bad "$1: gdb did not connect: $(cat "$work/$1.gdb")"
	return 1
}

# gdb continuing a live guest: it is told the target was terminated.
stub_start live-cont run --bios none --kernel "$compute" && {
	gdb_start live-cont 'continue' 'info registers pc'
	gdb_connected live-cont && sleep 1
	kill -TERM "$stub_pid"
	stub_wait live-cont 143 TERM
	wait "$gdb_pid"
	check "grep -q 'terminated with signal SIGTERM' '$work/live-cont.gdb'" \
		"live-cont: gdb was not told: $(cat "$work/live-cont.gdb")"
}

# rec_closed NAME SIG: the recording $work/NAME.rec of a `record --gdb`
# stopped by SIG is closed as a plain record's would be: an end record
# that says so, not truncated, and it replays with --verify.
rec_closed() {
	local name=$1 sig=$2
	"$rewind" info "$work/$name.rec" >"$work/$name.info" 2>&1
	check "grep -q '^events.end=1$' '$work/$name.info' && grep -q '^interrupted=SIG$sig$' '$work/$name.info' && ! grep -q truncated '$work/$name.info'" \
		"$name: the recording was not closed: $(cat "$work/$name.info")"
	timeout 300 "$rewind" replay "$work/$name.rec" --verify >/dev/null \
		2>"$work/$name.rerr" </dev/null
	local rc=$?
	check "[ $rc -eq 0 ] && grep -q 'interrupted by SIG$sig at icount' '$work/$name.rerr' && grep -q 'verified: ' '$work/$name.rerr'" \
		"$name: replay --verify exit $rc: $(tail -2 "$work/$name.rerr")"
}

# record --gdb, nobody connected: the recording is still closed.
stub_start rec-wait record -o "$work/rec-wait.rec" --bios none \
	--kernel "$compute" && {
	kill -INT "$stub_pid"
	stub_wait rec-wait 130 INT
	rec_closed rec-wait INT
}

# record --gdb with gdb continuing: gdb is told, and the recording holds
# everything run before the signal.
stub_start rec-cont record -o "$work/rec-cont.rec" --bios none \
	--kernel "$compute" && {
	gdb_start rec-cont 'continue'
	gdb_connected rec-cont && sleep 1
	kill -TERM "$stub_pid"
	stub_wait rec-cont 143 TERM
	wait "$gdb_pid"
	check "grep -q 'terminated with signal SIGTERM' '$work/rec-cont.gdb'" \
		"rec-cont: gdb was not told: $(cat "$work/rec-cont.gdb")"
	rec_closed rec-cont TERM
	# Periodic digests, as a plain record writes, for --verify to check.
	check "[ \"\$(sed -n 's/^events.digest=//p' '$work/rec-cont.info')\" -ge 2 ]" \
		"rec-cont: no periodic digests: $(grep digest "$work/rec-cont.info")"
	at=$(sed -nE 's/.*interrupted by SIGTERM at icount ([0-9]+).*/\1/p' "$work/rec-cont.err")
	check "[ \"\${at:-0}\" -gt 0 ] && grep -q '^icount=$at$' '$work/rec-cont.info'" \
		"rec-cont: stopped at icount '$at', recording: $(grep '^icount' "$work/rec-cont.info")"
}

# SIGKILL during record --gdb loses at most about a second, as in a plain
# record: the guest waits for input with its icount standing still, so
# only the clock flushes the console bytes it took while gdb continues.
here=$(cd "$(dirname "$0")" && pwd)
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
	-nostdlib -nostartfiles -T "$here/../../guests/isa/common/link.ld" \
	"$here/../guests/wait_input.S" -o "$work/wait_input.elf" || exit 1
mkfifo "$work/in"
"$rewind" record -o "$work/rec-kill.rec" --bios none \
	--kernel "$work/wait_input.elf" --gdb 127.0.0.1:0 <"$work/in" \
	>/dev/null 2>"$work/rec-kill.err" &
stub_pid=$!
pids+=("$stub_pid")
exec 3>"$work/in"
for _ in $(seq 600); do
	port=$(sed -nE 's/.*waiting for gdb on port ([0-9]+).*/\1/p' "$work/rec-kill.err")
	[ -n "$port" ] && break
	sleep 0.1
done
gdb_start rec-kill 'continue'
gdb_connected rec-kill && sleep 0.5
printf 'typed' >&3
sleep 2.5
kill -KILL "$stub_pid"
wait "$stub_pid" 2>/dev/null
wait "$gdb_pid"
exec 3>&-
"$rewind" info "$work/rec-kill.rec" >"$work/rec-kill.info" 2>&1
check "grep -q '^events.console=[1-9]' '$work/rec-kill.info' && grep -q '^truncated=yes$' '$work/rec-kill.info'" \
	"rec-kill: the typed input was lost: $(cat "$work/rec-kill.info")"
timeout 300 "$rewind" replay "$work/rec-kill.rec" >/dev/null 2>"$work/rec-kill.rerr" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -q 'truncated.*replayed up to there' '$work/rec-kill.rerr'" \
	"rec-kill: replay exit $rc: $(tail -2 "$work/rec-kill.rerr")"

# gdb continuing a replay, interrupted by SIGINT.
stub_start replay-cont replay "$work/c.rec" && {
	gdb_start replay-cont 'continue'
	gdb_connected replay-cont && sleep 0.5
	kill -INT "$stub_pid"
	stub_wait replay-cont 130 INT
	wait "$gdb_pid"
	check "grep -Eq 'terminated with signal SIGINT|exited normally' '$work/replay-cont.gdb'" \
		"replay-cont: gdb was not told: $(cat "$work/replay-cont.gdb")"
}

# gdb connected and stopped at its prompt: the connection is closed.
stub_start replay-idle replay "$work/c.rec" && {
	gdb_start replay-idle 'shell sleep 3' 'monitor icount'
	gdb_connected replay-idle
	kill -TERM "$stub_pid"
	stub_wait replay-idle 143 TERM
	wait "$gdb_pid"
	check "grep -q 'Remote connection closed' '$work/replay-idle.gdb'" \
		"replay-idle: gdb did not see the end: $(cat "$work/replay-idle.gdb")"
}

echo "gdb signals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
