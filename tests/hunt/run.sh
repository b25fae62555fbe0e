#!/usr/bin/env bash
# Hunts (replay/hunt.c, docs/hunt.md): the same hunt seed finds the same
# failing run and seed every time, whatever --jobs; a --runs shard finds
# it when it holds it and nothing when it does not; the kept recording
# replays and fails the same way; bad values are refused with 125; a
# signal stops every try and leaves no part file; and the recipes of
# scripts/hunt (GNU parallel here and over "ssh", the Slurm array task and
# the Kubernetes pod command) find the same failure as one process.
# Usage: run.sh REWIND RACE_ELF COMPUTE_ELF
set -u
rewind=$(realpath "$1")
race=$(realpath "$2")
compute=$(realpath "$3")
# The compute guest stands for a long run (a signal during it, a progress
# line): under the sanitizers only the interpreter is slow enough for the
# sleeps and delays below; translated code runs it in about a second.
export REWIND_TUNE=no-jit
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scripts=$here/../../scripts/hunt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
for t in parallel rsync python3; do
	command -v $t >/dev/null || {
		echo "FAIL: $t is not installed (make deps installs it)"
		exit 1
	}
done
machine=(--bios none --smp 2 --kernel "$race")

# hunt NAME ARGS...: record -o $work/NAME.rec with the race guest; sets
# rc, and run/seed from "run I failed with chaos seed S" (empty if none).
hunt() {
	local name=$1
	shift
	"$rewind" record -o "$work/$name.rec" "${machine[@]}" "$@" \
		>"$work/$name.out" 2>"$work/$name.err" </dev/null
	rc=$?
	run=$(sed -nE 's/^rewind: run ([0-9]+) failed with chaos seed ([0-9]+);.*/\1/p' "$work/$name.err")
	seed=$(sed -nE 's/^rewind: run ([0-9]+) failed with chaos seed ([0-9]+);.*/\2/p' "$work/$name.err")
}

# A hunt seed whose first failure is not run 1, so that a shard below it
# exists (about 12% of schedules fail: the first seed nearly always does).
F= S= H=
for h in 42 43 44 45 46 47 48 49; do
	hunt first --until-fail=200 --hunt-seed=$h --jobs=2
	if [ $rc -eq 7 ] && [ -n "$run" ] && [ "$run" -gt 1 ]; then
		F=$run S=$seed H=$h
		break
	fi
done
check "[ -n '$F' ]" "no hunt seed of 42..49 failed after run 1: $(tail -3 "$work/first.err")"
F=${F:-1} S=${S:-0} H=${H:-42}
check "grep -qx 'rewind: hunt seed $H; runs 1..200, 2 at once' '$work/first.err'" \
	"the hunt does not say its seed and runs: $(head -2 "$work/first.err")"
check "grep -qx 'rewind: this run again: --hunt-seed=$H --runs=$F..$F' '$work/first.err'" \
	"the hunt does not say how to run the failing run again"
# Only the kept run's console output is shown.
check "[ \$(grep -c '^race:' '$work/first.out') -eq 1 ] && grep -q '^race: lost update' '$work/first.out'" \
	"the hunt's stdout is not the failing run's alone: $(head -3 "$work/first.out")"

# The same hunt seed again: the same run and seed, with 2 jobs, 1 job and
# the default (every core).
for j in --jobs=2 --jobs=1 ""; do
	hunt again --force --until-fail=200 --hunt-seed=$H $j
	check "[ $rc -eq 7 ] && [ '$run' = '$F' ] && [ '$seed' = '$S' ]" \
		"hunt seed $H ${j:-(default jobs)}: exit $rc, run '$run' seed '$seed', not run $F seed $S"
done
# More hunt seeds: one try at a time and four at once keep the same run
# (with four, higher runs often fail first and lower ones must finish).
for h in 1 2 3 4 5 6; do
	hunt j1 --force --until-fail=200 --hunt-seed=$h --jobs=1
	a="$rc $run $seed"
	hunt j4 --force --until-fail=200 --hunt-seed=$h --jobs=4
	b="$rc $run $seed"
	check "[ '$a' = '$b' ] && [ -n '$run' ]" "hunt seed $h: --jobs=1 gives '$a', --jobs=4 '$b'"
