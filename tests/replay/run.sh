#!/usr/bin/env bash
# Record and replay: identical transcripts and exit statuses, divergence
# reported at an icount, truncated and corrupt recordings, changed images.
# Usage: run.sh REWIND REC_EDIT LINUX_DIR COMPUTE_ELF RACE_ELF
set -u
rewind=$1
rec_edit=$2
linux=$3
compute=$4
race=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check COND MESSAGE
check() { if eval "$1"; then ok; else bad "$2"; fi; }

cp "$linux/Image" "$work/Image"
cp "$linux/initramfs.cpio" "$work/initramfs.cpio"
truncate -s 16M "$work/disk.img"

# record NAME INPUT ARGS...: record the Linux guest; stdout to NAME.out
record() {
	local name=$1 input=$2
	shift 2
	echo "$input" | timeout 300 "$rewind" record -o "$work/$name.rec" \
		--mem 256M --kernel "$work/Image" --initrd "$work/initramfs.cpio" \
		--disk "$work/disk.img" "$@" >"$work/$name.out" 2>"$work/$name.err"
	echo $? >"$work/$name.status"
}

# replay_same NAME: replay --verify gives the same stdout and status.
replay_same() {
	local name=$1
	timeout 300 "$rewind" replay "$work/$name.rec" --verify \
		>"$work/$name.rout" 2>"$work/$name.rerr" </dev/null
	local rc=$?
	check "[ $rc -eq $(cat "$work/$name.status") ]" \
		"$name: replay exited $rc, recording $(cat "$work/$name.status"): $(tail -2 "$work/$name.rerr")"
	check "cmp -s '$work/$name.out' '$work/$name.rout'" \
		"$name: replay transcript differs from the recording's"
	check "grep -q 'echo: $2' '$work/$name.rout'" "$name: the echo line is missing"
}

for n in 1 4; do
	line="line-$n-$RANDOM"
	record smp$n "$line" --smp $n --append "console=ttyS0 rewind.cpus=$n rewind.echo=1"
	check "[ $(cat "$work/smp$n.status") -eq 0 ]" "smp$n: recording exited $(cat "$work/smp$n.status")"
	replay_same smp$n "$line"
done
line="chaos-$RANDOM"
record chaos "$line" --smp 4 --chaos=12345 --append "console=ttyS0 rewind.cpus=4 rewind.echo=1"
check "grep -q 'chaos seed 12345' '$work/chaos.err'" "chaos: seed not reported"
replay_same chaos "$line"
check "$rewind info '$work/chaos.rec' | grep -q '^chaos-seed=12345$'" "chaos: info lacks the seed"
check "$rewind info '$work/smp4.rec' | grep -q '^events.console=[1-9]'" "info: no console events"
# New recordings hash RAM in their digests by CRC-32C (the header says so;
# the fixtures below, made before, replay with the FNV hash they carry).
check "$rewind info '$work/smp4.rec' | grep -q '^ram-hash=crc32c$'" "info: no ram-hash=crc32c"

# --to stops the replay at exactly that icount.
"$rewind" replay "$work/smp1.rec" --to 5000000 >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 0 ] && grep -q 'stopped at icount 5000000$' '$work/err'" "--to: exit $rc, $(cat "$work/err")"

# An existing recording is never overwritten without --force.
echo x | "$rewind" record -o "$work/smp1.rec" --bios none --kernel /bin/true \
	>/dev/null 2>"$work/err"
check "grep -q 'exists' '$work/err'" "record overwrote an existing file: $(cat "$work/err")"
check "$rewind info '$work/smp1.rec' >/dev/null" "the refused record damaged the existing file"

# Altered input: the console line arrives earlier than recorded.
"$rec_edit" "$work/smp1.rec" "$work/shifted.rec" shift-console 100000
timeout 300 "$rewind" replay "$work/shifted.rec" --verify >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -qE 'diverged at icount [0-9]+' '$work/err'" \
	"altered recording: exit $rc, $(tail -2 "$work/err")"

# A truncated recording replays its prefix and says so.
size=$(stat -c %s "$work/smp4.rec")
head -c $((size * 2 / 3)) "$work/smp4.rec" >"$work/trunc.rec"
timeout 300 "$rewind" replay "$work/trunc.rec" >"$work/trunc.out" 2>"$work/err" </dev/null
check "grep -q 'truncated' '$work/err'" "truncated: $(tail -2 "$work/err")"
check "[ -s '$work/trunc.out' ] && cmp -s '$work/trunc.out' <(head -c $(stat -c %s "$work/trunc.out") '$work/smp4.out')" \
	"truncated: output is not a prefix of the original"

# Chaos: the race guest's lost update never shows on the default schedule
# (which is deterministic: one run says it all), and does under chaos.
# --until-fail draws fresh seeds; about 12% of them fail, so 200 runs miss
# with a chance of about 1e-11.
"$rewind" run --bios none --smp 2 --kernel "$race" >"$work/race.out" 2>&1 </dev/null
rc=$?
check "[ $rc -eq 0 ] && grep -q 'race: ok' '$work/race.out'" "race guest fails on the default schedule: exit $rc"
"$rewind" record -o "$work/race.rec" --until-fail=200 --bios none --smp 2 \
	--kernel "$race" >"$work/race.out" 2>"$work/race.err" </dev/null
