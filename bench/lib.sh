# Helpers shared by the workloads in bench/workloads/, sourced by run.sh.
# A workload file defines bench_NAME and appends NAME to `workloads`; it
# prints table rows with `row` and adds numbers to build/bench.json with
# `json_put`. Available: $rewind $compute $linux $race $runs $work
# (scratch).

# field NAME LINE: the number after NAME in a `--stats` line (or any line
# of "name value" pairs).
field() { sed -E "s/.* $1 (-?[0-9.]+).*/\1/" <<<" $2"; }
# median: of the numbers on stdin, one a line.
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# med VALUES...: the median of its arguments.
med() { printf '%s\n' "$@" | median; }
now() { date +%s.%N; }
# calc EXPR: bc with 3 decimals.
calc() { printf '%.3f' "$(echo "$1" | bc -l)"; }

# measure CMD...: run once with stdin from /dev/null and stdout dropped;
# sets m_wall and m_cpu (user + system seconds) and m_err (stderr). The
# shell's own timer gives milliseconds, CPU time included: a short boot's
# fraction of a second needs them to show a few percent. A run that takes
# more than BENCH_TIMEOUT seconds (default 120) is stopped and reported:
# a guest that never powers off (the peer's multi-threaded Linux boot
# once hung here) must not stall the whole bench.
measure() {
	local TIMEFORMAT='%3R %3U %3S' t
	if ! t=$({ time timeout -k 5 "${BENCH_TIMEOUT:-120}" "$@" </dev/null \
		>/dev/null 2>"$work/measure.err"; } 2>&1); then
		echo "bench: failed: $* : $(tail -2 "$work/measure.err")" >&2
	fi
	t=$(tail -1 <<<"$t")
	m_wall=$(awk '{printf "%.3f", $1}' <<<"$t")
	m_cpu=$(awk '{printf "%.3f", $2 + $3}' <<<"$t")
	m_err=$(cat "$work/measure.err")
}

# repeat VAR_WALL VAR_CPU CMD...: the medians of `runs` measurements.
repeat() {
	local -n out_wall=$1 out_cpu=$2
	shift 2
	local w=() c=()
	for _ in $(seq "$runs"); do
		measure "$@"
		w+=("$m_wall")
		c+=("$m_cpu")
	done
	out_wall=$(med "${w[@]}")
	out_cpu=$(med "${c[@]}")
}

header() { printf '\n%-28s %12s %s\n' "$1" "$2" "$3"; }
# row LABEL COLUMNS...: one line of the table.
row() {
	local label=$1
	shift
	printf '%-28s' "$label"
	printf ' %12s' "$@"
	printf '\n'
}

json=()
# json_put KEY JSON: a member of the top-level object in bench.json.
json_put() { json+=("\"$1\": $2"); }
