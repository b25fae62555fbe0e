#!/usr/bin/env bash
# Debugger writes, driven by the real gdb-multiarch against the race
# guest (two harts, a shared counter, the verdict on the console and in
# the exit status): `set var` and `set $reg` in `run --gdb` and
# `record --gdb` change what the guest does; the kept recording replays
# with --verify and `info` counts the writes; a replay refuses writes with
# a reason; `monitor branch FILE` continues live from a replay into a
# recording that replays on its own.
# Usage: writes.sh REWIND RACE_ELF
set -u
rewind=$1
elf=$2
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

machine=(--bios none --smp 2 --kernel "$elf")

# gdb_run NAME WANT COMMANDS...: a batch session against the stub started
# as NAME (output in $work/NAME.gdb); the stub must then end by itself
# with status WANT.
gdb_run() {
	local name=$1 want=$2
	shift 2
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 300 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$elf" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq $want ]" "$name: the stub exited $rc, not $want: $(tail -3 "$work/$name.err")"
}
has() { grep -qF -- "$2" "$work/$1"; }
expect() { if has "$1" "$2"; then ok; else bad "$1 lacks '$2' ($3)"; fi; }

# The writes: the counter set to 1000 before either hart counts (so it
# ends at 2600, and the check fails with code 7), then put_dec's argument
# (a0) replaced, so the line the guest prints shows 4242.
writes=('break hart0_main' 'continue' 'set var shared_counter = 1000'
	'print shared_counter' 'delete' 'break put_dec' 'continue'
	'set $a0 = 4242' 'info registers a0' 'delete' 'continue')
changed='race: lost update: counter=4242 expected=1600'

# --- run --gdb --------------------------------------------------------------
# A write in the session's recorded past is refused; back at the end of
# what was recorded, writes go in.
stub_start run run "${machine[@]}" &&
	gdb_run run 7 'break hart0_main' 'continue' 'reverse-stepi' \
		'set $a0 = 1' 'stepi' "${writes[@]:2}"
expect run.gdb 'is in the recorded past' "a write after reverse-stepi is refused"
expect run.gdb '$1 = 1000' "set var wrote the counter"
expect run.gdb 'a0             0x1092	4242' "set \$a0 wrote the register"
expect run.gdb 'exited with code 07' "gdb sees the changed verdict"
expect run.out "$changed" "the guest printed what the writes made"

# --- record --gdb keeps its recording, writes included --------------------
stub_start record record -o "$work/w.rec" "${machine[@]}" &&
	gdb_run record 7 "${writes[@]}"
expect record.out "$changed" "record --gdb: the writes changed the run"
"$rewind" replay "$work/w.rec" --verify >"$work/verify.out" 2>"$work/verify.err"
rc=$?
check "[ $rc -eq 7 ]" "the kept recording replayed with status $rc: $(cat "$work/verify.err")"
expect verify.out "$changed" "the replay reproduces the written values"
"$rewind" info "$work/w.rec" >"$work/info.out" 2>&1
expect info.out 'events.register-write=1' "info counts the register write"
expect info.out 'events.memory-write=1' "info counts the memory write"

# --- patched code runs as patched ------------------------------------------
# racy_increment has run once (its instructions are decoded) when an
# ebreak is written over its first one: the hart traps there, and the
# guest fails with its exception code, 9, live and in the replay.
stub_start patch record -o "$work/p.rec" "${machine[@]}" &&
	gdb_run patch 9 'break racy_increment' 'continue' 'continue' 		'set {int}racy_increment = 0x00100073' 'delete' 'continue'
expect patch.out 'race: exception on hart 0: mcause 3' "the written ebreak ran"
"$rewind" replay "$work/p.rec" --verify >"$work/pverify.out" 2>"$work/pverify.err"
rc=$?
check "[ $rc -eq 9 ]" "the patched recording replayed with status $rc: $(cat "$work/pverify.err")"
expect pverify.out 'race: exception on hart 0: mcause 3' "the replay runs the patched code"

# --- a replay is read-only ----------------------------------------------
"$rewind" record -o "$work/plain.rec" "${machine[@]}" </dev/null \
	>"$work/plain.out" 2>&1
check "[ $? -eq 0 ]" "recording the race guest failed: $(cat "$work/plain.out")"
sum=$(sha256sum <"$work/plain.rec")
stub_start ro replay "$work/plain.rec" &&
	gdb_run ro 0 'break hart0_main' 'continue' 'set $a0 = 1' \
		'set var shared_counter = 5' 'print shared_counter' 'delete' \
		'continue'
expect ro.gdb 'Could not write register "a0"; remote failure reply '\''E.a replay is read-only; `monitor branch FILE` continues live from here'\' \
	"gdb shows why a register write is refused"
expect ro.gdb 'Cannot access memory at address' "a memory write is refused"
expect ro.err 'write refused: a replay is read-only; `monitor branch FILE` continues live from here' \
	"rewind says why on stderr too"
expect ro.gdb '$1 = 0' "the counter is unchanged"
expect ro.out 'race: ok counter=1600' "the replay ends as recorded"

# --- monitor branch -----------------------------------------------------
stub_start branch replay "$work/plain.rec" &&
	gdb_run branch 7 'break hart0_main' 'continue' \
		"monitor branch $work/plain.rec" "monitor branch $work/b.rec" \
		"monitor branch $work/b2.rec" 'set var shared_counter = 1000' \
		'reverse-stepi' 'delete' 'continue'
expect branch.gdb "$work/plain.rec exists" "an existing file is refused"
expect branch.gdb "branched at icount " "the branch starts"
expect branch.gdb "this session is live already" "no branch from a live session"
expect branch.gdb 'No more reverse-execution history' "the branch's history begins where it branched"
expect branch.gdb 'exited with code 07' "the branch ran on to the changed verdict"
expect branch.out 'race: lost update: counter=2600 expected=1600' "the branch's write took effect"
check "[ ! -e '$work/b2.rec' ]" "a refused branch left a file"
check "[ \"\$(sha256sum <'$work/plain.rec')\" = '$sum' ]" "the replayed recording changed"
"$rewind" replay "$work/b.rec" --verify >"$work/bverify.out" 2>"$work/bverify.err"
rc=$?
check "[ $rc -eq 7 ]" "the branch replayed with status $rc: $(cat "$work/bverify.err")"
expect bverify.out 'race: lost update: counter=2600 expected=1600' "the branch replays on its own"
check "! grep -q 'race: ok' '$work/bverify.out'" "the branch replays the original's output"

echo "gdb writes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
