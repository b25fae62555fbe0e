#!/usr/bin/env bash
# The rewind demo (`make demo`): hunt the race guest's lost update with
# randomized schedules, keep the failing run as a recording, then replay it
# under gdb-multiarch and go backwards to the store that lost the update.
# Usage: demo.sh [REWIND [RACE_ELF [WORKDIR]]]
#   defaults: build/rewind build/guests/race.elf build/demo
# Exits 0 only if every step did what it says.
set -u
rewind=${1:-build/rewind}
elf=${2:-build/guests/race.elf}
work=${3:-build/demo}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rec=$work/race.rec

# Headings in bold on a terminal.
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold= plain=; fi
say() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
die() {
	printf '\ndemo: FAILED: %s\n' "$*" >&2
	exit 1
}

for f in "$rewind" "$elf"; do
	[ -e "$f" ] || die "$f does not exist (make demo builds it)"
done
command -v gdb-multiarch >/dev/null ||
	die "gdb-multiarch is not installed (make deps installs it)"
gdb-multiarch -batch -nx -ex 'python print("ok")' 2>/dev/null | grep -q '^ok$' ||
	die "this gdb-multiarch has no Python"
mkdir -p "$work" || die "cannot create $work"

say "The guest: $elf (source: guests/race/race.c)"
cat <<EOF
Two harts each add 1 to shared_counter 800 times with a plain load, add and
store in racy_increment(); hart 0 then checks that the counter is 1600. If
one hart's quantum ends between its load and its store, the other hart's
increments in between are lost. rewind runs the harts in turn on one
thread; on the default fixed schedule no switch ever falls there, so the
guest passes every time:
EOF
echo "\$ $rewind run --bios none --smp 2 --kernel $elf"
"$rewind" run --bios none --smp 2 --kernel "$elf" </dev/null
rc=$?
[ $rc -eq 0 ] || die "the race guest failed on the default schedule (exit $rc)"

say "Step 1: hunt the bug with randomized schedules"
cat <<EOF
--chaos draws every quantum's length from a seeded PRNG; --until-fail
hunts: it records runs with seeds drawn from the hunt seed, on every core,
until the guest fails (at most 200 runs here), and keeps only the
lowest-numbered failing run's recording. The hunt seed is fixed, so this
demo finds the same run every time. Then record prints a post-mortem: the
failing icount and each hart's last 32 instructions.
EOF
# Any hunt seed finds a lost update within 200 runs (about one run in
# eight fails), but a fixed one makes the demo the same every time.
cmd=("$rewind" record -o "$rec" --force --bios none --smp 2 --kernel "$elf"
	--until-fail=200 --hunt-seed=42)
echo "\$ ${cmd[*]}"
"${cmd[@]}" </dev/null 2>&1 | tee "$work/record.log"
rc=${PIPESTATUS[0]}
# The guest's exit code 7 is its verdict "lost update" (race.c).
[ $rc -eq 7 ] || die "the hunt did not end in the lost update (exit $rc)"
grep -qE 'failed with chaos seed [0-9]+' "$work/record.log" ||
	die "record did not name the failing seed"
grep -q 'post-mortem: the guest failed with code 7 at icount' "$work/record.log" ||
	die "record printed no post-mortem"

say "Step 2: replay the failing run under gdb and go back to the racing store"
cat <<EOF
The recording replays the same run exactly, every time: the same schedule,
the same lost update. rewind serves it to gdb, which can run it backwards.
EOF
echo "\$ $rewind replay $rec --gdb 127.0.0.1:0 &"
echo "\$ gdb-multiarch -batch -nx -ex 'target remote 127.0.0.1:PORT' -x guests/race/demo.py $elf"
"$rewind" replay "$rec" --gdb 127.0.0.1:0 </dev/null >"$work/replay.out" \
	2>"$work/replay.err" &
stub=$!
trap 'kill $stub 2>/dev/null' EXIT
port=
for _ in $(seq 300); do
	port=$(sed -nE 's/.*waiting for gdb on port ([0-9]+).*/\1/p' "$work/replay.err")
	[ -n "$port" ] && break
	kill -0 $stub 2>/dev/null || break
	sleep 0.1
done
[ -n "$port" ] || die "the replay did not start its gdb stub: $(cat "$work/replay.err")"
gdb-multiarch -batch -nx -ex "target remote 127.0.0.1:$port" \
	-x "$here/demo.py" "$elf" 2>&1 | tee "$work/gdb.log"
wait $stub
rc=$?
trap - EXIT
grep -q '^>>> demo: landed on the racing store' "$work/gdb.log" ||
	die "the gdb session did not land on the racing store (see $work/gdb.log)"
[ $rc -eq 0 ] || die "the replay ended with status $rc: $(tail -3 "$work/replay.err")"

say "Done"
cat <<EOF
The recording is $rec; it replays the same failure every time:
  $rewind replay $rec
  $rewind trace $rec --symbols $elf --count 40
  $rewind replay $rec --gdb 1234
and in another terminal:
  gdb-multiarch $elf -ex 'target remote :1234'
README.md walks through the rest.
EOF
