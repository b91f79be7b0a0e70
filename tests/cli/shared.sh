#!/bin/sh
# shared.sh - a database a Unix group shares on one server, tried with
# real users: `copse init --group`, members with umask 077, someone who
# may only read, a read-only directory, leftovers that lock the owner
# out.  Needs root (to make the users; they are kept for later runs:
# copse-ta and copse-tb in group copse-test, copse-tc outside it);
# skipped otherwise.
. "$(dirname "$0")/lib.sh"

NAMES="init --group as the coordinator with umask 077
...says it is shared
the directory is the group's, group-writable and setgid
the database is the group's and 0660
a second member with umask 077 writes
...and the coordinator still writes after them
-wal and -shm are the group's and 0660 while in use
someone outside the group is told which directory keeps them out
...also through a symbolic link (not a missing file)
init --group for a group one is not in
init --group for no such group
init --group in a directory everybody may write in
someone who may only read can read
...and leaves no -wal or -shm behind
...so the owner still writes
...and is told, when writing, why not and what to do
leftovers of an old reader are cleared when unused and empty
leftovers in use: the owner is told which file and why
a reader given read access later is told which file keeps them out
a read-only directory: reading works
...and writing says which directory
init --group on an existing 0755 directory makes it 2770, not listable by others"

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 ||
   ! command -v setpriv >/dev/null 2>&1; then
	echo "$NAMES" | while IFS= read -r name; do
		skip "$name" "needs root, useradd and setpriv to make a second user"
	done
	finish
fi

# ---- the users: copse-ta (coordinator) and copse-tb in copse-test ----
getent group copse-test >/dev/null || groupadd copse-test 2>/dev/null
for u in copse-ta copse-tb copse-tc; do
	getent passwd $u >/dev/null || useradd -M -U -s /bin/sh $u 2>/dev/null
done
for u in copse-ta copse-tb; do
	id -nG $u | grep -qw copse-test || usermod -aG copse-test $u
done
for u in copse-ta copse-tb copse-tc; do
	if ! getent passwd $u >/dev/null; then
		echo "$NAMES" | while IFS= read -r name; do skip "$name" "could not make user $u"; done
		finish
	fi
done
# as USER UMASK CMD...: run as that user, with their groups
as() {
	_u=$1 _m=$2; shift 2
	setpriv --reuid=$_u --regid=$_u --init-groups sh -c 'umask "$1"; shift; exec "$@"' sh \
		"$_m" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}
S=$(mktemp -d "${TMPDIR:-/tmp}/copse-shared.XXXXXX")
chmod 755 "$S"
# The binary may sit in a directory only its builder can enter (a clone
# under mktemp -d): the other users run a copy of it from here.
cp "$COPSE_BIN" "$S/copse" && chmod 755 "$S/copse"
COPSE_BIN=$S/copse
install -d -o copse-ta -g copse-ta -m 700 "$S/club"
CDB="$S/club/copse.db"
perms() { stat -c '%a %G' "$@"; }

# ---- init --group ----
as copse-ta 077 "$COPSE_BIN" --db "$CDB" init --group copse-test --name Club
expect "init --group as the coordinator with umask 077" 0 \
	"$CDB: ready (Club), shared with group copse-test" ""
expect_true "...says it is shared" grep -q "shared with group copse-test" "$T/out"
expect_true "the directory is the group's, group-writable and setgid" \
	test "$(perms "$S/club")" = "2770 copse-test"
expect_true "the database is the group's and 0660" test "$(perms "$CDB")" = "660 copse-test"
as copse-tb 077 "$COPSE_BIN" --db "$CDB" member add "Bea" --handle copse-tb
expect "a second member with umask 077 writes" 0 "1" ""
as copse-ta 077 "$COPSE_BIN" --db "$CDB" member add "Ada" --handle copse-ta
expect "...and the coordinator still writes after them" 0 "2" ""
# the app as copse-tb keeps the database open while it looks
cat >"$S/look.script" <<SCRIPT
sh stat -c '%a %G' "$CDB-wal" "$CDB-shm" >"$S/open-perms"
SCRIPT
chmod 644 "$S/look.script"
touch "$S/open-perms"; chmod 666 "$S/open-perms"
as copse-tb 077 env COPSE_SCRIPT="$S/look.script" LINES=24 COLUMNS=80 TERM=xterm \
	"$COPSE_BIN" --db "$CDB"
expect_true "-wal and -shm are the group's and 0660 while in use" \
	test "$(cat "$S/open-perms")" = "660 copse-test
660 copse-test"
as copse-tc 022 "$COPSE_BIN" --db "$CDB" member list
expect "someone outside the group is told which directory keeps them out" 1 "" \
	"copse: $CDB: permission denied: you may not enter $S/club (owner copse-ta, group copse-test, mode 2770)"
install -d -o copse-tc -g copse-tc -m 700 "$S/tc"
ln -s "$CDB" "$S/tc/club.db"
as copse-tc 022 "$COPSE_BIN" --db "$S/tc/club.db" member list
expect "...also through a symbolic link (not a missing file)" 1 "" \
	"copse: $S/tc/club.db: permission denied: you may not enter $S/club (owner copse-ta, group copse-test, mode 2770)"
as copse-tc 022 "$COPSE_BIN" --db "$S/tc/c.db" init --group copse-test
expect "init --group for a group one is not in" 1 "" \
	"copse: group copse-test: you are not a member (id lists your groups; after being added, log in again)"
as copse-ta 022 "$COPSE_BIN" --db "$S/club/x.db" init --group no-such-group-here
expect "init --group for no such group" 1 "" \
	"copse: group no-such-group-here: no such group (getent group lists them)"
