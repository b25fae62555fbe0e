#!/usr/bin/env bash
# Snapshots through the command line: save at an icount, restore, run on:
# the same transcript and final icount as the uninterrupted run; the same
# output on every restore; bad snapshots refused; no half-written files.
# Incremental chains restore to exactly the state a full snapshot holds;
# Ctrl-A S on a terminal; recordings that start from a snapshot.
# Usage: run.sh REWIND LINUX_DIR
set -u
rewind=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
linux=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
# A missing tool fails the run instead of skipping what needs it.
for tool in riscv64-unknown-elf-gcc python3; do
	command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing"; exit 1; }
done
icount() { sed -nE 's/.*stats: icount ([0-9]+).*/\1/p' "$1"; }
field() { "$rewind" snapshot info "$1" 2>/dev/null | sed -n "s/^$2=//p"; }

# The bare-metal guest: short (for chains) and long (for the terminal).
for v in short:400000 long:20000000; do
	riscv64-unknown-elf-gcc -DITERS="${v#*:}" -march=rv64gc -mabi=lp64d \
		-mcmodel=medany -nostdlib -nostartfiles \
		-T "$here/../../guests/isa/common/link.ld" "$here/memwalk.S" \
		-o "$work/${v%%:*}.elf" || exit 1
done
bare=(--bios none --kernel "$work/short.elf" --mem 8M)

# An incremental chain: full at 1M, child at 2M, grandchild at 3M,
# against a full snapshot at 3M of the same run (restored from the same
# full snapshot, so the wall clock read at power-on is the same).
"$rewind" run --stats "${bare[@]}" </dev/null >"$work/bare.out" 2>"$work/bare.err"
c="$work/c"
"$rewind" snapshot save -o "${c}1.snap" "${bare[@]}" --at 1000000 </dev/null >/dev/null 2>"$work/err"
check "[ -s '${c}1.snap' ]" "chain: no full snapshot: $(cat "$work/err")"
"$rewind" snapshot save -o "${c}2.snap" --parent "${c}1.snap" --at 2000000 </dev/null >/dev/null 2>"$work/err"
check "[ -s '${c}2.snap' ]" "chain: no child: $(cat "$work/err")"
"$rewind" snapshot save -o "${c}3.snap" --parent "${c}2.snap" --at 3000000 </dev/null >/dev/null 2>"$work/err"
check "[ -s '${c}3.snap' ]" "chain: no grandchild: $(cat "$work/err")"
"$rewind" snapshot save -o "$work/full3.snap" --restore "${c}1.snap" --at 3000000 </dev/null >/dev/null 2>"$work/err"
check "[ -s '$work/full3.snap' ]" "chain: no full snapshot at 3M: $(cat "$work/err")"
check "[ '$(field "${c}3.snap" chain-depth)' = 3 ] && [ '$(field "${c}2.snap" chain-depth)' = 2 ] && [ '$(field "${c}1.snap" chain-depth)' = 1 ]" \
	"chain: depths $(field "${c}1.snap" chain-depth) $(field "${c}2.snap" chain-depth) $(field "${c}3.snap" chain-depth)"
check "[ '$(field "${c}3.snap" parent)' = c2.snap ] && [ '$(field "${c}3.snap" icount)' = 3000000 ]" \
	"chain: the grandchild names parent '$(field "${c}3.snap" parent)' at icount $(field "${c}3.snap" icount)"
s3=$(field "${c}3.snap" state.sha256)
check "[ -n '$s3' ] && [ '$s3' = '$(field "$work/full3.snap" state.sha256)' ]" \
	"chain: the grandchild's state differs from the full snapshot's at the same icount"
check "[ '$(field "${c}3.snap" pages.referenced)' = '$(field "$work/full3.snap" pages.referenced)' ]" \
	"chain: the grandchild restores a different number of pages"
# Children store only what changed: a few pages, against the 130 or so
# of the full snapshot.
p1=$(field "${c}1.snap" pages.stored)
p2=$(field "${c}2.snap" pages.stored)
p3=$(field "${c}3.snap" pages.stored)
check "[ -n '$p1' ] && [ -n '$p2' ] && [ '$p2' -lt '$p1' ] && [ '$p3' -lt '$p1' ] && [ '$(stat -c %s "${c}2.snap")' -lt '$(stat -c %s "${c}1.snap")' ]" \
	"chain: children store $p2 and $p3 pages, the full snapshot $p1"
