#!/usr/bin/env bash
# gdb sessions as a user lives them: Ctrl-C during a long search, the end
# of a recording, the monitor commands' answers, gdb/rewind.gdb, and a
# live session restored from a snapshot. gdb-multiarch in batch mode.
# Usage: session.sh REWIND COMPUTE_ELF (rewind.gdb is beside REWIND)
set -u
rewind=$1
compute=$2
rewind_gdb=$(dirname "$rewind")/rewind.gdb
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

for tool in gdb-multiarch python3; do
	command -v $tool >/dev/null || {
		echo "FAIL: $tool is not installed (make deps installs it)"
		exit 1
	}
done
[ -f "$rewind_gdb" ] || {
	echo "FAIL: $rewind_gdb is missing (make builds it)"
	exit 1
}

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# gdb_start NAME COMMANDS...: gdb in the background against the stub; its
# output in $work/NAME.gdb, its pid in $gdb_pid.
gdb_start() {
	local name=$1
	shift
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 300 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" >"$work/$name.gdb" 2>&1 &
	gdb_pid=$!
	pids+=("$gdb_pid")
}
# ctrl_c: Ctrl-C to gdb itself: SIGINT to its process alone (timeout,
# its parent, would pass a signal on to its whole group, and a second
# SIGINT makes gdb give up on the target).
ctrl_c() {
	local gdb
	gdb=$(pgrep -P "$gdb_pid" -x gdb-multiarch)
	[ -n "$gdb" ] && kill -INT "$gdb"
}
# gdb_end NAME: gdb and then the stub end by themselves.
gdb_end() {
	wait "$gdb_pid"
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	if kill -0 "$stub_pid" 2>/dev/null; then
		bad "$1: the stub hangs after gdb ended"
		kill -KILL "$stub_pid"
	fi
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq 0 ]" "$1: the stub exited $rc: $(tail -3 "$work/$1.err")"
}
gdb_run() {
	gdb_start "$@"
	gdb_end "$1"
}
has() { grep -qE -- "$2" "$work/$1.gdb"; }
expect() { check "has '$1' '$2'" "$1: gdb output lacks /$2/ ($3)"; }
section() { sed -n "/^@@$2\$/,/^@@/p" "$work/$1.gdb" | grep -v '^@@'; }

# A long recording: the compute guest for 400 million instructions
# (--limit ends it there). A copy of the ELF keeps the path it names.
cp "$compute" "$work/compute.elf"
end=400000000
"$rewind" record -o "$work/c.rec" --limit $end --bios none \
	--kernel "$work/compute.elf" </dev/null >/dev/null 2>"$work/rec.err"
check "[ \"\$(\"$rewind\" info '$work/c.rec' | sed -n 's/^icount=//p')\" = $end ]" \
	"record: $(tail -2 "$work/rec.err")"

# --- Ctrl-C during a long reverse-continue --------------------------------
# With 1 MiB for checkpoints only the first and the last stay, so going
# back from the end replays the whole recording in one search: Ctrl-C
# (SIGINT to gdb, which sends it to the stub) must stop it where it got
# to, and gdb must go on working. (With nothing to hit, a search now skips
# every stretch at once: REWIND_TUNE=no-skip keeps it long; so does the
# interpreter, from here on: translated code replays it in about a
# second.)
export REWIND_TUNE=no-skip,no-jit
stub_start intr replay "$work/c.rec" --checkpoint-mem 1M && {
	gdb_start intr 'monitor info' 'continue' "shell touch $work/intr.mark" \
		'reverse-continue' 'echo @@after\n' 'monitor icount' \
		'stepi' 'monitor icount' 'echo @@end\n' 'kill'
	for _ in $(seq 1200); do
		[ -e "$work/intr.mark" ] && break
		sleep 0.1
	done
	sleep 1
	ctrl_c
	gdb_end intr
}
export REWIND_TUNE=no-jit
expect intr 'the recording ends at icount 400000000' "monitor info says where the recording ends before it was reached"
expect intr '^at icount 0$' "monitor info says where we are"
expect intr "rewind: the recording ends here, at icount $end" "continue to the end says so"
check "sed -n '/rewind: the recording ends here/,/@@after/p' '$work/intr.gdb' | grep -q 'received signal SIGINT'" \
	"intr: Ctrl-C did not stop the reverse-continue: $(sed -n '/ends here/,/@@after/p' "$work/intr.gdb")"
