#!/usr/bin/env bash
# `rewind trace` and the post-mortem of `rewind record`. Expected
# instructions come from the guest's ELF through the cross objdump and nm,
# expected register values from the comments in guests/trace/trace.S:
# never from rewind's own output.
# Usage: run.sh REWIND TRACE_ELF RACE_FORCED_ELF
set -u
rewind=$1
elf=$2
forced=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check COND MESSAGE
check() { if eval "$1"; then ok; else bad "$2"; fi; }

for tool in riscv64-unknown-elf-objdump riscv64-unknown-elf-nm; do
	command -v $tool >/dev/null || { echo "FAIL: $tool is missing"; exit 1; }
done
[ -x "$rewind" ] && [ -f "$elf" ] && [ -f "$forced" ] ||
	{ echo "FAIL: missing $rewind, $elf or $forced"; exit 1; }

# The ELF's instructions, one per line: "ADDR HEX TEXT" with objdump's
# comments and target symbols dropped, tabs made single spaces and branch
# targets written as 0x addresses, as rewind prints them.
riscv64-unknown-elf-objdump -d "$elf" | awk '
	/^ *[0-9a-f]+:\t/ {
		addr = $1; sub(":", "", addr)
		n = split($0, f, "\t")
		hex = f[2]; gsub(/ /, "", hex)
		text = f[3]; for (i = 4; i <= n; i++) text = text " " f[i]
		sub(/ *#.*$/, "", text)
		if (text ~ / <[^>]*>$/) {
			sub(/ <[^>]*>$/, "", text)
			sub(/[0-9a-f]+$/, "0x&", text)
		}
		print addr, hex, text
	}' >"$work/objdump"
check "[ \$(wc -l <'$work/objdump') -gt 20 ]" "objdump listed no instructions"
# sym NAME: the symbol's address (hex, no 0x).
sym() { riscv64-unknown-elf-nm "$elf" | awk -v s="$1" '$3 == s { sub(/^0+/, "", $1); print $1 }'; }
# listing FROM TO: objdump lines with FROM <= address < TO (hex).
listing() {
	local a rest
	while read -r a rest; do
		if [ $((16#$a)) -ge $((16#$1)) ] && [ $((16#$a)) -lt $((16#$2)) ]; then
			echo "$a $rest"
		fi
	done <"$work/objdump"
}
# fields FILE: "PC HEX TEXT" of each trace line (pc without 0x and zeros),
# the register writes dropped.
fields() {
	sed -E 's/ +; .*$//; s/ <[^>]*>//' "$1" | awk '{
		pc = $4; sub(/^0x0*/, "", pc)
		text = $6; for (i = 7; i <= NF; i++) text = text " " $i
		print pc, $5, text }'
}

# Record the guest: two harts, default schedule, ends with a pass.
"$rewind" record -o "$work/t.rec" --bios none --kernel "$elf" --smp 2 \
	>"$work/rec.out" 2>"$work/rec.err" </dev/null
rc=$?
check "[ $rc -eq 0 ]" "recording the trace guest exited $rc: $(cat "$work/rec.err")"
check "! grep -q post-mortem '$work/rec.err'" "a passing run got a post-mortem"
end=$("$rewind" info "$work/t.rec" | sed -n 's/^icount=//p')
check "[ -n '$end' ]" "info gives no icount"

trace_of() { "$rewind" trace "$work/t.rec" "$@" 2>"$work/trace.err" </dev/null; }

# Hart 0 starts with the straight-line code from _start to wait, exactly
# as objdump lists it, in M-mode, at icounts 0, 1, 2...
start=$(sym _start) wait=$(sym wait) finish=$(sym finish) hart1=$(sym hart1)
listing "$start" "$wait" >"$work/h0.want"
n0=$(wc -l <"$work/h0.want")
check "[ $n0 -eq 11 ]" "the guest's first block has $n0 instructions, not 11"
trace_of --hart 0 --count "$n0" >"$work/h0.trace"
check "[ \$(wc -l <'$work/h0.trace') -eq $n0 ]" "--count $n0 printed $(wc -l <"$work/h0.trace") lines"
fields "$work/h0.trace" >"$work/h0.got"
diff -u "$work/h0.want" "$work/h0.got" >"$work/diff" 2>&1
check "[ ! -s '$work/diff' ]" \
	"hart 0's first instructions differ from objdump: $(cat "$work/diff")"
check "awk '{ if (\$1 != NR - 1 || \$2 != \"h0\" || \$3 != \"M\") exit 1 }' '$work/h0.trace'" \
	"hart 0's first lines are not icounts 0.. on h0 in M-mode: $(head -3 "$work/h0.trace")"
# A compressed instruction shows its two bytes.
check "grep -qE ' 0685 +add a3,a3,1 +; a3=0x2b$' '$work/h0.trace'" "c.addi line wrong: $(grep a3,a3 "$work/h0.trace")"

# Register writes, from the comments in trace.S.
# want_writes ADDR WRITES: the line at ADDR ends with exactly these writes
# (empty: none).
want_writes() {
	local line
	line=$(grep -E " 0x0*$1 " "$work/h0.trace" | head -1)
	if [ -n "$2" ]; then
		check "[[ '$line' == *' ; $2' ]]" "at $1 expected '; $2': $line"
	else
		check "[[ '$line' != *';'* ]]" "at $1 expected no writes: $line"
	fi
}
mapfile -t addrs < <(awk '{ print $1 }' "$work/h0.want")
want_writes "${addrs[1]}" "a1=0x5"
want_writes "${addrs[2]}" "a2=0x25"
want_writes "${addrs[3]}" "a3=0x2a"
want_writes "${addrs[4]}" "a3=0x2b"
want_writes "${addrs[5]}" "a4=0x2b0"
want_writes "${addrs[7]}" "t0=0x$(sym slot)"
want_writes "${addrs[8]}" ""
want_writes "${addrs[9]}" "a5=0x2b0"
want_writes "${addrs[10]}" ""

# --symbols: symbol+offset of the nearest symbol at or below each pc.
trace_of --hart 0 --count "$n0" --symbols "$elf" >"$work/h0.sym"
riscv64-unknown-elf-nm -n "$elf" | awk '$2 ~ /[tT]/ { print $1, $3 }' >"$work/syms"
want_sym() {
	local a=$1 name="" base=0 s n
	while read -r s n; do
		if [ $((16#$s)) -le $((16#$a)) ]; then name=$n base=$((16#$s)); fi
	done <"$work/syms"
	printf '<%s+0x%x>' "$name" $((16#$a - base))
}
for a in "${addrs[@]}"; do
	want=$(want_sym "$a")
	check "grep -qF ' 0x$(printf %016x $((16#$a))) $want ' '$work/h0.sym'" \
		"--symbols: pc $a lacks $want: $(grep -i "$a " "$work/h0.sym")"
done
check "grep -q '<compute+0xa>' '$work/h0.sym'" "--symbols: no <compute+0xa>"

# Hart 1: _start, then its own path up to the wfi it parks in.
trace_of --hart 1 --count 1000 >"$work/h1.trace"
{ listing "$start" "$(printf %x $((16#$start + 2)))"
  listing "$hart1" "$(sym fail)" | sed '/ j 0x/d'; } >"$work/h1.want"
fields "$work/h1.trace" >"$work/h1.got"
diff -u "$work/h1.want" "$work/h1.got" >"$work/diff" 2>&1
check "[ ! -s '$work/diff' ]" \
	"hart 1's instructions differ from objdump: $(cat "$work/diff")"
check "! grep -qv ' h1 M ' '$work/h1.trace'" "--hart 1 printed other harts' lines"
check "grep -qE ' li a6,7 +; a6=0x7$' '$work/h1.trace'" "hart 1's li a6,7 lacks a6=0x7"

# The whole run: every icount once, the finisher store last.
trace_of --count 1000000 >"$work/all"
check "[ \$(wc -l <'$work/all') -eq $end ]" "the full trace has $(wc -l <"$work/all") lines, the recording $end instructions"
check "awk '{ if (\$1 != NR - 1) exit 1 }' '$work/all'" "the full trace skips or repeats icounts"
check "tail -1 '$work/all' | grep -qE ' h0 M 0x0*$(printf %x $((16#$finish + 10))) 007e2023 +sw t2,0\\(t3\\)$'" \
	"the last line is not the finisher store: $(tail -1 "$work/all")"
check "grep -qE ' h0 M .* addw t2,t2,1365 +; t2=0x5555$' '$work/all'" "li t2,0x5555 not seen"

# Default count, --from and --count select the right lines.
trace_of >"$work/default"
check "[ \$(wc -l <'$work/default') -eq 100 ]" "the default count is not 100 lines"
h1first=$(awk '{ print $1; exit }' "$work/h1.trace")
trace_of --from "$h1first" --count 3 >"$work/from"
check "[ \$(wc -l <'$work/from') -eq 3 ]" "--from --count 3 printed $(wc -l <"$work/from") lines"
check "diff -q <(sed -n '$((h1first + 1)),$((h1first + 3))p' '$work/all') '$work/from' >/dev/null" \
	"--from $h1first differs from the full trace's lines there"
trace_of --from 5 --count 2 --hart 0 >"$work/from5"
check "[ \"\$(awk '{ print \$1 }' '$work/from5' | tr '\n' ' ')\" = '5 6 ' ]" "--from 5 --count 2: $(cat "$work/from5")"
trace_of --from "$end" >"$work/atend"
rc=$?
check "[ $rc -eq 0 ] && [ ! -s '$work/atend' ]" "--from the end: exit $rc, $(head -2 "$work/atend")"

# Bad input: a clear message and exit status 125 (rewind's own error).
# expect_err PATTERN ARGS...
expect_err() {
	local pattern=$1
	shift
	"$rewind" trace "$@" >"$work/out" 2>"$work/err" </dev/null
	local rc=$?
	if [ $rc -eq 125 ] && grep -qE -- "$pattern" "$work/err"; then
		ok
	else
		bad "trace $*: exit $rc, stderr: $(head -c 300 "$work/err")"
	fi
}
echo "not a recording" >"$work/text"
expect_err "the recording ends at icount $end\$" "$work/t.rec" --from $((end + 1))
expect_err "--symbols .*/nonexistent.*No such file" "$work/t.rec" --symbols "$work/nonexistent"
expect_err "--symbols .*not an ELF file" "$work/t.rec" --symbols "$work/text"
expect_err "bad --count 'x'" "$work/t.rec" --count x
expect_err "bad --from '-1'" "$work/t.rec" --from -1
expect_err "--hart 2: the machine has 2 harts" "$work/t.rec" --hart 2
expect_err "not a rewind recording" "$work/text"
expect_err "No such file" "$work/nonexistent"
expect_err "usage: rewind trace REC"
expect_err "unknown option '--bogus'" "$work/t.rec" --bogus

# Post-mortem of a failing recording: the forced race fails on every
# schedule (exit code 7, see guests/race/race.c).
"$rewind" record -o "$work/race.rec" --bios none --kernel "$forced" --smp 2 \
	--chaos --until-fail=3 >"$work/race.out" 2>"$work/race.err" </dev/null
rc=$?
check "[ $rc -eq 7 ]" "the forced race recorded with exit $rc: $(tail -3 "$work/race.err")"
fail_at=$(sed -n 's/^rewind: post-mortem: the guest failed with code 7 at icount \([0-9]*\)$/\1/p' "$work/race.err")
check "[ -n '$fail_at' ]" "no failing icount in the post-mortem: $(head -c 600 "$work/race.err")"
check "[ '$fail_at' = \"\$($rewind info '$work/race.rec' | sed -n 's/^icount=//p')\" ]" \
	"the post-mortem's icount $fail_at is not the recording's end"
for h in 0 1; do
	sed -n "/^rewind: the last 32 instructions of hart $h:\$/,/^rewind: /p" \
		"$work/race.err" | sed '1d;$d' >"$work/pm$h"
	check "[ \$(wc -l <'$work/pm$h') -eq 32 ]" "hart $h: $(wc -l <"$work/pm$h") post-mortem lines, not 32"
	check "! grep -qvE '^ *[0-9]+ h$h [MSU] 0x[0-9a-f]{16} [0-9a-f]{4,8} +[a-z]' '$work/pm$h'" \
		"hart $h: malformed post-mortem lines: $(head -2 "$work/pm$h")"
done
# Hart 0 failed: its last instruction is the finisher store just before
# the failing icount.
check "tail -1 '$work/pm0' | grep -qE '^ *$((fail_at - 1)) h0 .* s[wd] '" \
	"hart 0's last line is not a store at icount $((fail_at - 1)): $(tail -1 "$work/pm0")"
check "grep -qxF '  rewind replay $work/race.rec --gdb 1234' '$work/race.err'" "no --gdb command"
to=$(sed -n "s|^  rewind replay $work/race.rec --to \\([0-9]*\\)\$|\\1|p" "$work/race.err")
check "[ -n '$to' ] && [ '$to' = \"\$(awk '{ print \$1; exit }' '$work/pm0')\" ]" \
	"the --to icount '$to' is not hart 0's first post-mortem line"
# The post-mortem lines are the trace's lines at those icounts.
"$rewind" trace "$work/race.rec" --from "$to" --hart 0 --count 32 >"$work/pmtrace" 2>&1
check "diff -q '$work/pm0' '$work/pmtrace' >/dev/null" "post-mortem and trace disagree: $(diff "$work/pm0" "$work/pmtrace" | head -4)"
"$rewind" replay "$work/race.rec" --to "$to" >/dev/null 2>"$work/err" </dev/null
rc=$?
check "[ $rc -eq 0 ] && grep -q 'stopped at icount $to\$' '$work/err'" "replay --to $to: exit $rc, $(cat "$work/err")"

# The instruction limit is a failure too; hart 1 never ran by then.
"$rewind" record -o "$work/limit.rec" --bios none --kernel "$elf" --smp 2 \
	--limit 50 >/dev/null 2>"$work/limit.err" </dev/null
rc=$?
check "[ $rc -ne 0 ] && grep -q 'post-mortem: .* at icount 50\$' '$work/limit.err'" \
	"--limit 50: exit $rc, $(head -c 400 "$work/limit.err")"
check "grep -q 'hart 1 retired no instruction' '$work/limit.err'" "--limit: hart 1's empty history not reported"
check "grep -qE '^ +49 h0 M ' '$work/limit.err' && grep -qE '^ +18 h0 M ' '$work/limit.err' && ! grep -qE '^ +17 h0 ' '$work/limit.err'" \
	"--limit: hart 0's lines are not icounts 18..49"

echo "trace: $pass passed, $fail failed"
[ $fail -eq 0 ]