done
# A hunt seed drawn from the host is printed.
hunt drawn --until-fail=3 --jobs=1
check "grep -qE '^rewind: hunt seed [0-9]+ \(drawn from the host\); runs 1..3, 1 at once$' '$work/drawn.err'" \
	"a drawn hunt seed is not printed: $(head -2 "$work/drawn.err")"

# The kept recording: its chaos seed, and it replays failing the same way.
check "[ \"\$('$rewind' info '$work/first.rec' | sed -n 's/^chaos-seed=//p')\" = '$S' ]" \
	"the recording's chaos seed is not $S"
"$rewind" replay "$work/first.rec" --verify >"$work/replay.out" 2>"$work/replay.err" </dev/null
rc=$?
check "[ $rc -eq 7 ] && [ \"\$(grep '^race:' '$work/replay.out')\" = \"\$(grep '^race:' '$work/first.out')\" ]" \
	"the kept run replays with exit $rc: $(tail -2 "$work/replay.err")"
# One run by its seed, as a plain chaos recording, is the same run.
"$rewind" record -o "$work/one.rec" "${machine[@]}" --chaos="$S" >"$work/one.out" 2>/dev/null </dev/null
rc=$?
check "[ $rc -eq 7 ] && cmp -s '$work/one.out' '$work/first.out'" \
	"--chaos=$S alone: exit $rc, $(cat "$work/one.out")"

# Shards: one that holds run F finds it, one below it finds nothing.
hunt shard_in --runs=$F..$((F + 3)) --hunt-seed=$H --jobs=2
check "[ $rc -eq 7 ] && [ '$run' = '$F' ] && [ '$seed' = '$S' ]" \
	"--runs=$F..$((F + 3)): exit $rc, run '$run', not $F"
hunt shard_one --runs=$F..$F --hunt-seed=$H
check "[ $rc -eq 7 ] && [ '$run' = '$F' ] && [ '$seed' = '$S' ]" \
	"--runs=$F..$F: exit $rc, run '$run', not $F"
hunt shard_below --runs=1..$((F - 1)) --hunt-seed=$H --jobs=2
check "[ $rc -eq 0 ] && [ -z '$run' ] && [ ! -e '$work/shard_below.rec' ] && grep -qxE 'rewind: no failure in $((F - 1)) runs? \(1\.\.$((F - 1)), hunt seed $H\)' '$work/shard_below.err'" \
	"--runs=1..$((F - 1)): exit $rc: $(tail -2 "$work/shard_below.err")"
check "[ ! -s '$work/shard_below.out' ]" "a hunt without failure printed console output"
check "grep -qE '^rewind: hunt: $((F - 1)) runs? in [0-9.]+ s, [0-9.]+ runs/s$' '$work/shard_below.err'" \
	"no hunt summary: $(tail -2 "$work/shard_below.err")"

# Bad values: 125, a clear message, no recording.
bad_value() {
	local want=$1
	shift
	"$rewind" record -o "$work/bad.rec" "${machine[@]}" "$@" \
		>/dev/null 2>"$work/bad.err" </dev/null
	local rc=$?
	check "[ $rc -eq 125 ] && grep -qE -- \"$want\" '$work/bad.err' && [ ! -e '$work/bad.rec' ]" \
		"$*: exit $rc, $(cat "$work/bad.err")"
}
bad_value "bad --runs '0..3': give A..B" --runs=0..3
bad_value "bad --runs '5..3'" --runs=5..3
bad_value "bad --runs 'abc'" --runs=abc
bad_value "bad --runs '1..x'" --runs=1..x
bad_value "--runs needs A..B" --runs
bad_value "bad --jobs '0': give the number of tries at once, 1 to 1024" --until-fail --jobs=0
bad_value "bad --jobs 'two'" --until-fail --jobs=two
bad_value "bad --jobs '5000'" --until-fail --jobs=5000
bad_value "bad --hunt-seed 'x': give a number" --until-fail --hunt-seed=x
bad_value "bad --hunt-seed '-1'" --until-fail --hunt-seed=-1
bad_value "--hunt-seed and --jobs are for a hunt: add --until-fail or --runs" --jobs=2
bad_value "--hunt-seed and --jobs are for a hunt" --hunt-seed=3
bad_value "not with --until-fail=MAX_RUNS" --until-fail=5 --runs=1..2
bad_value "use --hunt-seed=S, not --chaos=SEED" --runs=1..2 --chaos=5
bad_value "not with --until-fail, --runs" --runs=1..2 --gdb 0

