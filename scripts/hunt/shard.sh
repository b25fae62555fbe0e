#!/usr/bin/env bash
# One shard of a hunt, for any engine that runs numbered tasks (GNU
# parallel, a Slurm job array, a Kubernetes Indexed Job): shard K of size
# SIZE tries runs K*SIZE+1 .. (K+1)*SIZE of the hunt with seed SEED, and
# writes OUTDIR/shard-K.result, one line:
#   shard=K runs=A..B result=fail run=I seed=S status=N   (OUTDIR/shard-K.rec kept)
#   shard=K runs=A..B result=pass
# combine.sh then picks the lowest failing run over all shards.
# Usage: shard.sh [-r REWIND] -k K -n SIZE -s SEED -d OUTDIR -- RECORD_ARGS...
#   RECORD_ARGS: the machine, as for `rewind record` (--bios, --kernel,
#   --smp, ... and --pack so the kept recording replays anywhere).
# Exits 0 when the shard ran to its end, failure found or not (an engine
# must not retry it); rewind's status when rewind could not run it (125)
# or was stopped (130, 143).
set -u
rewind=${REWIND:-rewind}
k= size= seed= out=
usage() {
	echo "usage: shard.sh [-r REWIND] -k K -n SIZE -s SEED -d OUTDIR -- RECORD_ARGS..." >&2
	exit 125
}
while getopts 'r:k:n:s:d:' o; do
	case $o in
	r) rewind=$OPTARG ;;
	k) k=$OPTARG ;;
	n) size=$OPTARG ;;
	s) seed=$OPTARG ;;
	d) out=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
[ -n "$k" ] && [ -n "$size" ] && [ -n "$seed" ] && [ -n "$out" ] || usage
[[ $k =~ ^[0-9]+$ && $size =~ ^[1-9][0-9]*$ ]] || {
	echo "shard.sh: K must be a number from 0 and SIZE from 1 (K=$k SIZE=$size)" >&2
	exit 125
}
mkdir -p "$out" || exit 125
first=$((k * size + 1))
last=$(((k + 1) * size))
rec=$out/shard-$k.rec
log=$out/shard-$k.log
# --jobs is left to rewind: every core of the machine the shard landed on.
"$rewind" record -o "$rec" --force --hunt-seed="$seed" --runs="$first..$last" \
	"$@" </dev/null >"$out/shard-$k.out" 2>"$log"
rc=$?
line=$(sed -nE 's/^rewind: run ([0-9]+) failed with chaos seed ([0-9]+);.*/run=\1 seed=\2/p' "$log")
if [ -n "$line" ] && [ $rc -ne 130 ] && [ $rc -ne 143 ]; then
	echo "shard=$k runs=$first..$last result=fail $line status=$rc" >"$out/shard-$k.result"
	exit 0
fi
if [ $rc -eq 0 ] && grep -q '^rewind: no failure in ' "$log"; then
	echo "shard=$k runs=$first..$last result=pass" >"$out/shard-$k.result"
	exit 0
fi
# Anything else is no answer: no result file, so combine.sh sees the gap.
echo "shard.sh: shard $k (runs $first..$last) ended with status $rc: $(tail -3 "$log")" >&2
rm -f "$out/shard-$k.result"
[ $rc -eq 0 ] && rc=125
exit $rc
