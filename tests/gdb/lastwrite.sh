#!/usr/bin/env bash
# Who wrote memory: `monitor last-write` / `monitor writes` in gdb-multiarch
# and `rewind query` on the command line, checked against what gdb's
# reverse watchpoints find and what `rewind trace` prints: on the race
# guest (a counter two harts write) and on a Linux recording (jiffies_64, a
# per-CPU variable of CPU 1, and a page the virtio-blk device wrote).
# Usage: lastwrite.sh REWIND LINUX_DIR RACE_FORCED_ELF
set -u
rewind=$1
linux=$2
race=$3
vmlinux=$linux/vmlinux
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

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# gdb_run NAME ELF COMMANDS...: a batch session against the stub started
# as NAME; its output in $work/NAME.gdb. The stub must then end by itself,
# with status $WANT (default 0).
gdb_run() {
	local name=$1 elf=$2
	shift 2
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 600 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$elf" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq ${WANT:-0} ]" "$name: the stub exited $rc: $(tail -3 "$work/$name.err")"
}
# The lines of session NAME between `echo @@TAG` and the next @@ mark.
section() { sed -n "/^@@$2\$/,/^@@/p" "$work/$1.gdb" | grep -v '^@@'; }
# The monitor's answer in a section: its heading and the indented lines
# (and the note on a cut list) after it.
answer() {
	section "$1" "$2" | awk '/^(last write to|no write to|[0-9]+ writes? to)/ { on = 1; print; next }
		on && /^( |\(more)/ { print; next } { on = 0 }'
}
# From a last-write answer: the icount, hart and pc of the write.
lw_icount() { sed -n '2s/^ *\([0-9]*\) .*/\1/p'; }
lw_hart() { sed -n '2s/^ *[0-9]* h\([0-9]*\) .*/\1/p'; }
lw_pc() { sed -n '2s/^ *[0-9]* h[0-9]* [MSU] 0x0*\([0-9a-f]*\) .*/\1/p'; }
# Where a reverse-continue stopped (a section with `monitor icount`,
# `info registers pc` and `info threads`): its icount, pc and hart.
at_icount() { section "$1" "$2" | sed -n 's/^icount \([0-9]*\)$/\1/p'; }
at_pc() { section "$1" "$2" | sed -n 's/^pc  *0x0*\([0-9a-f]*\).*/\1/p'; }
at_hart() { section "$1" "$2" | sed -n 's/^\* .*(hart \([0-9]*\),.*/\1/p'; }
# The last write a section's answer names agrees with where the reverse
# watchpoint search of section AT stopped.
agree() {
	local s=$1 lw=$2 at=$3 what=$4 a
	a=$(answer "$s" "$lw")
	check "[ -n \"\$(echo \"\$a\" | lw_icount)\" ] && [ \"\$(echo \"\$a\" | lw_icount)\" = \"\$(at_icount $s $at)\" ]" \
		"$what: last-write's icount $(echo "$a" | lw_icount) is not where the reverse watchpoint stopped ($(at_icount "$s" "$at"))"
	check "[ -n \"\$(echo \"\$a\" | lw_pc)\" ] && [ \"\$(echo \"\$a\" | lw_pc)\" = \"\$(at_pc $s $at)\" ]" \
		"$what: last-write's pc $(echo "$a" | lw_pc) is not the reverse watchpoint's $(at_pc "$s" "$at")"
	check "[ -n \"\$(echo \"\$a\" | lw_hart)\" ] && [ \"\$(echo \"\$a\" | lw_hart)\" = \"\$(at_hart $s $at)\" ]" \
		"$what: last-write's hart $(echo "$a" | lw_hart) is not the reverse watchpoint's $(at_hart "$s" "$at")"
}

# --- The race guest: a counter two harts write ----------------------------
timeout 120 "$rewind" record -o "$work/race.rec" --bios none --smp 2 \
	--kernel "$race" </dev/null >/dev/null 2>"$work/race-rec.err"
check "[ $? -eq 7 ]" "recording the forced race did not fail with code 7: $(tail -2 "$work/race-rec.err")"
counter=$(gdb-multiarch -batch -nx -ex 'print/x &shared_counter' "$race" |
	sed -n 's/^\$1 = //p')
check "[ -n '$counter' ]" "no address for shared_counter"

stub_start race replay "$work/race.rec" &&
	gdb_run race "$race" 'continue' \
		'echo @@lw1\n' "monitor last-write $counter 8" \
		'echo @@lws\n' "monitor last-write $counter 8 --symbols $race" \
		'watch shared_counter' 'reverse-continue' \
		'echo @@at1\n' 'monitor icount' 'info registers pc' 'info threads' \
		'echo @@lw2\n' "monitor last-write $counter 8" \
		'reverse-continue' \
		'echo @@at2\n' 'monitor icount' 'info registers pc' 'info threads' \
		'echo @@writes\n' "monitor writes $counter 8 --limit 3" \
		'echo @@bad\n' "monitor last-write $counter 0" \
		"monitor writes $counter 8 --limit 0" 'monitor last-write' \
		"monitor last-write $counter 8 --symbols $work/none.elf" \
		'echo @@end\n' 'kill'
agree race lw1 at1 "race, from the end"
agree race lw2 at2 "race, from the store before"
check "[ \"\$(answer race lw2 | lw_icount)\" -lt \"\$(answer race lw1 | lw_icount)\" ]" \
	"race: the second last-write is not older than the first"
check "answer race lw1 | grep -qE '^ +0x[0-9a-f]+: .. .. .. .. .. .. .. .. -> '" \
	"race: last-write shows no old -> new bytes: $(answer race lw1)"
check "section race writes | grep -q '(more writes follow: only the first 3 are shown'" \
	"race: monitor writes --limit 3 does not say that it cut the list"
check "[ \$(section race bad | grep -c 'from 1 to') -ge 2 ] && section race bad | grep -q 'usage: monitor last-write ADDR' && section race bad | grep -q 'none.elf'" \
	"race: bad monitor arguments are not explained: $(section race bad)"

# The command line answers as the monitor does, where it was asked.
"$rewind" query "$work/race.rec" last-write "$counter" 8 >"$work/q1.txt" 2>&1
check "[ $? -eq 0 ] && diff '$work/q1.txt' <(answer race lw1) >/dev/null" \
	"query last-write at the end differs from the monitor's: $(diff "$work/q1.txt" <(answer race lw1) | head -5)"
"$rewind" query "$work/race.rec" --at "$(at_icount race at1)" last-write \
	"$counter" 8 >"$work/q2.txt" 2>&1
check "[ $? -eq 0 ] && diff '$work/q2.txt' <(answer race lw2) >/dev/null" \
	"query --at last-write differs from the monitor's: $(diff "$work/q2.txt" <(answer race lw2) | head -5)"

"$rewind" query "$work/race.rec" --symbols "$race" last-write "$counter" 8 \
	>"$work/q3.txt" 2>&1
check "[ $? -eq 0 ] && grep -q '<racy_increment+0x' '$work/q3.txt' && diff '$work/q3.txt' <(answer race lws) >/dev/null" \
	"query --symbols differs from monitor last-write --symbols: $(diff "$work/q3.txt" <(answer race lws) | head -5)"

# Every write, oldest first, each the line `rewind trace` prints for it.
"$rewind" query "$work/race.rec" --symbols "$race" writes "$counter" 8 \
	--limit 5000 >"$work/writes.txt" 2>&1
check "[ $? -eq 0 ] && head -1 '$work/writes.txt' | grep -q '^1601 writes to'" \
	"query writes: not the 1601 writes (bss clearing and 800 per hart): $(head -1 "$work/writes.txt")"
grep -E '^ +[0-9]+ h[0-9] ' "$work/writes.txt" >"$work/writes.lines"
check "[ \$(grep -c ' h1 ' '$work/writes.lines') -eq 800 ] && [ \$(grep -c ' h0 ' '$work/writes.lines') -eq 801 ]" \
	"query writes: not 801 stores by hart 0 and 800 by hart 1"
check "awk '{print \$1}' '$work/writes.lines' | sort -nc" \
	"query writes: not oldest first"
"$rewind" trace "$work/race.rec" --count 100000 --symbols "$race" \
	>"$work/trace.txt" 2>/dev/null
check "[ \$(grep -cFxf '$work/writes.lines' '$work/trace.txt') -eq 1601 ]" \
	"query writes: lines that rewind trace does not print: $(grep -vFxf "$work/trace.txt" "$work/writes.lines" | head -3)"
# Each write's old bytes are the previous one's new bytes.
check "grep -E '^ +0x[0-9a-f]+: ' '$work/writes.txt' | sed 's/^ *0x[0-9a-f]*: //' | awk -F ' -> ' 'NR > 1 && \$1 != prev { bad = 1 } { prev = \$2 } END { exit bad }'" \
	"query writes: a write's old bytes are not the previous write's new bytes"

# Nothing written yet; bad input.
"$rewind" query "$work/race.rec" --at 5 last-write "$counter" 8 >"$work/none.txt" 2>&1
check "[ $? -eq 1 ] && grep -q '^no write to' '$work/none.txt'" \
	"query with no write before --at: not exit 1 with 'no write': $(cat "$work/none.txt")"
bad_input() {
	local what=$1 want=$2
	shift 2
	"$rewind" query "$work/race.rec" "$@" >"$work/bad.out" 2>"$work/bad.err"
	local rc=$?
	check "[ $rc -eq 125 ] && grep -q -- '$want' '$work/bad.err' && [ ! -s '$work/bad.out' ]" \
		"query $what: exit $rc, not 125 with '$want': $(cat "$work/bad.err")"
}
bad_input "LEN 0" "from 1 to 4096" last-write "$counter" 0
bad_input "huge LEN" "from 1 to 4096" last-write "$counter" 1000000
bad_input "--at past the end" "ends at icount" --at 999999999 last-write "$counter" 8
bad_input "a device address" "not RAM" last-write 0x10000000 8
bad_input "an address that wraps" "wraps around" last-write 0xffffffffffffffff 2
bad_input "a bad address" "bad address" last-write 0xzz 8
bad_input "no address" "usage: rewind query" last-write
bad_input "--limit 0" "from 1 to" writes "$counter" 8 --limit 0

# A debugger's write in a live session is named as such, there and in the
# recording it keeps.
stub_start live record -o "$work/live.rec" --bios none --smp 2 \
	--kernel "$race" &&
	WANT=7 gdb_run live "$race" 'break hart0_main' 'continue' \
		'set var shared_counter = 1000' \
		'echo @@lw\n' "monitor last-write $counter 8" \
		'echo @@end\n' 'delete' 'continue'
check "answer live lw | sed -n 2p | grep -qE '^ +[0-9]+ debugger write$' && answer live lw | grep -q -- '-> e8 03 00 00 00 00 00 00'" \
	"live: set var's write is not the last write, by the debugger: $(answer live lw)"
"$rewind" query "$work/live.rec" writes "$counter" 8 --limit 2 >"$work/live.txt" 2>&1
check "[ $? -eq 0 ] && sed -n 5p '$work/live.txt' | grep -qE '^ +[0-9]+ debugger write$'" \
	"live: the kept recording's second write to the counter is not the debugger's: $(cat "$work/live.txt")"

# --- Linux: a kernel variable, a per-CPU variable, a DMA'd page ------------
python3 -c "
b = bytearray(16 << 20)
b[0:16] = b'REWINDSIGNATURE!'
open('$work/disk.img', 'wb').write(b)"
timeout 600 "$rewind" record -o "$work/linux.rec" --smp 2 --mem 256M \
	--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
	--disk "$work/disk.img" --append "console=ttyS0 panic=-1 rewind.cpus=2" \
	</dev/null >/dev/null 2>"$work/linux-rec.err"
check "[ $? -eq 0 ]" "recording Linux failed: $(tail -2 "$work/linux-rec.err")"

# jiffies_64, written on the timer interrupt path.
stub_start jiffies replay "$work/linux.rec" &&
	gdb_run jiffies "$vmlinux" 'continue' \
		'echo @@lw\n' 'eval "monitor last-write 0x%lx 8", &jiffies_64' \
		'watch jiffies_64' 'reverse-continue' \
		'echo @@at\n' 'monitor icount' 'info registers pc' 'info threads' \
		'echo @@end\n' 'kill'
agree jiffies lw at "jiffies_64"
jiffies=$(printf '0x%x' "$(answer jiffies lw | sed -n '1s/^last write to \(0x[0-9a-f]*\) .*/\1/p')")
"$rewind" query "$work/linux.rec" --symbols "$vmlinux" last-write "$jiffies" 8 \
	>"$work/jiffies.txt" 2>&1
check "[ $? -eq 0 ] && sed -n 2p '$work/jiffies.txt' | grep -qE '<(do_timer|tick_do_update_jiffies64)\+'" \
	"query jiffies_64: the store is not named as the timer path's: $(sed -n 2p "$work/jiffies.txt")"

# A per-CPU variable of CPU 1: its system time, which hart 1 accounts.
stub_start percpu replay "$work/linux.rec" &&
	gdb_run percpu "$vmlinux" 'continue' \
		'set $a = (unsigned long)&kernel_cpustat.cpustat[2] + __per_cpu_offset[1]' \
		'echo @@lw\n' 'eval "monitor last-write 0x%lx 8", $a' \
		'watch -l *(unsigned long *)$a' 'reverse-continue' \
		'echo @@at\n' 'monitor icount' 'info registers pc' 'info threads' \
		'echo @@end\n' 'kill'
agree percpu lw at "per-CPU kernel_cpustat of CPU 1"
check "[ \"\$(answer percpu lw | lw_hart)\" = 1 ]" \
	"per-CPU: CPU 1's system time was last written by hart $(answer percpu lw | lw_hart), not 1"

# The page the disk's first sector was read into: virtio-blk wrote it.
stub_start dma replay "$work/linux.rec" &&
	gdb_run dma "$vmlinux" 'break virtblk_done' 'continue' \
		'set $v = &((struct vring_virtqueue *)vq)->split.vring' \
		'set $pa = $v->desc[$v->desc[$v->used->ring[0].id].next].addr' \
		'echo @@used\n' \
		'eval "monitor last-write 0x%lx 2", &$v->used->idx' \
		'monitor phys on' \
		'echo @@lw\n' 'eval "monitor last-write 0x%lx 16", $pa' \
		'echo @@icount\n' 'monitor icount' \
		'echo @@end\n' 'kill'
check "answer dma lw | sed -n 2p | grep -qE '^ +[0-9]+ device virtio-blk \\(DMA\\)$'" \
	"dma: the disk's sector in memory was not last written by virtio-blk: $(answer dma lw)"
check "answer dma lw | grep -q -- '-> 52 45 57 49 4e 44 53 49 47 4e 41 54 55 52 45 21'" \
	"dma: the new bytes are not the disk's signature: $(answer dma lw)"
check "answer dma used | sed -n 2p | grep -q 'device virtio-blk (DMA)'" \
	"dma: the used ring's index was not last written by virtio-blk: $(answer dma used)"
sector=$(answer dma lw | sed -n '1s/^last write to \(0x[0-9a-f]*\) .*/\1/p')
"$rewind" query "$work/linux.rec" --phys --at "$(section dma icount | sed -n 's/^icount //p')" \
	last-write "$sector" 16 >"$work/dma.txt" 2>&1
check "[ $? -eq 0 ] && diff '$work/dma.txt' <(answer dma lw) >/dev/null" \
	"query --phys differs from the monitor in physical mode: $(diff "$work/dma.txt" <(answer dma lw) | head -4)"

echo "lastwrite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
