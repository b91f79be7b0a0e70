#!/bin/sh
# faults.sh - faults a shared server brings: many processes at once, a
# file-size limit, a killed or slow backup, damaged tables.  Each gives
# one clear line, loses nothing and leaves nothing half-written.
. "$(dirname "$0")/lib.sh"

# ---- 16 processes open a new database at once ----
# Each migrates the new file; the schema version must be read again
# under the write lock, or all but one fail with "table meta already
# exists".
i=1
while [ $i -le 16 ]; do
	( "$COPSE_BIN" --db "$T/race.db" member list >/dev/null 2>"$T/race.err.$i"
	  echo $? >"$T/race.rc.$i" ) &
	i=$((i + 1))
done
wait
cat "$T"/race.err.* >"$T/race.err"
expect_true "16 processes starting on a new database all succeed" \
	sh -c "[ \"\$(cat '$T'/race.rc.* | sort -u)\" = 0 ]"
expect_true "...and none prints an error" test ! -s "$T/race.err"
[ -s "$T/race.err" ] && sed 's/^/# /' "$T/race.err" | sort | uniq -c | head -5
run "$COPSE_BIN" --db "$T/race.db" member add "After the race"
expect "the raced database works" 0 "1" ""

finish