# Restored, both run on identically to the end of the uninterrupted run.
"$rewind" run --stats --restore "${c}3.snap" </dev/null >"$work/c3.out" 2>"$work/c3.err"
rc3=$?
"$rewind" run --stats --restore "$work/full3.snap" </dev/null >"$work/f3.out" 2>"$work/f3.err"
rcf=$?
check "[ $rc3 -eq 0 ] && [ $rcf -eq 0 ]" "chain: restored runs exited $rc3 and $rcf: $(tail -1 "$work/c3.err")"
check "cmp -s '$work/c3.out' '$work/f3.out'" "chain: the grandchild's output differs from the full snapshot's"
check "[ -n '$(icount "$work/c3.err")' ] && [ '$(icount "$work/c3.err")' = '$(icount "$work/f3.err")' ] && [ '$(icount "$work/c3.err")' = '$(icount "$work/bare.err")' ]" \
	"chain: final icounts $(icount "$work/c3.err") $(icount "$work/f3.err") $(icount "$work/bare.err")"
check "diff <(tr -d '\n' <'$work/c3.out') <(tr -d '\n' <'$work/bare.out' | tail -c \$(tr -d '\n' <'$work/c3.out' | wc -c)) >/dev/null" \
	"chain: the restored output is not the end of the uninterrupted run's"

# A broken chain is refused, naming what is wrong.
"$rewind" snapshot save -o "$work/x.snap" --parent "${c}1.snap" --mem 16M --at 2000000 </dev/null >/dev/null 2>"$work/err"
check "grep -q 'cannot be restored into a different machine' '$work/err' && [ ! -e '$work/x.snap' ]" "child with --mem: $(cat "$work/err")"
"$rewind" snapshot save -o "$work/x.snap" --parent "${c}1.snap" --kernel "$work/long.elf" --at 2000000 </dev/null >/dev/null 2>"$work/err"
check "grep -q 'cannot be given' '$work/err' && [ ! -e '$work/x.snap' ]" "child with --kernel: $(cat "$work/err")"
cp "${c}1.snap" "$work/c1.bak"
size=$(stat -c %s "${c}1.snap")
printf '\x5a' | dd of="${c}1.snap" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
"$rewind" run --restore "${c}3.snap" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'parent snapshot .*c1.snap has changed' '$work/err'" "changed parent ($rc): $(cat "$work/err")"
mv "$work/c1.bak" "${c}1.snap"
mv "${c}2.snap" "$work/c2.away"
"$rewind" snapshot info "${c}3.snap" >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'needs its parent snapshot' '$work/err'" "missing parent ($rc): $(cat "$work/err")"
mv "$work/c2.away" "${c}2.snap"
cp "${c}2.snap" "$work/loop.snap"
python3 "$here/edit_header.py" "$work/loop.snap" "parent=c1.snap" "parent=loop.snap"
"$rewind" run --restore "$work/loop.snap" </dev/null >/dev/null 2>"$work/err"
check "grep -q 'has a cycle' '$work/err'" "cycle: $(cat "$work/err")"
cp "${c}1.snap" "$work/v1.snap"
python3 "$here/edit_header.py" "$work/v1.snap" "snapshot-version=3" ""
"$rewind" run --restore "$work/v1.snap" </dev/null >/dev/null 2>"$work/err"
check "grep -q 'unsupported snapshot version 1' '$work/err'" "old version: $(cat "$work/err")"
cp "${c}1.snap" "$work/v4.snap"
python3 "$here/edit_header.py" "$work/v4.snap" "snapshot-version=3" "snapshot-version=4"
"$rewind" snapshot info "$work/v4.snap" >/dev/null 2>"$work/err"
check "grep -q 'unsupported snapshot version 4' '$work/err'" "newer version: $(cat "$work/err")"
# Version 3 keeps the pages outside the container, each with a CRC-32C:
# a child names its parent by the parent's identity, which `snapshot
# info` shows; a damaged page is refused even where a child replaces it,
# and so are bytes after the last page.
check "[ '$(field "${c}1.snap" snapshot-version)' = 3 ] && [ -n '$(field "${c}1.snap" id)' ] && [ '$(field "${c}2.snap" parent.sha256)' = '$(field "${c}1.snap" id)' ]" \
	"version 3: the child names its parent by $(field "${c}2.snap" parent.sha256), info says $(field "${c}1.snap" id)"
