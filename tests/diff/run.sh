#!/usr/bin/env bash
# `rewind diff`: the first divergence of two recordings. Where they part
# is checked against `rewind trace` of each (the first line that differs
# in their full traces), never against diff's own say-so.
# Usage: run.sh REWIND REC_EDIT RACE_ELF VBLK_ELF LINUX_DIR
set -u
rewind=$1
rec_edit=$2
race=$3
vblk=$4
linux=$5
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check COND MESSAGE
check() { if eval "$1"; then ok; else bad "$2"; fi; }

command -v riscv64-unknown-elf-gcc >/dev/null ||
	{ echo "FAIL: riscv64-unknown-elf-gcc is missing"; exit 1; }
[ -x "$rewind" ] && [ -x "$rec_edit" ] && [ -f "$race" ] && [ -f "$vblk" ] ||
	{ echo "FAIL: missing $rewind, $rec_edit, $race or $vblk"; exit 1; }
for f in Image initramfs.cpio; do
	[ -s "$linux/$f" ] || { echo "FAIL: missing $linux/$f (make linux)"; exit 1; }
done

# rdiff A B [ARGS]: diff into $work/out and $work/err, exit status in rc.
rdiff() { "$rewind" diff "$@" >"$work/out" 2>"$work/err" </dev/null; rc=$?; }
# record NAME ARGS...: a recording of the race guest on two harts.
record() {
	local name=$1
	shift
	"$rewind" record -o "$work/$name.rec" --bios none --smp 2 --kernel "$race" \
		"$@" >/dev/null 2>&1 </dev/null
}
# first_split A B: the icount of the first line where the full traces of
# recordings A and B differ (empty when they do not).
first_split() {
	"$rewind" trace "$1" --count 10000000 >"$work/ta" 2>/dev/null </dev/null
	"$rewind" trace "$2" --count 10000000 >"$work/tb" 2>/dev/null </dev/null
	cmp "$work/ta" "$work/tb" 2>/dev/null | sed -n 's/.* line \([0-9]*\)$/\1/p' |
		{ read -r l && sed -n "${l}p" "$work/ta" | awk '{ print $1 }'; }
}
# trace_line REC ICOUNT: the trace's line at ICOUNT, with symbols.
trace_line() { "$rewind" trace "$1" --from "$2" --count 1 --symbols "$race" 2>/dev/null </dev/null; }

# A passing and a failing schedule of the race guest (README: seed
# 3806185318338808947 loses updates, exit 7; seed 1 passes).
record pass --chaos=1
rc=$?
check "[ $rc -eq 0 ]" "chaos seed 1 exited $rc, not 0"
record fail --chaos=3806185318338808947
rc=$?
check "[ $rc -eq 7 ]" "chaos seed 3806185318338808947 exited $rc, not 7"

rdiff "$work/pass.rec" "$work/fail.rec" --symbols "$race"
check "[ $rc -eq 1 ]" "pass vs fail: exit $rc, not 1: $(head -c 400 "$work/err")"
n=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
want=$(first_split "$work/pass.rec" "$work/fail.rec")
check "[ -n '$n' ] && [ '$n' = '$want' ]" \
	"pass vs fail: divergence at '$n', the traces first differ at '$want': $(head -5 "$work/out")"
# Different schedules part at a scheduling decision: name the harts.
la=$(trace_line "$work/pass.rec" "$n") lb=$(trace_line "$work/fail.rec" "$n")
ha=$(awk '{ sub(/^h/, "", $2); print $2 }' <<<"$la") hb=$(awk '{ sub(/^h/, "", $2); print $2 }' <<<"$lb")
check "[ '$ha' != '$hb' ] && grep -qx 'cause: a scheduling decision: hart $hb ran instead of hart $ha at icount $n (B ran hart $hb, A hart $ha)' '$work/out'" \
	"pass vs fail: the cause is not hart $hb instead of $ha: $(grep cause "$work/out")"
# The lines at N are the traces' lines (symbols and all), and the traces
# agree at N-1 and differ at N.
check "grep -qxF 'A $la' '$work/out' && grep -qxF 'B $lb' '$work/out'" \
	"pass vs fail: the lines at $n are not the traces' ($la / $lb): $(grep -E '^[AB] ' "$work/out")"
check "[ \"\$(trace_line '$work/pass.rec' $((n - 1)))\" = \"\$(trace_line '$work/fail.rec' $((n - 1)))\" ] && [ '$la' != '$lb' ]" \
	"pass vs fail: the traces do not agree at $((n - 1)) and differ at $n"
