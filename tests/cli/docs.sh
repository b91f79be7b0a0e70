#!/bin/sh
# docs.sh - the manual agrees with the program: the KEYS table is the one
# the app's key table prints, and every command of --help is documented.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
keys="${COPSE_BUILD:-$top/build}/tests/keys-mdoc"

if [ -x "$keys" ]; then
	expect_true "man page KEYS match include/copse/keys.h (run scripts/man-keys.sh to update)" \
		sh "$top/scripts/man-keys.sh" "$keys" --check
else
	skip "man page KEYS match the key table" "keys-mdoc not built"
fi

# Every "copse CMD SUB" line of the help has a matching .It Cm entry.
run "$COPSE_BIN" --help
sed -n 's/^  \([a-z]*\)\( [a-z]*\)\{0,1\} .*$/\1\2/p; s/^  \([a-z]*\)\( [a-z]*\)\{0,1\}$/\1\2/p' "$T/out" |
	grep -v '^-' | sort -u >"$T/cmds"
missing=""
while read -r cmd; do
	case $cmd in ""|db|json|h) continue ;; esac
	grep -q "^\.It Cm $cmd\( \|$\)" "$top/man/copse.1" || missing="$missing [$cmd]"
done <"$T/cmds"
expect_true "every command in --help is in man/copse.1 (missing:$missing)" test -z "$missing"
expect_true "help lists at least 20 commands" test "$(wc -l <"$T/cmds")" -ge 20
finish