cp "${c}3.snap" "$work/tail.snap"
printf 'x' >>"$work/tail.snap"
"$rewind" snapshot info "$work/tail.snap" >/dev/null 2>"$work/err"
check "grep -q 'corrupt snapshot: 1 bytes after its pages' '$work/err'" "a byte after the pages: $(cat "$work/err")"
cp "${c}2.snap" "$work/c2.bak"
size=$(stat -c %s "${c}2.snap")
printf '\x5a' | dd of="${c}2.snap" bs=1 seek=$((size - 1)) conv=notrunc 2>/dev/null
"$rewind" run --restore "${c}3.snap" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'parent snapshot .*c2.snap has changed .*fails its checksum' '$work/err'" "a damaged page of the parent ($rc): $(cat "$work/err")"
mv "$work/c2.bak" "${c}2.snap"
# Damage anywhere in a file is refused with a message, never crashes:
# a byte changed at 48 places spread over the header, the records and
# the page area.
size=$(stat -c %s "${c}2.snap")
flips_ok=0
for i in $(seq 0 47); do
	cp "${c}2.snap" "$work/flip2.snap"
	at=$((20 + (size - 21) * i / 47))
	byte=$(od -An -tu1 -j "$at" -N1 "$work/flip2.snap" | tr -d ' ')
	printf "\\$(printf '%03o' $(((byte + 1) % 256)))" |
		dd of="$work/flip2.snap" bs=1 seek="$at" conv=notrunc 2>/dev/null
	"$rewind" snapshot info "$work/flip2.snap" >/dev/null 2>"$work/err"
	rc=$?
	if [ $rc -eq 125 ] && grep -qE 'corrupt|checksum|truncated|version|changed|machine|not a rewind|unsupported' "$work/err"; then
		flips_ok=$((flips_ok + 1))
	else
		echo "byte $at: exit $rc: $(cat "$work/err")"
	fi
done
check "[ $flips_ok = 48 ]" "damaged files: $flips_ok of 48 refused cleanly"
# A chain may hold 64 files; the 65th is refused, and the longest chain
# restores and runs to the same end.
prev="${c}1.snap"
for i in $(seq 2 64); do
	"$rewind" snapshot save -o "$work/l$i.snap" --parent "$prev" --at $((1000000 + i * 1000)) \
		</dev/null >/dev/null 2>"$work/err" || break
	prev="$work/l$i.snap"
done
check "[ '$(field "$prev" chain-depth)' = 64 ]" "long chain: depth $(field "$prev" chain-depth): $(cat "$work/err")"
"$rewind" snapshot save -o "$work/l65.snap" --parent "$prev" --at 1100000 </dev/null >/dev/null 2>"$work/err"
check "grep -q 'too long' '$work/err' && [ ! -e '$work/l65.snap' ] && [ ! -e '$work/l65.snap.part' ]" "65th file: $(cat "$work/err")"
"$rewind" run --stats --restore "$prev" </dev/null >/dev/null 2>"$work/err"
check "[ '$(icount "$work/err")' = '$(icount "$work/bare.err")' ]" "long chain: restored run ended at $(icount "$work/err")"

# A save stops the machine only while its state and pages are copied
# out; a thread of its own writes, syncs and renames the file. --stats
# names both times; the file is whole when the command has exited.
"$rewind" snapshot save --stats -o "$work/st.snap" "${bare[@]}" --at 1000000 </dev/null >/dev/null 2>"$work/err"
check "grep -qE 'stats: save seconds [0-9.]+ durable seconds [0-9.]+ pages' '$work/err' && [ ! -e '$work/st.snap.part' ] && [ '$(field "$work/st.snap" icount)' = 1000000 ]" \
	"save --stats: $(cat "$work/err")"
