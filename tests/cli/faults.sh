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

# ---- a writer holds a database that is not in WAL mode yet ----
# Switching to WAL needs every other lock gone, and SQLite says "busy"
# at once there rather than waiting (one of 16 processes starting on a
# new database failed so, about one run in 50): copse waits, as it
# waits for any writer.
"$COPSE_BIN" --db "$T/rollback.db" init >/dev/null
python3 - "$T/rollback.db" "$T/writing0" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = DELETE")
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE meta SET value = value")
open(sys.argv[2], "w").close()
time.sleep(1.5)
c.execute("COMMIT")
PY
reader=$!
i=0; while [ ! -e "$T/writing0" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
run "$COPSE_BIN" --db "$T/rollback.db" member list
wait $reader
expect "opening waits for a writer to finish before it turns WAL on" 0 "no members" ""
run python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode").fetchone()[0])' "$T/rollback.db"
expect "...and the database is in WAL mode after" 0 "wal" ""

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
c export --json "$T/full.json"
"$COPSE_BIN" --db "$T/import.db" init >/dev/null
limited 700 "$COPSE_BIN" --db "$T/import.db" import --json "$T/full.json"
expect "an import past the file-size limit names the database, not the record" 1 "" \
	"copse: $T/import.db: file size limit reached (ulimit -f); nothing was changed"
run "$COPSE_BIN" --db "$T/import.db" entry list --json
expect_json "...and imported nothing" 'd == []'

# ---- backup of a big database while another process keeps writing ----
# A backup copied in steps restarted at every commit of another process,
# and never finished; it now copies one snapshot under a read
# transaction while the writer goes on (WAL).
BIG="$T/big.db"
"$COPSE_BIN" --db "$BIG" init >/dev/null
python3 - "$BIG" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("BEGIN")
for i in range(10000):
    c.execute("INSERT INTO activity(at, login, verb, object, summary)"
              " VALUES ('2024-01-01T00:00:00Z', 'filler', 'noted', 'member', ?)",
              ("x" * 4000 + str(i),))
c.commit()
PY
cat >"$T/writer.py" <<'PY'
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
open(sys.argv[2], "w").close()
n = 0
while not os.path.exists(sys.argv[2] + ".stop") and n < 5000000:
    c.execute("INSERT INTO activity(at, login, verb, object, summary)"
              " VALUES ('2024-01-01T00:00:00Z', 'writer', 'noted', 'member', 'x')")
    n += 1
print(n)
PY
python3 "$T/writer.py" "$BIG" "$T/writing" >"$T/writes" &
writer=$!
i=0; while [ ! -e "$T/writing" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
run timeout 60 "$COPSE_BIN" --db "$BIG" backup "$T/busy-backup.db"
expect "a backup of a big database finishes while another process writes" 0 "" ""
sound() { # FILE: a complete SQLite database with the filler rows
	python3 -c '
import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert c.execute("SELECT count(*) FROM activity WHERE login = ?", ("filler",)).fetchone()[0] == 10000
' "$1"
}
expect_true "...and the backup is sound and complete" sound "$T/busy-backup.db"

# ---- a backup killed half-way ----
# It must not leave a file that blocks the retry: the copy is written
# to a temporary file and named at the end.
"$COPSE_BIN" --db "$BIG" backup "$T/killed.db" 2>/dev/null &
bk=$!
i=0; while ! ls -a "$T" | grep -q killed && [ $i -lt 2000 ]; do i=$((i + 1)); done
kill -9 $bk 2>/dev/null; wait $bk 2>/dev/null
if [ -e "$T/killed.db" ]; then
	# killed too late to matter: then it must be whole
	expect_true "a killed backup leaves no partial file at its name" sound "$T/killed.db"
	skip "...and the retry works" "the backup had finished before the kill"
else
	expect_true "a killed backup leaves no partial file at its name" true
	run "$COPSE_BIN" --db "$BIG" backup "$T/killed.db"
	expect "...and the retry works" 0 "" ""
fi
touch "$T/writing.stop"
wait $writer
expect_true "the writer was never stopped by the backups" test "$(cat "$T/writes")" -gt 100

finish