rc=$?
check "[ $rc -eq 7 ] && grep -q 'lost update' '$work/race.out' && grep -qE 'failed with chaos seed [0-9]+' '$work/race.err'" \
	"until-fail: exit $rc, $(tail -2 "$work/race.err")"
check "[ ! -e '$work/race.rec.part' ]" "until-fail left a partial recording behind"
"$rewind" replay "$work/race.rec" --verify >"$work/race.rout" 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 7 ] && grep -q 'lost update' '$work/race.rout'" \
	"failing recording replays: exit $rc, $(tail -2 "$work/err")"
recorded_line=$(grep 'race:' "$work/race.out" | tail -1) # the failing run's
replayed_line=$(grep 'race:' "$work/race.rout")
check '[ "$recorded_line" = "$replayed_line" ]' \
	"the replayed failure differs: '$recorded_line' vs '$replayed_line'"

# A recorder killed outright (SIGKILL) leaves a readable recording; replay
# runs its prefix and says it was cut short.
# (The interpreter: translated code can run the guest to its end first.)
REWIND_TUNE=no-jit "$rewind" record -o "$work/killed.rec" --bios none \
	--kernel "$compute" \
	>/dev/null 2>&1 </dev/null &
pid=$!
sleep 1.5
kill -9 $pid
wait $pid 2>/dev/null
timeout 300 "$rewind" replay "$work/killed.rec" >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -q 'truncated.*replayed up to there' '$work/err'" \
	"killed recorder: exit $rc, $(tail -2 "$work/err")"

# Corrupt files: a flipped byte in a chunk, a bad magic, a bad version.
cp "$work/smp4.rec" "$work/flip.rec"
printf '\xff' | dd of="$work/flip.rec" bs=1 seek=$((size - 40)) conv=notrunc 2>/dev/null
timeout 300 "$rewind" replay "$work/flip.rec" >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && grep -qiE 'checksum|corrupt' '$work/err'" "flipped byte: exit $rc, $(tail -1 "$work/err")"
printf 'XXXX' | dd of="$work/flip.rec" bs=1 seek=0 conv=notrunc 2>/dev/null
"$rewind" replay "$work/flip.rec" >/dev/null 2>"$work/err" </dev/null
check "grep -q 'not a rewind recording' '$work/err'" "bad magic: $(cat "$work/err")"
cp "$work/smp4.rec" "$work/ver.rec"
printf '\x63' | dd of="$work/ver.rec" bs=1 seek=8 conv=notrunc 2>/dev/null
"$rewind" replay "$work/ver.rec" >/dev/null 2>"$work/err" </dev/null
check "grep -q 'version' '$work/err'" "bad version: $(cat "$work/err")"
"$rewind" replay "$work/missing.rec" >/dev/null 2>"$work/err" </dev/null
check "grep -q 'No such file' '$work/err'" "missing recording: $(cat "$work/err")"

# --pack: the recording carries its images and replays without them.
mkdir "$work/pack"
cp "$work/Image" "$work/initramfs.cpio" "$work/pack/"
truncate -s 4M "$work/pack/disk.img"
echo "packed-$RANDOM" >"$work/pack/line"
"$rewind" record -o "$work/pack.rec" --pack --mem 256M --kernel "$work/pack/Image" \
	--initrd "$work/pack/initramfs.cpio" --disk "$work/pack/disk.img" \
	--append "console=ttyS0 rewind.echo=1" <"$work/pack/line" >"$work/pack.out" 2>&1
rm -r "$work/pack"
before=$(ls /tmp | grep -c rewind-pack)
timeout 300 "$rewind" replay "$work/pack.rec" --verify >"$work/pack.rout" 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 0 ] && cmp -s '$work/pack.out' '$work/pack.rout'" \
	"packed replay without the images: exit $rc, $(tail -2 "$work/err")"
check "[ $(ls /tmp | grep -c rewind-pack) -eq $before ]" "packed replay left its extracted images behind"

# Images: a changed disk and a missing kernel are refused.
echo changed | dd of="$work/disk.img" bs=1 seek=4096 conv=notrunc 2>/dev/null
"$rewind" replay "$work/smp1.rec" >/dev/null 2>"$work/err" </dev/null
check "grep -q 'has changed since the recording' '$work/err'" "changed disk: $(cat "$work/err")"
rm "$work/Image"
"$rewind" replay "$work/smp1.rec" >/dev/null 2>"$work/err" </dev/null
check "grep -q 'needs kernel' '$work/err'" "missing kernel: $(cat "$work/err")"

# Recordings made by an earlier build (tests/replay/fixtures/README.md)
# still replay, identical to their original output.
fixtures=$(dirname "$0")/fixtures
for rec in "$fixtures"/*.rec; do
	name=$(basename "$rec" .rec)
	timeout 300 "$rewind" replay "$rec" --verify \
		>"$work/fx-$name.out" 2>"$work/fx-$name.err" </dev/null
	rc=$?
	check "[ $rc -eq 0 ]" "fixture $name: replay exited $rc: $(tail -2 "$work/fx-$name.err")"
	check "cmp -s '$fixtures/$name.out' '$work/fx-$name.out'" \
		"fixture $name: replay output differs from the original run's"
done

echo "replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
