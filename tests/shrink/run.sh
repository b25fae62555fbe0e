#!/usr/bin/env bash
# rewind shrink and schedule deviations: a failing chaos recording of the
# race guest shrinks to a handful of departures from the default schedule
# that still fail the same way; info counts departures before and after;
# a default-schedule recording has none; nothing that passes shrinks.
# Fault injection: --chaos=faults fails some of the Linux guest's disk
# requests, its kernel reports the I/O error, and the replay reproduces it.
# Usage: run.sh REWIND REC_EDIT RACE_ELF LINUX_DIR
set -u
rewind=$1
rec_edit=$2
race=$3
linux=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check COND MESSAGE
check() { if eval "$1"; then ok; else bad "$2"; fi; }
machine=(--bios none --smp 2 --kernel "$race")
# info_value REC KEY: the value of KEY in `rewind info REC`.
info_value() { "$rewind" info "$1" | sed -n "s/^$2=//p"; }

# The default schedule departs from itself nowhere.
"$rewind" record -o "$work/default.rec" "${machine[@]}" >/dev/null 2>&1 </dev/null
check "[ '$(info_value "$work/default.rec" schedule-deviations)' = 0 ]" \
	"default schedule: info says schedule-deviations=$(info_value "$work/default.rec" schedule-deviations)"
"$rewind" shrink "$work/default.rec" -o "$work/default-small.rec" >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'default schedule' '$work/err' && [ ! -e '$work/default-small.rec' ]" \
	"shrink of a default-schedule recording: exit $rc, $(cat "$work/err")"

# A failing chaos schedule: the lost update (about one seed in eight).
"$rewind" record -o "$work/race.rec" --until-fail=300 "${machine[@]}" \
	>"$work/race.out" 2>"$work/race.err" </dev/null
rc=$?
check "[ $rc -eq 7 ]" "until-fail found no failure: exit $rc, $(tail -2 "$work/race.err")"
before=$(info_value "$work/race.rec" schedule-deviations)
check "[ -n '$before' ] && [ '$before' -gt 0 ]" "failing chaos recording: schedule-deviations=$before"

"$rewind" shrink "$work/race.rec" -o "$work/small.rec" --symbols "$race" \
	>"$work/shrink.out" 2>"$work/shrink.err" </dev/null
rc=$?
check "[ $rc -eq 0 ]" "shrink exited $rc: $(cat "$work/shrink.err")"
after=$(info_value "$work/small.rec" schedule-deviations)
check "[ -n '$after' ] && [ '$after' -gt 0 ] && [ '$after' -le 4 ] && [ '$after' -le '$before' ]" \
	"shrunk to schedule-deviations=$after (from $before): not a handful"
check "grep -q '^schedule-deviations=$after (was $before)$' '$work/shrink.out'" \
	"shrink did not print the counts: $(cat "$work/shrink.out")"
# The lost update needs a hart preempted between its load and its store.
check "grep -qE '^  hart [01] preempted at icount [0-9]+ \(racy_increment\+0x[0-9a-f]+, after \`[a-z]' '$work/shrink.out'" \
	"shrink does not name the preemption in racy_increment: $(cat "$work/shrink.out")"
check "[ -n \"\$(info_value '$work/small.rec' chaos-keep)\" ]" "the shrunk recording has no chaos-keep"
"$rewind" replay "$work/small.rec" --verify >"$work/small.rout" 2>"$work/small.rerr" </dev/null
rc=$?
check "[ $rc -eq 7 ] && grep -q 'lost update' '$work/small.rout' && grep -q 'verified' '$work/small.rerr'" \
	"shrunk recording: replay --verify exited $rc: $(tail -2 "$work/small.rerr")"
# The original still replays as recorded, its departures checked.
"$rewind" replay "$work/race.rec" --verify >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 7 ]" "original: replay --verify exited $rc: $(tail -2 "$work/err")"
# A replay checks each departure: one the recording says differently is a
# divergence, named.
"$rec_edit" "$work/race.rec" "$work/bumped.rec" bump-schedule 1
"$rewind" replay "$work/bumped.rec" --verify >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -q 'diverged at icount .*schedule departs differently' '$work/err'" \
	"a changed schedule record: replay exited $rc: $(tail -2 "$work/err")"
# Shrinking the shrunk one keeps what is left.
"$rewind" shrink "$work/small.rec" -o "$work/small2.rec" >"$work/shrink2.out" 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 0 ] && [ '$(info_value "$work/small2.rec" schedule-deviations)' = '$after' ]" \
	"shrinking again: exit $rc, $(cat "$work/err")"
# An existing output is kept unless --force.
cp "$work/small.rec" "$work/keep.rec"
"$rewind" shrink "$work/race.rec" -o "$work/small.rec" >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && cmp -s '$work/small.rec' '$work/keep.rec'" "shrink over an existing file: exit $rc"

# A chaos schedule that passes: nothing to shrink, a clear error.
for seed in $(seq 1 40); do
	"$rewind" record -o "$work/pass.rec" --force --chaos=$seed "${machine[@]}" >/dev/null 2>&1 </dev/null
	[ $? -eq 0 ] && break
done
"$rewind" shrink "$work/pass.rec" -o "$work/pass-small.rec" >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -q 'did not fail' '$work/err' && [ ! -e '$work/pass-small.rec' ]" \
	"shrink of a passing recording: exit $rc, $(cat "$work/err")"

# A recording made before departures were logged does not know.
check "[ '$(info_value "$(dirname "$0")/../replay/fixtures/race.rec" schedule-deviations)' = unknown ]" \
	"old chaos fixture: schedule-deviations is not 'unknown'"

# Faults: a seed whose schedule fails a disk request (one in eight fail).
[ -f "$linux/Image" ] || {
	echo "FAIL: no Linux guest in '$linux' (make linux builds it)"
	exit 1
}
truncate -s 16M "$work/disk.img"
# linux NAME CHAOS: record the Linux guest with --chaos=CHAOS into NAME.rec.
linux() {
	echo "line" | timeout 300 "$rewind" record -o "$work/$1.rec" --force --mem 256M \
		--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" --disk "$work/disk.img" \
		--chaos="$2" --append "console=ttyS0 rewind.echo=1" >"$work/$1.out" 2>"$work/$1.err"
	echo $? >"$work/$1.status"
}
found=
for seed in $(seq 1 20); do
	linux faults "faults,$seed"
	if grep -q 'I/O error, dev vda' "$work/faults.out"; then found=$seed; break; fi
done
check "[ -n '$found' ]" "--chaos=faults: no disk I/O error in 20 seeds"
if [ -n "$found" ]; then
	check "[ '$(info_value "$work/faults.rec" chaos-faults)' = yes ]" "the faults recording has no chaos-faults=yes"
	# Typed input comes in a burst, later, but it comes.
	check "grep -q 'echo: line' '$work/faults.out'" "faults: the typed line was not echoed"
	timeout 300 "$rewind" replay "$work/faults.rec" --verify >"$work/faults.rout" 2>"$work/faults.rerr" </dev/null
	rc=$?
	check "[ $rc -eq $(cat "$work/faults.status") ] && cmp -s '$work/faults.out' '$work/faults.rout'" \
		"faults: replay exited $rc or its console differs: $(tail -2 "$work/faults.rerr")"
	# The same seed without faults: the schedule alone fails no request.
	linux nofaults "$found"
	check "! grep -q 'I/O error' '$work/nofaults.out' && [ -z \"\$(info_value '$work/nofaults.rec' chaos-faults)\" ]" \
		"--chaos=$found without faults injected an I/O error"
fi

echo "shrink: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
