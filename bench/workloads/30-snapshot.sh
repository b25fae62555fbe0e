# Snapshot files of the booted Linux guest (256 MiB): save and restore
# times and sizes, full and incremental, with the peer's savevm and loadvm
# of the same guest beside the full snapshot (bench/snapshot.sh does the
# work). "save" is how long the machine stood still; "durable" until the
# file was synced and renamed into place (the peer's savevm stops its
# guest for all of it). Then a gdb session from the full snapshot.
workloads+=(snapshot)
bench_snapshot() {
	local n=$((runs > 10 ? runs : 10)) out
	out=$(RUNS=$n bash "$here/snapshot.sh" "$rewind" "$linux")
	local key val unit items=()
	local -A v=()
	while read -r key val unit; do
		v[$key]=$val
		items+=("\"${key#snapshot.}\": $val")
	done <<<"$out"
	header "snapshots, booted Linux" "" "(ms, min and median of $n)"
	row "" min median "peer min" "peer median"
	local what op peer
	for what in full child; do
		for op in save durable restore; do
			peer=(- -)
			[ $what = full ] && [ $op != durable ] &&
				peer=("${v[snapshot.peer.$op.min]:--}" "${v[snapshot.peer.$op.median]:--}")
			row "$what $op" "${v[snapshot.$what.$op.min]}" \
				"${v[snapshot.$what.$op.median]}" "${peer[@]}"
		done
	done
	while read -r key val unit; do
		case $key in
		*.save.* | *.durable.* | *.restore.*) ;;
		*) row "$key" "$val" "$unit" ;;
		esac
	done <<<"$out"
	local IFS=,
	json_put snapshot "{${items[*]}}"
}