# What fails on that thread is reported all the same, and leaves nothing
# behind: here the rename, onto a directory.
mkdir "$work/adir"
"$rewind" snapshot save --force -o "$work/adir" "${bare[@]}" --at 1000000 </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'adir: Is a directory' '$work/err' && [ ! -e '$work/adir.part' ] && [ -d '$work/adir' ]" \
	"save onto a directory (exit $rc): $(cat "$work/err")"

# A recording that starts from a snapshot replays from it, and only from
# that very file.
"$rewind" record -o "$work/r.rec" --restore "${c}2.snap" </dev/null >"$work/rec.out" 2>"$work/err"
rc=$?
check "[ $rc -eq 0 ]" "record --restore exited $rc: $(cat "$work/err")"
"$rewind" info "$work/r.rec" >"$work/info" 2>&1
check "grep -q '^snapshot=${c}2.snap\$' '$work/info' && grep -q '^snapshot.sha256=$(sha256sum "${c}2.snap" | cut -c1-64)\$' '$work/info'" \
	"info does not name the snapshot: $(grep snapshot "$work/info")"
"$rewind" replay --verify "$work/r.rec" >"$work/rep.out" 2>"$work/err"
rc=$?
check "[ $rc -eq 0 ] && cmp -s '$work/rec.out' '$work/rep.out'" "replay --verify of record --restore ($rc): $(cat "$work/err")"
"$rewind" record -o "$work/rc.rec" --chaos=77 --restore "${c}2.snap" </dev/null >/dev/null 2>&1
"$rewind" replay --verify "$work/rc.rec" >/dev/null 2>"$work/err"
check "[ \$? -eq 0 ]" "replay --verify of a chaos record --restore: $(cat "$work/err")"
"$rewind" record -o "$work/x.rec" --restore "${c}2.snap" --smp 2 </dev/null >/dev/null 2>"$work/err"
check "grep -q 'cannot be restored into a different machine' '$work/err'" "record --restore --smp 2: $(cat "$work/err")"
cp "${c}2.snap" "$work/c2.bak"
printf '\x5a' | dd of="${c}2.snap" bs=1 seek=100 conv=notrunc 2>/dev/null
"$rewind" replay "$work/r.rec" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'has changed since the recording' '$work/err'" "replay with a changed snapshot ($rc): $(cat "$work/err")"
rm "${c}2.snap"
"$rewind" replay "$work/r.rec" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'needs snapshot' '$work/err'" "replay without its snapshot ($rc): $(cat "$work/err")"
mv "$work/c2.bak" "${c}2.snap"

# Ctrl-A S at a terminal saves the machine into rewind-ICOUNT.snap in the
# current directory and the run goes on: a child of the snapshot the run
# was restored from, or a full snapshot. Either restores and runs on to
# the same end as the run it was taken from.
long=(--bios none --kernel "$work/long.elf" --mem 8M)
"$rewind" snapshot save -o "$work/long1.snap" "${long[@]}" --at 1000000 </dev/null >/dev/null 2>&1
for kind in child full; do
	mkdir "$work/$kind" && cd "$work/$kind" || exit 1
	if [ $kind = child ]; then
		# Printed on stderr once the restore is done.
		python3 "$here/pty_keys.py" 'restore seconds' '\x01s' 300 \
			"$rewind" run --stats --restore "$work/long1.snap" >"$work/pty.out" 2>&1
	else
		python3 "$here/pty_keys.py" '.......' '\x01s' 300 \
			"$rewind" run --stats "${long[@]}" >"$work/pty.out" 2>&1
	fi
	rc=$?
	cd - >/dev/null || exit 1
	snap=$(ls "$work/$kind"/rewind-*.snap 2>/dev/null | head -1)
	check "[ $rc -eq 0 ] && [ -n '$snap' ]" "Ctrl-A S ($kind, exit $rc): no snapshot: $(tail -c 300 "$work/pty.out")"
	[ -n "$snap" ] || continue
	check "grep -q 'snapshot of icount [0-9]* in rewind-[0-9]*.snap' '$work/pty.out'" "Ctrl-A S ($kind) did not say where"
	at=$(field "$snap" icount)
	check "[ '$(basename "$snap")' = 'rewind-$at.snap' ]" "Ctrl-A S ($kind): $snap holds icount $at"
	if [ $kind = child ]; then
		check "[ '$(field "$snap" parent)' = '$work/long1.snap' ] && [ '$(field "$snap" chain-depth)' = 2 ]" \
			"Ctrl-A S in a restored run: not a child of its snapshot: $(field "$snap" parent)"
	else
		check "[ '$(field "$snap" chain-depth)' = 1 ]" "Ctrl-A S in a fresh run: not a full snapshot"
	fi
	"$rewind" run --stats --restore "$snap" </dev/null >/dev/null 2>"$work/err"
	rc=$?
	check "[ $rc -eq 0 ] && [ '$(icount "$work/err")' = '$(icount "$work/pty.out")' ]" \
		"Ctrl-A S ($kind): the snapshot ran on to $(icount "$work/err"), the run to $(icount "$work/pty.out")"
