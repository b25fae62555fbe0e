# Snapshot files of the booted Linux guest (256 MiB): save and restore
# times and sizes, full and incremental (bench/snapshot.sh does the work).
workloads+=(snapshot)
bench_snapshot() {
	local out
	out=$(RUNS=$runs bash "$here/snapshot.sh" "$rewind" "$linux")
	header "snapshots, booted Linux" "" "(medians of $runs)"
	local key val unit items=()
	while read -r key val unit; do
		row "$key" "$val" "$unit"
		items+=("\"${key#snapshot.}\": $val")
	done <<<"$out"
	local IFS=,
	json_put snapshot "{${items[*]}}"
}
