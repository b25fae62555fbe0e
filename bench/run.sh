#!/usr/bin/env bash
# Benchmarks, each the median of several runs:
#   compute   our compute-bound guest: guest MIPS
#   linux     Linux boot to poweroff with --smp 1 and 4: wall time,
#             instructions, MIPS; and the same kernel under QEMU when
#             qemu-system-riscv64 is installed, with the time ratio.
# Writes a table to stdout and the numbers to build/bench.json.
# Usage: run.sh REWIND COMPUTE_ELF LINUX_DIR
set -eu
rewind=$1
compute=$2
linux=$3
runs=${BENCH_RUNS:-5}
out=$(dirname "$rewind")/bench.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# field NAME LINE: the number after NAME in a `--stats` line.
field() { sed -E "s/.* $1 ([0-9.]+).*/\1/" <<<"$2"; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

json=()
printf '%-30s %14s %10s %10s %10s\n' workload instructions seconds MIPS "vs QEMU"

# bench_rewind NAME ARGS...: run rewind `runs` times, report medians.
bench_rewind() {
	local name=$1
	shift
	local secs=() mips=() line icount
	for _ in $(seq "$runs"); do
		line=$("$rewind" run --stats "$@" 2>&1 >/dev/null </dev/null |
			grep 'stats:')
		secs+=("$(field seconds "$line")")
		mips+=("$(field MIPS "$line")")
		icount=$(field retired "$line")
	done
	med_secs=$(printf '%s\n' "${secs[@]}" | median)
	med_mips=$(printf '%s\n' "${mips[@]}" | median)
	med_icount=$icount
}

bench_rewind compute --bios none --kernel "$compute"
printf '%-30s %14s %10s %10s %10s\n' "compute" "$med_icount" "$med_secs" "$med_mips" -
json+=("\"compute\": {\"instructions\": $med_icount, \"seconds\": $med_secs, \"mips\": $med_mips}")

truncate -s 16M "$work/disk.img"
for n in 1 4; do
	append="console=ttyS0 panic=-1 rewind.cpus=$n"
	bench_rewind "linux" --mem 256M --smp "$n" --kernel "$linux/Image" \
		--initrd "$linux/initramfs.cpio" --append "$append" \
		--disk "$work/disk.img"
	ratio=-
	qemu_secs=null
	if command -v qemu-system-riscv64 >/dev/null; then
		q=()
		for _ in $(seq "$runs"); do
			t0=$(now)
			timeout 300 qemu-system-riscv64 -M virt -smp "$n" -m 256M \
				-nographic -kernel "$linux/Image" \
				-initrd "$linux/initramfs.cpio" -append "$append" \
				-global virtio-mmio.force-legacy=false \
				-drive file="$work/disk.img",format=raw,if=none,id=d0 \
				-device virtio-blk-device,drive=d0 \
				-device virtio-rng-device </dev/null >/dev/null 2>&1
			q+=("$(echo "$(now) - $t0" | bc -l)")
		done
		qemu_secs=$(printf '%s\n' "${q[@]}" | median)
		ratio=$(printf '%.2f' "$(echo "$med_secs / $qemu_secs" | bc -l)")
	fi
	printf '%-30s %14s %10s %10s %10s\n' "linux boot --smp $n" \
		"$med_icount" "$med_secs" "$med_mips" "$ratio"
	json+=("\"linux_smp$n\": {\"instructions\": $med_icount, \"seconds\": $med_secs, \"mips\": $med_mips, \"qemu_seconds\": $qemu_secs}")
done
[ "$ratio" != - ] && echo "(vs QEMU: our wall time / QEMU's wall time, same kernel and initramfs)"

# Record and replay: the Linux boot with console input (one echoed line),
# run vs record vs replay, and the recording's size per million
# instructions.
append="console=ttyS0 panic=-1 rewind.cpus=1 rewind.echo=1"
linux_args=(--mem 256M --kernel "$linux/Image" --initrd "$linux/initramfs.cpio"
	--append "$append" --disk "$work/disk.img")
timed() { # timed CMD...: wall seconds of one run, stdin a typed line
	local t0
	t0=$(now)
	echo "typed line" | "$@" >/dev/null 2>&1
	echo "$(now) - $t0" | bc -l
}
r=() c=() p=()
for _ in $(seq "$runs"); do
	r+=("$(timed "$rewind" run "${linux_args[@]}")")
	c+=("$(timed "$rewind" record -o "$work/b.rec" --force "${linux_args[@]}")")
	p+=("$(timed "$rewind" replay "$work/b.rec")")
done
run_s=$(printf '%s\n' "${r[@]}" | median)
rec_s=$(printf '%s\n' "${c[@]}" | median)
rep_s=$(printf '%s\n' "${p[@]}" | median)
icount=$("$rewind" info "$work/b.rec" | sed -n 's/^icount=//p')
size=$(stat -c %s "$work/b.rec")
overhead=$(printf '%.1f' "$(echo "($rec_s / $run_s - 1) * 100" | bc -l)")
per_m=$(printf '%.0f' "$(echo "$size / ($icount / 1000000)" | bc -l)")
printf '%-30s %14s %10.3f\n' "linux run (with input)" "$icount" "$run_s"
printf '%-30s %14s %10.3f   overhead %s%%\n' "linux record" "$icount" "$rec_s" "$overhead"
printf '%-30s %14s %10.3f\n' "linux replay" "$icount" "$rep_s"
printf '%-30s %14s bytes, %s bytes per million instructions\n' "recording size" "$size" "$per_m"

# The same on the compute guest, whose 1.7 s make the fixed cost of
# hashing the images (about 65 ms for the Linux guest's 20 MB) vanish: the
# steady-state overhead of recording.
cr=() cc=()
for _ in $(seq "$runs"); do
	cr+=("$(timed "$rewind" run --bios none --kernel "$compute")")
	cc+=("$(timed "$rewind" record -o "$work/c.rec" --force --bios none --kernel "$compute")")
done
crun_s=$(printf '%s\n' "${cr[@]}" | median)
crec_s=$(printf '%s\n' "${cc[@]}" | median)
coverhead=$(printf '%.1f' "$(echo "($crec_s / $crun_s - 1) * 100" | bc -l)")
printf '%-30s %14s %10.3f   run %.3f, overhead %s%%\n' "compute record" "-" "$crec_s" "$crun_s" "$coverhead"
json+=("\"record\": {\"instructions\": $icount, \"run_seconds\": $run_s, \"record_seconds\": $rec_s, \"replay_seconds\": $rep_s, \"bytes\": $size, \"bytes_per_million\": $per_m, \"compute_run_seconds\": $crun_s, \"compute_record_seconds\": $crec_s}")

(
	IFS=,
	echo "{\"runs\": $runs, ${json[*]}}"
) >"$out"
echo "results: $out"
