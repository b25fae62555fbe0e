# Reverse execution through the gdb stub on a Linux boot recording
# (bench/reverse.py talks the protocol itself, so no client overhead):
# forward replay with checkpoints, the cost of one checkpoint, reverse-stepi
# latency at the end of the recording, and one reverse-continue across the
# whole boot.
workloads+=(reverse)
bench_reverse() {
	truncate -s 16M "$work/rdisk.img"
	"$rewind" record -o "$work/rev.rec" --force --mem 256M --smp 1 \
		--kernel "$linux/Image" --initrd "$linux/initramfs.cpio" \
		--disk "$work/rdisk.img" \
		--append "console=ttyS0 panic=-1 rewind.cpus=1" \
		</dev/null >/dev/null 2>&1
	local i port pid keys=() vals=() all=()
	for i in $(seq "$runs"); do
		"$rewind" replay "$work/rev.rec" --gdb 127.0.0.1:0 \
			</dev/null >/dev/null 2>"$work/rev.err" &
		pid=$!
		port=
		while [ -z "$port" ] && kill -0 "$pid" 2>/dev/null; do
			sleep 0.05
			port=$(sed -nE 's/.*on port ([0-9]+).*/\1/p' "$work/rev.err")
		done
		python3 "$here/reverse.py" "$port" 30 >"$work/rev.$i" || true
		wait "$pid"
	done
	header "reverse execution, Linux boot" "" "(medians of $runs)"
	local key
	for key in replay-with-checkpoints checkpoint-cost \
		reverse-stepi-median reverse-continue-whole-run; do
		local v=() unit
		for i in $(seq "$runs"); do
			v+=("$(awk -v k="$key" '$1 == k {print $2}' "$work/rev.$i")")
			unit=$(awk -v k="$key" '$1 == k {print $3}' "$work/rev.$i")
		done
		local m
		m=$(med "${v[@]}")
		row "$key" "$m" "$unit"
		all+=("\"$key\": $m")
	done
	local IFS=,
	json_put reverse "{${all[*]}}"
}
