#!/bin/sh
# run.sh - make check-fuzz: run each libFuzzer target for FUZZ_SECONDS
# over its seeds.  Usage: run.sh TARGET... (the targets are in $FUZZ_DIR).
#
# What a target finds that is new goes to $FUZZ_DIR/work/TARGET (the
# seeds in the source tree are only read, and csv-spectrum's files are
# read where they are).  A crash or a broken invariant leaves its input
# in $FUZZ_DIR/artifacts/TARGET/ and fails the run, naming that file.
# The totals go to $FUZZ_DIR/fuzz-suite.log as "# PASS: N" / "# FAIL: N".
set -u

seconds=${FUZZ_SECONDS:-20}
dir=${FUZZ_DIR:?}
corpus=${FUZZ_CORPUS:?}
spectrum=${SHARED_DATA:-/nonexistent}/csv-spectrum/csvs
log=$dir/fuzz-suite.log

# The pinned environment of the other tests: messages in English, the
# clock and time zone fixed, so that a finding reproduces.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= TZ=Asia/Shanghai
export MEMBERDESK_NOW='2026-03-15 12:00:00'
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset XDG_DATA_HOME

passed=0
failed=0

# fuzz TARGET [SEED-DIR]...
fuzz() {
	t=$1
	shift
	work=$dir/work/$t
	art=$dir/artifacts/$t
	out=$dir/work/$t.log
	mkdir -p "$work" "$art" || exit 1
	rm -f "$art"/*
	if "$dir/$t" -max_total_time="$seconds" -timeout=60 \
		-print_final_stats=1 -artifact_prefix="$art/" \
		"$work" "$corpus/$t" "$@" >"$out" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out")
		echo "PASS: $t (${runs:-?} inputs in ${seconds}s)"
		passed=$((passed + 1))
		return
	fi
	echo "FAIL: $t; from its output ($out):"
	# What broke, and the first frames of where.
	sed -n '/invariant broken\|ERROR: \|runtime error/,$p' "$out" |
		grep -v 'in fuzzer::\|in __libc_start\|in _start\|in main ' |
		head -n 24 | sed 's/^/    /'
	grep '^Base64:' "$out" | head -n 1 | sed 's/^/    input as /'
	found=
	for f in "$art"/*; do
		[ -f "$f" ] || continue
		echo "FAIL: $t: reproducer $f (replay: $dir/$t $f)"
		found=1
	done
	[ -n "$found" ] || echo "FAIL: $t: no reproducer was written"
	failed=$((failed + 1))
}

for t in "$@"; do
	if [ "$t" = fuzz_csv ] && [ -d "$spectrum" ]; then
		fuzz "$t" "$spectrum"
	else
		fuzz "$t"
	fi
done
printf '# PASS: %d\n# FAIL: %d\n' "$passed" "$failed" >"$log"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