check "grep -q '<racy_increment+0x[0-9a-f]*>\\|<_start+0x[0-9a-f]*>' '$work/out'" "--symbols: no symbol in the report"
check "grep -qE '^  hart 0: ' '$work/out' && grep -qE '^  hart 1: ' '$work/out'" "not every hart reported: $(cat "$work/out")"
check "grep -q '^A: .*pass.rec (chaos seed 1)$' '$work/out'" "the report does not name A's seed"

# Swapped, the same icount; the harts swap too.
rdiff "$work/fail.rec" "$work/pass.rec"
check "[ $rc -eq 1 ] && grep -qx 'first divergence at icount $n' '$work/out' && grep -q 'hart $ha ran instead of hart $hb' '$work/out'" \
	"fail vs pass: exit $rc, $(head -4 "$work/out")"

# The default schedule against a chaotic one: found the same way.
record plain
rdiff "$work/plain.rec" "$work/fail.rec"
n2=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
want=$(first_split "$work/plain.rec" "$work/fail.rec")
check "[ $rc -eq 1 ] && [ -n '$n2' ] && [ '$n2' = '$want' ]" \
	"default vs fail: exit $rc, divergence '$n2', traces differ at '$want'"

# Identical: one recording with itself, and two recordings of one seed
# (made at different times: only the wall clock differs).
rdiff "$work/pass.rec" "$work/pass.rec"
check "[ $rc -eq 0 ] && grep -q '^identical: ' '$work/out'" "pass vs itself: exit $rc, $(cat "$work/out" "$work/err")"
record pass2 --chaos=1
rdiff "$work/pass.rec" "$work/pass2.rec"
check "[ $rc -eq 0 ] && grep -q '^identical: the same [0-9]* instructions' '$work/out'" \
	"two recordings of seed 1: exit $rc, $(cat "$work/out" "$work/err")"

# One recording a prefix of the other (stopped by --limit).
record short --chaos=1 --limit 5000
rdiff "$work/short.rec" "$work/pass.rec"
check "[ $rc -eq 1 ] && grep -qx 'first divergence at icount 5000' '$work/out' && grep -q 'prefix' '$work/out'" \
	"a --limit 5000 prefix: exit $rc, $(head -5 "$work/out")"

# Console input: a guest that echoes what it reads, given two lines that
# differ in their fourth byte.
riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -mcmodel=medany \
	-nostdlib -nostartfiles -T "$here/../../guests/isa/common/link.ld" \
	"$here/../guests/echo.S" -o "$work/echo.elf" || exit 1
printf 'hello\n' | "$rewind" record -o "$work/e1.rec" --bios none --kernel "$work/echo.elf" >/dev/null 2>&1
printf 'help!\n' | "$rewind" record -o "$work/e2.rec" --bios none --kernel "$work/echo.elf" >/dev/null 2>&1
rdiff "$work/e1.rec" "$work/e2.rec"
n=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
check "[ $rc -eq 1 ] && [ -n '$n' ]" "echo: exit $rc, $(cat "$work/out" "$work/err")"
check "grep -qxF 'cause: an input: A console \"l\" (1 byte) at icount $n; B console \"p\" (1 byte) at icount $n' '$work/out'" \
	"echo: the cause is not the console byte: $(grep cause "$work/out")"
check "grep -qxF 'last input in common: console \"l\" (1 byte) at icount' <(sed 's/ [0-9]*$//' '$work/out')" \
	"echo: the last common input is not the first l: $(grep 'last input' "$work/out")"
check "grep -q '^devices: uart differ$' '$work/out'" "echo: the UART's state is not named: $(grep devices "$work/out")"
check "[ \"\$(trace_line '$work/e1.rec' $((n - 1)))\" = \"\$(trace_line '$work/e2.rec' $((n - 1)))\" ]" \
	"echo: the traces differ before the input at $n"
# The guest polls the UART: it reads the byte within a few instructions,
# and the traces differ there.
"$rewind" trace "$work/e1.rec" --from "$n" --count 20 >"$work/ta" 2>&1 </dev/null
"$rewind" trace "$work/e2.rec" --from "$n" --count 20 >"$work/tb" 2>&1 </dev/null
check "! cmp -s '$work/ta' '$work/tb'" "echo: the traces do not part after the input at $n"