check "! section intr after | grep -q 'No more reverse-execution history'" \
	"intr: the reverse-continue ran to the beginning in spite of Ctrl-C"
check "[ \$(section intr after | grep -cE '^icount [1-9][0-9]*\$') -eq 2 ]" \
	"intr: gdb is not usable after the interrupt: $(section intr after)"

# --- Ctrl-C during a long reverse-stepi -----------------------------------
# The same thinned history: the step back from the end replays from icount
# 0 to the instruction before, unless Ctrl-C stops it.
stub_start intr-step replay "$work/c.rec" --checkpoint-mem 1M && {
	gdb_start intr-step 'continue' "shell touch $work/intr-step.mark" \
		'reverse-stepi' 'echo @@after\n' 'monitor icount' 'echo @@end\n' \
		'kill'
	for _ in $(seq 1200); do
		[ -e "$work/intr-step.mark" ] && break
		sleep 0.1
	done
	sleep 1
	ctrl_c
	gdb_end intr-step
}
check "sed -n '/rewind: the recording ends here/,/@@after/p' '$work/intr-step.gdb' | grep -q 'received signal SIGINT'" \
	"intr-step: Ctrl-C did not stop the reverse-stepi: $(sed -n '/ends here/,/@@after/p' "$work/intr-step.gdb")"
check "section intr-step after | grep -qE '^icount [0-9]+\$'" \
	"intr-step: gdb is not usable after the interrupt: $(section intr-step after)"

# --- monitor checkpoints summarises; rewind-seek refreshes gdb -------------
stub_start mon replay "$work/c.rec" && {
	gdb_run mon 'continue' 'echo @@sum\n' 'monitor checkpoints' \
		'echo @@all\n' 'monitor checkpoints all' 'echo @@seek\n' \
		"source $rewind_gdb" 'rewind-seek 123456789' \
		'info registers pc' 'monitor icount' 'echo @@end\n' 'kill'
}
n=$(section mon sum | sed -nE 's/^([0-9]+) checkpoints from icount 0 .*/\1/p')
check "[ -n \"$n\" ] && [ \"$n\" -gt 100 ]" \
	"mon: no summary line with many checkpoints: $(section mon sum | head -3)"
check "[ \$(section mon sum | grep -c '^  icount') -le 8 ]" \
	"mon: monitor checkpoints lists $(section mon sum | grep -c '^  icount') lines, not a summary"
check "[ \$(section mon all | grep -c '^  icount') -eq \"${n:-0}\" ]" \
	"mon: monitor checkpoints all does not list all $n"
seek_pc=$(section mon seek | sed -nE 's/^pc +(0x[0-9a-f]+).*/\1/p')
icount_pc=$(section mon seek | sed -nE 's/^hart 0: .*pc (0x[0-9a-f]+),.*/\1/p')
check "[ -n \"$seek_pc\" ] && [ \"\$((seek_pc))\" = \"\$((icount_pc))\" ]" \
	"mon: after rewind-seek gdb shows pc $seek_pc, the machine is at $icount_pc"
check "section mon seek | grep -q '^icount 123456789\$'" \
	"mon: rewind-seek did not arrive: $(section mon seek)"

# --- run --gdb --restore SNAP ----------------------------------------------
# The snapshot's registers and memory are those the recording has at the
# same icount; history begins at the snapshot.
snap_at=5000000
"$rewind" snapshot save -o "$work/c.snap" --bios none \
	--kernel "$work/compute.elf" --at $snap_at >/dev/null 2>"$work/snap.err"