done

# Ctrl-A S and at once Ctrl-A X: the run ends while the file may still
# be being written, and the process waits for it before exiting.
mkdir "$work/quit" && cd "$work/quit" || exit 1
python3 "$here/pty_keys.py" '.......' '\x01s\x01x' 300 \
	"$rewind" run "${long[@]}" >"$work/pty.out" 2>&1
rc=$?
cd - >/dev/null || exit 1
snap=$(ls "$work/quit"/rewind-*.snap 2>/dev/null | head -1)
check "[ $rc -eq 0 ] && [ -n '$snap' ] && [ -z \"\$(ls '$work/quit' | grep part)\" ] && [ -n \"\$(field '$snap' icount)\" ] && grep -q 'snapshot of icount' '$work/pty.out'" \
	"Ctrl-A S then Ctrl-A X (exit $rc): $(ls "$work/quit") $(tail -c 300 "$work/pty.out")"

# Ctrl-A X ends a run as the user's choice, not the guest's: exit 0, and
# a recording so ended says so and replays to there with --verify.
python3 "$here/pty_keys.py" '.......' '\x01x' 300 \
	"$rewind" record -o "$work/quit.rec" "${long[@]}" >"$work/pty.out" 2>&1
rc=$?
check "[ $rc -eq 0 ] && grep -q 'quit from the console' '$work/pty.out'" \
	"Ctrl-A X in record: exit $rc: $(tail -c 300 "$work/pty.out")"
"$rewind" info "$work/quit.rec" >"$work/info" 2>&1
check "grep -q '^interrupted=console-quit\$' '$work/info' && grep -q '^exit=6\$' '$work/info'" \
	"Ctrl-A X: info does not say the user ended it: $(grep -E 'exit|interrupted' "$work/info")"
"$rewind" replay "$work/quit.rec" --verify </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 0 ] && grep -q 'ended from the console' '$work/err' && grep -q '^rewind: verified' '$work/err'" \
	"Ctrl-A X: the recording does not replay to its end ($rc): $(cat "$work/err")"

truncate -s 16M "$work/disk.img"
# The wall clock is an input read when each machine is built: two live
# runs differ in the RTC lines only, so those are left out of comparisons.
strip() { grep -v -e 'goldfish_rtc' -e 'rewind-init: info rtc' "$1" | tr -d '\r'; }

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

# A snapshot of a machine version 1 (tests/replay/fixtures/README.md)
# restores on its own version, old PLIC layout and all, and runs to the
# output that build gave; a snapshot saved from it stays version 1, while
# a new one is version 2.
fx="$here/../replay/fixtures"
mkdir "$work/v1"
cp "$fx/v1-smp2.snap" "$fx/v1-smp.elf" "$work/v1/"
truncate -s 1M "$work/v1/v1-smp.img"
(cd "$work/v1" && "$rewind" run --restore v1-smp2.snap </dev/null \
	>"$work/v1.out" 2>"$work/v1.err")
rc=$?
check "[ $rc -eq 0 ] && cmp -s '$fx/v1-smp2.out' '$work/v1.out'" \
	"version 1 snapshot: exit $rc, $(tail -2 "$work/v1.err"; tail -1 "$work/v1.out")"
(cd "$work/v1" && "$rewind" snapshot save -o again.snap --restore v1-smp2.snap \
	--at 300000 </dev/null >/dev/null 2>"$work/err")
