#!/usr/bin/env bash
# Searches that skip (history/skip.h, history/query.c) answer as searches
# that replay everything do (REWIND_TUNE=no-skip). On a Linux recording
# with work after the boot (init's rewind.work: forks, file writes, pipes),
# through gdb-multiarch: reverse watchpoints on max_pfn (written once in
# early boot, on a page the kernel writes all the time), nr_threads (on
# that page, written on every fork) and jiffies_64 stop at the same store;
# the one on max_pfn skips most intervals, which a page-by-page search
# cannot. `monitor last-write` and `rewind query` last-write / writes give
# the same answers too, last-write skipping stretches, for those variables
# and for the used ring index virtio-blk wrote by DMA in early boot.
# Usage: skip.sh REWIND LINUX_DIR
set -u
rewind=$1
linux=$2
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

for tool in gdb-multiarch python3 nm; do
	command -v $tool >/dev/null || {
		echo "FAIL: $tool is not installed (make deps installs it)"
		exit 1
	}
done

# shellcheck source=tests/gdb/stub.sh
. "$(dirname "$0")/stub.sh"

# gdb_run NAME COMMANDS...: a batch session against the stub started as
# NAME; its output in $work/NAME.gdb. The stub must then end by itself.
gdb_run() {
	local name=$1
	shift
	local args=()
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 900 gdb-multiarch -batch -nx -ex 'set pagination off' \
		-ex 'set confirm off' -ex "target remote 127.0.0.1:$port" \
		"${args[@]}" "$vmlinux" >"$work/$name.gdb" 2>&1
	timeout 60 tail --pid="$stub_pid" -f /dev/null
	wait "$stub_pid"
	local rc=$?
	check "[ $rc -eq 0 ]" "$name: the stub exited $rc: $(tail -3 "$work/$name.err")"
}
# The lines of session NAME between `echo @@TAG` and the next @@ mark.
section() { sed -n "/^@@$2\$/,/^@@/p" "$work/$1.gdb" | grep -v '^@@'; }
# Where a reverse-continue stopped: icount, pc and hart, on one line.
stop() {
	section "$1" "$2" | sed -n -e 's/^icount \([0-9]*\)$/icount \1/p' \
		-e 's/^pc  *\(0x[0-9a-f]*\).*/pc \1/p' \
		-e 's/^\* .*(hart \([0-9]*\),.*/hart \1/p' | tr '\n' ' '
}
# The intervals replayed and skipped so far, from `monitor checkpoints`.
counts() {
	section "$1" "$2" |
		sed -n 's/.*searches replayed \([0-9]*\) intervals and skipped \([0-9]*\).*/\1 \2/p'
}
# A monitor last-write answer: its heading and the indented lines.
answer() {
	section "$1" "$2" | awk '/^(last write to|no write to)/ { on = 1; print; next }
		on && /^ / { print; next } { on = 0 }'
}

python3 -c "
b = bytearray(16 << 20)
b[0:16] = b'REWINDSIGNATURE!'
open('$work/disk.img', 'wb').write(b)"
timeout 900 "$rewind" record -o "$work/linux.rec" --smp 2 --mem 256M \
	--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
	--disk "$work/disk.img" \
	--append "console=ttyS0 panic=-1 rewind.cpus=2 rewind.work=20" \
	</dev/null >"$work/linux-rec.out" 2>"$work/linux-rec.err"
check "[ $? -eq 0 ] && grep -q 'rewind-init: info work: 20 rounds' '$work/linux-rec.out'" \
	"recording Linux with work failed: $(tail -2 "$work/linux-rec.err")"

# Reverse watchpoints from the end, then last-write, in one session each
# way: with skipping (the default) and with REWIND_TUNE=no-skip.
for tune in skip no-skip; do
	t=$tune
	[ "$tune" = skip ] && t=
	REWIND_TUNE=$t stub_start "$tune" replay "$work/linux.rec" &&
		gdb_run "$tune" 'continue' \
			'echo @@c0\n' 'monitor checkpoints' \
			'watch max_pfn' 'reverse-continue' \
			'echo @@max_pfn\n' 'monitor icount' 'info registers pc' \
			'info threads' \
			'echo @@c1\n' 'monitor checkpoints' \
			'delete' 'continue' 'watch nr_threads' 'reverse-continue' \
			'echo @@nr_threads\n' 'monitor icount' \
			'info registers pc' 'info threads' \
			'delete' 'continue' 'watch jiffies_64' 'reverse-continue' \
			'echo @@jiffies_64\n' 'monitor icount' \
			'info registers pc' 'info threads' \
			'delete' 'continue' \
			'echo @@c2\n' 'monitor checkpoints' \
			'echo @@lw_max_pfn\n' \
			'eval "monitor last-write 0x%lx 8", &max_pfn' \
			'echo @@c3\n' 'monitor checkpoints' \
			'echo @@lw_nr_threads\n' \
			'eval "monitor last-write 0x%lx 4", &nr_threads' \
			'echo @@end\n' 'kill'