check "[ $? -eq 0 ]" "snapshot save: $(tail -2 "$work/snap.err")"
regs=('info registers pc sp ra a0 a1 a2' 'x/4gx $sp')
stub_start want replay "$work/c.rec" &&
	gdb_run want "monitor seek $snap_at" 'maint flush register-cache' \
		'echo @@regs\n' "${regs[@]}" 'echo @@end\n' 'kill'
stub_start restore run --restore "$work/c.snap" &&
	gdb_run restore 'monitor icount' 'echo @@regs\n' "${regs[@]}" \
		'echo @@end\n' 'stepi 3' 'reverse-stepi 5' 'echo @@back\n' \
		'monitor icount' 'echo @@cont\n' 'continue' 'echo @@end\n' \
		'kill'
expect restore "^icount $snap_at\$" "restore: the session starts at the snapshot's icount"
check "[ -n \"\$(section want regs)\" ] && diff <(section want regs) <(section restore regs) >/dev/null" \
	"restore: registers or memory differ from the recording's at $snap_at: $(diff <(section want regs) <(section restore regs) | head -4)"
expect restore 'No more reverse-execution history' "restore: going back stops at the snapshot"
check "section restore back | grep -q '^icount $snap_at\$'" \
	"restore: not back at the snapshot: $(section restore back)"
check "section restore cont | grep -qE 'exited normally'" \
	"restore: continue did not run the guest to its end: $(section restore cont)"

# --- Progress on a terminal, and only there ---------------------------------
command -v script >/dev/null || {
	echo "FAIL: script (util-linux) is not installed"
	exit 1
}
# tty_start NAME ARGS...: as stub_start, with rewind on a terminal (its
# terminal output in $work/NAME.err).
tty_start() {
	local name=$1
	shift
	port=
	: >"$work/$name.err"
	local cmd
	cmd=$(printf '%q ' "$rewind" "$@" --gdb 127.0.0.1:0)
	script -qec "$cmd" /dev/null </dev/null >"$work/$name.err" 2>&1 &
	stub_pid=$!
	pids+=("$stub_pid")
	for _ in $(seq 600); do
		port=$(sed -nE 's/.*waiting for gdb on port ([0-9]+).*/\1/p' \
			"$work/$name.err" | tr -d '\r')
		[ -n "$port" ] && return 0
		sleep 0.1
	done
	bad "$name: the stub did not start: $(cat "$work/$name.err")"
	return 1
}
timeout 300 script -qec "$(printf '%q ' "$rewind" replay "$work/c.rec")" \
	/dev/null </dev/null >"$work/tty-replay.out" 2>&1
check "grep -qE 'replaying .*c.rec: icount [0-9]+' '$work/tty-replay.out'" \
	"no replay progress on a terminal: $(head -c 300 "$work/tty-replay.out")"
"$rewind" replay "$work/c.rec" >/dev/null 2>"$work/notty.err"
check "! grep -q 'replaying' '$work/notty.err'" \
	"replay progress printed when stderr is not a terminal"
# A reverse search across the whole recording (replayed: no-skip), then a
# long seek.
export REWIND_TUNE=no-skip,no-jit
tty_start tty replay "$work/c.rec" --checkpoint-mem 1M &&
	gdb_run tty 'continue' 'reverse-continue' 'monitor seek 300000000' 'kill'
export REWIND_TUNE=no-jit
check "grep -qE 'searching back: [0-9]+%' '$work/tty.err'" \
	"no search progress on a terminal: $(tail -c 300 "$work/tty.err")"
check "grep -qE 'seeking to icount [0-9]+: [0-9]+%' '$work/tty.err'" \
	"no seek progress on a terminal: $(tail -c 300 "$work/tty.err")"
check "! grep -qE 'searching back|seeking to' '$work/intr.err' '$work/mon.err'" \
	"progress printed when stderr is not a terminal"

echo "gdb sessions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
