#!/usr/bin/env bash
# Benchmarks: guest MIPS on the compute guest (median of several runs).
# Writes a table to stdout and machine-readable results to build/bench.json.
# Usage: run.sh REWIND COMPUTE_ELF
set -eu
rewind=$1
compute=$2
runs=${BENCH_RUNS:-5}
out=$(dirname "$rewind")/bench.json

# stats FIELD LINE: the value after FIELD in a `--stats` line.
field() { sed -E "s/.* $1 ([0-9.]+).*/\1/" <<<"$2"; }

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

mips=()
secs=()
icount=
for i in $(seq "$runs"); do
	line=$("$rewind" run --stats --bios none --kernel "$compute" 2>&1 >/dev/null | grep 'stats:')
	mips+=("$(field MIPS "$line")")
	secs+=("$(field seconds "$line")")
	icount=$(field retired "$line")
done
med_mips=$(printf '%s\n' "${mips[@]}" | median)
med_secs=$(printf '%s\n' "${secs[@]}" | median)

printf '%-28s %14s %10s %10s\n' workload instructions seconds MIPS
printf '%-28s %14s %10s %10s\n' "compute (median of $runs)" "$icount" "$med_secs" "$med_mips"
printf '{"compute": {"runs": %d, "instructions": %s, "seconds": %s, "mips": %s}}\n' \
	"$runs" "$icount" "$med_secs" "$med_mips" >"$out"
echo "results: $out"
