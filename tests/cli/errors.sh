#!/bin/sh
# errors.sh - failures a user can act on: each one clear line on stderr,
# exit 1, and the data left exactly as it was.
. "$(dirname "$0")/lib.sh"

c init --name Errors >/dev/null
c member add "Zoë 山田" --handle zoe >/dev/null
c meeting add "Circle" --at "2024-05-02 18:00" >/dev/null

# ---- not a database ----
printf 'just some notes\nnot a database at all\n' >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
run "$COPSE_BIN" --db "$T/notes.txt" member list
expect "a text file is not a database" 1 "" \
	"copse: $T/notes.txt: not a copse database (file is not SQLite or is damaged)"
run "$COPSE_BIN" --db "$T/notes.txt" member add X
expect_exit "writing to a text file fails too" 1
expect_true "the text file is left byte-for-byte untouched" cmp "$T/notes.txt" "$T/notes.orig"
expect_true "no -wal/-shm files were left beside it" sh -c "! ls '$T'/notes.txt-* 2>/dev/null | grep -q ."
head -c 8192 /dev/urandom >"$T/random.bin"
cp "$T/random.bin" "$T/random.orig"
run "$COPSE_BIN" --db "$T/random.bin" init
expect_exit "random bytes are not a database" 1
expect_true "the random file is untouched" cmp "$T/random.bin" "$T/random.orig"
python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE photos(id, path)"); c.commit()
' "$T/other.db"
cp "$T/other.db" "$T/other.orig"
run "$COPSE_BIN" --db "$T/other.db" member add X
expect "another program's SQLite file is refused" 1 "" \
	"copse: $T/other.db: not a copse database (an SQLite file with other tables)"
expect_true "the other SQLite file is untouched" cmp "$T/other.db" "$T/other.orig"
cp "$DB" "$T/newer.db"
# the schema this copse writes (every migration raises it)
known=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$DB")
python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=DELETE"); c.execute("PRAGMA user_version=99"); c.commit()
' "$T/newer.db"
cp "$T/newer.db" "$T/newer.orig"
run "$COPSE_BIN" --db "$T/newer.db" member list
expect "a newer schema is refused" 1 "" \
	"copse: $T/newer.db: database schema version 99 is newer than this copse understands ($known); upgrade copse"
expect_true "the newer database is untouched" cmp "$T/newer.db" "$T/newer.orig"

# ---- unknown ids and handles ----
run c member show ghost
expect "unknown handle" 1 "" "copse: member ghost: no such member"
run c meeting show 7
expect "unknown meeting" 1 "" "copse: meeting 7: no such meeting"
run c attend 7 zoe
expect "attend: unknown meeting" 1 "" "copse: meeting 7: no such meeting"
run c entry edit 3 --title x
expect "unknown entry" 1 "" "copse: entry 3: no such entry"
run c meeting edit 1 --at "2024-02-30 10:00"
expect "bad date" 1 "" "copse: --at '2024-02-30 10:00': not a date and time (use \"YYYY-MM-DD HH:MM\")"

# ---- output that cannot be written ----
if [ -c /dev/full ]; then
	run c export --json /dev/full
	expect "export to a full device" 1 "" "copse: /dev/full: No space left on device"
	expect_true "a device is written in place, never replaced" test -c /dev/full
	"$COPSE_BIN" --db "$DB" member list >/dev/full 2>"$T/err"; rc=$?
	expect "stdout on a full device" 1 "*" "copse: writing output: No space left on device"
else
	skip "export to a full device" "no /dev/full"
	skip "a device is written in place, never replaced" "no /dev/full"
	skip "stdout on a full device" "no /dev/full"
fi
run c member show "$(printf 'zo\033]52;c;AAAA\007e')"
expect "escape sequences in error messages are made visible" 1 "" \
	"copse: member zo^[]52;c;AAAA^Ge: no such member"

# ---- permissions: run as an unprivileged user when we are root ----
# Root ignores file modes, so as root the checks run through setpriv(1)
# as "nobody" on a copy in a world-readable directory.
P=$(mktemp -d "${TMPDIR:-/tmp}/copse-perm.XXXXXX")
chmod 755 "$P"
as_user() { "$@"; }
can_drop=1
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups "$COPSE_BIN" --version >/dev/null 2>&1; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	else
		can_drop=0
	fi