mkdir -m 1777 "$S/public"
as copse-ta 022 "$COPSE_BIN" --db "$S/public/c.db" init --group copse-test
expect "init --group in a directory everybody may write in" 1 "" \
	"copse: $S/public: a shared database needs a directory of its own, not one everybody may write in: mkdir $S/public/copse and use --db $S/public/copse/copse.db"

# ---- someone who may only read ----
chmod 640 "$CDB"       # the group may read, only the owner writes
as copse-tb 077 "$COPSE_BIN" --db "$CDB" member list --json
expect_json "someone who may only read can read" 'len(d) == 2'
expect_true "...and leaves no -wal or -shm behind" sh -c "! ls '$S/club' | grep -q -e -wal -e -shm"
as copse-ta 077 "$COPSE_BIN" --db "$CDB" member add "Cy"
expect "...so the owner still writes" 0 "3" ""
as copse-tb 077 "$COPSE_BIN" --db "$CDB" member add "Dee"
expect "...and is told, when writing, why not and what to do" 1 "" \
	"copse: $CDB: read-only for you: the file (owner copse-ta, group copse-test, mode 0640) is not writable for you; its owner may share it with a group: copse init --group"

# an older reader (here the sqlite3 module) left -wal and -shm of its own
cat >"$S/reader.py" <<'PY'
import sqlite3, sys, os, time
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
c.execute("SELECT count(*) FROM member").fetchone()
if len(sys.argv) > 2:           # stay a while, holding them open
    c.execute("BEGIN")
    c.execute("SELECT count(*) FROM member").fetchone()
    open(sys.argv[2], "w").close()
    while not os.path.exists(sys.argv[2] + ".stop"):
        time.sleep(0.05)
PY
chmod 644 "$S/reader.py"

setpriv --reuid=copse-tb --regid=copse-tb --init-groups sh -c 'umask 022; python3 "$1" "$2"' sh \
	"$S/reader.py" "$CDB"
if [ -O "$CDB-shm" ] || [ ! -e "$CDB-shm" ]; then
	skip "leftovers of an old reader are cleared when unused and empty" "the reader left none"
else
	as copse-ta 077 "$COPSE_BIN" --db "$CDB" member add "Eve"
	expect "leftovers of an old reader are cleared when unused and empty" 0 "4" ""
fi
setpriv --reuid=copse-tb --regid=copse-tb --init-groups sh -c 'umask 022; exec python3 "$1" "$2" "$3"' sh \
	"$S/reader.py" "$CDB" "$S/club/reading" &
reader=$!
i=0; while [ ! -e "$S/club/reading" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
as copse-ta 077 "$COPSE_BIN" --db "$CDB" member add "Flo"
expect "leftovers in use: the owner is told which file and why" 1 "" \
	"copse: $CDB: read-only for you: $CDB-wal (owner copse-tb, group copse-test, mode 0640) is not writable for you; it was left by someone who may only read, and goes once nobody has the database open"
touch "$S/club/reading.stop"; wait $reader; rm -f "$S/club/reading"*
chmod 2770 "$S/club"; chmod 660 "$CDB"

# someone outside the group given read access while the group has the
# database open: its -wal and -shm keep the mode they were made with
# (the owner's next start clears the old reader's leftovers first)
as copse-ta 077 "$COPSE_BIN" --db "$CDB" member list
setpriv --reuid=copse-ta --regid=copse-ta --init-groups sh -c 'umask 077; exec python3 "$1" "$2" "$3"' sh \
	"$S/reader.py" "$CDB" "$S/club/reading" &
reader=$!
i=0; while [ ! -e "$S/club/reading" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
chmod 2775 "$S/club"; chmod 664 "$CDB"
as copse-tc 022 "$COPSE_BIN" --db "$CDB" member list
expect "a reader given read access later is told which file keeps them out" 1 "" \
	"copse: $CDB: permission denied: $CDB-wal (owner copse-ta, group copse-test, mode 0660) is not readable for you; it goes once nobody has the database open, or its owner can run: chmod --reference=$CDB $CDB-wal $CDB-shm"
touch "$S/club/reading.stop"; wait $reader; rm -f "$S/club/reading"*
chmod 2770 "$S/club"; chmod 660 "$CDB"

# ---- a read-only directory ----
install -d -o copse-ta -g copse-test -m 755 "$S/ro"
as copse-ta 077 "$COPSE_BIN" --db "$S/ro/c.db" member add "Gus"
chmod 664 "$S/ro/c.db"; chgrp copse-test "$S/ro/c.db"
as copse-tb 077 "$COPSE_BIN" --db "$S/ro/c.db" member list --json
expect_json "a read-only directory: reading works" 'len(d) == 1 and d[0]["name"] == "Gus"'
as copse-tb 077 "$COPSE_BIN" --db "$S/ro/c.db" member add "Hal"
expect "...and writing says which directory" 1 "" \
	"copse: $S/ro/c.db: read-only for you: copse needs to create $S/ro/c.db-wal beside it, in $S/ro, which you may not write (owner copse-ta, group copse-test, mode 0755)"

# ---- init --group on a directory others may list ----
install -d -o copse-ta -g copse-ta -m 755 "$S/open"
as copse-ta 022 "$COPSE_BIN" --db "$S/open/c.db" init --group copse-test --name Open
expect_true "init --group on an existing 0755 directory makes it 2770, not listable by others" \
	test "$(perms "$S/open")" = "2770 copse-test"

rm -rf "$S"
finish