# The same byte delivered at another icount: named with both icounts.
"$rec_edit" "$work/e1.rec" "$work/early.rec" shift-console 1000 >/dev/null 2>&1
rdiff "$work/e1.rec" "$work/early.rec"
first=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
check "[ $rc -eq 1 ] && grep -qE '^cause: an input: A console \"h\" \\(1 byte\\) at icount ([0-9]+); B console \"h\" \\(1 byte\\) at icount $first\$' '$work/out'" \
	"a console byte 1000 instructions earlier: exit $rc, $(grep -E 'first|cause' "$work/out")"
a_at=$(sed -n 's/^cause: an input: A console "h" (1 byte) at icount \([0-9]*\);.*/\1/p' "$work/out")
check "[ -n '$a_at' ] && [ \$((a_at - first)) -eq 1000 ]" "the shifted byte is not 1000 earlier: A $a_at, B $first"

# A device's timing: one hart driving virtio-blk under two chaos seeds
# (the schedule of one hart is its only one; the disk's completion time
# is drawn). The instructions agree up to the request and the device's
# state parts at the store that starts it, before any hart sees it.
printf 'rewind-vblk-sector0' >"$work/v.img"
truncate -s 64K "$work/v.img"
for s in 1 2; do
	"$rewind" record -o "$work/v$s.rec" --bios none --disk "$work/v.img" \
		--kernel "$vblk" --chaos=$s >/dev/null 2>&1 </dev/null
done
rdiff "$work/v1.rec" "$work/v2.rec"
n=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
check "[ $rc -eq 1 ] && [ -n '$n' ] && grep -qx 'cause: the machine.s state differs after the same instruction: virtio-blk (no hart has read it yet)' '$work/out'" \
	"vblk seeds 1 and 2: exit $rc, $(head -6 "$work/out")"
check "[ \"\$(grep '^A ' '$work/out' | cut -c2-)\" = \"\$(grep '^B ' '$work/out' | cut -c2-)\" ] && grep -q '^A .* s[wd] ' '$work/out'" \
	"vblk: the lines at $n are not one and the same store: $(grep -E '^[AB] ' "$work/out")"
want=$(first_split "$work/v1.rec" "$work/v2.rec")
check "[ -n '$want' ] && [ '$want' -gt '$n' ]" "vblk: the traces part at '$want', not after the store at $n"

# Linux: one snapshot of the guest about to read a console line
# (rewind.echo=1), restored into recordings fed "hello" and "help!" from
# a file (so each line arrives at the same icount). They part at that
# input; the kernel's first load of the differing byte ('l' against 'p')
# is where their traces part. The same line twice: identical, whatever the
# wall clock says.
lx=(--kernel "$linux/Image" --initrd "$linux/initramfs.cpio"
	--append "console=ttyS0 rewind.echo=1")
timeout 600 "$rewind" snapshot save -o "$work/lx.snap" "${lx[@]}" --on-output checks \
	</dev/null >/dev/null 2>"$work/lx.err"
check "[ $? -eq 0 ]" "linux: snapshot save failed: $(tail -2 "$work/lx.err")"
printf 'hello\n' >"$work/lx.hello"
printf 'help!\n' >"$work/lx.help"
for r in hello:hello help:help hello2:hello; do
	timeout 600 "$rewind" record -o "$work/lx-${r%%:*}.rec" --restore "$work/lx.snap" \
		<"$work/lx.${r#*:}" >"$work/lx-${r%%:*}.out" 2>&1
	check "[ $? -eq 0 ] && grep -q 'rewind-init: echo: ${r#*:}' '$work/lx-${r%%:*}.out'" \
		"linux: recording the ${r#*:} line failed: $(tail -2 "$work/lx-${r%%:*}.out")"
done
rdiff "$work/lx-hello.rec" "$work/lx-help.rec"
n=$(sed -n 's/^first divergence at icount \([0-9]*\)$/\1/p' "$work/out")
check "[ $rc -eq 1 ] && [ -n '$n' ]" "linux hello vs help!: exit $rc, $(head -c 400 "$work/out" "$work/err")"
check "grep -qxF 'cause: an input: A console \"hello\\n\" (6 bytes) at icount $n; B console \"help!\\n\" (6 bytes) at icount $n' '$work/out'" \
	"linux: the cause is not the console line: $(grep cause "$work/out")"
check "grep -q '^devices: uart differ$' '$work/out'" "linux: the UART's state is not named: $(grep devices "$work/out")"
lt() { "$rewind" trace "$1" --from "$2" --count "$3" 2>/dev/null </dev/null; }
check "grep -qxF \"A \$(lt '$work/lx-hello.rec' $n 1)\" '$work/out' && grep -qxF \"B \$(lt '$work/lx-help.rec' $n 1)\" '$work/out'" \
	"linux: the lines at $n are not the traces': $(grep -E '^[AB] ' "$work/out")"
