#!/bin/sh
# run.sh all|unit|md|cli|ui - run test suites and print the totals.
#
# Protocol: every test program or script prints "ok - NAME" or
# "not ok - NAME" per test (and may print "#" diagnostics).  This script
# counts them, shows failures with their diagnostics, and ends with
# "N passed, N failed".  Exit 1 if anything failed or a program crashed.
set -u
cd "$(dirname "$0")/.." || exit 1
: "${COPSE_BIN:=$PWD/copse}" "${COPSE_BUILD:=$PWD/build}"
export COPSE_BIN COPSE_BUILD
suites=${1:-all}
[ "$suites" = all ] && suites="unit md cli ui fuzz"
out=$(mktemp -d "${TMPDIR:-/tmp}/copse-tests.XXXXXX")
trap 'rm -rf "$out"' EXIT
export COPSE_TEST_TMP="$out"
pass=0 fail=0 crashed=0

run_one() { # name, command...
	name=$1; shift
	log="$out/log"
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok - ' "$log")
	f=$(grep -c '^not ok - ' "$log")
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" -gt 0 ] || { [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; }; then
		echo "== $name (exit $rc)"
		grep -v '^ok - ' "$log" | grep -v '^[0-9]* passed, [0-9]* failed$' | head -60
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			crashed=$((crashed + 1)); fail=$((fail + 1))
		fi
	fi
	printf '%-7s %-34s %3d passed, %d failed\n' "$suite" "$name" "$p" "$f"
}

for suite in $suites; do
	case $suite in
	unit)
		for t in "$COPSE_BUILD"/tests/test_*; do
			[ -x "$t" ] || continue
			run_one "$(basename "$t")" "$t"
		done ;;
	md)
		run_one golden sh tests/md/run.sh ;;
	fuzz)
		# every corpus file through its target, without fuzzing
		for t in "$COPSE_BUILD"/tests/fuzz-replay-*; do
			[ -x "$t" ] || continue
			name=${t##*/fuzz-replay-}
			run_one "$name" "$t" "$name" "tests/fuzz/corpus/$name"
		done ;;
	cli|ui)
		for t in tests/$suite/*.sh; do
			[ -f "$t" ] || continue
			case $t in */lib.sh) continue ;; esac
			run_one "$(basename "$t" .sh)" sh "$t"
		done ;;
	esac
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
