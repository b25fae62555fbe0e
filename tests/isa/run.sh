#!/usr/bin/env bash
# Run every ISA test ELF under rewind; each must exit 0 (finisher pass).
# Usage: run.sh REWIND ELF...
set -u
rewind=$1
shift
pass=0
fail=0
failed=()
for elf in "$@"; do
	timeout 60 "$rewind" run --bios none --kernel "$elf" >/dev/null 2>"$elf.stderr"
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed+=("$elf (exit $rc: $(head -c 300 "$elf.stderr"))")
	fi
done
for f in "${failed[@]+"${failed[@]}"}"; do
	echo "FAIL $f"
done
echo "isa: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
