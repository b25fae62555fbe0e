# Compute-bound guest: guest MIPS from --stats, and the steady-state cost of
# recording and replaying it (its 500 M instructions make the fixed
# start-up cost of hashing the images vanish); beside the peer emulator
# recording the same ELF (-icount shift=auto,rr=record) when installed.
# A second table puts our MIPS, with and without the translation tier,
# beside the peer's exact-counting mode (-icount shift=0) and its plain
# translator: instructions over wall seconds for everyone (the peer's
# seconds include its start-up, about 0.05 s here).
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
	local pw=null pc=null ratio=-
	if command -v qemu-system-riscv64 >/dev/null; then
		repeat pw pc qemu-system-riscv64 -M virt -bios none -m 128M \
			-nographic -kernel "$compute" \
			-icount "shift=auto,rr=record,rrfile=$work/peer-c.rr"
		ratio=$(calc "$rw / $pw")
	fi
	header "compute guest" "" "(wall seconds, medians of $runs; ratio: our record / peer's)"
	row "" instructions run MIPS record replay "peer record" ratio
	row "compute" "$icount" "$s" "$m" "$rw" "$rpw" "${pw/null/-}" "$ratio"
	json_put compute "{\"instructions\": $icount, \"seconds\": $s, \"mips\": $m, \"record_seconds\": $rw, \"replay_seconds\": $rpw, \"record_cpu\": $rc, \"replay_cpu\": $rpc, \"peer_record_seconds\": $pw, \"peer_record_cpu\": $pc}"

	[ "$pw" = null ] && return
	local jw jc nw nc iw ic tw tc
	repeat jw jc "$rewind" run --bios none --kernel "$compute"
	repeat nw nc env REWIND_TUNE=no-jit "$rewind" run --bios none \
		--kernel "$compute"
	repeat iw ic qemu-system-riscv64 -M virt -bios none -m 128M \
		-nographic -kernel "$compute" -icount shift=0
	repeat tw tc qemu-system-riscv64 -M virt -bios none -m 128M \
		-nographic -kernel "$compute"
	header "compute guest, MIPS" "" "(instructions / wall seconds, medians of $runs)"
	row "" rewind no-jit "peer icount" "peer plain" "x icount"
	local mj mn mi mt
	mj=$(calc "$icount / $jw / 1000000")
	mn=$(calc "$icount / $nw / 1000000")
	mi=$(calc "$icount / $iw / 1000000")
	mt=$(calc "$icount / $tw / 1000000")
	row "compute" "$mj" "$mn" "$mi" "$mt" "$(calc "$mj / $mi")"
	json_put compute_mips "{\"rewind\": $mj, \"no_jit\": $mn, \"peer_icount\": $mi, \"peer_plain\": $mt}"
}
