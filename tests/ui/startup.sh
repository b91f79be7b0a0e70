#!/bin/sh
# startup.sh - what the app says when it starts: a new, empty database
# and where it lives; a database this user may only read (and the keys
# that would write are not offered); another process holding the write
# lock (the screen must not wait for it); a damaged table (the error,
# not "No members yet").
. "$(dirname "$0")/lib.sh"

# ---- a new, empty database ----
app <<'SCRIPT'
dump new
SCRIPT
expect_grep "a first start on a new database says it is new and where" \
	"^New, empty database: $DB " "$T/s/new"
app <<'SCRIPT'
dump again
SCRIPT
expect_grep "...and says so again while it is empty" "^New, empty database: $DB " "$T/s/again"
c member add "Zoë 山田" --handle zoe >/dev/null
app <<'SCRIPT'
dump used
SCRIPT
expect_true "...but not once it holds something" sh -c "! grep -q 'New, empty' '$T/s/used'"

# ---- someone who may only read ----
# Root writes anything, so as root the reader is "nobody" (setpriv).
reader_dir ro
c meeting add "Circle" --at "2025-03-06 18:00" >/dev/null
c backup "$R/ro.db"
chmod 444 "$R/ro.db"
chmod 777 "$R"         # the directory is writable: -wal and -shm could be made
mkdir -p "$R/s"; chmod 777 "$R/s"
cat >"$R/script" <<SCRIPT
dump ro-home
key 2
dump ro-members
key ?
dump ro-help
key G
dump ro-help-end
key q
key a
dump ro-a
key 5
dump ro-topics
key 3
key Enter
dump ro-meeting
sh touch "$R/waiting"; i=0; while [ ! -e "$R/written" ] && [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done
tick
dump ro-meeting-later
SCRIPT
chmod 644 "$R/script"
# meanwhile its owner adds a note, which the reader sees
(i=0; while [ ! -e "$R/waiting" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
 chmod 644 "$R/ro.db"
 "$COPSE_BIN" --db "$R/ro.db" note add 1 "Written by the owner" >/dev/null
 chmod 444 "$R/ro.db"; touch "$R/written") &
(cd "$R/s" && as_reader env COPSE_SCRIPT="$R/script" "$R/copse" --db "$R/ro.db" \
	</dev/null >"$T/out" 2>"$T/err"); rc=$?
wait
expect_true "the reader's app runs (exit 0, nothing on stderr)" sh -c "[ $rc = 0 ] && [ ! -s '$T/err' ]"
expect_grep "the reader is told at start that they may only read, and why" \
	"^Read-only for you: the file (owner" "$R/s/ro-home"
expect_true "the header says read-only" sh -c "head -1 '$R/s/ro-members' | grep -q 'read-only'"
expect_true "the hints offer no add, edit or delete" \
	sh -c "tail -1 '$R/s/ro-members' | grep -q 'Enter open' && ! tail -1 '$R/s/ro-members' | grep -q -e ' a add' -e ' e edit' -e ' d delete'"
expect_true "an empty list does not offer a to add" \
	sh -c "grep -q 'No topics yet' '$R/s/ro-topics' && ! grep -q 'press a' '$R/s/ro-topics'"
expect_true "the help lists no add, edit or delete" \
	sh -c "cat '$R/s/ro-help' '$R/s/ro-help-end' >'$R/help' && grep -q 'move down' '$R/help' && grep -q 'show the keys' '$R/help' && ! grep -q -e 'add a' -e 'edit the' -e 'delete' '$R/help'"
expect_grep "a write key says why it does nothing" "^Read-only for you" "$R/s/ro-a"
expect_true "the meeting screen offers no note line or edit" \
	sh -c "grep -q Circle '$R/s/ro-meeting' && ! tail -1 '$R/s/ro-meeting' | grep -q -e 'a note' -e 'e edit'"
expect_grep "the reader sees what the owner writes meanwhile" "Written by the owner" "$R/s/ro-meeting-later"
expect_true "the reader left no -wal or -shm" sh -c "! ls '$R' | grep -q -e -wal -e -shm"
[ -n "${UI_RECORD:-}" ] && cp "$R"/s/ro-* "$UI_RECORD/"
rm -rf "$R"

# ---- another process holds the write lock ----
# The app writes a visit and its presence at start; each waited for the
# lock (8 s) before the first screen.  It must start at once.
python3 - "$DB" "$T/locked" <<'EOF2' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
end = time.time() + 6
while time.time() < end and not os.path.exists(sys.argv[2] + ".stop"):
    time.sleep(0.05)
c.execute("ROLLBACK")
open(sys.argv[2] + ".released", "w").close()
EOF2
holder=$!
i=0; while [ ! -e "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
app <<'SCRIPT'
key 2
dump locked
SCRIPT
expect_true "the app starts while another process holds the write lock" test ! -e "$T/locked.released"
expect_grep "...and shows the data at once" "Zoë 山田" "$T/s/locked"
touch "$T/locked.stop"; wait $holder

# ---- a damaged table ----
python3 - "$DB" <<'EOF2'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'member'").fetchone()[0]
size = c.execute("PRAGMA page_size").fetchone()[0]
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\xff" * size)
EOF2
APP_STDERR_OK=1 app <<'SCRIPT'
key 2
dump damaged
SCRIPT
expect_true "a damaged table is not shown as empty" sh -c "! grep -q 'No members yet' '$T/s/damaged'"
# the list's column, its lines joined
sed -n '3,10p' "$T/s/damaged" | sed 's/│.*//; s/^ //; s/ *$//' | paste -sd' ' >"$T/damaged.text"
expect_grep "...but as the error, in the list, naming the database and the table" \
	": the database is damaged (found reading members); restore it from a backup" "$T/damaged.text"

finish
