# lib.sh - helpers for the screen tests (sourced by tests/ui/*.sh).
#
# The tig way: the app runs in scripted mode (COPSE_SCRIPT) on a headless
# terminal of LINES x COLUMNS (80x24 here), reads keys and commands from a
# script (format: tests/ui/README) and dumps the visible screen as text;
# each test compares a whole expected screen written in the test.
#
# Every script gets a fresh directory $T under $COPSE_TEST_TMP with the
# database $DB, an environment that cannot touch the user's files (HOME,
# XDG_* inside $T), fixed time (COPSE_NOW, TZ=UTC) and a UTF-8 locale.
#
#   demo                  fill $DB with the demo community (copse init --demo)
#   c ARGS...             copse --db $DB ARGS (set-up; output kept)
#   app                   run the app on $DB with the script on stdin, in
#                         $T/s (dumps land there); sets $rc, $T/err
#   screen NAME DUMP      compare $T/s/DUMP with the expected screen on stdin
#                         (the user's login is shown as ME)
#   expect_true NAME CMD...   ok when CMD succeeds
#   expect_grep NAME RE FILE  ok when FILE has a line matching RE
#   attr_at NAME DUMP ATTRS TEXT LETTERS   ok when the first cell of TEXT
#                         (ASCII) on screen DUMP has one of LETTERS in the
#                         attribute dump ATTRS (see "attrs" in the README)
#   finish                print the totals and clean up
#
# For the tests that drive the real binary in tmux (a real pty):
#   tmux_setup            check tmux, give this script its own server
#                         (killed at exit); 1 when tmux is missing
#   tm ARGS...            tmux on that server
#   wait_for TEXT [PANE [TENTHS]]   until the pane (default main) shows
#                         TEXT (5 s at most); else show the pane, return 1
#   pane_pid_of PANE      the pid of the program the pane's shell runs
#
# UI_RECORD=DIR sh tests/ui/X.sh saves every actual screen as DIR/X.NAME
# (for writing a new test's expected screens, after reading them!).
#
# Output follows tests/run.sh: "ok - ui: FILE: NAME" / "not ok - ..." with
# "#" diagnostics.
set -u
: "${COPSE_BIN:=$(cd "$(dirname "$0")/../.." && pwd)/copse}"
: "${COPSE_TEST_TMP:=${TMPDIR:-/tmp}}"
T=$(mktemp -d "$COPSE_TEST_TMP/ui.XXXXXX") || exit 1
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
export TZ=UTC LC_ALL=C.UTF-8 TERM=xterm LINES=24 COLUMNS=80
export COPSE_NOW=2025-03-01T12:00:00Z
unset COPSE_DB NO_COLOR XDG_CONFIG_HOME VISUAL EDITOR COPSE_SCRIPT COPSE_BUSY_TIMEOUT
mkdir -p "$HOME" "$T/s"
DB="$T/copse.db"
ME=$(id -un)
TESTFILE=$(basename "$0" .sh)
_pass=0 _fail=0 _runs=0
rc=0

c() { "$COPSE_BIN" --db "$DB" "$@"; }
demo() { c init --demo >/dev/null; }

app() {
	cat >"$T/script"
	(cd "$T/s" && COPSE_SCRIPT="$T/script" "$COPSE_BIN" --db "$DB" \
		</dev/null >"$T/out" 2>"$T/err")
	rc=$?
	_runs=$((_runs + 1))
	# a crash, a sanitizer report or a bad script line fails the test
	if [ "$rc" -ne 0 ] || { [ -s "$T/err" ] && [ -z "${APP_STDERR_OK:-}" ]; }; then
		_notok "app run $_runs exits 0 with nothing on stderr (exit $rc)"
		sed 's/^/# stderr: /' "$T/err" | head -30
	fi
}

_ok() { _pass=$((_pass + 1)); echo "ok - ui: $TESTFILE: $1"; }
_notok() { _fail=$((_fail + 1)); echo "not ok - ui: $TESTFILE: $1"; }