done
for v in max_pfn nr_threads jiffies_64; do
	on=$(stop skip "$v")
	off=$(stop no-skip "$v")
	check "[ -n '$on' ] && echo '$on' | grep -q 'hart' && [ '$on' = '$off' ]" \
		"watch $v: skipping stopped at '$on', replaying everything at '$off'"
	[ "$v" = jiffies_64 ] && continue
	on=$(answer skip "lw_$v")
	check "[ -n \"\$(echo \"\$on\" | sed -n 2p)\" ] && [ \"\$on\" = \"\$(answer no-skip lw_$v)\" ]" \
		"last-write $v: with skipping '$on', without '$(answer no-skip "lw_$v")'"
done
# max_pfn's page is written in nearly every interval, its line in none
# after early boot: the search skips most of them.
read -r r0 s0 <<<"$(counts skip c0)"
read -r r1 s1 <<<"$(counts skip c1)"
check "[ -n '$s1' ] && [ \$(($s1 - $s0)) -gt \$(($r1 - $r0)) ]" \
	"watch max_pfn: replayed $((r1 - r0)) intervals and skipped only $((s1 - s0))"
read -r r2 s2 <<<"$(counts skip c2)"
read -r r3 s3 <<<"$(counts skip c3)"
check "[ -n '$s3' ] && [ \$(($s3 - $s2)) -gt \$(($r3 - $r2)) ]" \
	"last-write max_pfn: replayed $((r3 - r2)) stretches and skipped only $((s3 - s2))"
read -r r0 s0 <<<"$(counts no-skip c0)"
read -r r1 s1 <<<"$(counts no-skip c1)"
check "[ -n '$s1' ] && [ '$s1' = '$s0' ]" \
	"no-skip: the watch on max_pfn skipped $((s1 - s0)) intervals"

# The command line: last-write and every write, both ways.
query() {
	local tune=$1
	shift
	[ "$tune" = skip ] && tune=
	REWIND_TUNE=$tune "$rewind" query "$work/linux.rec" --symbols "$vmlinux" \
		"$@" 2>&1
}
max_pfn=0x$(nm "$vmlinux" | awk '$3 == "max_pfn" {print $1}')
nr_threads=0x$(nm "$vmlinux" | awk '$3 == "nr_threads" {print $1}')
for q in "last-write $max_pfn 8" "writes $max_pfn 8" \
	"last-write $nr_threads 4" "writes $nr_threads 4 --limit 5"; do
	# shellcheck disable=SC2086
	on=$(query skip $q)
	# shellcheck disable=SC2086
	off=$(query no-skip $q)
	check "echo \"\$on\" | grep -q ' h[01] ' && [ \"\$on\" = \"\$off\" ]" \
		"query $q: with skipping and without differ: $(diff <(echo "$on") <(echo "$off") | head -4)"
done

# A device's DMA is in the physical lines too: the used ring index of the
# disk's queue, written by virtio-blk in early boot and never after.
stub_start dma replay "$work/linux.rec" &&
	gdb_run dma 'break virtblk_done' 'continue' \
		'set $v = &((struct vring_virtqueue *)vq)->split.vring' \
		'echo @@used\n' 'print/x &$v->used->idx' \
		'echo @@end\n' 'kill'
used=$(section dma used | sed -n 's/^\$[0-9]* = \(0x[0-9a-f]*\)$/\1/p')
check "[ -n '$used' ]" "dma: no address for the used ring index: $(section dma used)"
if [ -n "$used" ]; then
	on=$(query skip last-write "$used" 2)
	off=$(query no-skip last-write "$used" 2)
	check "echo \"\$on\" | sed -n 2p | grep -qE '^ +[0-9]+ device virtio-blk \\(DMA\\)$' && [ \"\$on\" = \"\$off\" ]" \
		"dma: last-write of the used index with skipping '$on', without '$off'"
fi

echo "skip: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
