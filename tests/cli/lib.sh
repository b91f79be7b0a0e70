# lib.sh - helpers for the CLI tests (sourced by tests/cli/*.sh).
#
# Every script gets a fresh directory $T under $COPSE_TEST_TMP, a database
# path $DB inside it, and an environment that can never touch the user's
# real database: HOME and XDG_DATA_HOME point into $T, COPSE_DB is unset,
# time is fixed (COPSE_NOW, TZ=UTC) and the locale is UTF-8.
#
#   run CMD...            run with stdin from /dev/null; sets $rc, $T/out, $T/err
#   runin FILE CMD...     the same with stdin from FILE
#   expect NAME RC OUT ERR   one test: exit status, stdout and stderr exactly
#                         (OUT/ERR are compared with a final newline added
#                         unless empty; "*" skips that comparison)
#   expect_exit NAME RC   expect_out NAME TEXT   expect_err NAME TEXT
#   expect_true NAME CMD...  ok when CMD succeeds
#   expect_json NAME PYEXPR  evaluate a Python expression over d = the
#                         JSON on stdout of the last run
#   c ARGS...             copse --db $DB ARGS (for setting up; output kept)
#   finish                print the totals line and clean up
#
# Output follows tests/run.sh: "ok - cli: FILE: NAME" / "not ok - ..." with
# "#" diagnostics.
set -u
: "${COPSE_BIN:=$(cd "$(dirname "$0")/../.." && pwd)/copse}"
: "${COPSE_TEST_TMP:=${TMPDIR:-/tmp}}"
T=$(mktemp -d "$COPSE_TEST_TMP/cli.XXXXXX") || exit 1
chmod 755 "$T"
export HOME="$T/home" XDG_DATA_HOME="$T/data" TZ=UTC LC_ALL=C.UTF-8
export COPSE_NOW=2024-05-01T12:00:00Z
unset COPSE_DB NO_COLOR XDG_CONFIG_HOME XDG_STATE_HOME COLUMNS VISUAL EDITOR COPSE_BUSY_TIMEOUT
mkdir -p "$HOME"
DB="$T/copse.db"
ME=$(id -un)
TESTFILE=$(basename "$0" .sh)
_pass=0 _fail=0
rc=0

c() { "$COPSE_BIN" --db "$DB" "$@"; }

run() { "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; }
runin() { _in=$1; shift; "$@" >"$T/out" 2>"$T/err" <"$_in"; rc=$?; }

_ok() { _pass=$((_pass + 1)); echo "ok - cli: $TESTFILE: $1"; }
_notok() { _fail=$((_fail + 1)); echo "not ok - cli: $TESTFILE: $1"; }

# _same FILE TEXT: compare a file with TEXT (+ newline unless empty).
_same() {
	if [ -z "$2" ]; then : >"$T/want"; else printf '%s\n' "$2" >"$T/want"; fi
	cmp -s "$1" "$T/want"
}
_diag() { # what FILE TEXT
	echo "# $1 differs (-want +got):"
	if [ -z "$3" ]; then : >"$T/want"; else printf '%s\n' "$3" >"$T/want"; fi
	diff -u "$T/want" "$2" | tail -n +3 | sed 's/^/#   /' | head -40
}

expect() { # NAME RC OUT ERR
	_bad=""
	[ "$rc" = "$2" ] || _bad="$_bad exit"
	[ "$3" = "*" ] || _same "$T/out" "$3" || _bad="$_bad stdout"
	[ "$4" = "*" ] || _same "$T/err" "$4" || _bad="$_bad stderr"
	if [ -z "$_bad" ]; then
		_ok "$1"
	else
		_notok "$1"
		case $_bad in *exit*) echo "# exit status $rc, want $2" ;; esac
		case $_bad in *stdout*) _diag stdout "$T/out" "$3" ;; esac
		case $_bad in *stderr*) _diag stderr "$T/err" "$4" ;; esac
		case $_bad in *stderr*) ;; *) [ -s "$T/err" ] && sed 's/^/# stderr: /' "$T/err" | head -5 ;; esac
	fi
}
expect_exit() { expect "$1" "$2" "*" "*"; }
expect_out() { expect "$1" "$rc" "$2" "*"; }
expect_err() { expect "$1" "$rc" "*" "$2"; }

expect_true() { # NAME CMD...
	_name=$1; shift
	if "$@" >"$T/check.out" 2>&1; then
		_ok "$_name"
	else
		_notok "$_name"
		echo "# failed: $*"
		sed 's/^/#   /' "$T/check.out" | head -20
	fi
}

expect_json() { # NAME PYEXPR (d is the parsed stdout)
	if [ "$rc" != 0 ]; then
		_notok "$1"
		echo "# exit status $rc"
		sed 's/^/# stderr: /' "$T/err" | head -5
		return
	fi
	if python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ok = eval(sys.argv[2])
if not ok:
    print("# JSON check failed: " + sys.argv[2])
    print("# got: " + json.dumps(d, ensure_ascii=False)[:600])
    sys.exit(1)
' "$T/out" "$2" >"$T/check.out" 2>&1; then
		_ok "$1"
	else
		_notok "$1"
		sed 's/^#*/#/' "$T/check.out" | head -20
	fi
}

skip() { _pass=$((_pass + 1)); echo "ok - cli: $TESTFILE: $1 # SKIP $2"; }

finish() {
	echo "$_pass passed, $_fail failed"
	chmod -R u+rwX "$T" 2>/dev/null
	rm -rf "$T"
	exit 0
}