# The traces from 1000 before N: the same up to N, parting at or after
# it where the kernel loads the byte that differs.
lt "$work/lx-hello.rec" $((n - 1000)) 20000 >"$work/lta"
lt "$work/lx-help.rec" $((n - 1000)) 20000 >"$work/ltb"
l=$(cmp "$work/lta" "$work/ltb" 2>/dev/null | sed -n 's/.* line \([0-9]*\)$/\1/p')
at=$( [ -n "$l" ] && sed -n "${l}p" "$work/lta" | awk '{ print $1 }')
check "[ -n '$at' ] && [ '$at' -ge '$n' ]" "linux: the traces part at '$at', before the divergence at $n"
check "[ \"\$(lt '$work/lx-hello.rec' $((n - 1)) 1)\" = \"\$(lt '$work/lx-help.rec' $((n - 1)) 1)\" ]" \
	"linux: the traces differ at $((n - 1))"
check "[ -n '$l' ] && sed -n '${l}p' '$work/lta' | grep -q '=0x6c\$' && sed -n '${l}p' '$work/ltb' | grep -q '=0x70\$'" \
	"linux: the traces do not part at a load of 'l' against 'p': $([ -n "$l" ] && sed -n "${l}p" "$work/lta" "$work/ltb")"
rdiff "$work/lx-hello.rec" "$work/lx-hello2.rec"
check "[ $rc -eq 0 ] && grep -q '^identical: the same [0-9]* instructions' '$work/out'" \
	"linux: two recordings of the hello line: exit $rc, $(cat "$work/out" "$work/err")"

# Different machines, and files that are not recordings: 125, a reason,
# and the files unchanged.
"$rewind" record -o "$work/one.rec" --bios none --kernel "$race" >/dev/null 2>&1 </dev/null
rdiff "$work/one.rec" "$work/pass.rec"
check "[ $rc -eq 125 ] && grep -q 'recordings of different machines: the number of harts (--smp) differs: 1 in the first, 2 in the second' '$work/err'" \
	"smp 1 vs 2: exit $rc, $(cat "$work/err")"
rdiff "$work/e1.rec" "$work/one.rec"
check "[ $rc -eq 125 ] && grep -q 'different machines: the kernel (--kernel) differs' '$work/err'" \
	"two kernels: exit $rc, $(cat "$work/err")"
cp "$work/pass.rec" "$work/bad.rec"
size=$(stat -c %s "$work/bad.rec")
printf 'XXXXXXXX' | dd of="$work/bad.rec" bs=1 seek=$((size - 40)) conv=notrunc 2>/dev/null
cp "$work/bad.rec" "$work/bad.copy"
rdiff "$work/pass.rec" "$work/bad.rec"
check "[ $rc -eq 125 ] && grep -q 'corrupt' '$work/err'" "a corrupt recording: exit $rc, $(cat "$work/out" "$work/err")"
check "cmp -s '$work/bad.rec' '$work/bad.copy'" "the corrupt recording was changed"
echo "not a recording" >"$work/text"
rdiff "$work/pass.rec" "$work/text"
check "[ $rc -eq 125 ] && grep -q 'not a rewind recording' '$work/err'" "a text file: exit $rc, $(cat "$work/err")"
rdiff "$work/pass.rec" "$work/nonexistent"
check "[ $rc -eq 125 ] && grep -q 'No such file' '$work/err'" "a missing file: exit $rc, $(cat "$work/err")"
rdiff "$work/pass.rec"
check "[ $rc -eq 125 ] && grep -q '^usage: rewind diff REC_A REC_B' '$work/err'" "one recording: exit $rc, $(cat "$work/err")"
rdiff "$work/pass.rec" "$work/pass.rec" --bogus
check "[ $rc -eq 125 ] && grep -q \"unknown option '--bogus'\" '$work/err'" "--bogus: exit $rc, $(cat "$work/err")"
rdiff "$work/pass.rec" "$work/pass.rec" --symbols "$work/text"
check "[ $rc -eq 125 ] && grep -q -- '--symbols .*not an ELF' '$work/err'" "--symbols TEXT: exit $rc, $(cat "$work/err")"

echo "diff: $pass passed, $fail failed"
[ $fail -eq 0 ]
