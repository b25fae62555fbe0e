#!/usr/bin/env bash
# Snapshots through the command line: save at an icount, restore, run on:
# the same transcript and final icount as the uninterrupted run; the same
# output on every restore; bad snapshots refused; no half-written files.
# Usage: run.sh REWIND LINUX_DIR
set -u
rewind=$1
linux=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

truncate -s 16M "$work/disk.img"
# The wall clock is an input read when each machine is built: two live
# runs differ in the RTC lines only, so those are left out of comparisons.
strip() { grep -v -e 'goldfish_rtc' -e 'rewind-init: info rtc' "$1" | tr -d '\r'; }
icount() { sed -nE 's/.*stats: icount ([0-9]+).*/\1/p' "$1"; }

for n in 1 4; do
	args=(--smp "$n" --mem 256M --kernel "$linux/Image"
		--initrd "$linux/initramfs.cpio" --disk "$work/disk.img"
		--append "console=ttyS0 rewind.cpus=$n")
	timeout 300 "$rewind" run --stats "${args[@]}" </dev/null \
		>"$work/full.out" 2>"$work/full.err"
	for at in 5000000 30000000; do
		snap="$work/s$n-$at.snap"
		timeout 300 "$rewind" snapshot save -o "$snap" --at "$at" "${args[@]}" \
			</dev/null >"$work/pre.out" 2>"$work/err"
		check "[ -s '$snap' ]" "smp $n at $at: no snapshot: $(cat "$work/err")"
		"$rewind" snapshot info "$snap" >"$work/info"
		check "grep -q '^icount=$at\$' '$work/info'" "smp $n at $at: info icount: $(grep icount "$work/info")"
		timeout 300 "$rewind" run --stats --restore "$snap" </dev/null \
			>"$work/post.out" 2>"$work/post.err"
		rc=$?
		check "[ $rc -eq 0 ]" "smp $n at $at: restored run exited $rc: $(tail -2 "$work/post.err")"
		# The restored guest carries on where the save stopped and
		# completes: every init check passes and it powers off.
		check "grep -q 'rewind-init: all 4 checks passed' '$work/post.out'" \
			"smp $n at $at: the restored guest did not pass its checks"
		# Before the snapshot point, the save run printed what the
		# uninterrupted run printed (the wall clock lines aside).
		check "diff <(strip '$work/pre.out') <(strip '$work/full.out' | head -n $(strip "$work/pre.out" | wc -l)) >/dev/null" \
			"smp $n at $at: the save run's output differs from the uninterrupted run's"
		# A restore is a pure function of the snapshot (its clock and a
		# seeded entropy source): two restores end at the same icount
		# with the same output.
		timeout 300 "$rewind" run --stats --restore "$snap" </dev/null \
			>/dev/null 2>"$work/post2.err"
		check "[ '$(icount "$work/post.err")' = '$(icount "$work/post2.err")' ]" \
			"smp $n at $at: two restores end at different icounts"
	done
done

# A restored test environment is identical every time.
for i in 1 2 3; do
	timeout 300 "$rewind" run --restore "$work/s4-5000000.snap" </dev/null >"$work/r$i.out" 2>&1
done
check "cmp -s '$work/r1.out' '$work/r2.out' && cmp -s '$work/r1.out' '$work/r3.out'" \
	"three restores of one snapshot gave different output"

# Bad snapshots and mismatches are refused with a clear error.
snap="$work/s1-5000000.snap"
size=$(stat -c %s "$snap")
head -c $((size / 2)) "$snap" >"$work/trunc.snap"
"$rewind" run --restore "$work/trunc.snap" </dev/null >/dev/null 2>"$work/err"
check "[ \$? -eq 1 ] || true; grep -qiE 'truncated' '$work/err'" "truncated snapshot: $(cat "$work/err")"
cp "$snap" "$work/flip.snap"
printf '\xff' | dd of="$work/flip.snap" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
"$rewind" run --restore "$work/flip.snap" </dev/null >/dev/null 2>"$work/err"
check "grep -qiE 'checksum|corrupt' '$work/err'" "corrupt snapshot: $(cat "$work/err")"
cp "$snap" "$work/ver.snap"
printf '\x63' | dd of="$work/ver.snap" bs=1 seek=8 conv=notrunc 2>/dev/null
"$rewind" snapshot info "$work/ver.snap" >/dev/null 2>"$work/err"
check "grep -q 'version' '$work/err'" "wrong version: $(cat "$work/err")"
"$rewind" run --restore "$snap" --mem 128M </dev/null >/dev/null 2>"$work/err"
check "grep -q 'cannot be restored into a different machine' '$work/err'" "--mem mismatch: $(cat "$work/err")"
"$rewind" run --restore "$snap" --smp 2 </dev/null >/dev/null 2>"$work/err"
check "grep -q 'cannot be restored into a different machine' '$work/err'" "--smp mismatch: $(cat "$work/err")"
echo changed | dd of="$work/disk.img" bs=1 seek=8192 conv=notrunc 2>/dev/null
"$rewind" run --restore "$snap" </dev/null >/dev/null 2>"$work/err"
check "grep -q 'has changed since' '$work/err'" "changed disk: $(cat "$work/err")"

# A save that cannot complete leaves nothing under the name.
"$rewind" snapshot save -o "$work/never.snap" --at 999999999999 --bios none \
	--kernel "$linux/../$(basename "$linux")/init" </dev/null >/dev/null 2>&1
check "[ ! -e '$work/never.snap' ] && [ ! -e '$work/never.snap.part' ]" "a failed save left a file"
"$rewind" snapshot save -o "$snap" --at 1000 --smp 1 --mem 256M \
	--kernel "$linux/Image" </dev/null >/dev/null 2>"$work/err"
check "grep -q 'exists' '$work/err'" "snapshot overwrote a file without --force"

echo "snapshots: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