# The login differs from machine to machine: show it as ME.
# The header's "also here" list is right-aligned: the spaces before it
# depend on the login's length.  In the meeting floor's log the author
# column keeps its width.
normalize() {
	_pad=$(printf '%*s' $((${#ME} - 2)) '')
	sed -e "1s/ $ME\$/ ME/" -e "1s/  *$ME · also here/  ME · also here/" \
		-e "s/($ME)/(ME)/g" -e "s/by $ME /by ME /g" \
		-e "s/by $ME?/by ME?/" \
		-e "s/^\( [0-9][0-9][:-][0-9][0-9] \)$ME /\1ME$_pad /" \
		-e "s/^ By $ME\\.\$/ By ME./" -e "s/^\( • [0-9-]* \)$ME: /\1ME: /" "$1"
}

screen() {
	name=$1 dump=$T/s/$2
	cat >"$T/expected"
	if [ ! -f "$dump" ]; then
		_notok "$name"
		echo "# no screen dump $2 (did the script reach it?)"
		return
	fi
	normalize "$dump" >"$T/actual"
	# UI_RECORD=DIR keeps the actual screens, to write new expectations
	[ -n "${UI_RECORD:-}" ] && cp "$T/actual" "$UI_RECORD/$TESTFILE.$(echo "$name" | tr / _)"
	if cmp -s "$T/expected" "$T/actual"; then
		_ok "$name"
	else
		_notok "$name"
		diff -u "$T/expected" "$T/actual" | sed 's/^/# /' | head -60
	fi
}

expect_true() {
	name=$1; shift
	if "$@"; then _ok "$name"; else _notok "$name"; echo "# failed: $*"; fi
}

expect_grep() {
	if grep -q -- "$2" "$3" 2>/dev/null; then
		_ok "$1"
	else
		_notok "$1"
		echo "# no line matching '$2' in $(basename "$3'"):"
		sed 's/^/#   /' "$3" 2>/dev/null | head -30
	fi
}

attr_at() {
	name=$1 dump=$T/s/$2 attrs=$T/s/$3 text=$4 letters=$5
	got=$(awk -v t="$text" 'NR == FNR { if (!row && (i = index($0, t))) { row = FNR; col = i }; next }
		FNR == row { c = substr($0, col, 1); print (c == "" ? "." : c); exit }' "$dump" "$attrs" 2>/dev/null)
	case $got in
	"") _notok "$name"; echo "# '$text' not on screen $2 (or no attributes there)" ;;
	[$letters]) _ok "$name" ;;
	*) _notok "$name"; echo "# '$text' is drawn with '$got', expected one of '$letters'" ;;
	esac
}

tmux_setup() {
	if ! command -v tmux >/dev/null 2>&1; then
		_notok "tmux is installed (make deps installs it)"
		return 1
	fi
	SOCK="copse-ui-$$"
	trap 'tm kill-server >/dev/null 2>&1' EXIT
	return 0
}

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

wait_for() {
	_i=0
	while [ "$_i" -lt "${3:-50}" ]; do
		tm capture-pane -p -t "${2:-main}" >"$T/pane" 2>/dev/null
		grep -qF -- "$1" "$T/pane" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "# waited in vain for '$1'; the pane shows:"
	sed 's/^/#   /' "$T/pane"
	return 1
}

pane_pid_of() {
	_shell=$(tm display -p -t "$1" '#{pane_pid}')
	ps -o pid= --ppid "$_shell" | tr -d ' ' | head -1
}

finish() {
	echo "$_pass passed, $_fail failed"
	rm -rf "$T"
	[ "$_fail" -eq 0 ]
}

# Someone who may only read: as root that is "nobody" (root writes
# anything), otherwise the user running the tests.  reader_dir NAME makes
# a directory that user can enter, with a copy of copse in it ($R/copse):
# the build tree may sit in a directory only its owner enters (CI clones
# into a mktemp -d).
as_reader() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	as_reader() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
fi
reader_dir() {
	R=$(mktemp -d "${TMPDIR:-/tmp}/copse-ui-$1.XXXXXX")
	chmod 755 "$R"
	cp "$COPSE_BIN" "$R/copse" && chmod 755 "$R/copse"
}
