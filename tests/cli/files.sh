#!/bin/sh
# files.sh - the files copse creates: a new database, its -wal and -shm,
# backups and exports are private (never more readable than the
# database), created exclusively, never through a symlink.
. "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }

# ---- a new database is 0600, under the usual umask 022 ----
umask 022
run c init
expect "init a new database" 0 "$DB: ready (copse)" ""
expect_true "a new database is 0600 (umask 022)" test "$(mode "$DB")" = 600
# while copse has it open: the app, which writes a visit, then looks
cat >"$T/look.script" <<SCRIPT
sh stat -c '%n %a' "$DB-wal" "$DB-shm" >"$T/open-modes"
SCRIPT
(COPSE_SCRIPT="$T/look.script" LINES=24 COLUMNS=80 TERM=xterm "$COPSE_BIN" --db "$DB" \
	</dev/null >/dev/null 2>"$T/err")
expect_true "its -wal and -shm are 0600 too" test "$(cat "$T/open-modes")" = \
	"$DB-wal 600
$DB-shm 600"
run "$COPSE_BIN" member list
expect_true "the default database's directory is private (0700)" \
	test "$(mode "$XDG_DATA_HOME/copse")" = 700
expect_true "...and the database in it 0600" \
	test "$(mode "$XDG_DATA_HOME/copse/copse.db")" = 600

# ---- no database is created through a symlink ----
ln -s "$T/elsewhere.db" "$T/link.db"
run "$COPSE_BIN" --db "$T/link.db" init
expect "a new database is never created through a symlink" 1 "" \
	"copse: $T/link.db: a symbolic link to a missing file; not creating a database through it"
expect_true "...and nothing was created where it points" test ! -e "$T/elsewhere.db"

# ---- backups ----
c member add "Zoë 山田" --handle zoe >/dev/null
run c backup "$T/b1.db"
expect "backup" 0 "" ""
expect_true "a backup of a 0600 database is 0600 (umask 022)" test "$(mode "$T/b1.db")" = 600
chmod 640 "$DB"
run c backup "$T/b2.db"
expect_true "a backup of a 0640 database is 0640, never more" test "$(mode "$T/b2.db")" = 640
expect_true "...in the database's group" test "$(stat -c %g "$T/b2.db")" = "$(stat -c %g "$DB")"
chmod 600 "$DB"
ln -s "$T/victim.db" "$T/planted.db"
run c backup "$T/planted.db"
expect "a backup is never written through a planted symlink" 1 "" \
	"copse: $T/planted.db: a symbolic link exists; not overwriting it"
expect_true "...and nothing was created where it points" test ! -e "$T/victim.db"
echo "precious" >"$T/victim.txt"
ln -s "$T/victim.txt" "$T/planted2.db"
run c backup "$T/planted2.db"
expect_exit "a symlink to an existing file is refused too" 1
expect_true "...which is left as it was" test "$(cat "$T/victim.txt")" = precious
expect_true "no temporary file is left beside them" sh -c "! ls -a '$T' | grep -q '^\.'[a-z]"

# ---- exports ----
run c export --json "$T/e1.json"
expect "export" 0 "" ""
expect_true "an export of a 0600 database is 0600 (umask 022)" test "$(mode "$T/e1.json")" = 600
run c export --json "$T/planted.db"
expect "an export is never written through a symlink" 1 "" \
	"copse: $T/planted.db: a symbolic link; not writing through it"
expect_true "...and nothing was created where it points" test ! -e "$T/victim.db"
# copse used to write "FILE.tmp.PID": with exec, the shell's PID is
# copse's, so a symlink planted at that name caught the export
run sh -c 'ln -s "$2" "$1.tmp.$$"; exec "$3" --db "$4" export --json "$1"' sh \
	"$T/e2.json" "$T/caught.json" "$COPSE_BIN" "$DB"
expect "export with a symlink planted at the old temporary name" 0 "" ""
expect_true "...does not write through it" test ! -e "$T/caught.json"
expect_true "...and writes the export" cmp "$T/e1.json" "$T/e2.json"
echo old >"$T/e3.json"
chmod 644 "$T/e3.json"
run c export --json "$T/e3.json"
expect_true "an export replacing a 0644 file makes it 0600" test "$(mode "$T/e3.json")" = 600

finish
