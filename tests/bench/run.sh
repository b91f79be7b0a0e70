#!/bin/sh
# tests/bench/run.sh - performance numbers for copse (make bench).  Prints timings;
# never fails on speed.
set -eu
cd "$(dirname "$0")/../.."
: "${COPSE_BIN:=$PWD/copse}" "${COPSE_BUILD:=$PWD/build}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/copse-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

ms() { date +%s%N | cut -c1-13; }

echo "== store and renderer ($COPSE_BUILD/tests/bench)"
"$COPSE_BUILD/tests/bench" "$dir"

echo "== command line"
t0=$(ms); "$COPSE_BIN" --db "$dir/demo.db" init --demo >/dev/null; t1=$(ms)
echo "init --demo                                  $((t1 - t0)) ms"
t0=$(ms); i=0; while [ $i -lt 50 ]; do "$COPSE_BIN" --db "$dir/demo.db" entry list >/dev/null; i=$((i+1)); done; t1=$(ms)
echo "entry list (process start to exit), x50      $(( (t1 - t0) / 50 )) ms each"
t0=$(ms); i=0; while [ $i -lt 50 ]; do "$COPSE_BIN" --db "$dir/demo.db" search listening >/dev/null; i=$((i+1)); done; t1=$(ms)
echo "search listening, x50                        $(( (t1 - t0) / 50 )) ms each"
t0=$(ms)
for p in 1 2 3 4 5 6 7 8; do
	( i=0; while [ $i -lt 25 ]; do "$COPSE_BIN" --db "$dir/demo.db" note add 1 "bench $p $i" >/dev/null; i=$((i+1)); done ) &
done
wait; t1=$(ms)
echo "8 writers x 25 note add, concurrently        $((t1 - t0)) ms total, $(( (t1 - t0) * 8 / 200 )) ms per note per writer"