check "[ \"\$(field '$work/v1/again.snap' machine)\" = rewind-virt-1 ]" \
	"a snapshot saved from a version 1 one: $(cat "$work/err")"
# A version 2 snapshot (the fixture) restores, but a child of it would
# need what version 2 files hold and version 3 files do not: refused,
# saying what to do instead.
(cd "$work/v1" && "$rewind" snapshot save -o child.snap --parent v1-smp2.snap \
	--at 300000 </dev/null >/dev/null 2>"$work/err")
check "grep -q 'version 2 snapshot, which cannot have children: save a full snapshot' '$work/err' && [ ! -e '$work/v1/child.snap' ]" \
	"a child of a version 2 snapshot: $(cat "$work/err")"
check "[ \"\$(field '$work/v1/again.snap' snapshot-version)\" = 3 ] && [ \"\$(field '$fx/v1-smp2.snap' snapshot-version)\" = 2 ]" \
	"versions: the fixture is $(field "$fx/v1-smp2.snap" snapshot-version), a new save $(field "$work/v1/again.snap" snapshot-version)"
# The version 2 reader checks the end marker as the version 3 one does: a
# copy cut inside it, or with data after it, is refused by info and by a
# restore.
head -c -10 "$work/v1/v1-smp2.snap" >"$work/v1/cut.snap"
cp "$work/v1/v1-smp2.snap" "$work/v1/junk.snap"
printf 'junk' >>"$work/v1/junk.snap"
for c in "cut:the snapshot is truncated" "junk:after the end marker.*corrupt"; do
	for cmd in "snapshot info" "run --restore"; do
		# shellcheck disable=SC2086 # cmd is two words
		(cd "$work/v1" && timeout 60 "$rewind" $cmd "${c%%:*}.snap" \
			</dev/null >/dev/null 2>"$work/err")
		rc=$?
		check "[ $rc -eq 125 ] && grep -qE '${c%%:*}.snap: .*${c#*:}' '$work/err'" \
			"version 2, ${c%%:*}: $cmd exit $rc: $(cat "$work/err")"
	done
done
"$rewind" snapshot save -o "$work/v2.snap" "${bare[@]}" --at 1000 \
	</dev/null >/dev/null 2>&1
check "[ \"\$(field '$work/v2.snap' machine)\" = rewind-virt-2 ]" \
	"a new snapshot does not name machine version 2"

# A save that cannot complete leaves nothing under the name.
"$rewind" snapshot save -o "$work/never.snap" --at 999999999999 --bios none \
	--kernel "$linux/../$(basename "$linux")/init" </dev/null >/dev/null 2>&1
check "[ ! -e '$work/never.snap' ] && [ ! -e '$work/never.snap.part' ]" "a failed save left a file"
"$rewind" snapshot save -o "$snap" --at 1000 --smp 1 --mem 256M \
	--kernel "$linux/Image" </dev/null >/dev/null 2>"$work/err"
check "grep -q 'exists' '$work/err'" "snapshot overwrote a file without --force"

# Messages about a snapshot call it one: its images, and the file a save
# could not create (never the temporary name it writes first).
cp "$work/short.elf" "$work/own.elf"
"$rewind" snapshot save -o "$work/own.snap" --bios none --kernel "$work/own.elf" \
	--mem 8M --at 1000 </dev/null >/dev/null 2>&1
printf 'x' >>"$work/own.elf"
"$rewind" run --restore "$work/own.snap" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'has changed since the snapshot' '$work/err'" \
	"restore with a changed kernel: $(cat "$work/err")"
rm "$work/own.elf"
"$rewind" run --restore "$work/own.snap" </dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'the snapshot needs kernel' '$work/err'" \
	"restore with the kernel gone: $(cat "$work/err")"
"$rewind" snapshot save -o "$work/nodir/x.snap" "${bare[@]}" --at 1000 \
	</dev/null >/dev/null 2>"$work/err"
rc=$?
check "[ $rc -eq 125 ] && grep -q 'nodir/x.snap: No such file' '$work/err' && ! grep -q part '$work/err'" \
	"save into a missing directory: $(cat "$work/err")"

echo "snapshots: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
