#!/bin/sh
# deps.sh build|test|fuzz
# Checks the Debian packages copse needs to build, and with "test" also
# what the tests need: tmux (a screen test in a real terminal) and python3
# (the CLI tests read JSON with it); with "fuzz" what `make fuzz` needs:
# clang and its libFuzzer runtime (libclang-rt-14-dev on Debian 12).  When some are missing it installs
# them if it may (root, or passwordless sudo); otherwise it prints the
# exact apt-get line and fails.
set -u
what=${1:-build}

missing=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
have_pc ncursesw || missing="$missing libncurses-dev"
have_pc sqlite3 || missing="$missing libsqlite3-dev"
have_pc libcmark || missing="$missing libcmark-dev"
if [ "$what" = test ]; then
	command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
	command -v python3 >/dev/null 2>&1 || missing="$missing python3"
fi
if [ "$what" = fuzz ]; then
	if ! command -v clang >/dev/null 2>&1; then
		missing="$missing clang libclang-rt-14-dev"
	else
		# the runtime: can clang link a fuzz target?
		t=$(mktemp -d "${TMPDIR:-/tmp}/copse-deps.XXXXXX")
		printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$t/f.c"
		clang -fsanitize=fuzzer,address -o "$t/f" "$t/f.c" >/dev/null 2>&1 ||
			missing="$missing libclang-rt-14-dev"
		rm -rf "$t"
	fi
fi
# C.UTF-8 ships with libc on Debian; nothing to do for the locale.

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	echo "copse: missing packages:$missing" >&2
	echo "copse: install them with: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "copse: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
if ! $SUDO apt-get install -y -qq $missing >/dev/null; then
	echo "copse: could not install packages; run: sudo apt-get install -y$missing" >&2
	exit 1
fi
