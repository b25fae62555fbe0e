#!/usr/bin/env bash
# The answer of a hunt run in shards (shard.sh): the lowest failing run
# over all shards, which is the run a single `rewind record --until-fail`
# of the same hunt seed keeps. It is only known once every shard below it
# reported: a missing lower shard could hold a lower failing run.
# Usage: combine.sh OUTDIR SHARDS
# Prints "run=I seed=S status=N shard=K rec=OUTDIR/shard-K.rec" and exits 0
# for a failure; prints "pass" and exits 0 when no shard failed; exits 1
# naming the missing shards when the answer is not known yet.
set -u
out=${1:?usage: combine.sh OUTDIR SHARDS}
shards=${2:?usage: combine.sh OUTDIR SHARDS}
missing=()
for ((k = 0; k < shards; k++)); do
	f=$out/shard-$k.result
	if [ ! -s "$f" ]; then
		missing+=("$k")
		continue
	fi
	read -r line <"$f"
	case $line in
	*result=fail*)
		# Shards are in run order: the first failing one holds the
		# lowest failing run, if no shard below it is missing.
		if [ ${#missing[@]} -ne 0 ]; then
			echo "combine.sh: shard $k failed, but shards ${missing[*]} below it have no result yet" >&2
			exit 1
		fi
		run=$(sed -E 's/.* run=([0-9]+).*/\1/' <<<"$line")
		seed=$(sed -E 's/.* seed=([0-9]+).*/\1/' <<<"$line")
		status=$(sed -E 's/.* status=([0-9]+).*/\1/' <<<"$line")
		echo "run=$run seed=$seed status=$status shard=$k rec=$out/shard-$k.rec"
		exit 0
		;;
	esac
done
if [ ${#missing[@]} -ne 0 ]; then
	echo "combine.sh: shards ${missing[*]} have no result yet" >&2
	exit 1
fi
echo pass
