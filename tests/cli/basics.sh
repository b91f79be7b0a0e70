#!/bin/sh
# basics.sh - help, version, option parsing, usage errors, database path.
. "$(dirname "$0")/lib.sh"

run "$COPSE_BIN" --version
expect "--version prints the version" 0 "copse 0.1.0" ""

run "$COPSE_BIN" --help
expect_exit "--help exits 0" 0
expect_true "--help starts with the synopsis" grep -qx 'Usage: copse \[--db PATH\] \[COMMAND \[ARGS\]\]' "$T/out"
for cmd in "init" "member add" "member list" "member show" "member edit" "member link" \
	   "meeting add" "meeting list" "meeting show" "meeting edit" "attend" "note add" \
	   "action add" "action list" "action done" "entry add" "entry list" "entry show" \
	   "entry edit" "entry history" "topic add" "topic list" "topic vote" "search" \
	   "export" "import" "backup"; do
	expect_true "--help lists '$cmd'" grep -q "^  $cmd\( \|$\)" "$T/out"
done
run "$COPSE_BIN" member list -h
expect_true "-h after a command prints help too" grep -q '^Usage: copse' "$T/out"
expect_true "--help never creates a database" test ! -e "$XDG_DATA_HOME/copse/copse.db"

# ---- usage errors: exit 2, one line + hint, nothing on stdout ----
run "$COPSE_BIN" frobnicate
expect "unknown command" 2 "" "copse: unknown command 'frobnicate'
Try 'copse --help'."
run "$COPSE_BIN" --bogus
expect "unknown global option" 2 "" "copse: unknown option '--bogus'
Try 'copse --help'."
run "$COPSE_BIN" -x member list
expect "unknown short option" 2 "" "copse: unknown option '-x'
Try 'copse --help'."
run c member list --frob
expect "unknown option of a command" 2 "" "copse: member list: unknown option '--frob'
Try 'copse --help'."
run c member show --raw 1
expect "an option of another command is refused" 2 "" "copse: member show: unknown option '--raw'
Try 'copse --help'."
run c member list --status
expect "option missing its value" 2 "" "copse: option '--status' needs a value
Try 'copse --help'."
run c member list --json=yes
expect "flag given a value" 2 "" "copse: option '--json' takes no value
Try 'copse --help'."
run c member
expect "missing sub-command" 2 "" "copse: member: missing sub-command (add|list|show|edit|link|note)
Try 'copse --help'."
run c meeting frob
expect "unknown sub-command" 2 "" "copse: meeting: unknown sub-command 'frob' (add|list|show|edit|minutes|history)
Try 'copse --help'."
run c member add
expect "missing positional" 2 "" "copse: member add: missing NAME
Try 'copse --help'."
run c attend 1
expect "missing second positional" 2 "" "copse: attend: missing MEMBER
Try 'copse --help'."
run c member show 1 2
expect "extra positional" 2 "" "copse: member show: unexpected argument '2'
Try 'copse --help'."
run c meeting add Circle
expect "meeting add without --at" 2 "" "copse: meeting add: --at \"YYYY-MM-DD HH:MM\" is required
Try 'copse --help'."
run c meeting show first
expect "non-numeric id" 2 "" "copse: meeting 'first': not an id (a positive number)
Try 'copse --help'."
run c export
expect "export without --json" 2 "" "copse: export: --json FILE|- or --markdown DIR is required
Try 'copse --help'."
run "$COPSE_BIN" --db
expect "--db without a value" 2 "" "copse: option '--db' needs a value
Try 'copse --help'."
expect_true "usage errors leave no database behind" test ! -e "$DB"

# ---- GNU option order, --opt=value, -- ----
run c member add Ada --handle ada --status active
expect "options after positionals" 0 "1" ""
run c --status=active --handle=bea member add Bea
expect "options before the command, --opt=value" 0 "2" ""
run c member --role core add Cy --handle cy
expect "options between command words" 0 "3" ""
run c member add --handle dash -- --Dash-
expect "-- ends options; a name starting with dashes" 0 "4" ""
run c member show dash --json
expect_json "the name after -- is stored as given" 'd["name"] == "--Dash-"'
run "$COPSE_BIN" member list --status active --db "$DB"
expect "--db after the command" 0 "ID  NAME  HANDLE  STATUS  ROLE    EXPERTISE
 1  Ada   ada     active  member
 2  Bea   bea     active  member" ""

# ---- where the database lives ----
run "$COPSE_BIN" member add Home
expect "default database path works" 0 "1" ""
expect_true "default is \$XDG_DATA_HOME/copse/copse.db" test -s "$XDG_DATA_HOME/copse/copse.db"
run env -u XDG_DATA_HOME "$COPSE_BIN" member add Tilde
expect "without XDG_DATA_HOME" 0 "1" ""
expect_true "falls back to ~/.local/share/copse/copse.db" test -s "$HOME/.local/share/copse/copse.db"
run env COPSE_DB="$T/env.db" "$COPSE_BIN" member add Env
expect "COPSE_DB is used" 0 "1" ""
expect_true "COPSE_DB file created" test -s "$T/env.db"
run env COPSE_DB="$T/env.db" "$COPSE_BIN" --db "$T/opt.db" member list --json
expect_json "--db wins over COPSE_DB" 'd == []'

# ---- init ----
run "$COPSE_BIN" --db "$T/init.db" init --name "Daily Nonviolent Living"
expect "init --name" 0 "$T/init.db: ready (Daily Nonviolent Living)" ""
run "$COPSE_BIN" --db "$T/init.db" init
expect "init again keeps the name" 0 "$T/init.db: ready (Daily Nonviolent Living)" ""
run "$COPSE_BIN" --db "$T/init.db" init --group ""
expect "init --group '' is refused" 2 "" "copse: init: --group must not be empty
Try 'copse --help'."
run "$COPSE_BIN" --db "$T/init.db" init --name ""
expect "init --name '' is refused" 2 "" "copse: init: --name must not be empty
Try 'copse --help'."

# --demo fills an empty database, and refuses a non-empty one
run "$COPSE_BIN" --db "$T/demo.db" init --demo
expect_exit "init --demo" 0
run "$COPSE_BIN" --db "$T/demo.db" member list --json
expect_json "the demo has about a dozen members" 'len(d) >= 10'
run "$COPSE_BIN" --db "$T/demo.db" entry list --json
expect_json "the demo has 15+ entries" 'len(d) >= 15'
run "$COPSE_BIN" --db "$T/demo.db" meeting list --json
expect_json "the demo has meetings" 'len(d) >= 5'
run "$COPSE_BIN" --db "$T/demo.db" init --demo
expect "init --demo refuses a non-empty database" 1 "" \
	"copse: $T/demo.db: the database is not empty; --demo needs a new database"

finish
