#!/bin/sh
# man-keys.sh [KEYS_MDOC_BIN [--check]]
# Replaces the KEYS table in man/copse.1 (between the BEGIN KEYS and END
# KEYS comments) with what the key table in include/copse/keys.h prints,
# or with --check only reports whether they differ (exit 1).
# KEYS_MDOC_BIN defaults to build/tests/keys-mdoc (make check builds it).
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/tests/keys-mdoc}
man=man/copse.1
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.keys"' EXIT
"$bin" >"$tmp.keys"
awk -v keys="$tmp.keys" '
	/^\.\\" BEGIN KEYS/ { print; while ((getline l < keys) > 0) print l; skip = 1; next }
	/^\.\\" END KEYS/ { skip = 0 }
	!skip { print }
' "$man" >"$tmp"
if [ "${2:-}" = --check ]; then
	if cmp -s "$tmp" "$man"; then exit 0; fi
	diff -u "$man" "$tmp" | head -40
	exit 1
fi
cat "$tmp" >"$man"
