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

# ---- a file-size limit (ulimit -f) ----
# The kernel sends SIGXFSZ, which kills a process that does not ignore
# it, half-way through a write.  copse ignores it and reports EFBIG.
c init >/dev/null
c member add "Zoë 山田" --handle zoe >/dev/null
head -c 300000 /dev/urandom | od -An -tx1 >"$T/big.txt"
limited() { # BLOCKS CMD...: run CMD under ulimit -f BLOCKS
	_blocks=$1; shift
	sh -c 'ulimit -f "$1"; shift; exec "$@"' sh "$_blocks" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}
limited 100 "$COPSE_BIN" --db "$DB" entry add "Too big" --file "$T/big.txt"
expect "a write past the file-size limit is one line, not a signal" 1 "" \
	"copse: $DB: file size limit reached (ulimit -f); nothing was changed"
run c entry list --json
expect_json "...and nothing was written" 'd == []'
c entry add "Big" --file "$T/big.txt" >/dev/null
limited 100 "$COPSE_BIN" --db "$DB" backup "$T/limited.db"
expect "a backup past the file-size limit" 1 "" \
	"copse: $T/limited.db: file size limit reached (ulimit -f); no backup was written"
expect_true "...leaves no file behind" sh -c "! ls -a '$T' | grep -q limited"
run c backup "$T/limited.db"
expect "...and the retry without the limit works" 0 "" ""
limited 100 "$COPSE_BIN" --db "$DB" export --json "$T/limited.json"
expect "an export past the file-size limit" 1 "" \
	"copse: $T/limited.json: file size limit reached (ulimit -f)"
expect_true "...leaves no file behind" sh -c "! ls -a '$T' | grep -q 'limited.json'"

finish