# A recording that cannot be written: rewind's error, said once, 125.
"$rewind" record -o "$work/no/such/dir.rec" "${machine[@]}" --until-fail=3 \
	>/dev/null 2>"$work/nodir.err" </dev/null
rc=$?
check "[ $rc -eq 125 ] && [ \$(grep -c 'No such file or directory' '$work/nodir.err') -eq 1 ]" \
	"an unwritable REC: exit $rc, $(cat "$work/nodir.err")"

# SIGTERM and SIGINT to the hunt alone: it stops every try, keeps the
# lowest run in flight (closed cleanly: it replays) and exits 143 / 130.
for sig in TERM INT; do
	want=143
	[ $sig = INT ] && want=130
	"$rewind" record -o "$work/sig.rec" --force --bios none --smp 2 \
		--kernel "$compute" --until-fail=8 --hunt-seed=1 --jobs=2 \
		>/dev/null 2>"$work/sig.err" </dev/null &
	pid=$!
	for _ in $(seq 100); do
		[ "$(ls "$work"/sig.rec.run*.part 2>/dev/null | wc -l)" -ge 2 ] && break
		sleep 0.05
	done
	sleep 0.3
	kill -$sig $pid
	wait $pid
	rc=$?
	check "[ $rc -eq $want ] && grep -q 'the hunt was interrupted in run 1 ' '$work/sig.err'" \
		"SIG$sig: exit $rc, $(tail -2 "$work/sig.err")"
	check "[ -z \"\$(ls '$work' | grep part)\" ]" "SIG$sig left part files: $(ls "$work" | grep part)"
	check "! pgrep -P $pid >/dev/null" "SIG$sig left tries running"
	"$rewind" replay "$work/sig.rec" --verify >/dev/null 2>"$work/sigr.err" </dev/null
	rc=$?
	check "[ $rc -eq 0 ] && grep -q 'interrupted by SIG$sig' '$work/sigr.err'" \
		"the interrupted run's recording replays with $rc: $(tail -2 "$work/sigr.err")"
done

# The progress line, on a terminal only.
script -qec "'$rewind' record -o '$work/tty.rec' --bios none --smp 2 --kernel '$compute' --limit 200000000 --until-fail=4 --hunt-seed=1 --jobs=2 </dev/null >/dev/null" \
	/dev/null >"$work/tty.out" 2>&1
check "grep -qaE 'hunt: [0-9]+ of 4 runs, [0-9.]+ runs/s, [0-9]+ failing' '$work/tty.out'" \
	"no progress line on a terminal: $(tr '\r' '\n' <"$work/tty.out" | head -5)"
check "! grep -q 'failing' '$work/first.err'" "a progress line off a terminal"

# No part file was left by any hunt above.
check "[ -z \"\$(ls '$work' | grep part)\" ]" "part files left: $(ls "$work" | grep part)"

# The recipes of scripts/hunt, each against the one-process answer.
expect_answer() { # NAME: combine.sh's output in $work/NAME.answer
	local line
	line=$(cat "$work/$1.answer")
	check "grep -qE '^run=$F seed=$S status=7 shard=[0-9]+ rec=' <<<\"\$line\"" \
		"$1: '$line', not run $F seed $S ($(cat "$work/$1.err" 2>/dev/null | tail -3))"
}
size=5
shards=$((F / size + 2))
cd "$work" || exit 1
"$scripts/parallel.sh" -r "$rewind" -j 2 -n $shards -z $size -s $H -d par \
	-- --jobs=1 "${machine[@]}" >par.answer 2>par.err
expect_answer par
rec=$(sed -nE 's/.* rec=(.*)/\1/p' par.answer)
"$rewind" replay "$rec" --verify >/dev/null 2>/dev/null </dev/null
rc=$?
check "[ $rc -eq 7 ]" "the parallel recipe's recording replays with $rc"
# A missing lower shard: combine.sh does not answer.
k=$((F / size))
if [ $k -gt 0 ]; then
	rm par/shard-0.result
	scripts_out=$("$scripts/combine.sh" par $shards 2>&1)
	rc=$?
	check "[ $rc -eq 1 ] && grep -q 'shards 0 below it have no result yet' <<<\"\$scripts_out\"" \
		"combine.sh with shard 0 missing: $rc $scripts_out"
