# Compute-bound guest: guest MIPS from --stats, and the steady-state cost of
# recording it (its 500 M instructions make the fixed start-up cost of
# hashing the images vanish).
workloads+=(compute)
bench_compute() {
	local mips=() secs=() line icount
	for _ in $(seq "$runs"); do
		line=$("$rewind" run --stats --bios none --kernel "$compute" \
			2>&1 >/dev/null </dev/null | grep 'stats:')
		secs+=("$(field seconds "$line")")
		mips+=("$(field MIPS "$line")")
		icount=$(field retired "$line")
	done
	local s m rw rc rpw rpc
	s=$(med "${secs[@]}")
	m=$(med "${mips[@]}")
	repeat rw rc "$rewind" record -o "$work/c.rec" --force --bios none \
		--kernel "$compute"
	repeat rpw rpc "$rewind" replay "$work/c.rec"
	header "compute guest" "" "(wall seconds, medians of $runs)"
	row "" instructions run MIPS record replay
	row "compute" "$icount" "$s" "$m" "$rw" "$rpw"
	json_put compute "{\"instructions\": $icount, \"seconds\": $s, \"mips\": $m, \"record_seconds\": $rw, \"replay_seconds\": $rpw}"
}