fi
if [ $can_drop = 1 ]; then
	c backup "$P/ro.db"
	chmod 444 "$P/ro.db"
	cp "$P/ro.db" "$P/ro.orig"
	run as_user "$COPSE_BIN" --db "$P/ro.db" member add Nobody
	expect "read-only database file: the file, its owner and mode, and the fix" 1 "" \
		"copse: $P/ro.db: read-only for you: the file (owner $ME, group $(id -gn), mode 0444) is not writable for you; its owner may share it with a group: copse init --group"
	expect_true "the read-only file is unchanged" cmp "$P/ro.db" "$P/ro.orig"
	c backup "$P/none.db"
	chmod 000 "$P/none.db"
	run as_user "$COPSE_BIN" --db "$P/none.db" member list
	expect "no permission to open the database" 1 "" \
		"copse: $P/none.db: permission denied: the file (owner $ME, group $(id -gn), mode 0000) is not readable for you; its owner may share it with a group: copse init --group"
	mkdir "$P/locked-dir"
	chmod 555 "$P/locked-dir"
	run as_user "$COPSE_BIN" --db "$P/locked-dir/new.db" member list
	expect_exit "cannot create a database in a read-only directory" 1
	expect_true "...with a one-line copse: message" sh -c "[ \$(wc -l <'$T/err') = 1 ] && grep -q '^copse: $P/locked-dir/new.db: ' '$T/err'"
else
	skip "read-only database file: the file, its owner and mode, and the fix" "root without setpriv"
	skip "the read-only file is unchanged" "root without setpriv"
	skip "no permission to open the database" "root without setpriv"
	skip "cannot create a database in a read-only directory" "root without setpriv"
	skip "...with a one-line copse: message" "root without setpriv"
fi
chmod -R u+rwX "$P"; rm -rf "$P"

# ---- locked past the timeout ----
python3 - "$DB" "$T/locked" <<'EOF' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(4)
c.execute("ROLLBACK")
EOF
holder=$!
i=0; while [ ! -e "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
start=$(date +%s)
run env COPSE_BUSY_TIMEOUT=300 "$COPSE_BIN" --db "$DB" note add 1 "while locked"
end=$(date +%s)
expect "a write past the busy timeout" 1 "" "copse: $DB: database is locked by another process; try again"
expect_true "it gave up after the short timeout" test $((end - start)) -le 2
run env COPSE_BUSY_TIMEOUT=300 "$COPSE_BIN" --db "$DB" member list --json
expect_json "reading still works while another process writes" 'len(d) == 1'
wait $holder
run c meeting show 1 --json
expect_json "the refused note was not written" 'd["notes"] == []'

# ---- disk full ----
# A real full disk: a tiny tmpfs in a private mount namespace (needs
# unshare and CAP_SYS_ADMIN).  Else a file-size limit (SIGXFSZ ignored),
# which SQLite reports as an I/O error.
cat >"$T/full.sh" <<'EOF'
set -u
M=$1 BIN=$2
mount -t tmpfs -o size=512k tmpfs "$M" || exit 99
"$BIN" --db "$M/c.db" init --name Full >/dev/null || exit 98
"$BIN" --db "$M/c.db" member add "Before" >/dev/null || exit 97
# leave ~96k free: room for the -shm file, not for the big entry
dd if=/dev/zero of="$M/room" bs=4k count=24 2>/dev/null
dd if=/dev/zero of="$M/filler" bs=4k 2>/dev/null
rm -f "$M/room"
head -c 20000 /dev/urandom | od -An -tx1 >"$M/big.txt" 2>/dev/null
"$BIN" --db "$M/c.db" entry add "Too big" --file "$M/big.txt" >"$M/../full.out" 2>"$M/../full.err"
echo $? >"$M/../full.rc"
rm -f "$M/filler" "$M/big.txt"
"$BIN" --db "$M/c.db" member list --json >"$M/../full.after" 2>&1
"$BIN" --db "$M/c.db" entry list --json >>"$M/../full.after" 2>&1
EOF
mkdir -p "$T/mnt"
if command -v unshare >/dev/null 2>&1 && unshare -m sh "$T/full.sh" "$T/mnt" "$COPSE_BIN" 2>/dev/null; then
	rc=$(cat "$T/full.rc")
	cp "$T/full.out" "$T/out"; cp "$T/full.err" "$T/err"
	expect "disk full" 1 "" "copse: $T/mnt/c.db: disk is full; nothing was changed"
	expect_true "after a full disk the data is intact" python3 -c '
import json, sys
t = open(sys.argv[1]).read()
members, entries = t.split("\n]\n", 1)
assert [m["name"] for m in json.loads(members + "\n]")] == ["Before"], members
assert json.loads(entries) == [], entries
' "$T/full.after"
else
	sz=$(wc -c <"$DB")
	head -c 300000 /dev/urandom | od -An -tx1 >"$T/big.txt"
	(trap '' XFSZ; ulimit -f $((sz / 1024 + 16)); "$COPSE_BIN" --db "$DB" entry add "Too big" --file "$T/big.txt" >"$T/out" 2>"$T/err"; echo $? >"$T/full.rc")
	rc=$(cat "$T/full.rc")
	expect_exit "file size limit reached" 1
	expect_true "...one copse: line" sh -c "[ \$(wc -l <'$T/err') = 1 ] && grep -q '^copse: ' '$T/err'"
	run c entry list --json
	expect_json "...and nothing was written" 'd == []'
fi

finish
