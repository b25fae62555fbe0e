#!/usr/bin/env bash
# Snapshot cost on the booted Linux guest with 256 MiB of RAM: a full
# snapshot once init has passed its checks and waits for a line of input,
# and an incremental child of it a few million instructions later (the
# guest idling on its timer). Times are rewind's own --stats lines: the
# save or the restore itself, not the process around it (which also boots
# the machine and checks every image's hash). A save's "save" time is how
# long the machine stood still (its state and pages copied out); its
# "durable" time runs on until the file is written, synced and renamed
# into place, which a thread does while the machine runs on. Then a gdb
# session started from the full snapshot: its first checkpoint and its
# first reverse step (bench/restore_reverse.py). Min and median of RUNS
# (default 10). Prints "name value unit" lines.
# Usage: snapshot.sh REWIND LINUX_DIR
set -eu
rewind=$1
linux=$2
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
truncate -s 16M "$work/disk.img"
args=(--mem 256M --kernel "$linux/Image" --initrd "$linux/initramfs.cpio"
	--append "console=ttyS0 panic=-1 rewind.cpus=1 rewind.echo=1"
	--disk "$work/disk.img")
# Console input that stays open and never arrives: the guest waits for a
# line instead of seeing the end of its input.
mkfifo "$work/in"
exec 3<>"$work/in"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
minimum() { sort -n | head -1; }
seconds() { sed -nE "s/.*stats: $1 seconds ([0-9.]+).*/\\1/p" "$2"; }
ms() { awk '{ printf "%.1f", $1 * 1000 }'; }
info() { "$rewind" snapshot info "$1" | sed -n "s/^$2=//p"; }

# measure NAME SNAP SAVE-ARGS...: save SNAP RUNS times, then restore it
# RUNS times; prints the minima and medians and the file's size.
measure() {
	local name=$1 snap=$2 s=() d=() r=()
	shift 2
	for _ in $(seq "$runs"); do
		"$rewind" snapshot save --force --stats -o "$snap" "$@" <&3 \
			>/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
		s+=("$(seconds save "$work/err")")
		d+=("$(sed -nE 's/.* durable seconds ([0-9.]+).*/\1/p' "$work/err")")
	done
	for _ in $(seq "$runs"); do
		"$rewind" run --stats --restore "$snap" </dev/null >/dev/null \
			2>"$work/err" || true
		r+=("$(seconds restore "$work/err")")
	done
	echo "snapshot.$name.save.min $(printf '%s\n' "${s[@]}" | minimum | ms) ms"
	echo "snapshot.$name.save.median $(printf '%s\n' "${s[@]}" | median | ms) ms"
	echo "snapshot.$name.durable.min $(printf '%s\n' "${d[@]}" | minimum | ms) ms"
	echo "snapshot.$name.durable.median $(printf '%s\n' "${d[@]}" | median | ms) ms"
	echo "snapshot.$name.restore.min $(printf '%s\n' "${r[@]}" | minimum | ms) ms"
	echo "snapshot.$name.restore.median $(printf '%s\n' "${r[@]}" | median | ms) ms"
	echo "snapshot.$name.size $(stat -c %s "$snap") bytes"
	echo "snapshot.$name.pages-stored $(info "$snap" pages.stored) pages"
}

measure full "$work/full.snap" "${args[@]}" --on-output "all 4 checks passed"
at=$(info "$work/full.snap" icount)
echo "snapshot.full.icount $at instructions"
echo "snapshot.full.pages-referenced $(info "$work/full.snap" pages.referenced) pages"
measure child "$work/child.snap" --parent "$work/full.snap" --at $((at + 3000000))
echo "snapshot.child.icount $((at + 3000000)) instructions"
(cd "$(dirname "$0")" && python3 restore_reverse.py "$rewind" "$work/full.snap" "$runs") |
	sed 's/^/snapshot./'
if command -v qemu-system-riscv64 >/dev/null && command -v qemu-img >/dev/null; then
	python3 "$(dirname "$0")/peer_snapshot.py" "$linux" "$work" "$runs"
else
	echo "(no peer: qemu-system-riscv64 and qemu-img are not installed)" >&2
fi