fi

# Over "ssh": hosts that are directories (tests/hunt/fake-ssh); rewind,
# shard.sh and the kernel copied there by parallel, the results copied
# back, recorded with --pack so they replay here without the kernel.
mkdir -p hosts ship
cp "$rewind" ship/rewind
cp "$race" ship/race.elf
(cd ship && FAKE_SSH_ROOT=$work/hosts PARALLEL_SSH=$here/fake-ssh \
	"$scripts/parallel.sh" -r ./rewind -S 1/hosta,1/hostb -b race.elf \
	-n $shards -z $size -s $H -d ssh -- --jobs=1 --pack --bios none \
	--smp 2 --kernel race.elf >../ssh.answer 2>../ssh.err)
expect_answer ssh
check "[ -d hosts/hosta ] && [ -d hosts/hostb ]" "the ssh recipe used no host"
rec=$(sed -nE 's/.* rec=(.*)/\1/p' ssh.answer)
mkdir -p elsewhere && mv ship/race.elf elsewhere/ &&
	cp "ship/$rec" elsewhere/failing.rec
(cd elsewhere && "$rewind" replay failing.rec --verify >/dev/null 2>../ssh-replay.err </dev/null)
rc=$?
check "[ $rc -eq 7 ]" "the packed recording from a host replays with $rc: $(tail -2 ssh-replay.err)"

# Slurm: the array task script, run as Slurm would for each task id.
for f in slurm.sbatch slurm-submit.sh shard.sh combine.sh parallel.sh; do
	check "bash -n '$scripts/$f'" "bash -n $f"
done
for ((k = 0; k < shards; k++)); do
	SLURM_ARRAY_TASK_ID=$k SLURM_CPUS_PER_TASK=2 SLURM_SUBMIT_DIR=$work \
		HUNT_SEED=$H SHARD_SIZE=$size HUNT_DIR=$work/slurm \
		HUNT_SCRIPTS=$scripts REWIND=$rewind \
		bash "$scripts/slurm.sbatch" "${machine[@]}" 2>>slurm.err
done
"$scripts/combine.sh" slurm $shards >slurm.answer 2>>slurm.err
expect_answer slurm

# Kubernetes: the Indexed Job's manifest, and its pod command run for each
# completion index with the manifest's environment (paths made local).
python3 - "$scripts/k8s-job.yaml" >k8s.cmd 2>k8s.err <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
assert job["kind"] == "Job" and job["apiVersion"] == "batch/v1"
spec = job["spec"]
assert spec["completionMode"] == "Indexed" and spec["completions"] >= 1
c = spec["template"]["spec"]["containers"][0]
assert c["command"][:2] == ["bash", "-c"], c["command"]
assert "$JOB_COMPLETION_INDEX" in c["command"][2]
assert {e["name"] for e in c["env"]} >= {"HUNT_SEED", "SHARD_SIZE", "HUNT_DIR", "REWIND", "HUNT_SCRIPTS", "HUNT_MACHINE", "HUNT_JOBS"}
mounts = {m["mountPath"] for m in c["volumeMounts"]}
assert any(e["name"] == "HUNT_DIR" and e["value"] in mounts for e in c["env"])
print(c["command"][2])
PY
check "[ \$? -eq 0 ] && [ -s k8s.cmd ]" "k8s-job.yaml: $(cat k8s.err)"
check "bash -n k8s.cmd" "the pod command is not valid bash"
for ((k = 0; k < shards; k++)); do
	JOB_COMPLETION_INDEX=$k HUNT_SEED=$H SHARD_SIZE=$size HUNT_DIR=$work/k8s \
		HUNT_SCRIPTS=$scripts REWIND=$rewind HUNT_JOBS=2 \
		HUNT_MACHINE="--bios none --smp 2 --kernel $race" \
		bash k8s.cmd 2>>k8s.err
done
"$scripts/combine.sh" k8s $shards >k8s.answer 2>>k8s.err
expect_answer k8s
cd - >/dev/null || exit 1

[ $fail -ne 0 ] && cp -r "$work" /tmp/rewind-hunt-test && echo "(work kept in /tmp/rewind-hunt-test)"
echo "hunt tests: $pass passed, $fail failed"
[ $fail -eq 0 ]
